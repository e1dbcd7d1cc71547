// GET /ask (citations): the units whose powers rest on a provision citing the instrument, each
// with the first such provision (article and fracción, lines) and every other one.
MATCH (i:LegalInstrument {id: $id})<-[c:CITES]-(prov:Provision)<-[:DEFINED_IN]-(:Power)<-[:HAS_POWER]-(u:Unit)
MATCH (prov)-[:SOURCE]->(d:Document)
CALL (prov) {
  OPTIONAL MATCH path = (w:Provision)-[:CONTAINS*1..4]->(prov)
  WHERE NOT w.kind IN ['titulo', 'capitulo', 'seccion', 'transitorios', 'decreto']
  WITH w, length(path) AS up ORDER BY up DESC
  RETURN collect(w {.id, .kind, .number}) AS within
}
WITH u, d, c, prov {.id, .kind, .number, .line_start, .line_end, .page_start, .page_end, within: within} AS provision
ORDER BY u.name, u.id, d.id, provision.line_start
WITH u, collect(DISTINCT {document: d {.id, .title}, provision: provision, article: c.article}) AS cited
RETURN u {.id, .name, .kind, .organization} AS unit, cited[0].document AS document, cited[0].provision AS provision,
       cited[0].article AS article, [x IN cited | x.provision] AS provisions
ORDER BY unit.name, unit.id
