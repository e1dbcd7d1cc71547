// One relationship type between two labels; {TYPE}, {FROM} and {TO} are filled by the writer
// from the records' checked whitelist (loaders.records.EDGE_TYPES), never from input text.
UNWIND $rows AS row
MATCH (a:{FROM}) WHERE elementId(a) = row.source  // element ids (the writer's node statements return them):
MATCH (b:{TO}) WHERE elementId(b) = row.target    // a direct lookup, not a seek among long text ids
CREATE (a)-[r:{TYPE}]->(b)
SET r = row.props  // the whole map, built by the writer: one property write instead of six
RETURN count(r) AS written
