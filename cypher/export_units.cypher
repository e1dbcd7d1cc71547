// GET /export/*: units and organizations with their hierarchical parent and other reporting lines. With $at,
// as they stood that day: the units some document made law then, through the lines in force then.
MATCH (n) WHERE (n:Unit OR n:Organization)
  AND ($organization IS NULL OR coalesce(n.organization, n.id) = $organization)
  AND ($at IS NULL OR n:Organization OR EXISTS { (n)-[s:SOURCE]->(:Document)
        WHERE (s.valid_from IS NULL OR s.valid_from <= $at) AND (s.valid_to IS NULL OR s.valid_to > $at) })
OPTIONAL MATCH (n)-[p:PART_OF]->(parent)
WHERE $at IS NULL OR ((p.valid_from IS NULL OR p.valid_from <= $at) AND (p.valid_to IS NULL OR p.valid_to > $at))
WITH n, head(collect(parent)) AS parent
OPTIONAL MATCH (n)-[r:REPORTS_TO]->(x)
WHERE $at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at))
WITH n, parent, collect({id: x.id, kind: r.kind}) AS lines
RETURN labels(n)[0] AS label, n.id AS id, coalesce(n.name, n.id) AS name, n.kind AS kind,
       coalesce(n.organization, n.id) AS organization, n.aliases AS aliases, n.acronym AS acronym,
       parent.id AS parent, parent.name AS parent_name, [l IN lines WHERE l.id IS NOT NULL] AS lines,
       [(n)-[:SOURCE]->(d:Document) | d.id] AS documents
ORDER BY label DESC, organization, id
