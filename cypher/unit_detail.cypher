// GET /units/{id}: the unit, its lines, its children, its power counts, governance and provenance; with $at,
// as they stood that day (lines, powers and governance in force then).
MATCH (u:Unit {id: $id})
CALL (u) {
  OPTIONAL MATCH (u)-[r:PART_OF]->(p)
  WHERE ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at)))
  RETURN collect(p {.id, .name, .kind, label: labels(p)[0], basis: r.basis, document: r.document,
                    line_start: r.line_start, line_end: r.line_end, page_start: r.page_start, page_end: r.page_end}) AS parents
}
CALL (u) {
  OPTIONAL MATCH (u)-[r:REPORTS_TO]->(x)
  WHERE ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at)))
  RETURN collect(x {.id, .name, .kind, label: labels(x)[0], line: r.kind, document: r.document,
                    line_start: r.line_start, line_end: r.line_end}) AS reports_to
}
CALL (u) {
  OPTIONAL MATCH (c:Unit)-[r:PART_OF]->(u)
  WHERE ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at)))
  WITH c ORDER BY c.name
  RETURN collect(c {.id, .name, .kind}) AS children
}
CALL (u) {
  OPTIONAL MATCH (u)-[h:HAS_POWER]->(:Power)
  WHERE ($at IS NULL OR ((h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to > $at)))
  WITH h.basis AS basis, count(h) AS n WHERE basis IS NOT NULL
  RETURN collect({basis: basis, count: n}) AS power_counts
}
CALL (u) {
  OPTIONAL MATCH (u)-[:RETAINS]->(p:Power)
  WHERE ($at IS NULL OR ((p.valid_from IS NULL OR p.valid_from <= $at) AND (p.valid_to IS NULL OR p.valid_to > $at)))
  RETURN count(p) AS retained
}
CALL (u) {
  // MATCH, not OPTIONAL MATCH: a unit without governance lines collects an empty list, not one null row.
  MATCH (u)-[r:DESIGNATES|APPOINTS|REMOVES|PRESIDES|MEMBER_OF|SUBSTITUTES|DELEGATES]-(x)
  WHERE (x:Unit OR x:Organization) AND ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at)))
  WITH u, r, x ORDER BY type(r), x.name
  RETURN collect({relation: type(r), direction: CASE WHEN startNode(r) = u THEN 'out' ELSE 'in' END,
                  other: x {.id, .name, label: labels(x)[0]}, role: r.role, scope: r.scope,
                  provision: r.provision, document: r.document, line_start: r.line_start}) AS governance
}
CALL (u) {
  MATCH (u)-[s:SOURCE]->(d:Document)
  RETURN collect({document: d.id, title: d.title, line_start: s.line_start, line_end: s.line_end,
                  page_start: s.page_start, page_end: s.page_end,
                  described: s.described, valid_from: s.valid_from, valid_to: s.valid_to}) AS provenance
}
CALL (u) {
  // The organization another document is about that is this unit (cypher/write_identities.cypher).
  MATCH (o:Organization)-[:SAME_AS]->(u)
  CALL (o) {
    MATCH (about:Document {organization: o.id})
    WITH about ORDER BY about.id
    RETURN collect(about {.id, .title, .genre}) AS documents
  }
  RETURN collect(o {.id, .name, documents: documents}) AS same_as
}
RETURN u {.id, .name, .kind, .organization, .aliases, .described} AS unit, parents, reports_to, children,
       power_counts, retained, governance, provenance, same_as
