// The Document node itself (one per loaded source text).
MERGE (d:Document {id: $row.id})
SET d = $row
RETURN elementId(d) AS eid  // the writer finds the edges' endpoints by element id
