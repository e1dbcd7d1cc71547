"""Session fixtures: one real Neo4j for the whole run, a clean graph per test that asks for one.

See tests/support/neo4j_target.py for how the database is chosen. Graph tests fail (never skip)
when no Neo4j can be had.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver, GraphDatabase

from app.main import create_app
from loaders import load_file
from loaders.records import ParsedDocument
from loaders.writer import write_document
from orggraph.schema import apply_schema
from orggraph.settings import Settings
from tests.support.neo4j_target import Neo4jTarget, neo4j_target


@pytest.fixture(scope="session")
def neo4j(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jTarget]:
    try:
        context = neo4j_target(tmp_path_factory.mktemp("neo4j-home"))
        target = context.__enter__()
    except Exception as exc:
        pytest.fail(
            f"No Neo4j for the graph tests: {exc}\n"
            "Set NEO4J_URI to a Neo4j 5.26, run a Docker engine, or run `orggraph neo4j fetch` "
            "(needs Maven and Java 17) so the local server can start.",
            pytrace=False,
        )
    try:
        yield target
    finally:
        context.__exit__(None, None, None)


@pytest.fixture(scope="session")
def driver(neo4j: Neo4jTarget) -> Iterator[Driver]:
    with GraphDatabase.driver(neo4j.uri, auth=neo4j.auth) as drv:
        drv.verify_connectivity()
        apply_schema(drv, neo4j.database)
        yield drv


def wipe(driver: Driver, target: Neo4jTarget) -> None:
    if not target.may_wipe:
        pytest.fail(
            f"Refusing to wipe {target.uri}: it came from NEO4J_URI. Set ORGGRAPH_TEST_ALLOW_WIPE=1 if this "
            "database is disposable.",
            pytrace=False,
        )
    with driver.session(database=target.database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


class GraphState:
    """What the shared database holds now, so seeded tests load the seeds only when needed."""

    seeded = False


@pytest.fixture
def empty_graph(driver: Driver, neo4j: Neo4jTarget) -> Driver:
    """A graph with the schema and no data."""
    wipe(driver, neo4j)
    GraphState.seeded = False
    return driver


SEEDS = sorted((Path(__file__).resolve().parents[1] / "data" / "documents").glob("*.txt"))


@pytest.fixture(scope="session")
def seed_documents() -> dict[str, ParsedDocument]:
    """The sample documents, parsed once: genre → parsed document."""
    parsed = [load_file(path) for path in SEEDS]
    return {p.document.genre: p for p in parsed}


def ensure_seeded(driver: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument]) -> Driver:
    """Load exactly the sample documents, unless the graph holds them already; for fixtures of any scope."""
    if not GraphState.seeded:
        wipe(driver, neo4j)
        for document in seed_documents.values():
            write_document(driver, neo4j.database, document)
        GraphState.seeded = True
    return driver


@pytest.fixture
def seeded_graph(driver: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument]) -> Driver:
    """The graph holding exactly the sample documents (reloaded only after a test changed it)."""
    return ensure_seeded(driver, neo4j, seed_documents)


def settings_for(target: Neo4jTarget, **overrides: object) -> Settings:
    password = target.auth[1] if target.auth else None
    return Settings(
        NEO4J_URI=target.uri,
        NEO4J_PASSWORD=password,
        NEO4J_DATABASE=target.database,
        neo4j_home=Path("/nonexistent-orggraph-home"),
        **overrides,
    )


@pytest.fixture
def api(seeded_graph: Driver, neo4j: Neo4jTarget) -> Iterator[TestClient]:
    """The app over the seeded graph, with POST /cypher enabled by a test token."""
    with TestClient(
        create_app(settings_for(neo4j, cypher_token="test-token", cypher_timeout_seconds=1.0, cypher_row_limit=50))
    ) as client:
        yield client
