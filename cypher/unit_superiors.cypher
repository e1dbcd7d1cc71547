// GET /units/{id}/superiors: the chain of command (PART_OF) up to the top, nearest first, with the
// other reporting lines (normative, functional …) of every unit on the way. With $at, only lines in force
// that day (their valid_from / valid_to).
MATCH (u:Unit {id: $id})
OPTIONAL MATCH path = (u)-[:PART_OF*1..30]->(top)
WHERE all(r IN relationships(path) WHERE ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at))))
  AND NOT EXISTS { MATCH (top)-[t:PART_OF]->() WHERE ($at IS NULL OR ((t.valid_from IS NULL OR t.valid_from <= $at) AND (t.valid_to IS NULL OR t.valid_to > $at))) }
WITH u, path ORDER BY length(path) DESC LIMIT 1
WITH u, CASE WHEN path IS NULL THEN [] ELSE relationships(path) END AS steps
CALL (steps) {
  UNWIND range(0, size(steps) - 1) AS i
  WITH i, steps[i] AS step, endNode(steps[i]) AS superior
  ORDER BY i
  RETURN collect({depth: i + 1, node: superior {.id, .name, .kind, label: labels(superior)[0]},
                  line: 'hierarchical', basis: step.basis, document: step.document,
                  line_start: step.line_start, line_end: step.line_end,
                  page_start: step.page_start, page_end: step.page_end}) AS chain
}
CALL (u, steps) {
  UNWIND [u] + [s IN steps | endNode(s)] AS member
  MATCH (member)-[r:REPORTS_TO]->(x)
  WHERE ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at)))
  RETURN collect({from: member {.id, .name}, to: x {.id, .name, .kind, label: labels(x)[0]}, line: r.kind,
                  document: r.document, line_start: r.line_start, line_end: r.line_end}) AS other_lines
}
RETURN u {.id, .name, .kind} AS unit, chain, other_lines
