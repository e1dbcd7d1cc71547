// GET /provisions/{id}/dependents: what rests on a provision — "if article 34 is reformed, what falls?".
// The provisions, powers and documents of other loaded documents whose citations refer to it or to a
// part of it (REFERS_TO, cypher/write_citations.cypher), up to three references away; the powers those
// provisions define; the units that hold the powers.
MATCH (p:Provision {id: $id})-[:SOURCE]->(d:Document)
CALL (p) {
  MATCH (p)-[:CONTAINS]->{0,4}(part:Provision)
  MATCH (source)-[:REFERS_TO]->{1,3}(part)
  WHERE source:Provision OR source:Power OR source:Document
  OPTIONAL MATCH (source)-[:SOURCE]->(sd:Document)
  WITH DISTINCT source, part, coalesce(sd, source) AS in_document
  RETURN collect({id: source.id, label: head(labels(source)), kind: source.kind, number: source.number,
                  text: coalesce(source.text, source.title), line_start: source.line_start,
                  document: in_document.id, names: part.id}) AS referring
}
CALL (referring) {
  UNWIND referring AS r
  MATCH (source:Provision|Power {id: r.id})
  MATCH (source)-[:CONTAINS]->{0,2}(:Provision)<-[:DEFINED_IN]-(pw:Power)
  OPTIONAL MATCH (u)-[h:HAS_POWER]->(pw)
  WITH DISTINCT pw, collect(DISTINCT CASE WHEN u IS NULL THEN null ELSE {id: u.id, name: coalesce(u.name, u.id),
                                                                           basis: h.basis} END) AS holders
  RETURN collect({id: pw.id, text: pw.text, holders: holders}) AS powers
}
RETURN p {.id, .kind, .number, .heading, .text} AS provision, d {.id, .title} AS document, referring, powers
