// GET /units/{id}/instruments: the legal instruments the unit's powers rest on (cited by the provisions
// that define them, or the acuerdos that delegate them), with how many of its powers each grounds.
// The aggregation sits in its own CALL so that a unit whose powers cite nothing still answers, with [].
MATCH (u:Unit {id: $id})
CALL (u) {
  CALL (u) {
    MATCH (u)-[:HAS_POWER]->(p:Power)-[:DEFINED_IN]->(:Provision)-[:CITES]->(i:LegalInstrument)
    RETURN i, p
    UNION
    MATCH (u)-[:HAS_POWER]->(p:Power)-[:BASED_ON]->(i:LegalInstrument)
    RETURN i, p
  }
  WITH i, count(DISTINCT p) AS powers ORDER BY powers DESC, i.title
  RETURN collect(i {.id, .title, .type, .identifier, powers: powers}) AS instruments
}
RETURN u {.id, .name} AS unit, instruments
