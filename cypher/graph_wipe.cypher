// The benchmarks' scratch databases: delete every node, in batches (IN TRANSACTIONS: run it in an
// auto-commit session, not in a managed transaction). Never run by the app or the loaders.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
