"""/health against the session's Neo4j and an unreachable one; the schema is idempotent."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from neo4j import Driver

from app.main import create_app
from orggraph.localserver import free_port
from orggraph.schema import apply_schema
from orggraph.settings import Settings
from tests.support.neo4j_target import Neo4jTarget


def settings_for(target: Neo4jTarget, tmp_path: Path) -> Settings:
    password = target.auth[1] if target.auth else None
    return Settings(NEO4J_URI=target.uri, NEO4J_PASSWORD=password, NEO4J_DATABASE=target.database, neo4j_home=tmp_path)


def test_health_ok(neo4j: Neo4jTarget, tmp_path: Path) -> None:
    with TestClient(create_app(settings_for(neo4j, tmp_path))) as client:
        response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["neo4j"]["version"].startswith("5.26")
    assert body["neo4j"]["database"] == neo4j.database


def test_health_503_when_unreachable(tmp_path: Path) -> None:
    settings = Settings(NEO4J_URI=f"bolt://127.0.0.1:{free_port()}", NEO4J_PASSWORD="irrelevant", neo4j_home=tmp_path)
    with TestClient(create_app(settings)) as client:
        response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "database_unavailable"
    assert "does not answer" in response.json()["error"]["message"]


def test_openapi_docs_are_served(neo4j: Neo4jTarget, tmp_path: Path) -> None:
    with TestClient(create_app(settings_for(neo4j, tmp_path))) as client:
        assert client.get("/docs").status_code == 200
        assert "/health" in client.get("/openapi.json").json()["paths"]


def _schema_snapshot(driver: Driver, database: str) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    constraints, _, _ = driver.execute_query(
        "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "
        "RETURN name, type, labelsOrTypes, properties ORDER BY name",
        database_=database,
    )
    indexes, _, _ = driver.execute_query(
        "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state "
        "RETURN name, type, labelsOrTypes, properties, state ORDER BY name",
        database_=database,
    )
    as_tuples = lambda rows: [tuple(str(v) for v in r.values()) for r in rows]  # noqa: E731
    return as_tuples(constraints), as_tuples(indexes)


def test_schema_applied_twice_changes_nothing(driver: Driver, neo4j: Neo4jTarget) -> None:
    before = _schema_snapshot(driver, neo4j.database)
    apply_schema(driver, neo4j.database)
    after = _schema_snapshot(driver, neo4j.database)
    assert before == after
    constraint_names = {row[0] for row in before[0]}
    assert {"unit_id", "provision_id", "power_id", "document_id"} <= constraint_names
    index_by_name = {row[0]: row for row in before[1]}
    assert index_by_name["search_text"][1] == "FULLTEXT"
    assert all(row[4] == "ONLINE" for row in before[1])
