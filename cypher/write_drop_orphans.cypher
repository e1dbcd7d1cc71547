// Shared nodes that an earlier version of the document sourced and no document sources now.
UNWIND $ids AS id
OPTIONAL MATCH (u:Unit {id: id}) WHERE NOT (u)-[:SOURCE]->()
OPTIONAL MATCH (o:Organization {id: id}) WHERE NOT (o)-[:SOURCE]->()
OPTIONAL MATCH (i:LegalInstrument {id: id}) WHERE NOT (i)-[:SOURCE]->()
WITH [x IN [u, o, i] WHERE x IS NOT NULL] AS gone
UNWIND gone AS n
DETACH DELETE n
RETURN count(*) AS dropped
