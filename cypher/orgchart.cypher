// GET /orgchart: a subtree (from a unit, or an organization's whole tree) as nodes and lines, for the
// explorer and the SVG/PNG/PDF charts: hierarchical (PART_OF) edges and the other reporting lines;
// the organization and the source documents, for the charts' header. With $at, the tree through the lines
// in force that day.
// One tree across documents: a body another document lists as a unit (Organization)-[:SAME_AS]->(Unit)
// (cypher/write_identities.cypher) is that unit, so the units its own documents hang from it are the
// unit's; a body with a document of its own that is only SUB_ORGANIZATION_OF the root's (a municipality's
// Tribunal) is a node of the chart, labelled Organization. app/routes/charts.py then shows each unit once
// (loaders/identity.py fold_chart).
MATCH (root:Unit|Organization {id: $root})
CALL (root) {
  MATCH path = (n:Unit|Organization)-[:PART_OF|SAME_AS|SUB_ORGANIZATION_OF*1..30]->(root)
  WHERE (n:Unit OR (NOT EXISTS { (n)-[:SAME_AS]->(:Unit) } AND EXISTS { (:Document {organization: n.id}) }))
    AND ($at IS NULL OR n:Organization OR EXISTS { (n)-[src:SOURCE]->(:Document) WHERE (src.valid_from IS NULL OR src.valid_from <= $at)
                                      AND (src.valid_to IS NULL OR src.valid_to > $at) })
    AND all(r IN relationships(path) WHERE ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at))))
    // A body that is a unit hangs where the unit does, not also from the body above it.
    AND all(x IN nodes(path)[..-1] WHERE NOT EXISTS { (x)-[:SAME_AS]->(:Unit) }
                                      OR any(r IN relationships(path) WHERE r:SAME_AS AND startNode(r) = x))
  WITH n, min(size([r IN relationships(path) WHERE NOT r:SAME_AS])) AS depth
  WHERE $depth IS NULL OR depth <= $depth
  WITH n, depth ORDER BY depth, n.name
  RETURN collect(n {.id, .name, .kind, .aliases, .described, .organization, depth: depth, label: labels(n)[0],
                    parent: head([(n)-[r:PART_OF|SUB_ORGANIZATION_OF]->(p) WHERE ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at)))
                                  | coalesce(head([(p)-[:SAME_AS]->(s:Unit) | s.id]), p.id)]),
                    same_as: [(o:Organization)-[:SAME_AS]->(n) | o.id],
                    documents: [(n)-[:SOURCE]->(d:Document) | d.id]
                               + [(n)<-[:SAME_AS]-(o:Organization)-[:SOURCE]->(d:Document) WHERE d.organization = o.id | d.id],
                    powers: COUNT { (n)-[h:HAS_POWER]->() WHERE ($at IS NULL OR ((h.valid_from IS NULL OR h.valid_from <= $at) AND (h.valid_to IS NULL OR h.valid_to > $at))) }}) AS nodes, collect(n) AS members
}
CALL (root, members) {
  UNWIND [root] + members AS m
  MATCH (m)-[r:REPORTS_TO]->(x) WHERE (x IN members OR x = root) AND ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at)))
  RETURN collect({from: m.id, to: x.id, kind: r.kind}) AS lines
}
CALL (root, members) {
  // The documents that describe the chart's units (for an exported chart's source line): the root
  // organization's, and those of the bodies the chart's units are.
  UNWIND [root] + members AS m
  MATCH (m)-[:SOURCE]->(d:Document)
  WHERE d.organization = coalesce(root.organization, root.id) OR d.organization = m.organization OR d.organization = m.id
     OR EXISTS { (:Organization {id: d.organization})-[:SAME_AS]->(m) }
  WITH DISTINCT d ORDER BY d.id
  RETURN collect(d {.id, .title, .genre, .published, .in_force, .last_modified}) AS documents
}
OPTIONAL MATCH (o:Organization {id: coalesce(root.organization, root.id)})
RETURN root {.id, .name, .kind, label: labels(root)[0]} AS root, nodes, lines,
       o {.id, .name, .acronym} AS organization, documents
