// Recompute what shared nodes aggregate from all documents that source them: $ids are the units,
// organizations and instruments a load writes, and those an earlier load of the document (or a removed
// document) sourced. Each document's view is taken in document id order, so the aggregates do not depend
// on the order documents were loaded in.
CALL () {
  UNWIND $ids AS id
  MATCH (u:Unit {id: id})
  CALL (u) {
    MATCH (u)-[s:SOURCE]->(:Document)
    WITH u, s ORDER BY s.document
    WITH u, collect(s) AS sources
    WITH u, sources,
         reduce(acc = [], s IN sources | acc + [a IN coalesce(s.aliases, []) WHERE NOT a IN acc]) AS aliases,
         reduce(acc = [], s IN sources | acc + [a IN coalesce(s.aliases_folded, []) WHERE NOT a IN acc]) AS folded
    SET u.aliases = aliases, u.aliases_folded = folded,
        u.described = any(s IN sources WHERE s.described),
        u.search_text = u.name_folded + ' ' + reduce(t = '', a IN folded | t + ' ' + a)
  }
  RETURN count(*) AS units
}
CALL () {
  UNWIND $ids AS id
  MATCH (i:LegalInstrument {id: id})
  CALL (i) {
    MATCH (i)-[s:SOURCE]->(:Document)
    WITH i, s ORDER BY s.document
    WITH i, collect(s) AS sources
    SET i.aliases = reduce(acc = [], s IN sources | acc + [a IN coalesce(s.aliases, []) WHERE NOT a IN acc]),
        i.search_text = head([s IN sources | s.search_text])
  }
  RETURN count(*) AS instruments
}
CALL () {
  UNWIND $ids AS id
  MATCH (o:Organization {id: id})
  CALL (o) {
    // The documents that describe the body before those that only name it: the name, acronym and short
    // names are theirs first. The kind is the one read from the strongest basis (loaders.records.KIND_BASES).
    // A graph written before these views moved onto the edges keeps its own until its documents reload.
    MATCH (o)-[s:SOURCE]->(:Document)
    WITH o, s ORDER BY s.external, s.document
    WITH o, [s IN collect(s) WHERE s.kind_rank IS NOT NULL] AS views
    WITH o, views, reduce(best = null, s IN views |
           CASE WHEN s.kind IS NOT NULL AND (best IS NULL OR s.kind_rank > best.kind_rank) THEN s ELSE best END) AS kind
    WITH o, views, kind,
         reduce(acc = [], s IN views | acc + [a IN coalesce(s.aliases, []) WHERE NOT a IN acc]) AS aliases
    SET o.external = NOT EXISTS { MATCH (:Document {organization: o.id}) }  // indexed: document_organization
    FOREACH (_ IN CASE WHEN views = [] THEN [] ELSE [1] END |
      SET o.name = head(views).name, o.acronym = head([s IN views WHERE s.acronym IS NOT NULL | s.acronym]),
          o.kind = kind.kind, o.kind_basis = kind.kind_basis, o.aliases = aliases,
          o.search_text = reduce(t = '', x IN [s IN views | s.search_text] | t + ' ' + x))
  }
  RETURN count(*) AS organizations
}
RETURN units, instruments, organizations
