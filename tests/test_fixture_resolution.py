"""The order in which the tests pick their Neo4j, and the refusal to wipe a foreign database."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.neo4j_target import choose_kind, neo4j_target


@pytest.mark.parametrize(
    ("env", "docker", "expected"),
    [
        ({"NEO4J_URI": "bolt://db.example:7687"}, True, "env"),
        ({"NEO4J_URI": "bolt://db.example:7687"}, False, "env"),
        ({}, True, "docker"),
        ({"NEO4J_URI": ""}, True, "docker"),
        ({}, False, "local"),
    ],
)
def test_resolution_order(env: dict[str, str], docker: bool, expected: str) -> None:
    assert choose_kind(env, lambda: docker) == expected


def test_env_target_may_not_be_wiped_without_opt_in(tmp_path: Path) -> None:
    env = {"NEO4J_URI": "neo4j+s://example.databases.neo4j.io", "NEO4J_PASSWORD": "secret"}
    with neo4j_target(tmp_path, env=env, docker_ping=lambda: pytest.fail("must not ping Docker")) as target:
        assert target.kind == "env"
        assert target.may_wipe is False
        assert target.auth == ("neo4j", "secret")
    with neo4j_target(tmp_path, env={**env, "ORGGRAPH_TEST_ALLOW_WIPE": "1"}) as target:
        assert target.may_wipe is True


def test_docker_answers_is_false_without_an_engine() -> None:
    # On the project's machines there is a docker CLI but no engine: the ping must say so quickly.
    import shutil

    from tests.support.neo4j_target import docker_answers

    if shutil.which("dockerd") or Path("/var/run/docker.sock").exists():
        pytest.skip("a Docker engine may be present on this machine")  # the other branch is tested above
    assert docker_answers() is False
