// GET /legal-instruments/{id}/dependents: what rests on a legal instrument — "if this law is reformed,
// what falls?". The provisions, powers and documents that cite it (depth 1), and those of other loaded
// documents whose citations refer to a provision citing it, or to a part of the instrument's own loaded
// text (depth 2, through REFERS_TO: cypher/write_citations.cypher); the powers those provisions define
// and the units that hold them. At most $limit referring elements, nearest first; `total` counts all.
MATCH (i:LegalInstrument {id: $id})
CALL (i) {
  MATCH (source)-[c:CITES]->(i)
  WHERE source:Provision OR source:Power OR source:Document
  RETURN source, 1 AS depth, c.article AS article, c.fraction AS fraction, c.document AS document
  UNION
  MATCH (source)-[c:CITES]->(i)
  WHERE source:Provision OR source:Document
  MATCH (source)-[:CONTAINS]->{0,4}(:Provision)<-[r:REFERS_TO]-(further)
  WHERE further:Provision OR further:Power OR further:Document
  RETURN further AS source, 2 AS depth, null AS article, null AS fraction, r.document AS document
  UNION
  MATCH (i)-[:LOADED_AS]->(text:Document)
  MATCH (text)-[:CONTAINS]->{0,6}(part)<-[r:REFERS_TO]-(further)
  WHERE further:Provision OR further:Power OR further:Document
  RETURN further AS source, 1 AS depth, r.path AS article, null AS fraction, r.document AS document
}
WITH i, source, min(depth) AS depth, collect(DISTINCT article)[0] AS article, collect(DISTINCT fraction)[0] AS fraction,
     head(collect(document)) AS document
ORDER BY depth, document, source.line_start, source.id
WITH i, collect({id: source.id, label: head(labels(source)), kind: source.kind, number: source.number,
                 text: coalesce(source.text, source.title), line_start: source.line_start,
                 document: coalesce(document, source.id), depth: depth, article: article, fraction: fraction})
        AS everything, collect(source) AS sources
CALL (sources) {
  UNWIND sources AS source
  WITH source WHERE source:Provision OR source:Power
  MATCH (source)-[:CONTAINS]->{0,2}(:Provision)<-[:DEFINED_IN]-(pw:Power)
  RETURN pw
  UNION
  UNWIND sources AS pw
  WITH pw WHERE pw:Power
  RETURN pw
}
WITH i, everything, collect(DISTINCT pw) AS powers
CALL (powers) {
  UNWIND powers AS pw
  OPTIONAL MATCH (u:Unit)-[h:HAS_POWER]->(pw)
  WITH pw, collect(DISTINCT CASE WHEN u IS NULL THEN null ELSE {id: u.id, name: coalesce(u.name, u.id),
                                                                  basis: h.basis} END) AS holders
  ORDER BY pw.id
  RETURN collect({id: pw.id, text: pw.text, holders: holders}) AS dependent_powers
}
OPTIONAL MATCH (i)-[:LOADED_AS]->(text:Document)
RETURN i {.id, .title, .type} AS instrument, collect(text {.id, .title, .genre}) AS loaded_as,
       size(everything) AS total, everything[0..$limit] AS referring, dependent_powers AS powers
