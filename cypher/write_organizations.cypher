// Organizations are shared across documents: each document's view (the name, acronym and kind it read,
// the short names it gives) lives on its SOURCE edge; the node's aggregates are recomputed in
// write_finish from all of them, so they do not depend on the order documents were loaded in.
UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
SET o.name = coalesce(o.name, row.name), o.identity = coalesce(row.identity, o.identity)
WITH o, row
MATCH (d:Document {id: $document})
CREATE (o)-[:SOURCE {document: $document, line_start: row.line_start, line_end: row.line_end,
                     page_start: row.page_start, page_end: row.page_end,
                     external: row.external, name: row.name, acronym: row.acronym, kind: row.kind,
                     kind_basis: row.kind_basis, kind_rank: row.kind_rank, aliases: row.aliases,
                     search_text: row.search_text}]->(d)
RETURN collect(row.id) AS ids, collect(elementId(o)) AS eids  // the edges find their endpoints by element id
