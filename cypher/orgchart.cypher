// GET /orgchart: a subtree (from a unit, or an organization's whole tree) as nodes and lines, for the
// explorer and the SVG/PNG/PDF charts: hierarchical (PART_OF) edges and the other reporting lines;
// the organization and the source documents, for the charts' header. With $at, the tree through the lines
// in force that day.
MATCH (root:Unit|Organization {id: $root})
CALL (root) {
  MATCH path = (n:Unit)-[:PART_OF*1..30]->(root)
  WHERE ($at IS NULL OR EXISTS { (n)-[src:SOURCE]->(:Document) WHERE (src.valid_from IS NULL OR src.valid_from <= $at)
                                      AND (src.valid_to IS NULL OR src.valid_to > $at) })
    AND all(r IN relationships(path) WHERE ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at))))
  WITH n, min(length(path)) AS depth
  WHERE $depth IS NULL OR depth <= $depth
  WITH n, depth ORDER BY depth, n.name
  RETURN collect(n {.id, .name, .kind, .aliases, .described, depth: depth,
                    parent: head([(n)-[r:PART_OF]->(p) WHERE ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at))) | p.id]),
                    powers: COUNT { (n)-[h:HAS_POWER]->() WHERE ($at IS NULL OR ((h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to > $at))) }}) AS nodes, collect(n) AS members
}
CALL (root, members) {
  UNWIND [root] + members AS m
  MATCH (m)-[r:REPORTS_TO]->(x) WHERE (x IN members OR x = root) AND ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at)))
  RETURN collect({from: m.id, to: x.id, kind: r.kind}) AS lines
}
CALL (root, members) {
  // The documents that describe the chart's units (for an exported chart's source line).
  UNWIND [root] + members AS m
  MATCH (m)-[:SOURCE]->(d:Document) WHERE d.organization = coalesce(root.organization, root.id)
  WITH DISTINCT d ORDER BY d.id
  RETURN collect(d {.id, .title, .genre, .published, .in_force, .last_modified}) AS documents
}
OPTIONAL MATCH (o:Organization {id: coalesce(root.organization, root.id)})
RETURN root {.id, .name, .kind, label: labels(root)[0]} AS root, nodes, lines,
       o {.id, .name, .acronym} AS organization, documents
