// bench.soak's fingerprint of the whole graph: every node by label and id (a full scan by design).
MATCH (n)
RETURN labels(n)[0] AS label, n.id AS id
ORDER BY label, id
