UNWIND $rows AS row
CREATE (a:Amendment)
SET a = row, a.document = $document
WITH a
MATCH (d:Document {id: $document})
CREATE (a)-[:SOURCE {document: $document, line_start: a.line_start, line_end: a.line_end,
                     page_start: a.page_start, page_end: a.page_end}]->(d)
RETURN collect(a.id) AS ids, collect(elementId(a)) AS eids  // the edges find their endpoints by element id
