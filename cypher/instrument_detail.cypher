// GET /legal-instruments/{id}: the instrument and who cites it: documents, provisions (with
// article and fraction), and the units whose powers rest on a provision citing it.
MATCH (i:LegalInstrument {id: $id})
CALL (i) {
  OPTIONAL MATCH (d:Document)-[c:CITES]->(i)
  WITH d, c WHERE d IS NOT NULL
  RETURN collect(DISTINCT d {.id, .title, .genre}) AS documents
}
CALL (i) {
  OPTIONAL MATCH (p:Provision)-[c:CITES]->(i)
  WITH p, c WHERE p IS NOT NULL ORDER BY p.document, p.line_start
  RETURN collect({provision: p {.id, .kind, .number, .text, .line_start, .line_end, .document},
                  article: c.article, fraction: c.fraction}) AS provisions
}
CALL (i) {
  OPTIONAL MATCH (u:Unit)-[h:HAS_POWER]->(pw:Power)-[:DEFINED_IN]->(:Provision)-[:CITES]->(i)
  WITH u, count(DISTINCT pw) AS powers WHERE u IS NOT NULL
  WITH u, powers ORDER BY u.name
  RETURN collect({unit: u {.id, .name, .kind, .organization}, powers: powers}) AS units
}
CALL (i) {
  OPTIONAL MATCH (c:ChangeEvent)-[:BASED_ON]->(i)
  WITH c WHERE c IS NOT NULL
  RETURN collect(c {.id, .kind, .date, .description}) AS changes
}
RETURN i {.id, .title, .type, .identifier, .published, .aliases} AS instrument, documents, provisions, units, changes
