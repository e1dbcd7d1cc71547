// GET /organizations: the bodies the documents describe (their own, or one whose units they place),
// with their top units.
MATCH (o:Organization)
WHERE EXISTS { (:Unit)-[:PART_OF*1..30]->(o) } OR EXISTS { (:Document {organization: o.id}) }
   OR EXISTS { (:Organization)-[:SUB_ORGANIZATION_OF]->(o) }  // a municipality above its bodies' documents
CALL (o) {
  MATCH (u:Unit)-[:PART_OF]->(o)
  WITH u ORDER BY u.name
  RETURN collect(u {.id, .name, .kind}) AS top_units
}
CALL (o) {
  MATCH (u:Unit {organization: o.id})
  RETURN count(u) AS units
}
CALL (o) {
  OPTIONAL MATCH (d:Document {organization: o.id})
  WITH d WHERE d IS NOT NULL ORDER BY d.id
  RETURN collect(d {.id, .title, .genre}) AS documents
}
CALL (o) {
  OPTIONAL MATCH (o)-[:SUB_ORGANIZATION_OF]->(above:Organization)
  RETURN collect(above {.id, .name})[0] AS parent
}
CALL (o) {
  OPTIONAL MATCH (o)-[:HAS_POWER]->(p:Power)
  RETURN count(p) AS powers
}
RETURN o {.id, .name, .acronym, .external, .kind, .kind_basis, .aliases, parent: parent, powers: powers} AS organization,
       top_units, units, documents
ORDER BY o.external, o.name
