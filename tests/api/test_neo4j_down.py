"""With Neo4j down, the API answers 503 fast with Retry-After and a body that names no address or socket
error, /health at once, and the CLI prints its one-line error (issue 13, item 8). Neo4j here is a loopback
port nothing listens on: what a stopped server looks like to the driver."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from orggraph.localserver import free_port
from orggraph.settings import PROJECT_ROOT, Settings

CLOSED = free_port()
URI = f"bolt://127.0.0.1:{CLOSED}"
TOKEN = "down-token"


@pytest.fixture(scope="module")
def down() -> Iterator[TestClient]:
    settings = Settings(
        NEO4J_URI=URI, NEO4J_PASSWORD="not-a-real-password", neo4j_home=Path("/nonexistent"), cypher_token=TOKEN
    )
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/units", None),
        ("GET", "/units/imss/unit/departamento-de-pensiones-en-subdelegaciones", None),
        ("GET", "/search?q=juridica", None),
        ("GET", "/who-may?q=firmar+resoluciones", None),
        ("GET", "/amendments", None),
        ("GET", "/documents", None),
        ("POST", "/cypher", {"query": "RETURN 1"}),
    ],
)
def test_endpoints_answer_503_fast_without_addresses(
    down: TestClient, method: str, path: str, body: dict | None
) -> None:
    started = time.monotonic()
    response = down.request(method, path, json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    took = time.monotonic() - started
    assert response.status_code == 503, response.text
    assert took < 5, f"{path} answered after {took:.1f} s"
    assert int(response.headers["Retry-After"]) > 0
    assert response.json()["error"]["code"] == "database_unavailable"
    for secret in ("127.0.0.1", str(CLOSED), "Errno", "refused", "bolt://"):
        assert secret not in response.text


def test_health_answers_at_once_without_addresses(down: TestClient) -> None:
    started = time.monotonic()
    response = down.get("/health")
    took = time.monotonic() - started
    assert response.status_code == 503
    assert took < 3, f"/health answered after {took:.1f} s"
    assert response.json()["status"] == "unavailable"
    assert int(response.headers["Retry-After"]) > 0
    for secret in ("127.0.0.1", str(CLOSED), "Errno", "refused"):
        assert secret not in response.text


@pytest.mark.parametrize("args", [["who-may", "firmar resoluciones"], ["schema"]])
def test_the_cli_says_neo4j_is_down_in_one_line(args: list[str]) -> None:
    env = {**os.environ, "NEO4J_URI": URI, "NEO4J_PASSWORD": "not-a-real-password"}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "cli.commands", *args], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    took = time.monotonic() - started
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and "Neo4j" in lines[0], result.stderr
    assert took < 10, f"the CLI gave up after {took:.1f} s"
