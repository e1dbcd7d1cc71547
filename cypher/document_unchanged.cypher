// The loaded document read from a file with this checksum by this version of the reader (and, when
// the genre was forced, read as that genre): loading the file again would write the same graph.
MATCH (d:Document {sha256: $sha256})
WHERE d.reader_version = $reader_version AND ($genre IS NULL OR d.genre = $genre)
RETURN d.id AS id
LIMIT 1
