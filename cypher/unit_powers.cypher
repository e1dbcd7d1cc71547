// GET /units/{id}/powers and /organizations/{id}/powers: what the unit's titular (or the
// organization's own titular) holds (own, class-wide, delegated) or keeps while delegating
// (retained), each with its basis: provision, instrument, document, lines. Each branch of the
// holder lookup uses its label's id constraint. The aggregation sits in its own CALL so that a
// holder without (matching) powers answers with []. With $at, the powers in force that day and the
// amendments made by then.
CALL () {
  MATCH (u:Unit {id: $id}) RETURN u
  UNION
  MATCH (u:Organization {id: $id}) RETURN u
}
CALL (u) {
  CALL (u) {
    MATCH (u)-[h:HAS_POWER]->(p:Power)
    RETURN p, h.basis AS basis, h.class_kind AS class_kind, h.instrument AS via
    UNION
    MATCH (u)-[:RETAINS]->(p:Power)
    RETURN p, 'retained' AS basis, null AS class_kind, null AS via
  }
  WITH p, basis, class_kind, via
  WHERE ($basis IS NULL OR basis = $basis) AND ($at IS NULL OR ((p.valid_from IS NULL OR p.valid_from <= $at) AND (p.valid_to IS NULL OR p.valid_to > $at)))
  MATCH (p)-[:DEFINED_IN]->(prov:Provision)-[:SOURCE]->(d:Document)
  // Where the provision sits (the article of a fraction, outermost first) and what amended it or them.
  CALL (prov) {
    OPTIONAL MATCH path = (w:Provision)-[:CONTAINS*1..4]->(prov)
    WHERE NOT w.kind IN ['titulo', 'capitulo', 'seccion', 'transitorios', 'decreto']
    WITH w, length(path) AS up ORDER BY up DESC
    RETURN collect(w {.id, .kind, .number}) AS within
  }
  CALL (prov) {
    OPTIONAL MATCH (amended:Provision)-[:CONTAINS*0..4]->(prov)
    WHERE amended = prov OR NOT amended.kind IN ['titulo', 'capitulo', 'seccion', 'transitorios', 'decreto']
    OPTIONAL MATCH (amended)-[r:AMENDED_BY]->(a:Amendment)
    WITH amended, r, a WHERE a IS NOT NULL AND ($at IS NULL OR a.date <= $at) ORDER BY a.date, amended.line_start
    RETURN collect({kind: r.kind, scope: r.scope, authority: a.authority, authority_name: a.authority_name,
                    date: a.date, provision: amended.id}) AS amendments
  }
  WITH p, basis, class_kind, via, prov, d, within, amendments ORDER BY d.id, prov.line_start, p.id, basis
  RETURN collect({power: p {.id, .text, .actions, .objects, .conditions, .kind, .valid_from, .valid_to, .text_from}, basis: basis,
                  class_kind: class_kind, via: via,
                  provision: prov {.id, .kind, .number, .status, .line_start, .line_end, .page_start, .page_end, within: within,
                                   amendments: amendments},
                  document: d {.id, .title}}) AS matched
}
RETURN u {.id, .name} AS unit, size(matched) AS total, matched[$offset..$offset + $limit] AS items
