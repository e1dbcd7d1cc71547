// What a document contributes, by label (the CLI's load report, GET /documents).
MATCH (d:Document {id: $document})<-[:SOURCE]-(n)
RETURN labels(n)[0] AS label, count(*) AS count
ORDER BY label
