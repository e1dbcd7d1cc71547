"""Versions (issue 16): loading a later text of a loaded document keeps the earlier one, and their diff is
exact. The later text here is the sample estatuto with one fracción reworded by a (made-up) reform note."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.main import create_app
from loaders import load_file
from loaders.records import ParsedDocument
from loaders.writer import write_document
from tests.conftest import settings_for
from tests.support.neo4j_target import Neo4jTarget

DOC = "imss-bienestar/estatuto-organico"
ESTATUTO = Path(__file__).resolve().parents[2] / "data" / "documents" / "imss-bienestar-estatuto-organico-2023.txt"
BEFORE = "- **XVI.** Coordinar la evaluación del desempeño"
AFTER = "- **XVI.** Dirigir la evaluación del desempeño"


@pytest.fixture
def two_versions(
    empty_graph: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument], tmp_path: Path
) -> Iterator[TestClient]:
    write_document(empty_graph, neo4j.database, seed_documents["statute"])
    lines = ESTATUTO.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(BEFORE))
    lines[at] = lines[at].replace(BEFORE, AFTER)
    lines[at + 1 : at + 1] = ["", "Fracción modificada DOF 15-02-2024", ""]
    front = next(i for i, line in enumerate(lines) if "Última adición publicada DOF 28-12-2023" in line)
    lines[front] = lines[front].replace("DOF 28-12-2023", "DOF 15-02-2024")  # the later text says it is later
    newer = tmp_path / ESTATUTO.name
    newer.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parsed = load_file(newer)
    assert parsed.document.id == DOC
    write_document(empty_graph, neo4j.database, parsed)
    write_document(empty_graph, neo4j.database, parsed)  # the same text again: no second version
    with TestClient(create_app(settings_for(neo4j))) as client:
        yield client


def test_a_later_text_keeps_the_earlier_one_as_a_version(two_versions: TestClient) -> None:
    body = two_versions.get(f"/documents/{DOC}/versions").json()
    assert body["current"]["id"] == DOC and body["current"]["version_day"] == "2024-02-15"
    assert [v["id"] for v in body["versions"]] == [f"{DOC}@2023-12-28"]
    assert body["versions"][0]["version_day"] == "2023-12-28" and body["versions"][0]["superseded_at"]
    assert two_versions.get("/documents/nope/versions").status_code == 404


def test_the_diff_of_two_versions_is_exact(two_versions: TestClient) -> None:
    body = two_versions.get(f"/documents/{DOC}/diff", params={"version": f"{DOC}@2023-12-28"}).json()
    changes = [(c["subject"], c["change"], c["id"]) for g in body["groups"] for c in g["changes"]]
    fraction = f"{DOC}/art-41/frac-xvi"
    assert sorted(changes) == [("power", "reworded", f"{fraction}/power"), ("provision", "modified", fraction)]
    power = next(c for g in body["groups"] for c in g["changes"] if c["subject"] == "power")
    assert [(w["op"], w["text"]) for w in power["words"] if w["op"] != "equal"] == [
        ("delete", "Coordinar"),
        ("insert", "Dirigir"),
    ]
    assert power["before"].startswith("Coordinar") and power["after"].startswith("Dirigir")
    assert [(n["kind"], n["date"]) for n in power["notes"]] == [("modified", "2024-02-15")]
    assert body["groups"][0]["unit"]["id"] == "imss-bienestar/unit/coordinacion-de-recursos-humanos"
    text = two_versions.get(
        f"/documents/{DOC}/diff", params={"version": f"{DOC}@2023-12-28", "format": "markdown"}
    ).text
    assert "~~Coordinar~~ **Dirigir**" in text
    missing = two_versions.get(f"/documents/{DOC}/diff", params={"version": f"{DOC}@1999-01-01"})
    assert missing.status_code == 404
