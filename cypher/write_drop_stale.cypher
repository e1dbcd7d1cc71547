// After a reload wrote its nodes: the nodes the earlier load owned (write_detach_document) that the new
// reading no longer has — nothing MERGEd them again, so no SOURCE edge leads from them to a document.
UNWIND $eids AS eid
MATCH (n)
WHERE elementId(n) = eid AND NOT (n)-[:SOURCE]->(:Document)
DETACH DELETE n
RETURN count(*) AS dropped
