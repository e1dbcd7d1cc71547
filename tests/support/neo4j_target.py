"""Which Neo4j the tests run against, and how it is started and stopped.

Order: ``NEO4J_URI`` when set (someone else's database: wiping it needs
``ORGGRAPH_TEST_ALLOW_WIPE=1``); else a testcontainers ``neo4j:5.26-community`` when a Docker
engine answers a ping; else the project's own local server on free ports with a temporary home.
A missing Neo4j fails loudly with what to do: graph tests are never skipped.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from orggraph.localserver import LocalNeo4j, ServerConfig, browser_config, ensure_jars, free_port
from orggraph.settings import PROJECT_ROOT

DOCKER_IMAGE = "neo4j:5.26-community"
LIB_DIR = Path(os.environ.get("ORGGRAPH_NEO4J_LIB", PROJECT_ROOT / ".neo4j" / "lib"))


@dataclass(frozen=True)
class Neo4jTarget:
    kind: str  # "env", "docker" or "local"
    uri: str
    auth: tuple[str, str] | None
    database: str
    may_wipe: bool
    http_url: str | None = None
    api_port: int | None = None  # the port the Browser's post-connect commands expect the API on


def docker_answers() -> bool:
    """True when a Docker engine answers a ping (the CLI alone is not enough)."""
    try:
        import docker

        docker.from_env(timeout=3).ping()
    except Exception:
        return False
    return True


def choose_kind(env: Mapping[str, str], docker_ping: Callable[[], bool]) -> str:
    """The resolution order, as a pure function so that it can be tested."""
    if env.get("NEO4J_URI"):
        return "env"
    if docker_ping():
        return "docker"
    return "local"


@contextmanager
def neo4j_target(
    tmp_home: Path, env: Mapping[str, str] | None = None, docker_ping: Callable[[], bool] = docker_answers
) -> Iterator[Neo4jTarget]:
    env = os.environ if env is None else env
    kind = choose_kind(env, docker_ping)
    if kind == "env":
        user, password = env.get("NEO4J_USER", "neo4j"), env.get("NEO4J_PASSWORD")
        yield Neo4jTarget(
            kind="env",
            uri=env["NEO4J_URI"],
            auth=(user, password) if password else None,
            database=env.get("NEO4J_DATABASE", "neo4j"),
            may_wipe=env.get("ORGGRAPH_TEST_ALLOW_WIPE") == "1",
        )
    elif kind == "docker":
        with _docker_target() as target:
            yield target
    else:
        with local_target(tmp_home) as target:
            yield target


@contextmanager
def _docker_target() -> Iterator[Neo4jTarget]:
    from testcontainers.community.neo4j import Neo4jContainer

    password = secrets.token_urlsafe(12)
    container = (
        Neo4jContainer(DOCKER_IMAGE, password=password)
        .with_env("NEO4J_dbms_security_allow__csv__import__from__file__urls", "false")
        .with_env("NEO4J_server_bolt_connection__keep__alive__for__requests", "STREAMING")  # as ServerConfig
        .with_env("NEO4J_server_memory_heap_max__size", "512m")
        .with_env("NEO4J_server_memory_pagecache_size", "256m")
        .with_env("NEO4J_db_memory_transaction_max", "256m")  # as the local test server (ServerConfig)
    )
    with container:
        yield Neo4jTarget(
            kind="docker",
            uri=container.get_connection_url(),
            auth=("neo4j", password),
            database="neo4j",
            may_wipe=True,
        )


@contextmanager
def local_target(tmp_home: Path) -> Iterator[Neo4jTarget]:
    """The project's own server from Maven jars, auth off, on free loopback ports."""
    if not shutil.which("java"):
        raise RuntimeError("No Docker engine and no `java` on PATH: install Java 17 or set NEO4J_URI.")
    ensure_jars(LIB_DIR)
    # Configured like `orggraph up` configures the dev server: the Browser loads the style and the
    # guide from the API on connecting; the end-to-end tests serve the API on this port.
    api_port = free_port()
    config = ServerConfig(
        home=tmp_home,
        lib_dir=LIB_DIR,
        bolt_port=free_port(),
        http_port=free_port(),
        auth_enabled=False,
        http_enabled=True,
        heap="512m",
        pagecache="256m",
        extra=browser_config(f"http://127.0.0.1:{api_port}"),
    )
    server = LocalNeo4j(config)
    try:
        server.start(auth=None, timeout=180)
    except Exception:
        # A port taken between free_port() and the bind: retry once on new ports.
        config = ServerConfig(
            home=tmp_home,
            lib_dir=LIB_DIR,
            bolt_port=free_port(),
            http_port=free_port(),
            auth_enabled=False,
            http_enabled=True,
            heap="512m",
            pagecache="256m",
            extra=browser_config(f"http://127.0.0.1:{api_port}"),
        )
        server = LocalNeo4j(config)
        server.start(auth=None, timeout=180)
    try:
        yield Neo4jTarget(
            kind="local",
            uri=config.bolt_uri,
            auth=None,
            database="neo4j",
            may_wipe=True,
            http_url=config.http_url,
            api_port=api_port,
        )
    finally:
        server.stop()
