// After cypher/schema.cypher: wait (at most $seconds) until every index is online, so the first load
// and the first query already use them.
CALL db.awaitIndexes($seconds)
