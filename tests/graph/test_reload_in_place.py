"""A document loaded again keeps the nodes it owns (cypher/write_detach_document.cypher): its relationships
are removed and written again, its provisions, powers, amendments and change events are MERGEd on their ids,
so a reload of an unchanged text rewrites no node, no index entry and no full-text document — and leaves the
graph a delete-and-create reload left: what the new reading no longer has goes, another document's node is
never taken over. Loads that share nodes lock them first, in one order (write_lock_shared.cypher)."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from cli.commands import write_readings
from loaders import load_file
from loaders.records import ParsedDocument
from loaders.writer import WriteError, prepare, write_document, write_rows
from tests.conftest import SEEDS, ensure_seeded
from tests.graph.test_concurrent_load import graph
from tests.support.neo4j_target import Neo4jTarget

STATUTE = next(p for p in SEEDS if "estatuto" in p.name)
OWNED = "(n:Provision|Power|Amendment|ChangeEvent)"


def loaded(driver: Driver, database: str) -> tuple[list[str], list[str]]:
    """The graph (``test_concurrent_load.graph``) but for the GraphState node, whose generation counts loads."""
    nodes, rels = graph(driver, database)
    return [n for n in nodes if '"GraphState"' not in n], rels


def owned(driver: Driver, database: str, document: str) -> dict[str, str]:
    """The document's own nodes: id → element id."""
    records, _, _ = driver.execute_query(
        f"MATCH {OWNED} WHERE n.document = $document RETURN n.id AS id, elementId(n) AS eid",
        document=document,
        database_=database,
    )
    return {r["id"]: r["eid"] for r in records}


def test_a_reload_over_itself_keeps_the_nodes_and_leaves_the_same_graph(
    driver: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument]
) -> None:
    ensure_seeded(driver, neo4j, seed_documents)
    statute = seed_documents["statute"]
    before, nodes = loaded(driver, neo4j.database), owned(driver, neo4j.database, statute.document.id)
    report = write_document(driver, neo4j.database, statute)
    assert report.counts == report.previous
    assert owned(driver, neo4j.database, statute.document.id) == nodes  # the very nodes, not new ones
    assert loaded(driver, neo4j.database) == before


def test_a_reload_that_lost_provisions_leaves_what_a_first_load_of_it_leaves(
    empty_graph: Driver, neo4j: Neo4jTarget, tmp_path: Path
) -> None:
    """The statute, then its first 60 % over it (--replace): the provisions and powers of the lost part
    go, with their relationships and the shared nodes only they named, as if the cut text were loaded alone."""
    lines = STATUTE.read_text(encoding="utf-8").splitlines()
    cut = tmp_path / STATUTE.name
    cut.write_text("\n".join(lines[: len(lines) * 6 // 10]) + "\n", encoding="utf-8")
    whole, shorter = load_file(STATUTE), load_file(cut)
    assert len(shorter.provisions) < len(whole.provisions) and len(shorter.powers) < len(whole.powers)
    write_document(empty_graph, neo4j.database, whole)
    write_document(empty_graph, neo4j.database, shorter, replace=True)
    over = loaded(empty_graph, neo4j.database)
    assert set(owned(empty_graph, neo4j.database, whole.document.id)) == {
        *(p.id for p in shorter.provisions),
        *(p.id for p in shorter.powers),
        *(a.id for a in shorter.amendments),
        *(c.id for c in shorter.changes),
    }
    empty_graph.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j.database)
    write_document(empty_graph, neo4j.database, shorter)
    assert loaded(empty_graph, neo4j.database) == over


def test_an_id_another_document_owns_fails_the_load_and_writes_nothing(
    driver: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument]
) -> None:
    ensure_seeded(driver, neo4j, seed_documents)
    before = loaded(driver, neo4j.database)
    statute_provision = seed_documents["statute"].provisions[5].id
    ready = prepare(seed_documents["manual"])
    rows = copy.deepcopy(ready.rows)
    rows["provisions"][3]["id"] = statute_provision
    with pytest.raises(WriteError, match="another document's") as refused:
        write_rows(driver, neo4j.database, dataclasses.replace(ready, rows=rows))
    assert statute_provision in str(refused.value)
    assert loaded(driver, neo4j.database) == before


def test_two_documents_that_share_nodes_reloaded_at_once_queue_instead_of_deadlocking(
    driver: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument]
) -> None:
    """The samples share an organization and 13 instruments; reloaded by two writers at once, each removing
    its earlier relationships, they deadlocked in every round before write_lock_shared. A driver that does
    not retry shows it: a deadlock would raise here."""
    ensure_seeded(driver, neo4j, seed_documents)
    readings = [(Path(p.document.source_file), prepare(p), None) for p in seed_documents.values()]
    with GraphDatabase.driver(neo4j.uri, auth=neo4j.auth, max_transaction_retry_time=0) as once:
        for _ in range(3):
            written = list(write_readings(once, neo4j.database, readings, writers=2))
            assert [report.counts == report.previous for _, _, report, _ in written] == [True, True]
