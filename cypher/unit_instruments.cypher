// GET /units/{id}/instruments: the legal instruments the unit's powers rest on (cited by the provisions
// that define them, or the acuerdos that delegate them), with how many of its powers each grounds.
MATCH (u:Unit {id: $id})
CALL (u) {
  MATCH (u)-[:HAS_POWER]->(p:Power)-[:DEFINED_IN]->(:Provision)-[c:CITES]->(i:LegalInstrument)
  RETURN i, p
  UNION
  MATCH (u)-[:HAS_POWER]->(p:Power)-[:BASED_ON]->(i:LegalInstrument)
  RETURN i, p
}
WITH u, i, count(DISTINCT p) AS powers ORDER BY powers DESC, i.title
RETURN u {.id, .name} AS unit, collect(i {.id, .title, .type, .identifier, powers: powers}) AS instruments
