"""Apply ``cypher/schema.cypher``: the one function the app, the loaders and the tests all use."""

from __future__ import annotations

from neo4j import Driver

from orggraph.cypher import query, statements

INDEX_WAIT_SECONDS = 120


def apply_schema(driver: Driver, database: str) -> int:
    """Create constraints and indexes ``IF NOT EXISTS`` and wait until they are online.

    Idempotent: running it twice changes nothing. Returns the number of statements run.
    """
    schema = statements("schema")
    for statement in schema:
        driver.execute_query(statement, database_=database)
    driver.execute_query(query("schema_await"), seconds=INDEX_WAIT_SECONDS, database_=database)
    return len(schema)
