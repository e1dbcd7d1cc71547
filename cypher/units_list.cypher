// GET /units: accent-insensitive match on names and former names; stable order by name, id.
MATCH (u:Unit)
WHERE ($q IS NULL OR u.name_folded CONTAINS $q OR any(a IN coalesce(u.aliases_folded, []) WHERE a CONTAINS $q))
  AND ($kind IS NULL OR u.kind = $kind)
  AND ($document IS NULL OR EXISTS { (u)-[:SOURCE]->(:Document {id: $document}) })
  AND ($organization IS NULL OR u.organization = $organization)
WITH u ORDER BY u.name_folded, u.id
WITH collect(u) AS matched
RETURN size(matched) AS total,
       [u IN matched[$offset..$offset + $limit] | u {.id, .name, .kind, .organization, .aliases, .described,
         documents: [(u)-[:SOURCE]->(d:Document) | d.id]}] AS items
