// GET /units/{id}/history: former names and the change events (renames, moves, creations,
// restructurings) with their dates and instruments.
MATCH (u:Unit {id: $id})
CALL (u) {
  OPTIONAL MATCH (c:ChangeEvent)-[r:CHANGED]->(u)
  WITH c, r WHERE c IS NOT NULL
  OPTIONAL MATCH (c)-[:BASED_ON]->(i:LegalInstrument)
  OPTIONAL MATCH (c)-[o:CHANGED]->(other:Unit) WHERE other <> u
  WITH c, r, i, collect({role: o.role, unit: other {.id, .name}}) AS others
  ORDER BY c.date, c.id
  RETURN collect({id: c.id, kind: c.kind, role: r.role, date: c.date, date_precision: c.date_precision,
                  effective: c.effective, from_name: c.from_name, to_name: c.to_name,
                  description: c.description, document: c.document, line_start: c.line_start,
                  line_end: c.line_end, instrument: i {.id, .title, .identifier},
                  others: [x IN others WHERE x.unit IS NOT NULL]}) AS events
}
RETURN u {.id, .name, .aliases} AS unit, events
