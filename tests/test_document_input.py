"""What `orggraph check` and `orggraph load` refuse before reading: devices, FIFOs and files over
ORGGRAPH_MAX_DOCUMENT_MB, each with one line naming the file (issue 13, item 3). Run as a user runs them, in
a process of their own with an address-space cap, so that a regression fails here instead of eating the
machine's memory."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

from orggraph.settings import PROJECT_ROOT
from tests.support.neo4j_target import Neo4jTarget

MEMORY_CAP = 3 * 1024**3


def cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def orggraph(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.commands", *args],
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,  # a FIFO read would block for ever: TimeoutExpired fails the test
        preexec_fn=cap_memory,
    )


def one_line_error(result: subprocess.CompletedProcess[str], name: str) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and name in lines[0], result.stderr
    return lines[0]


def test_check_refuses_a_device() -> None:
    line = one_line_error(orggraph("check", "/dev/zero"), "/dev/zero")
    assert "not a regular file" in line


def test_check_refuses_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "statute.txt"
    os.mkfifo(fifo)
    line = one_line_error(orggraph("check", str(fifo)), str(fifo))
    assert "not a regular file" in line


def test_check_refuses_a_file_over_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(("Artículo 1. La Dirección General podrá firmar convenios.\n" * 40_000).encode())  # 2.3 MB
    line = one_line_error(orggraph("check", str(big), env={"ORGGRAPH_MAX_DOCUMENT_MB": "1"}), str(big))
    assert "ORGGRAPH_MAX_DOCUMENT_MB" in line and "1 MB" in line


def test_load_refuses_a_device_and_writes_nothing(neo4j: Neo4jTarget) -> None:
    env = {"NEO4J_URI": neo4j.uri, "NEO4J_DATABASE": neo4j.database}
    if neo4j.auth:
        env |= {"NEO4J_USER": neo4j.auth[0], "NEO4J_PASSWORD": neo4j.auth[1]}
    result = orggraph("load", "/dev/zero", env=env)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    refusals = [line for line in result.stderr.splitlines() if "/dev/zero" in line]
    assert refusals and "not a regular file" in refusals[0], result.stderr
