// GET /ask (subordinates): where the documents say each unit hangs from its parent, so each
// sentence cites the lines of its PART_OF line.
UNWIND $ids AS id
MATCH (u:Unit {id: id})-[r:PART_OF]->(parent)
RETURN u.id AS id, parent.id AS parent, r.document AS document, r.line_start AS line_start,
       r.line_end AS line_end, r.page_start AS page_start, r.page_end AS page_end
