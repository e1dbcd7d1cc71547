// GET /documents/{id}/diff and `orggraph diff`: everything of one document that has a window of validity,
// for orggraph.diff to compare two days in Python: its provisions (with their amendment notes), its powers
// (with their holders, class-wide ones left out), its units (with their window and renames) and its
// reporting lines. Every part starts from the document's id (constrained) and its SOURCE edges.
MATCH (d:Document {id: $document})
CALL (d) {
  MATCH (p:Provision)-[:SOURCE]->(d)
  CALL (p) {
    OPTIONAL MATCH (p)-[r:AMENDED_BY]->(a:Amendment)
    WITH r, a WHERE a IS NOT NULL ORDER BY a.date
    RETURN collect({kind: r.kind, scope: r.scope, authority: a.authority, date: a.date}) AS notes
  }
  WITH p, notes ORDER BY p.line_start, p.id
  RETURN collect(p {.id, .kind, .number, .heading, .text, .status, .zone, .line_start, .line_end,
                    .valid_from, .valid_to, .text_from, notes: notes,
                    parent: head([(q:Provision)-[:CONTAINS]->(p) | q.id])}) AS provisions
}
CALL (d) {
  MATCH (w:Power)-[:SOURCE]->(d)
  CALL (w) {
    OPTIONAL MATCH (u)-[h:HAS_POWER]->(w)
    WITH u, h WHERE u IS NOT NULL AND h.basis <> 'class' ORDER BY u.id  // a stored version reads the same
    RETURN collect(u {.id, .name, basis: h.basis}) AS holders
  }
  WITH w, holders ORDER BY w.line_start, w.id
  RETURN collect(w {.id, .provision, .text, .valid_from, .valid_to, .text_from, holders: holders}) AS powers
}
CALL (d) {
  MATCH (u:Unit)-[s:SOURCE]->(d)
  CALL (u) {
    OPTIONAL MATCH (e:ChangeEvent)-[c:CHANGED]->(u)
    WITH e, c WHERE e IS NOT NULL AND c.role = 'subject' AND e.kind = 'renamed'
    ORDER BY coalesce(e.effective, e.date), e.line_start
    RETURN collect({from_name: e.from_name, to_name: e.to_name, date: coalesce(e.effective, e.date),
                    description: e.description, line_start: e.line_start}) AS renames
  }
  CALL (u, d) {
    OPTIONAL MATCH (u)-[r:PART_OF|REPORTS_TO]->(x)
    WITH r, x WHERE x IS NOT NULL AND r.document = d.id ORDER BY type(r), x.id, r.line_start
    RETURN collect({type: type(r), kind: r.kind, to: x.id, to_name: x.name, provision: r.provision,
                    valid_from: r.valid_from, valid_to: r.valid_to, line_start: r.line_start}) AS lines
  }
  WITH u, s, renames, lines ORDER BY u.id
  RETURN collect(u {.id, .name, .kind, valid_from: s.valid_from, valid_to: s.valid_to, line_start: s.line_start,
                    renames: renames, lines: lines}) AS units
}
RETURN d {.id, .title, .organization, .published, .in_force, .valid_from, .history_from} AS document,
       provisions, powers, units
