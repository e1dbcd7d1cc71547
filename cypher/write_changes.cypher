// MERGEd, not created: a reload keeps the node (write_detach_document) and rewrites no property it holds.
// Another document's node of the same id is not taken over: it is left out of the ids, and the load fails.
UNWIND $rows AS row
MERGE (c:ChangeEvent {id: row.id})
WITH c, row
WHERE coalesce(c.document, $document) = $document
SET c = row {.*, document: $document}
WITH c
MATCH (d:Document {id: $document})
CREATE (c)-[:SOURCE {document: $document, line_start: c.line_start, line_end: c.line_end,
                     page_start: c.page_start, page_end: c.page_end}]->(d)
RETURN collect(c.id) AS ids, collect(elementId(c)) AS eids  // the edges find their endpoints by element id
