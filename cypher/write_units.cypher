// Units are shared across documents: each document's view (aliases, whether it describes the
// unit, when it was law by it: valid_from / valid_to) lives on its SOURCE edge; the node's aggregates are recomputed in write_finish.
UNWIND $rows AS row
MERGE (u:Unit {id: row.id})
SET u.name = row.name, u.kind = row.kind, u.organization = row.organization, u.name_folded = row.name_folded,
    u.identity = coalesce(row.identity, u.identity)
WITH u, row
MATCH (d:Document {id: $document})
CREATE (u)-[:SOURCE {document: $document, line_start: row.line_start, line_end: row.line_end,
                     page_start: row.page_start, page_end: row.page_end,
                     aliases: row.aliases, aliases_folded: row.aliases_folded, described: row.described,
                     valid_from: row.valid_from, valid_to: row.valid_to}]->(d)
RETURN collect(row.id) AS ids, collect(elementId(u)) AS eids  // the edges find their endpoints by element id
