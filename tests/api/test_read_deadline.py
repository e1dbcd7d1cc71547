"""An API read that Neo4j does not answer within ORGGRAPH_NEO4J_READ_DEADLINE_SECONDS is a 503 with
Retry-After, never a request left waiting longer than its client (bench/soak.py, 64 clients while Neo4j
restarts, saw who-may requests wait past a 30 s client timeout)."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient
from neo4j import Driver

from app.main import create_app
from tests.conftest import settings_for
from tests.support.neo4j_target import Neo4jTarget


def test_a_read_past_its_deadline_answers_503_at_the_deadline(seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    with TestClient(create_app(settings_for(neo4j, neo4j_read_deadline_seconds=0.001))) as client:
        started = time.perf_counter()
        answer = client.get("/who-may", params={"q": "firmar resoluciones de pensiones"})
        elapsed = time.perf_counter() - started
    assert answer.status_code == 503 and answer.headers["retry-after"]
    assert answer.json()["error"]["code"] == "database_unavailable"
    assert elapsed < 2
    with TestClient(create_app(settings_for(neo4j))) as client:  # the default deadline: answered
        assert client.get("/who-may", params={"q": "firmar resoluciones de pensiones"}).status_code == 200
