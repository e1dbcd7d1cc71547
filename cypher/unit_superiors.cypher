// GET /units/{id}/superiors: the chain of command (PART_OF) up to the top, nearest first, with the
// other reporting lines (normative, functional …) of every unit on the way.
MATCH (u:Unit {id: $id})
OPTIONAL MATCH path = (u)-[:PART_OF*1..30]->(top)
WHERE NOT (top)-[:PART_OF]->()
WITH u, path ORDER BY length(path) DESC LIMIT 1
WITH u, CASE WHEN path IS NULL THEN [] ELSE relationships(path) END AS steps
UNWIND (CASE WHEN size(steps) = 0 THEN [null] ELSE range(0, size(steps) - 1) END) AS i
WITH u, steps, i
WITH u, [x IN collect(CASE WHEN i IS NULL THEN null ELSE {
        depth: i + 1,
        node: endNode(steps[i]) {.id, .name, .kind, label: labels(endNode(steps[i]))[0]},
        line: 'hierarchical', basis: steps[i].basis, document: steps[i].document,
        line_start: steps[i].line_start, line_end: steps[i].line_end} END) WHERE x IS NOT NULL] AS chain,
     [u] + [s IN steps | endNode(s)] AS members
CALL (members) {
  UNWIND members AS m
  MATCH (m)-[r:REPORTS_TO]->(x)
  RETURN collect({from: m {.id, .name}, to: x {.id, .name, .kind, label: labels(x)[0]}, line: r.kind,
                  document: r.document, line_start: r.line_start, line_end: r.line_end}) AS other_lines
}
RETURN u {.id, .name, .kind} AS unit, chain, other_lines
