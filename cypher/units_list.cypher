// GET /units: units filtered by kind, document and organization. With $rank (unit id → position,
// from the search engine for a q=), only those units, in that order; else by name, then id. With $at (a date),
// only the units that were law that day (a window on their SOURCE edge, loaders.validity).
MATCH (u:Unit)
WHERE ($rank IS NULL OR u.id IN keys($rank))
  AND ($kind IS NULL OR u.kind = $kind)
  AND ($document IS NULL OR EXISTS { (u)-[:SOURCE]->(:Document {id: $document}) })
  AND ($organization IS NULL OR u.organization = $organization)
  AND ($at IS NULL OR EXISTS { (u)-[s:SOURCE]->(:Document) WHERE (s.valid_from IS NULL OR s.valid_from <= $at)
                                  AND (s.valid_to IS NULL OR s.valid_to > $at) })
WITH u ORDER BY CASE WHEN $rank IS NULL THEN 0 ELSE $rank[u.id] END, u.name_folded, u.id
WITH collect(u) AS matched
RETURN size(matched) AS total,
       [u IN matched[$offset..$offset + $limit] | u {.id, .name, .kind, .organization, .aliases, .described,
         documents: [(u)-[:SOURCE]->(d:Document) | d.id]}] AS items
