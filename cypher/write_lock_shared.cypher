// First in a load's transaction: lock the shared nodes it will write — those its earlier load sourced and
// those its rows name — one after another in one order (id, then element id), by writing a property with the
// value it holds (a lock, no change). Two loads that share nodes then queue for them at the start; taken as
// each statement reached them, in each statement's order, they deadlocked (one load was rolled back and
// retried about a second later), most often when both removed their earlier relationships. Each id is sought
// under its own label, in sorted lists, and the property is search_text, which no uniqueness constraint
// covers: in a writing query a seek on a constraint locks its index entry, and the id's own write did too.
OPTIONAL MATCH (:Document {id: $document})<-[:SOURCE]-(old)
WHERE old:Unit OR old:Organization OR old:LegalInstrument
WITH collect(old) AS old
CALL () {
  UNWIND $organizations AS id
  MATCH (n:Organization {id: id})
  RETURN collect(n) AS organizations
}
CALL () {
  UNWIND $units AS id
  MATCH (n:Unit {id: id})
  RETURN collect(n) AS units
}
CALL () {
  UNWIND $instruments AS id
  MATCH (n:LegalInstrument {id: id})
  RETURN collect(n) AS instruments
}
UNWIND old + organizations + units + instruments AS n
WITH DISTINCT n
ORDER BY n.id, elementId(n)
SET n.search_text = n.search_text
RETURN count(n) AS locked
