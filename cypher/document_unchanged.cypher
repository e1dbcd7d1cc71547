// The loaded documents read from files with these checksums by this version of the reader (and, when
// the genre was forced, read as that genre): loading those files again would write the same graph.
// One round trip for a whole folder; each checksum is an index seek (document_sha256).
UNWIND $checksums AS checksum
MATCH (d:Document {sha256: checksum})
WHERE d.reader_version = $reader_version AND ($genre IS NULL OR d.genre = $genre)
RETURN checksum, min(d.id) AS id
