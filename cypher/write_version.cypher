// Keep an earlier text of a document as a version: its metadata and its timeline (cypher/document_timeline.cypher)
// as JSON, read back by GET /documents/{id}/versions and /diff?version=. Versions are not part of the graph's
// facts: the current text answers every other question.
MERGE (v:DocumentVersion {id: $row.id})
SET v = $row
