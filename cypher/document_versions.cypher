// GET /documents/{id}/versions: the current text and the earlier ones kept (DocumentVersion, by its
// document_version_document index), oldest first.
MATCH (d:Document {id: $document})
OPTIONAL MATCH (v:DocumentVersion)
WHERE v.document = $document
WITH d, v ORDER BY v.version_day, v.id
RETURN d {.id, .title, .published, .last_modified, .in_force, .valid_from, .sha256, .loaded_at, .source_file} AS current,
       collect(v {.id, .title, .published, .last_modified, .in_force, .valid_from, .sha256, .loaded_at, .source_file,
                  .version_day, .superseded_at}) AS versions
