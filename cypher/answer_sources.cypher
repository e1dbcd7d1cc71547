// Every read answer's `sources` (app/sources.py): the text of each document it rests on — its dates, its
// checksum and how many earlier texts are kept (by the document_version_document index). Starts from the
// documents' ids (constrained); read once per document and graph generation, then kept in memory.
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.title AS title, d.published AS published, d.in_force AS in_force,
       d.last_modified AS last_modified, d.sha256 AS sha256, d.loaded_at AS loaded_at,
       COUNT { MATCH (v:DocumentVersion) WHERE v.document = d.id } AS earlier_versions
