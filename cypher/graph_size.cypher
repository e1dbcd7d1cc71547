// bench.scale: how big the graph is (units by their label; all nodes and relationships from the counts
// store, which Neo4j answers without reading them).
CALL () { MATCH (u:Unit) RETURN count(u) AS units }
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
RETURN units, nodes, rels
