// GET /export/*: units and organizations with their hierarchical parent and other reporting lines.
MATCH (n) WHERE (n:Unit OR n:Organization)
  AND ($organization IS NULL OR coalesce(n.organization, n.id) = $organization)
OPTIONAL MATCH (n)-[:PART_OF]->(parent)
WITH n, head(collect(parent)) AS parent
OPTIONAL MATCH (n)-[r:REPORTS_TO]->(x)
WITH n, parent, collect({id: x.id, kind: r.kind}) AS lines
RETURN labels(n)[0] AS label, n.id AS id, coalesce(n.name, n.id) AS name, n.kind AS kind,
       coalesce(n.organization, n.id) AS organization, n.aliases AS aliases, n.acronym AS acronym,
       parent.id AS parent, parent.name AS parent_name, [l IN lines WHERE l.id IS NOT NULL] AS lines,
       [(n)-[:SOURCE]->(d:Document) | d.id] AS documents
ORDER BY label DESC, organization, id
