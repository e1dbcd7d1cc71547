// GET /documents/{id}/diff?version=: one kept version, with its timeline (JSON).
MATCH (v:DocumentVersion {id: $id})
WHERE v.document = $document
RETURN v {.id, .title, .published, .last_modified, .version_day, .sha256} AS version, v.timeline AS timeline
