UNWIND $rows AS row
CREATE (p:Provision)
SET p = row, p.document = $document
WITH p
MATCH (d:Document {id: $document})
CREATE (p)-[:SOURCE {document: $document, line_start: p.line_start, line_end: p.line_end,
                     page_start: p.page_start, page_end: p.page_end}]->(d)
RETURN collect(p.id) AS ids, collect(elementId(p)) AS eids  // the edges find their endpoints by element id
