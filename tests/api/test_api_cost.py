"""bench.api_cost asks the real app, its reader and the driver the benchmark's questions over the seeds."""

from __future__ import annotations

import asyncio

from neo4j import Driver

from bench.api_cost import measure, table
from bench.api_vs_driver import scenarios
from tests.conftest import settings_for
from tests.support.neo4j_target import Neo4jTarget


def test_every_scenario_is_answered_and_costed(seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    results = asyncio.run(measure(settings_for(neo4j), n=3, rounds=1))  # raises unless every answer is 200
    assert [scenario.name for scenario, _ in results] == [s.name for s in scenarios()]
    for _, best in results:
        assert set(best) == {"app", "reads", "driver"}
        assert all(0 < ms < 1000 for ms in best.values())
    text = table(results, 3, 1)
    assert text.count("\n| ") == len(results)  # one row per scenario under the header
