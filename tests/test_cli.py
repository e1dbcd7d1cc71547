"""The `orggraph` command against the real database: load (good, bad, again) and who-may."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import Driver
from typer.testing import CliRunner

import cli.commands as cli
from orggraph.localserver import free_port
from orggraph.settings import PROJECT_ROOT, get_settings
from tests.conftest import SEEDS, GraphState
from tests.support.neo4j_target import Neo4jTarget

STATUTE = next(p for p in SEEDS if "estatuto" in p.name)
MANUAL = next(p for p in SEEDS if "manual" in p.name)


@pytest.fixture
def run(neo4j: Neo4jTarget, monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """Invoke the CLI with the test database in the environment, as a user would configure it."""
    monkeypatch.setenv("NEO4J_URI", neo4j.uri)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j.database)
    if neo4j.auth:
        monkeypatch.setenv("NEO4J_USER", neo4j.auth[0])
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j.auth[1])
    monkeypatch.setattr(cli.console, "width", 240)
    monkeypatch.setattr(cli.err_console, "width", 240)
    get_settings.cache_clear()
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli.app, list(args), catch_exceptions=False)

    yield invoke
    get_settings.cache_clear()


def graph_size(driver: Driver, database: str) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels", database_=database
    )
    return records[0]["nodes"], records[0]["rels"]


def test_load_twice_reports_counts_and_changes_nothing_the_second_time(
    run, empty_graph: Driver, neo4j: Neo4jTarget
) -> None:
    first = run("load", str(STATUTE), str(MANUAL))
    assert first.exit_code == 0, first.output
    lines = [line for line in first.output.splitlines() if line.startswith("loaded ")]
    assert len(lines) == 2  # one line a document, no parser notes unless asked (issue 18, item 5)
    assert any(line.startswith("loaded imss/manual-de-organizacion-3000-002-002 · manual ·") for line in lines)
    assert "imss-bienestar/estatuto-organico" in first.output and "read as" not in first.output
    size = graph_size(empty_graph, neo4j.database)
    assert size[0] > 2000 and size[1] > 5000
    again = run("load", "--verbose", "--force", str(MANUAL), str(STATUTE))
    assert again.exit_code == 0, again.output
    assert "organization" in again.output and "notes" in again.output  # the reading reports, when asked
    assert graph_size(empty_graph, neo4j.database) == size
    GraphState.seeded = True  # the graph now holds exactly the seeds


def test_a_file_loaded_unchanged_is_skipped_and_a_changed_one_written(
    run, seeded_graph: Driver, neo4j: Neo4jTarget, tmp_path: Path
) -> None:
    """Issue 11: re-running a load over a folder rewrites only what changed (same bytes, same reader)."""
    size = graph_size(seeded_graph, neo4j.database)
    unchanged = run("load", str(STATUTE), str(MANUAL))
    assert unchanged.exit_code == 0, unchanged.output
    assert "unchanged imss-bienestar/estatuto-organico" in unchanged.output
    assert "unchanged imss/manual-de-organizacion-3000-002-002" in unchanged.output
    assert "Loaded 0 documents, 2 unchanged" in unchanged.output
    edited = tmp_path / MANUAL.name
    edited.write_bytes(MANUAL.read_bytes() + b"\n")  # one more blank line: another file, the same reading
    rewritten = run("load", str(edited))
    assert rewritten.exit_code == 0, rewritten.output
    assert "loaded imss/manual-de-organizacion-3000-002-002" in rewritten.output
    assert graph_size(seeded_graph, neo4j.database) == size
    # The graph now records the edited file's checksum: the seed's own file is new to it again.
    assert "loaded imss/manual" in run("load", str(MANUAL)).output
    assert graph_size(seeded_graph, neo4j.database) == size


def test_a_bad_file_names_file_and_line_and_strict_writes_nothing(
    run, empty_graph: Driver, neo4j: Neo4jTarget, tmp_path: Path
) -> None:
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("\n\nMinuta de la reunión del comité\n\nSe acordó revisar el presupuesto.\n", encoding="utf-8")
    # --strict: the good manual comes first and is not written either, since every file is parsed first.
    result = run("load", "--strict", str(MANUAL), str(minutes))
    assert result.exit_code == 1
    assert f"{minutes}:3" in result.output and "neither a statute" in result.output
    assert graph_size(empty_graph, neo4j.database) == (0, 0)


def test_a_bad_file_among_good_ones_is_reported_and_the_others_load(
    run, empty_graph: Driver, neo4j: Neo4jTarget, tmp_path: Path
) -> None:
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("\n\nMinuta de la reunión del comité\n\nSe acordó revisar el presupuesto.\n", encoding="utf-8")
    result = run("load", str(minutes), str(MANUAL))  # parsed in parallel processes
    assert result.exit_code == 1  # not everything was loaded
    assert "not loaded" in result.output and f"{minutes}:3" in result.output
    assert "imss/manual-de-organizacion-3000-002-002" in result.output
    nodes, relationships = graph_size(empty_graph, neo4j.database)
    assert nodes > 500 and relationships > 1000


def test_a_statute_cut_in_half_does_not_replace_the_loaded_one_without_replace(
    run, empty_graph: Driver, neo4j: Neo4jTarget, tmp_path: Path
) -> None:
    """Issue 13, item 1: the figures, exit 1, nothing written; --replace loads it and says what it removed."""
    assert run("load", str(STATUTE), str(MANUAL)).exit_code == 0
    size = graph_size(empty_graph, neo4j.database)
    half = tmp_path / STATUTE.name
    half.write_bytes(STATUTE.read_bytes()[: STATUTE.stat().st_size // 2])
    refused = run("load", str(half), str(MANUAL))
    assert refused.exit_code == 1
    assert "not loaded" in refused.output and "would remove most of" in refused.output
    assert "powers 802 →" in refused.output and "--replace" in refused.output
    assert graph_size(empty_graph, neo4j.database) == size
    replaced = run("load", "--replace", str(half))
    assert replaced.exit_code == 0, replaced.output
    assert "replaced:" in replaced.output and "powers 802 →" in replaced.output
    assert graph_size(empty_graph, neo4j.database)[0] < size[0]


def test_check_reads_without_writing_and_reports_figures(run, empty_graph: Driver, neo4j: Neo4jTarget) -> None:
    import json

    result = run("check", "--json", str(STATUTE), str(MANUAL))
    assert result.exit_code == 0, result.output
    reports = {r["file"]: r for r in json.loads(result.output)}
    statute = reports[STATUTE.name]
    assert (statute["genre"], statute["organization"], statute["acronym"]) == (
        "statute",
        "imss-bienestar",
        "IMSS-BIENESTAR",
    )
    assert statute["articles"] == 82 and statute["units"] == 53 and statute["powers"] == 802
    assert statute["page_noise"]["running-header"] > 100
    assert reports[MANUAL.name]["genre"] == "manual" and reports[MANUAL.name]["units_with_powers"] >= 5
    assert graph_size(empty_graph, neo4j.database) == (0, 0)
    text = run("check", str(STATUTE))
    assert "82 articles · 53 units" in text.output


def test_load_refuses_a_missing_file_with_a_usage_error(run, tmp_path: Path) -> None:
    result = run("load", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "nope.txt" in result.output


def test_who_may_answers_with_holders_and_basis(run, seeded_graph: Driver) -> None:
    result = run("who-may", "firmar resoluciones de pensiones")
    assert result.exit_code == 0, result.output
    assert "actions ['firmar']" in result.output
    for holder in ("Jefatura de Servicios de Salud en el Trabajo", "Subdelegación", "Consejo Técnico"):
        assert holder in result.output
    assert "delegated" in result.output and "own" in result.output
    assert "imss/manual-de-organizacion-3000-002-002/sec-3/item-74 · 549-554" in result.output  # basis, lines


def test_who_may_with_no_answer_says_so(run, seeded_graph: Driver) -> None:
    result = run("who-may", "pilotar submarinos nucleares")
    assert result.exit_code == 0, result.output
    assert "0 powers, 0 holders" in result.output


def test_ask_answers_a_question_with_cited_sentences(run, seeded_graph: Driver) -> None:
    result = run("ask", "¿A quién reporta la Unidad Jurídica?")
    assert result.exit_code == 0, result.output
    assert "superiors" in result.output
    assert "La Unidad Jurídica depende de la Dirección General" in result.output
    assert "línea 402" in result.output


def test_ask_refuses_a_question_it_cannot_read(run, seeded_graph: Driver) -> None:
    result = run("ask", "¿Cuánto cuesta un café?")
    assert result.exit_code == 1
    assert "who_may (¿Quién puede firmar contratos?)" in result.output


def test_serve_runs_the_workers_it_is_asked_for(neo4j: Neo4jTarget) -> None:
    """`orggraph serve --workers 2`: two uvicorn worker processes answer on the one loopback port."""
    port = free_port()
    env = {**os.environ, "NEO4J_URI": neo4j.uri, "NEO4J_DATABASE": neo4j.database}
    if neo4j.auth:
        env |= {"NEO4J_USER": neo4j.auth[0], "NEO4J_PASSWORD": neo4j.auth[1]}
    server = subprocess.Popen(
        [sys.executable, "-m", "cli.commands", "serve", "--workers", "2", "--port", str(port)],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.5)
            workers = [pid for pid in children(server.pid) if b"spawn_main" in cmdline(pid)]
        assert len(workers) == 2, f"worker processes: {workers}"
        answered = None
        while time.monotonic() < deadline and answered is None:
            try:
                answered = httpx.get(f"http://127.0.0.1:{port}/health", timeout=5).status_code
            except httpx.HTTPError:
                time.sleep(0.5)
        assert answered == 200
    finally:
        server.terminate()
        server.wait(30)


def children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def test_unload_removes_a_document_and_says_which_it_did_not_find(run, empty_graph: Driver, neo4j) -> None:
    from loaders import load_file
    from loaders.writer import write_document
    from tests.corpus.scoring import CORPUS

    parsed = load_file(CORPUS / "torreon-simas-reglamento-interior-1993.txt")
    write_document(empty_graph, neo4j.database, parsed)
    result = run("unload", parsed.document.id, "no/such-document")
    assert result.exit_code == 1, result.output
    assert f"removed {parsed.document.id}" in result.output and "no/such-document" in result.output
    records, _, _ = empty_graph.execute_query("MATCH (d:Document) RETURN count(d) AS n", database_=neo4j.database)
    assert records[0]["n"] == 0


def test_diff_prints_the_changes_of_a_reform_as_the_api_gives_them(run, seeded_graph: Driver) -> None:
    result = run("diff", "imss-bienestar/estatuto-organico", "--from", "2023-09-14", "--to", "2023-12-31")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Estatuto Orgánico")
    assert "## Coordinación Estatal" in result.output
    assert "**provision derogated**" in result.output and "(derogated JG 2023-11-28)" in result.output
    as_json = run("diff", "imss-bienestar/estatuto-organico", "--from", "2023-09-14", "--to", "2023-12-31", "--json")
    assert '"provisions_derogated": 3' in as_json.output
    early = run("diff", "imss-bienestar/estatuto-organico", "--from", "2023-01-01")
    assert early.exit_code == 1 and "speaks from 2023-09-13" in early.output
