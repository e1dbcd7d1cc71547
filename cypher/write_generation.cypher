// Every load bumps the graph's generation, in the load's own transaction (loaders/writer.py): the API
// caches its answers per generation (app/cache.py) and notices a new one within
// ORGGRAPH_GENERATION_CHECK_MS. `token` is new at every load, so a graph wiped and loaded again never
// repeats an earlier generation's token even when its number starts over.
MERGE (g:GraphState {id: $id})
SET g.generation = coalesce(g.generation, 0) + 1, g.token = randomUUID(), g.changed_at = datetime()
