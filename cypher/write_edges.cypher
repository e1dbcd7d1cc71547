// One relationship type between two labels; {TYPE}, {FROM} and {TO} are filled by the writer
// from the records' checked whitelist (loaders.records.EDGE_TYPES), never from input text.
UNWIND $rows AS row
MATCH (a:{FROM} {id: row.source})
MATCH (b:{TO} {id: row.target})
CREATE (a)-[r:{TYPE}]->(b)
SET r = row.props, r.document = $document, r.line_start = row.line_start, r.line_end = row.line_end,
    r.page_start = row.page_start, r.page_end = row.page_end
RETURN count(r) AS written
