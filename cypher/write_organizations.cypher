UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
SET o.name = coalesce(o.name, row.name), o.acronym = coalesce(row.acronym, o.acronym),
    o.kind = coalesce(row.kind, o.kind), o.search_text = row.search_text
WITH o, row
MATCH (d:Document {id: $document})
CREATE (o)-[:SOURCE {document: $document, line_start: row.line_start, line_end: row.line_end,
                     external: row.external}]->(d)
