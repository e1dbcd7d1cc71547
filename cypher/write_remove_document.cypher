// The Document node itself, once write_clear_document has removed what it said: citations that named
// it (LOADED_AS, REFERS_TO) go with it and are unresolved again.
MATCH (d:Document {id: $document})
DETACH DELETE d
