// GET /provisions/{id}: text, status, amendments, children, parent, citations, the power it defines; its window
// of validity and its children's (GET /provisions/{id}?at= answers as they stood that day, app/routes/provisions.py).
MATCH (p:Provision {id: $id})-[:SOURCE]->(d:Document)
CALL (p) {
  OPTIONAL MATCH (p)-[r:AMENDED_BY]->(a:Amendment)
  WITH r, a WHERE a IS NOT NULL ORDER BY a.date
  RETURN collect({kind: r.kind, scope: r.scope, authority: a.authority, authority_name: a.authority_name,
                  date: a.date, line: r.line_start}) AS amendments
}
CALL (p) {
  OPTIONAL MATCH (p)-[c:CONTAINS]->(ch:Provision)
  WITH c, ch WHERE ch IS NOT NULL ORDER BY c.order, ch.line_start
  RETURN collect(ch {.id, .kind, .number, .heading, .status, .text, .valid_from, .valid_to}) AS children
}
CALL (p) {
  OPTIONAL MATCH (parent:Provision)-[:CONTAINS]->(p)
  RETURN head(collect(parent {.id, .kind, .number, .heading})) AS parent
}
CALL (p) {
  OPTIONAL MATCH (p)-[c:CITES]->(i:LegalInstrument)
  WITH c, i WHERE i IS NOT NULL
  RETURN collect({id: i.id, title: i.title, article: c.article, fraction: c.fraction}) AS cites
}
CALL (p) {
  OPTIONAL MATCH (pw:Power)-[:DEFINED_IN]->(p)
  OPTIONAL MATCH (u:Unit)-[h:HAS_POWER]->(pw)
  WITH pw, collect(DISTINCT {id: u.id, name: u.name, basis: h.basis}) AS holders WHERE pw IS NOT NULL
  RETURN head(collect(pw {.id, .actions, .objects, holders: [x IN holders WHERE x.id IS NOT NULL]})) AS power
}
RETURN p {.id, .kind, .number, .heading, .text, .status, .zone, .line_start, .line_end, .page_start, .page_end,
          .valid_from, .valid_to}
       AS provision,
       d {.id, .title, .source_file} AS document, amendments, children, parent, cites, power
