"""A reload that would remove most of a document is refused with its figures unless the user says
to replace it (issue 13, item 1): the statute cut in half, cut mid-word, or with its first 20 KB
re-encoded read as a much smaller statute of the same title, and used to replace it silently."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from bench.synthetic import write
from loaders import load_file
from loaders.records import ParsedDocument
from loaders.writer import ShrinkingReload, WriteError, write_document
from orggraph.errors import ParseError
from tests.conftest import SEEDS, GraphState, ensure_seeded
from tests.support.neo4j_target import Neo4jTarget

STATUTE = SEEDS[[p.name for p in SEEDS].index("imss-bienestar-estatuto-organico-2023.txt")]


def figures(driver: Driver, database: str) -> tuple[int, int]:
    record = driver.execute_query(
        "CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } "
        "RETURN nodes, rels",
        database_=database,
    ).records[0]
    return record["nodes"], record["rels"]


def damaged(tmp_path: Path, how: str) -> Path:
    data = STATUTE.read_bytes()
    out = tmp_path / STATUTE.name
    if how == "half":
        out.write_bytes(data[: len(data) // 2])
    elif how == "mid-word":
        text = STATUTE.read_text(encoding="utf-8")
        out.write_text(text[: text.index("Artículo 5") + 14], encoding="utf-8")
    else:  # its first 20 KB re-encoded as Latin-1
        text = STATUTE.read_text(encoding="utf-8")
        head = text.encode("utf-8")[:20_000].decode("utf-8", "ignore")
        out.write_bytes(head.encode("latin-1", "replace") + text[len(head) :].encode("utf-8"))
    return out


@pytest.mark.parametrize("how", ["half", "mid-word"])
def test_a_damaged_copy_does_not_replace_the_loaded_statute(
    how: str, driver: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument], tmp_path: Path
) -> None:
    ensure_seeded(driver, neo4j, seed_documents)
    before = figures(driver, neo4j.database)
    parsed = load_file(damaged(tmp_path, how))
    assert parsed.document.id == seed_documents["statute"].document.id  # the same document, by its title
    with pytest.raises(ShrinkingReload) as refused:
        write_document(driver, neo4j.database, parsed)
    assert figures(driver, neo4j.database) == before  # nothing written
    message = str(refused.value)
    statute = seed_documents["statute"]
    assert f"units {refused.value.before['Unit']:,} → {refused.value.after.get('Unit', 0):,}" in message
    assert refused.value.before["Power"] == len(statute.powers) and "--replace" in message
    assert STATUTE.name in message


def test_a_copy_with_its_head_re_encoded_is_not_read_as_a_document(tmp_path: Path) -> None:
    """Half Latin-1, half UTF-8 is neither encoding: refused before anything is written, with the line."""
    with pytest.raises(ParseError, match=r"neither UTF-8 \(from line 1\) nor Windows-1252 \(from line \d+\)"):
        load_file(damaged(tmp_path, "latin-1 head"))


def test_replace_says_the_smaller_reading_is_right(
    driver: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument], tmp_path: Path
) -> None:
    ensure_seeded(driver, neo4j, seed_documents)
    half = load_file(damaged(tmp_path, "half"))
    GraphState.seeded = False
    report = write_document(driver, neo4j.database, half, replace=True)
    assert report.previous["Power"] == len(seed_documents["statute"].powers)
    assert report.counts["Power"] == len(half.powers) < report.previous["Power"] / 2
    # and the whole statute loads back over it: a reload that grows is never refused
    again = write_document(driver, neo4j.database, seed_documents["statute"])
    assert again.counts["Power"] == len(seed_documents["statute"].powers)


def test_reloading_the_same_document_is_not_a_shrink(
    driver: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument]
) -> None:
    ensure_seeded(driver, neo4j, seed_documents)
    for document in seed_documents.values():
        report = write_document(driver, neo4j.database, document)
        assert report.counts == report.previous


def test_a_document_past_the_transaction_memory_limit_is_refused_whole(
    driver: Driver, neo4j: Neo4jTarget, tmp_path: Path
) -> None:
    """The test server holds one transaction to 256 MB (db.memory.transaction.max); a 2,000-unit
    Reglamento needs more: a clear error naming the setting, and nothing written."""
    if neo4j.kind == "env":
        pytest.skip("someone else's database (NEO4J_URI): its transaction memory limit is not the tests' to know")
    document = tmp_path / "reglamento.txt"
    write(2000, document)
    parsed = load_file(document)
    before = figures(driver, neo4j.database)
    # no retries (the CLI's and the API's drivers give up after ORGGRAPH_NEO4J_TIMEOUT_SECONDS)
    with (
        GraphDatabase.driver(neo4j.uri, auth=neo4j.auth, max_transaction_retry_time=0) as once,
        pytest.raises(WriteError, match="ORGGRAPH_NEO4J_TRANSACTION_MEMORY") as refused,
    ):
        write_document(once, neo4j.database, parsed)
    assert "reglamento.txt" in str(refused.value)
    assert figures(driver, neo4j.database) == before
