UNWIND $rows AS row
CREATE (c:ChangeEvent)
SET c = row, c.document = $document
WITH c
MATCH (d:Document {id: $document})
CREATE (c)-[:SOURCE {document: $document, line_start: c.line_start, line_end: c.line_end,
                     page_start: c.page_start, page_end: c.page_end}]->(d)
RETURN collect(c.id) AS ids, collect(elementId(c)) AS eids  // the edges find their endpoints by element id
