// GET /orgchart: a subtree (from a unit, or an organization's whole tree) as nodes and lines, for the
// explorer and the SVG/PNG/PDF charts: hierarchical (PART_OF) edges and the other reporting lines;
// the organization and the source documents, for the charts' header.
MATCH (root:Unit|Organization {id: $root})
CALL (root) {
  MATCH path = (n:Unit)-[:PART_OF*1..30]->(root)
  WITH n, min(length(path)) AS depth
  WHERE $depth IS NULL OR depth <= $depth
  WITH n, depth ORDER BY depth, n.name
  RETURN collect(n {.id, .name, .kind, .aliases, .described, depth: depth,
                    parent: head([(n)-[:PART_OF]->(p) | p.id]),
                    powers: COUNT { (n)-[:HAS_POWER]->() }}) AS nodes, collect(n) AS members
}
CALL (root, members) {
  UNWIND [root] + members AS m
  MATCH (m)-[r:REPORTS_TO]->(x) WHERE x IN members OR x = root
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
