// GET /units/{id}/subordinates: every unit below (or down to $depth), each with its depth.
MATCH (u:Unit {id: $id})
OPTIONAL MATCH path = (s:Unit)-[:PART_OF*1..30]->(u)
WITH u, s, min(length(path)) AS depth
WHERE s IS NULL OR $depth IS NULL OR depth <= $depth
WITH u, s, depth ORDER BY depth, s.name_folded, s.id
WITH u, [x IN collect(CASE WHEN s IS NULL THEN null ELSE
        {id: s.id, name: s.name, kind: s.kind, depth: depth,
         parent: head([(s)-[:PART_OF]->(p) | p.id])} END) WHERE x IS NOT NULL] AS matched
RETURN u {.id, .name, .kind} AS unit, size(matched) AS total, matched[$offset..$offset + $limit] AS items
