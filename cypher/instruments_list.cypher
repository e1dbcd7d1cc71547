// GET /legal-instruments: by type and/or accent-insensitive title match; stable order.
MATCH (i:LegalInstrument)
WHERE ($type IS NULL OR i.type = $type) AND ($q IS NULL OR i.search_text CONTAINS $q)
WITH i ORDER BY i.type, i.title, i.id
WITH collect(i) AS matched
RETURN size(matched) AS total,
       [i IN matched[$offset..$offset + $limit] | i {.id, .title, .type, .identifier, .published, .aliases,
         cited_by_documents: size([(d:Document)-[:CITES]->(i) | d]),
         cited_by_provisions: size([(p:Provision)-[:CITES]->(i) | p])}] AS items
