"""The local Neo4j harness against a real server process of its own (not the session's)."""

from __future__ import annotations

import os
import signal
import stat
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import GraphDatabase

from app.main import create_app
from orggraph.localserver import LocalNeo4j, ServerConfig, free_port
from orggraph.settings import Settings
from tests.support.neo4j_target import LIB_DIR


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    home = tmp_path_factory.mktemp("own-neo4j")
    server = LocalNeo4j(
        ServerConfig(
            home=home,
            lib_dir=LIB_DIR,
            bolt_port=free_port(),
            http_port=free_port(),
            auth_enabled=True,
            heap="384m",
            pagecache="64m",
        )
    )
    server.set_initial_password("harness-test-pw")
    assert server.start(auth=("neo4j", "harness-test-pw"), timeout=180) is True
    yield server
    server.stop()


AUTH = ("neo4j", "harness-test-pw")


def test_server_answers_cypher_with_auth(own_server: LocalNeo4j) -> None:
    with GraphDatabase.driver(own_server.config.bolt_uri, auth=AUTH) as driver:
        records, _, _ = driver.execute_query("RETURN 40 + 2 AS answer", database_="neo4j")
    assert records[0]["answer"] == 42


def test_server_hints_no_receive_timeout(own_server: LocalNeo4j) -> None:
    """With the hint, the async driver wraps every socket read in asyncio.wait_for (issue 14)."""
    with GraphDatabase.driver(own_server.config.bolt_uri, auth=AUTH) as driver:
        records, _, _ = driver.execute_query(
            "CALL dbms.listConfig('server.bolt.connection_keep_alive_for_requests') YIELD value RETURN value",
            database_="neo4j",
        )
    assert [r["value"] for r in records] == ["STREAMING"]


def test_server_refuses_wrong_password(own_server: LocalNeo4j) -> None:
    from neo4j.exceptions import AuthError

    with (
        GraphDatabase.driver(own_server.config.bolt_uri, auth=("neo4j", "wrong-password")) as driver,
        pytest.raises(AuthError),
    ):
        driver.verify_connectivity()


def test_start_twice_is_harmless(own_server: LocalNeo4j) -> None:
    pid = own_server.pid()
    assert own_server.start(auth=AUTH, timeout=30) is False
    assert own_server.pid() == pid
    assert own_server.status(auth=AUTH).version == "5.26.30"


def test_initial_password_is_set_only_once(own_server: LocalNeo4j) -> None:
    assert own_server.set_initial_password("another-password") is False


def test_config_listens_on_loopback_only(own_server: LocalNeo4j) -> None:
    conf = (own_server.home / "conf" / "neo4j.conf").read_text()
    assert "server.default_listen_address=127.0.0.1" in conf
    assert f"server.bolt.listen_address=127.0.0.1:{own_server.config.bolt_port}" in conf
    assert "dbms.security.auth_enabled=true" in conf
    assert "dbms.usage_report.enabled=false" in conf


def test_browser_answers_200(own_server: LocalNeo4j) -> None:
    with urllib.request.urlopen(f"{own_server.config.http_url}/browser/", timeout=10) as response:
        body = response.read().decode("utf-8", errors="replace")
    assert response.status == 200
    assert "Neo4j Browser" in body


def test_health_200_then_503_when_neo4j_stops(own_server: LocalNeo4j, tmp_path: Path) -> None:
    settings = Settings(NEO4J_URI=own_server.config.bolt_uri, NEO4J_PASSWORD=AUTH[1], neo4j_home=tmp_path)
    with TestClient(create_app(settings)) as client:
        up = client.get("/health")
        assert up.status_code == 200
        assert up.json()["neo4j"]["version"] == "5.26.30"
        assert up.json()["neo4j"]["edition"] == "community"

        assert own_server.stop() is True
        assert own_server.status(auth=AUTH).running is False
        down = client.get("/health")
        assert down.status_code == 503
        assert down.json()["status"] == "unavailable"
        assert down.json()["error"]["code"] == "database_unavailable"

    assert own_server.stop() is False  # stopping a stopped server is harmless
    assert own_server.start(auth=AUTH, timeout=180) is True  # and it starts again on the same data


def test_start_refuses_a_taken_port(tmp_path: Path, own_server: LocalNeo4j) -> None:
    from orggraph.errors import Neo4jHarnessError

    clash = LocalNeo4j(
        ServerConfig(
            home=tmp_path,
            lib_dir=LIB_DIR,
            bolt_port=own_server.config.bolt_port,
            http_port=free_port(),
            auth_enabled=False,
            heap="256m",
            pagecache="32m",
        )
    )
    with pytest.raises(Neo4jHarnessError, match="already in use"):
        clash.start(auth=None, timeout=120)
    assert clash.pid() is None


def test_failed_start_reports_the_log(tmp_path: Path) -> None:
    from orggraph.errors import Neo4jHarnessError

    broken = LocalNeo4j(
        ServerConfig(
            home=tmp_path,
            lib_dir=LIB_DIR,
            bolt_port=free_port(),
            http_port=free_port(),
            auth_enabled=False,
            heap="256m",
            pagecache="32m",
            extra={"server.bolt.thread_pool_max_size": "not-a-number"},
        )
    )
    with pytest.raises(Neo4jHarnessError, match="exited with exit code") as info:
        broken.start(auth=None, timeout=120)
    assert "thread_pool_max_size" in str(info.value)  # the log tail says what is wrong
    assert broken.pid() is None


def test_the_auth_file_is_the_owners_only(own_server: LocalNeo4j) -> None:
    """Issue 13, item 11: data/dbms/auth.ini holds the password hash; Neo4j writes it world-readable."""
    auth = own_server.home / "data" / "dbms" / "auth.ini"
    assert auth.is_file()
    assert stat.S_IMODE(auth.stat().st_mode) & 0o077 == 0


def test_a_server_stopped_from_elsewhere_leaves_no_zombie(tmp_path: Path) -> None:
    """Issue 13, item 11: `orggraph neo4j stop` (another process) signals the java that `orggraph up` started;
    the parent must reap it, or it stays a zombie as long as `orggraph up` serves the API."""
    server = LocalNeo4j(
        ServerConfig(
            home=tmp_path,
            lib_dir=LIB_DIR,
            bolt_port=free_port(),
            http_port=free_port(),
            auth_enabled=False,
            heap="256m",
            pagecache="32m",
        )
    )
    assert server.start(auth=None, timeout=180) is True
    pid = server.pid()
    assert pid is not None
    os.kill(pid, signal.SIGTERM)  # what `orggraph neo4j stop` does from its own process
    deadline = time.monotonic() + 90
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][:1] if Path(f"/proc/{pid}").exists() else None
    assert state is None, f"pid {pid} is still there in state {state}"
