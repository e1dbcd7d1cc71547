// GET /units/{id}/superiors: the chain of command (PART_OF) up to the top, nearest first, with the
// other reporting lines (normative, functional …) of every unit on the way.
MATCH (u:Unit {id: $id})
OPTIONAL MATCH path = (u)-[:PART_OF*1..30]->(top)
WHERE NOT (top)-[:PART_OF]->()
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
  RETURN collect({from: member {.id, .name}, to: x {.id, .name, .kind, label: labels(x)[0]}, line: r.kind,
                  document: r.document, line_start: r.line_start, line_end: r.line_end}) AS other_lines
}
RETURN u {.id, .name, .kind} AS unit, chain, other_lines
