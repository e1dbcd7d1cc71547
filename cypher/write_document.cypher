// The Document node itself (one per loaded source text).
MERGE (d:Document {id: $row.id})
SET d = $row
