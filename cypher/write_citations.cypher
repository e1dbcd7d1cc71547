// Citations that name a loaded document (loaders/citations.py): the instrument *is* that document
// (LOADED_AS, matched on citation keys), and each citation REFERS_TO the provisions it names, or to
// the document when it names no article. Run inside a document's load, for the citations it makes
// and for the citations of it that earlier loads made; a provision that does not exist is no edge.
MATCH (d:Document {id: $document})
CALL (d) {
  OPTIONAL MATCH (d)-[stale:REFERS_TO {document: d.id}]->()
  DELETE stale
}
CALL (d) {
  OPTIONAL MATCH ()-[stale:LOADED_AS]->(d)
  DELETE stale
}
CALL (d) {
  UNWIND coalesce(d.citation_keys, []) AS key
  MATCH (i:LegalInstrument {citation_key: key})
  MERGE (i)-[:LOADED_AS]->(d)
}
CALL (d) {
  MATCH (d)<-[:SOURCE]-(i:LegalInstrument)
  MATCH (other:Document)
  WHERE other <> d AND i.citation_key IN coalesce(other.citation_keys, [])
  MERGE (i)-[:LOADED_AS]->(other)
}
CALL (d) {
  MATCH (d)<-[:SOURCE]-(i:LegalInstrument)-[:LOADED_AS]->(target:Document)
  WHERE target <> d  // a document naming itself by its title defines it, it does not cite it
  MATCH (s)-[c:CITES {document: d.id}]->(i)
  RETURN s, c, target
  UNION
  MATCH (i:LegalInstrument)-[:LOADED_AS]->(target:Document {id: d.id})
  MATCH (s)-[c:CITES]->(i)
  WHERE c.document <> d.id
  RETURN s, c, target
}
CALL (s, c, target) {
  WITH s, c, target
  WHERE size(coalesce(c.paths, [])) = 0
  MERGE (s)-[r:REFERS_TO {document: c.document}]->(target)
  SET r.line_start = c.line_start, r.line_end = c.line_end
}
CALL (s, c, target) {
  UNWIND coalesce(c.paths, []) AS path
  MATCH (p:Provision {id: target.id + '/' + path})
  MERGE (s)-[r:REFERS_TO {document: c.document}]->(p)
  SET r.line_start = c.line_start, r.line_end = c.line_end, r.path = path
}
RETURN count(*) AS citations
