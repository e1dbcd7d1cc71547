// First in a load's transaction: lock the shared nodes it will write — those its earlier load sourced and
// those its rows name ($ids) — one after another in one order (id, then element id), by writing a property
// with the value it holds (a lock, no change). Two loads that share nodes then queue for them at the start;
// taken as each statement reached them, in each statement's order, they deadlocked (one load was rolled
// back and retried about a second later), most often when both removed their earlier relationships.
OPTIONAL MATCH (:Document {id: $document})<-[:SOURCE]-(old)
WHERE old:Unit OR old:Organization OR old:LegalInstrument
WITH collect(old.id) + $ids AS ids
UNWIND ids AS id
WITH DISTINCT id
CALL (id) {
  MATCH (n:Unit {id: id}) RETURN n
  UNION MATCH (n:Organization {id: id}) RETURN n
  UNION MATCH (n:LegalInstrument {id: id}) RETURN n
}
WITH n
ORDER BY n.id, elementId(n)
SET n.id = n.id
RETURN count(n) AS locked
