// Which of these ids exist, to name the missing endpoints of a failed write. Every writable label
// has a uniqueness constraint on id, so each branch is an index seek.
UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH (u:Unit {id: id}) RETURN u.id AS found
  UNION OPTIONAL MATCH (o:Organization {id: id}) RETURN o.id AS found
  UNION OPTIONAL MATCH (p:Provision {id: id}) RETURN p.id AS found
  UNION OPTIONAL MATCH (w:Power {id: id}) RETURN w.id AS found
  UNION OPTIONAL MATCH (i:LegalInstrument {id: id}) RETURN i.id AS found
  UNION OPTIONAL MATCH (a:Amendment {id: id}) RETURN a.id AS found
  UNION OPTIONAL MATCH (c:ChangeEvent {id: id}) RETURN c.id AS found
  UNION OPTIONAL MATCH (d:Document {id: id}) RETURN d.id AS found
}
WITH found WHERE found IS NOT NULL
RETURN DISTINCT found AS id
