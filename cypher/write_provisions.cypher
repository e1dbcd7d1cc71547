// MERGEd, not created: a reload keeps the node (write_detach_document) and rewrites no property it holds.
// Another document's node of the same id is not taken over: it is left out of the ids, and the load fails.
UNWIND $rows AS row
MERGE (p:Provision {id: row.id})
WITH p, row
WHERE coalesce(p.document, $document) = $document
SET p = row {.*, document: $document}
WITH p
MATCH (d:Document {id: $document})
CREATE (p)-[:SOURCE {document: $document, line_start: p.line_start, line_end: p.line_end,
                     page_start: p.page_start, page_end: p.page_end}]->(d)
RETURN collect(p.id) AS ids, collect(elementId(p)) AS eids  // the edges find their endpoints by element id
