// Legal instruments are shared (a law cited by many documents); aliases live on SOURCE edges.
UNWIND $rows AS row
MERGE (i:LegalInstrument {id: row.id})
SET i.title = coalesce(i.title, row.title), i.type = row.type,
    i.identifier = coalesce(row.identifier, i.identifier), i.published = coalesce(row.published, i.published),
    i.citation_key = row.citation_key
WITH i, row
MATCH (d:Document {id: $document})
CREATE (i)-[:SOURCE {document: $document, line_start: row.line_start, line_end: row.line_end,
                     page_start: row.page_start, page_end: row.page_end,
                     aliases: row.aliases, search_text: row.search_text}]->(d)
RETURN collect(row.id) AS ids, collect(elementId(i)) AS eids  // the edges find their endpoints by element id
