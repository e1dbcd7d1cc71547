// The graph's generation (cypher/write_generation.cypher): what the API's response cache is keyed by.
OPTIONAL MATCH (g:GraphState {id: $id})
RETURN g.generation AS generation, g.token AS token
