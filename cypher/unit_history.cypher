// GET /units/{id}/history: former names, the change events (renames, moves, creations,
// restructurings) with their dates and instruments, and the amendments of the provisions the
// unit's powers rest on (an amended article counts for its fractions), oldest first. With $at, what had
// happened by that day: events effective on or before it, amendments dated on or before it.
MATCH (u:Unit {id: $id})
CALL (u) {
  OPTIONAL MATCH (c:ChangeEvent)-[r:CHANGED]->(u)
  WITH c, r WHERE c IS NOT NULL AND ($at IS NULL OR coalesce(c.effective, c.date) <= $at)
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
CALL (u) {
  MATCH (u)-[:HAS_POWER|RETAINS]->(:Power)-[:DEFINED_IN]->(prov:Provision)
  WITH DISTINCT prov
  MATCH (amended:Provision)-[:CONTAINS*0..4]->(prov)
  WHERE amended = prov OR NOT amended.kind IN ['titulo', 'capitulo', 'seccion', 'transitorios', 'decreto']
  WITH DISTINCT amended
  MATCH (amended)-[r:AMENDED_BY]->(a:Amendment)
  WHERE $at IS NULL OR a.date <= $at
  CALL (amended) {
    OPTIONAL MATCH path = (w:Provision)-[:CONTAINS*1..4]->(amended)
    WHERE NOT w.kind IN ['titulo', 'capitulo', 'seccion', 'transitorios', 'decreto']
    WITH w, length(path) AS up ORDER BY up DESC
    RETURN collect(w {.id, .kind, .number}) AS within
  }
  WITH amended, r, a, within
  ORDER BY a.date, a.authority, amended.line_start, r.kind
  RETURN collect({date: a.date, authority: a.authority, authority_name: a.authority_name, kind: r.kind,
                  scope: r.scope, document: a.document, line: r.line_start, via: 'power',
                  provision: amended {.id, .kind, .number, .heading, .status, .line_start, .line_end,
                    within: within}}) AS amendments
}
RETURN u {.id, .name, .kind, .organization, .aliases, label: 'Unit'} AS unit, events, amendments,
       [(u)-[:SOURCE]->(d:Document) | d.id] AS documents
