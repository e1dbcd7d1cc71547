// Before a load writes a document again: remove every relationship of its earlier load — those of the
// nodes it owns (provisions, powers, amendments, change events; in both directions, so citations of them
// go as write_clear_document's DETACH DELETE takes them) and its edges between shared nodes — but keep the
// owned nodes themselves. The load MERGEs them again by id, and a property written with the value it
// already holds changes nothing: a reload of an unchanged text rewrites no node, no index entry, no
// full-text document. Returns the shared nodes it sourced (to drop those no document sources) and the
// element ids of the owned nodes (write_drop_stale deletes those the new reading no longer has).
MATCH (d:Document {id: $document})
OPTIONAL MATCH (d)<-[:SOURCE]-(shared)
WHERE shared:Unit OR shared:Organization OR shared:LegalInstrument
WITH d, collect(DISTINCT shared) AS shared
CALL (d) {
  MATCH (d)<-[:SOURCE]-(own)
  WHERE own:Provision OR own:Power OR own:Amendment OR own:ChangeEvent
  RETURN collect(own) AS owned
}
CALL (owned) {
  UNWIND owned AS own
  MATCH (own)-[r]-()
  WITH DISTINCT r
  DELETE r
}
CALL (shared) {
  UNWIND shared AS n
  MATCH (n)-[r]-()
  WHERE r.document = $document
  DELETE r
}
RETURN [n IN shared | n.id] AS shared_ids, [n IN owned | elementId(n)] AS owned_eids
