// The Document node itself, once write_clear_document has removed what it said: citations that named
// it (LOADED_AS, REFERS_TO) go with it and are unresolved again; so do its kept earlier versions.
MATCH (d:Document {id: $document})
CALL (d) {
  MATCH (v:DocumentVersion)
  WHERE v.document = d.id
  DELETE v
}
DETACH DELETE d
