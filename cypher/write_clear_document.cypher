// Remove what an earlier load of this document wrote, inside the load's own transaction:
// the document's own nodes (provisions, powers, amendments, change events), then its edges
// between shared nodes (units, organizations, instruments), which are all reachable from the
// nodes it sourced. Returns the shared nodes it sourced, to delete those no document sources.
MATCH (d:Document {id: $document})
OPTIONAL MATCH (d)<-[:SOURCE]-(shared)
WHERE shared:Unit OR shared:Organization OR shared:LegalInstrument
WITH d, collect(DISTINCT shared) AS shared
CALL (d) {
  MATCH (d)<-[:SOURCE]-(own)
  WHERE own:Provision OR own:Power OR own:Amendment OR own:ChangeEvent
  DETACH DELETE own
}
CALL (shared) {
  UNWIND shared AS n
  MATCH (n)-[r]-()
  WHERE r.document = $document
  DELETE r
}
RETURN [n IN shared | n.id] AS shared_ids
