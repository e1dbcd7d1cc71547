// Bodies that one document is about and another lists as a unit (loaders/identity.py): a
// municipality's Reglamento Orgánico lists "Tesorería Municipal"; the Tesorería's own reglamento is
// about the organization "Tesorería Municipal del Ayuntamiento de Torreón". Same identity key (within
// one municipality): the organization is that unit, (o)-[:SAME_AS]->(u), whichever loads first. Every
// unit with the key is linked when they all bear one name (two documents listing the same dependencia);
// none when the key names different units, and a link made before it did is undone. A link belongs to the first document about the organization, so
// reloading or unloading that document renews it.
MATCH (d:Document {id: $document})
OPTIONAL MATCH (own:Organization {id: d.organization})
WITH d, [(d)<-[:SOURCE]-(u:Unit) WHERE u.identity IS NOT NULL | u.identity] + coalesce([own.identity], []) AS keys
UNWIND keys AS key
WITH DISTINCT key
MATCH (o:Organization {identity: key})
CALL (o) {
  OPTIONAL MATCH (u:Unit {identity: o.identity})
  WHERE u.organization <> o.id
  WITH o, collect(u) AS units, collect(DISTINCT u.name_folded) AS names
  CALL (o, names) {
    WITH o, names WHERE size(names) <> 1
    OPTIONAL MATCH (o)-[stale:SAME_AS]->(:Unit)
    DELETE stale
  }
  CALL (o, units, names) {
    WITH o, units, names WHERE size(names) = 1
    MATCH (about:Document {organization: o.id})
    WITH o, units, min(about.id) AS owner
    UNWIND units AS u
    MERGE (o)-[s:SAME_AS]->(u)
    SET s.document = owner
  }
}
RETURN count(*) AS linked
