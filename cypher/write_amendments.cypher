// MERGEd, not created: a reload keeps the node (write_detach_document) and rewrites no property it holds.
// Another document's node of the same id is not taken over: it is left out of the ids, and the load fails.
UNWIND $rows AS row
MERGE (a:Amendment {id: row.id})
WITH a, row
WHERE coalesce(a.document, $document) = $document
SET a = row {.*, document: $document}
WITH a
MATCH (d:Document {id: $document})
CREATE (a)-[:SOURCE {document: $document, line_start: a.line_start, line_end: a.line_end,
                     page_start: a.page_start, page_end: a.page_end}]->(d)
RETURN collect(a.id) AS ids, collect(elementId(a)) AS eids  // the edges find their endpoints by element id
