// The element ids of nodes a document's edges name but its own node statements did not write (another
// document's nodes): each branch is a seek on the label's id constraint. An id found under no label is
// left out, and the edge to it is not written (the writer then fails the load).
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Unit {id: id}) RETURN 'Unit' AS label, elementId(n) AS eid
  UNION MATCH (n:Organization {id: id}) RETURN 'Organization' AS label, elementId(n) AS eid
  UNION MATCH (n:Provision {id: id}) RETURN 'Provision' AS label, elementId(n) AS eid
  UNION MATCH (n:Power {id: id}) RETURN 'Power' AS label, elementId(n) AS eid
  UNION MATCH (n:LegalInstrument {id: id}) RETURN 'LegalInstrument' AS label, elementId(n) AS eid
  UNION MATCH (n:Amendment {id: id}) RETURN 'Amendment' AS label, elementId(n) AS eid
  UNION MATCH (n:ChangeEvent {id: id}) RETURN 'ChangeEvent' AS label, elementId(n) AS eid
  UNION MATCH (n:Document {id: id}) RETURN 'Document' AS label, elementId(n) AS eid
}
RETURN id, label, eid
