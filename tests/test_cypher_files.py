"""Cypher lives in cypher/: the Python of the app, the loaders, the CLI and the benchmarks names its queries
(orggraph.cypher.query) and holds no query text of its own; and every named query finds its nodes by label,
through an index, never by scanning every node (the benchmarks' whole-graph files excepted).

The tests themselves are left out: they check the graph with queries of their own, not with the app's."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from orggraph.cypher import CYPHER_DIR, all_names, query
from tests.support.neo4j_target import Neo4jTarget

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["app", "loaders", "orggraph", "bench"]
# The start of a Cypher clause as written in query text (keywords upper case, as in cypher/).
CLAUSE = re.compile(
    r"(?:OPTIONAL\s+)?MATCH\s*\(|MERGE\s*\(|CREATE\s*\(|CREATE\s+(?:CONSTRAINT|INDEX)\b|CALL\s*[({]"
    r"|CALL\s+[a-z][\w.]*\s*\(|UNWIND\s+[$\[]|DETACH\s+DELETE\b|\bRETURN\s+[\w.\[\]()]+\s+AS\s+\w"
)
WHOLE_GRAPH = {"graph_wipe", "graph_size", "graph_nodes", "graph_relationships"}  # benchmarks only


def string_literals(path: Path) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr):  # an f-string: its literal parts together
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            yield node.lineno, text


def test_no_python_source_holds_cypher() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
        for folder in SOURCES
        for path in sorted((ROOT / folder).rglob("*.py"))
        for line, text in string_literals(path)
        if CLAUSE.search(text)
    ]
    assert found == [], "move these to a named cypher/*.cypher file, read with orggraph.cypher.query"


@pytest.mark.parametrize(
    "text",
    [
        "MATCH (n {id: $id}) RETURN n",
        "CALL dbms.components() YIELD versions RETURN versions[0] AS version",
        "UNWIND $rows AS row MERGE (u:Unit {id: row.id})",
        "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS",
    ],
)
def test_the_check_finds_cypher(text: str) -> None:
    assert CLAUSE.search(text)


@pytest.mark.parametrize("text", ["nodes are MERGEd on their ids", "the schema and every query the API runs"])
def test_the_check_lets_prose_be(text: str) -> None:
    assert not CLAUSE.search(text)


def test_node_lookups_by_property_name_a_label() -> None:
    """`(n {id: $id})` without a label cannot use an index: every pattern with properties names one."""
    unlabelled = re.compile(r"(?<![\w.])\(\s*\w*\s*\{\s*\w+\s*:")  # not collect({…}), a map
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(CYPHER_DIR.glob("*.cypher"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if not line.lstrip().startswith("//") and unlabelled.search(line)
    ]
    assert found == []


def operators(plan: dict) -> Iterator[str]:
    yield plan["operatorType"].split("@")[0]
    for child in plan.get("children", []):
        yield from operators(child)


def test_no_named_query_scans_every_node(seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    scans = {}
    with seeded_graph.session(database=neo4j.database) as session:
        for name in all_names():
            if name in WHOLE_GRAPH or name == "schema":
                continue
            text = query(name)
            if name == "write_edges":
                text = text.replace("{TYPE}", "CONTAINS").replace("{FROM}", "Provision").replace("{TO}", "Provision")
            params = {p: None for p in re.findall(r"\$(\w+)", text)}
            summary = session.run(f"EXPLAIN {text}", params).consume()
            used = set(operators(summary.plan))
            if "AllNodesScan" in used:
                scans[name] = sorted(used)
    assert scans == {}
