"""The Neo4j Browser guide's example queries run on the seeded graph and find something, and the
Browser style covers every label the writer writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from neo4j import Driver

from loaders.records import EDGE_TYPES
from tests.support.neo4j_target import Neo4jTarget

BROWSER = Path(__file__).resolve().parents[2] / "docs" / "browser"
QUERIES = re.findall(r"```cypher\n(.*?)```", (BROWSER / "guide.md").read_text(encoding="utf-8"), re.S)


def test_the_guide_has_queries() -> None:
    assert len(QUERIES) >= 5


@pytest.mark.parametrize("cypher", QUERIES, ids=[f"query-{i + 1}" for i in range(len(QUERIES))])
def test_each_guide_query_answers_on_the_seeds(cypher: str, seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    records, _, _ = seeded_graph.execute_query(cypher, database_=neo4j.database, routing_="r")
    assert records, cypher


def test_the_style_colours_every_label_the_graph_holds(seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    grass = (BROWSER / "orggraph.grass").read_text(encoding="utf-8")
    records, _, _ = seeded_graph.execute_query("CALL db.labels() YIELD label RETURN collect(label) AS labels")
    labels = set(records[0]["labels"])
    assert labels >= {"Unit", "Power", "Provision", "LegalInstrument", "Document"}
    assert {label for label in labels if f"node.{label} {{" not in grass} == set()
    assert set(EDGE_TYPES) >= {t for t in re.findall(r"relationship\.(\w+) \{", grass)}
