// Before a load: the loaded text of the document, to keep it as a version when the new text is a later one.
MATCH (d:Document {id: $document})
RETURN d {.id, .title, .published, .last_modified, .in_force, .valid_from, .sha256, .loaded_at, .source_file} AS document
