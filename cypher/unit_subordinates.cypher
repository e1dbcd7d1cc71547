// GET /units/{id}/subordinates: every unit below (or down to $depth), each with its depth; with $at, through
// the lines in force that day only. Each unit's line to its parent names its document (the answer's sources).
MATCH (u:Unit {id: $id})
OPTIONAL MATCH path = (s:Unit)-[:PART_OF*1..30]->(u)
WHERE ($at IS NULL OR EXISTS { (s)-[src:SOURCE]->(:Document) WHERE (src.valid_from IS NULL OR src.valid_from <= $at)
                                      AND (src.valid_to IS NULL OR src.valid_to > $at) })
  AND all(r IN relationships(path) WHERE ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at))))
WITH u, s, min(length(path)) AS depth
WHERE s IS NULL OR $depth IS NULL OR depth <= $depth
WITH u, s, depth ORDER BY depth, s.name_folded, s.id
WITH u, s, depth, head([(s)-[r:PART_OF]->(p) WHERE ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to > $at))) | {id: p.id, document: r.document}]) AS up
WITH u, [x IN collect(CASE WHEN s IS NULL THEN null ELSE
        {id: s.id, name: s.name, kind: s.kind, depth: depth, parent: up.id, document: up.document} END) WHERE x IS NOT NULL] AS matched
RETURN u {.id, .name, .kind} AS unit, size(matched) AS total, matched[$offset..$offset + $limit] AS items
