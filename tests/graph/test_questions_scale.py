"""The API's questions do not grow with the graph: each starts from an index (a unit's id, the
full-text indexes), never from a scan of a label or a relationship type, so the same question
costs the same database hits however many other documents are loaded (issue 11; figures at
100,000 units in docs/benchmarks.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from bench.api_vs_driver import Scenario, scenarios
from bench.synthetic import corpus
from loaders import load_file
from loaders.records import ParsedDocument
from loaders.writer import write_document
from orggraph.cypher import query
from questions.parsing import parse_who_may
from tests.conftest import GraphState, ensure_seeded
from tests.support.neo4j_target import Neo4jTarget

SCANS = {
    "AllNodesScan",
    "NodeByLabelScan",
    "DirectedRelationshipTypeScan",
    "UndirectedRelationshipTypeScan",
    "DirectedAllRelationshipsScan",
    "UndirectedAllRelationshipsScan",
}


def questions() -> list[Scenario]:
    """The benchmark's questions, and who-may asked by action alone and by object alone."""
    extra = []
    for text in ("delegar", "pensiones", "suscribir convenios"):
        who = parse_who_may(text)
        params = {
            "actions": who.action_stems,
            "objects": who.object_stems,
            "organization": None,
            "document": None,
            "at": None,
        }
        extra.append(Scenario(f"who may: {text}", "/who-may", {"q": text}, "who_may", params))
    # ?at= (issue 16): the same questions on a day, and the queries that only a day asks.
    day = dt.date(2023, 9, 14)
    on_a_day = [
        Scenario(
            f"{s.name} on a day",
            s.path,
            {**s.http_params, "at": day.isoformat()},
            s.cypher,
            {**s.cypher_params, "at": day},
        )
        for s in scenarios()
    ]
    unit = "imss-bienestar/unit/unidad-juridica"
    on_a_day += [
        Scenario(
            "time bounds of a unit",
            "",
            {},
            "time_bounds",
            {"at": day, "id": unit, "organization": None, "document": None},
        ),
        Scenario(
            "time bounds of the graph",
            "",
            {},
            "time_bounds",
            {"at": day, "id": None, "organization": None, "document": None},
        ),
        Scenario("names on a day", "", {}, "unit_names_at", {"at": day, "ids": [unit]}),
        Scenario(
            "a document's timeline", "", {}, "document_timeline", {"document": "imss-bienestar/estatuto-organico"}
        ),
    ]
    return scenarios() + extra + on_a_day


def operators(plan: Any) -> list[tuple[str, str]]:
    out = [(plan["operatorType"].split("@")[0], str(plan.get("args", {}).get("Details", "")))]
    for child in plan.get("children", []):
        out += operators(child)
    return out


def db_hits(plan: Any) -> int:
    return plan.get("dbHits", 0) + sum(db_hits(child) for child in plan.get("children", []))


def profile(driver: Driver, database: str, scenario: Scenario) -> tuple[int, int]:
    """(database hits, rows) of the question, planned for the graph as it is: the indexes resampled and the
    plan cache cleared first (db.prepareForReplanning). The suite wipes and reloads graphs, and a plan made on
    the statistics an earlier graph left may cache a property or check a label more or less: that moved
    who-may's hits by 10 to 44 between runs over the same graph."""
    driver.execute_query("CALL db.prepareForReplanning(60)", database_=database)
    records, summary, _ = driver.execute_query(
        "PROFILE " + query(scenario.cypher), scenario.cypher_params, database_=database
    )
    return db_hits(summary.profile), len(records)


@pytest.mark.parametrize("scenario", questions(), ids=lambda s: s.name)
def test_no_question_scans_a_label_or_a_relationship_type(
    scenario: Scenario, seeded_graph: Driver, neo4j: Neo4jTarget
) -> None:
    plan = seeded_graph.execute_query(
        "EXPLAIN " + query(scenario.cypher), scenario.cypher_params, database_=neo4j.database
    ).summary.plan
    assert [op for op in operators(plan) if op[0] in SCANS] == []


def test_a_question_costs_the_same_with_300_more_units_loaded(
    driver: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument], tmp_path: Path
) -> None:
    ensure_seeded(driver, neo4j, seed_documents)
    before = {s.name: profile(driver, neo4j.database, s) for s in questions()}
    others = [load_file(path) for path in corpus(3, 100, tmp_path)]
    GraphState.seeded = False  # the graph holds more than the samples from here on
    for parsed in others:
        write_document(driver, neo4j.database, parsed)
    powers = driver.execute_query("MATCH (p:Power) RETURN count(p) AS n", database_=neo4j.database).records[0]["n"]
    assert powers > 2 * sum(len(p.powers) for p in seed_documents.values())  # the graph grew
    after = {s.name: profile(driver, neo4j.database, s) for s in questions()}
    assert after == before
