// bench.soak's fingerprint of the whole graph: every relationship by type, endpoints and source line.
MATCH (a)-[r]->(b)
RETURN type(r) AS type, a.id AS a, b.id AS b, r.line_start AS line
ORDER BY type, a, b, line
