// GET /units/{id}/instruments: the legal instruments the unit's powers rest on (cited by the provisions
// that define them, or the acuerdos that delegate them), with how many of its powers each grounds.
// The aggregation sits in its own CALL so that a unit whose powers cite nothing still answers, with []. With
// $at, only the powers the unit held that day (the HAS_POWER line and the power in force then).
MATCH (u:Unit {id: $id})
CALL (u) {
  CALL (u) {
    MATCH (u)-[h:HAS_POWER]->(p:Power)-[:DEFINED_IN]->(:Provision)-[:CITES]->(i:LegalInstrument)
    WHERE ($at IS NULL OR ((h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to > $at))) AND ($at IS NULL OR ((p.valid_from IS NULL OR p.valid_from <= $at) AND (p.valid_to IS NULL OR p.valid_to > $at)))
    RETURN i, p
    UNION
    MATCH (u)-[h:HAS_POWER]->(p:Power)-[:BASED_ON]->(i:LegalInstrument)
    WHERE ($at IS NULL OR ((h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to > $at))) AND ($at IS NULL OR ((p.valid_from IS NULL OR p.valid_from <= $at) AND (p.valid_to IS NULL OR p.valid_to > $at)))
    RETURN i, p
  }
  WITH i, count(DISTINCT p) AS powers ORDER BY powers DESC, i.title
  RETURN collect(i {.id, .title, .type, .identifier, powers: powers}) AS instruments
}
// The documents the answer rests on: the unit's own and those of its powers (the answer's sources).
CALL (u) {
  OPTIONAL MATCH (u)-[h:HAS_POWER]->(p:Power)
  WHERE ($at IS NULL OR ((h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to > $at)))
  RETURN collect(DISTINCT p.document) AS documents
}
RETURN u {.id, .name} AS unit, instruments, documents + [(u)-[:SOURCE]->(d:Document) | d.id] AS documents
