// GET /health, the local server's start and the benchmarks: which Neo4j answers (a procedure; it reads
// no node, so it needs no label or index, and it also runs on the system database).
CALL dbms.components() YIELD versions, edition
RETURN versions[0] AS version, edition
