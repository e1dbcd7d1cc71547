// Recompute what shared nodes aggregate from all documents that source them.
MATCH (d:Document {id: $document})<-[:SOURCE]-(u:Unit)
CALL (u) {
  MATCH (u)-[s:SOURCE]->(:Document)
  WITH u, collect(s) AS sources
  WITH u, sources,
       reduce(acc = [], s IN sources | acc + [a IN coalesce(s.aliases, []) WHERE NOT a IN acc]) AS aliases,
       reduce(acc = [], s IN sources | acc + [a IN coalesce(s.aliases_folded, []) WHERE NOT a IN acc]) AS folded
  SET u.aliases = aliases, u.aliases_folded = folded,
      u.described = any(s IN sources WHERE s.described),
      u.search_text = u.name_folded + ' ' + reduce(t = '', a IN folded | t + ' ' + a)
}
WITH DISTINCT d
MATCH (d)<-[:SOURCE]-(i:LegalInstrument)
CALL (i) {
  MATCH (i)-[s:SOURCE]->(:Document)
  WITH i, collect(s) AS sources
  SET i.aliases = reduce(acc = [], s IN sources | acc + [a IN coalesce(s.aliases, []) WHERE NOT a IN acc]),
      i.search_text = head([s IN sources | s.search_text])
}
WITH DISTINCT d
MATCH (d)<-[:SOURCE]-(o:Organization)
CALL (o) {
  SET o.external = NOT EXISTS { MATCH (:Document {organization: o.id}) }  // indexed: document_organization
}
RETURN count(*) AS finished
