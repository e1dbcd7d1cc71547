// Organizations are shared across documents: the first name stays, acronym and kind fill in, and the
// short names each document gives are added to the ones already known.
UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
SET o.name = coalesce(o.name, row.name), o.acronym = coalesce(row.acronym, o.acronym),
    o.kind = coalesce(row.kind, o.kind), o.search_text = row.search_text, o.identity = coalesce(row.identity, o.identity),
    o.aliases = reduce(known = coalesce(o.aliases, []), alias IN coalesce(row.aliases, []) |
                       CASE WHEN alias IN known THEN known ELSE known + alias END)
WITH o, row
MATCH (d:Document {id: $document})
CREATE (o)-[:SOURCE {document: $document, line_start: row.line_start, line_end: row.line_end,
                     page_start: row.page_start, page_end: row.page_end,
                     external: row.external}]->(d)
RETURN collect(row.id) AS ids, collect(elementId(o)) AS eids  // the edges find their endpoints by element id
