"""POST /documents: an upload is read and written as `orggraph load` would, behind its own token."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.main import create_app
from tests.conftest import settings_for
from tests.corpus.scoring import CORPUS
from tests.support.neo4j_target import Neo4jTarget

SIMAS_PDF = CORPUS / "pdf" / "torreon-reglamento-interior-simas.pdf"
WRITE = {"Authorization": "Bearer write-token"}


@pytest.fixture
def uploads(empty_graph: Driver, neo4j: Neo4jTarget) -> Iterator[TestClient]:
    settings = settings_for(neo4j, write_token="write-token", cypher_token="cypher-token", upload_max_mb=1.0)
    with TestClient(create_app(settings)) as client:
        yield client


def documents(driver: Driver, neo4j: Neo4jTarget) -> int:
    records, _, _ = driver.execute_query("MATCH (d:Document) RETURN count(d) AS n", database_=neo4j.database)
    return records[0]["n"]


def test_uploads_are_off_unless_a_write_token_is_set(empty_graph: Driver, neo4j: Neo4jTarget) -> None:
    with TestClient(create_app(settings_for(neo4j))) as client:
        answer = client.post("/documents", files={"file": ("simas.pdf", SIMAS_PDF.read_bytes(), "application/pdf")})
    assert answer.status_code == 403 and "ORGGRAPH_WRITE_TOKEN" in answer.json()["error"]["message"]


def test_a_pdf_upload_is_loaded_with_its_reading_report(uploads: TestClient, empty_graph: Driver, neo4j) -> None:
    files = {"file": ("simas.pdf", SIMAS_PDF.read_bytes(), "application/pdf")}
    answer = uploads.post("/documents", files=files, headers=WRITE)
    assert answer.status_code == 201, answer.text
    document = answer.json()["document"]
    assert (document["source_file"], document["source_format"], document["pages"]) == ("simas.pdf", "pdf", 10)
    assert document["reading"]["units"] == 13 and document["reading"]["powers"] == 104
    assert any(row["id"] == document["id"] for row in uploads.get("/documents").json())
    again = uploads.post("/documents", files=files, headers=WRITE)  # loading again replaces: idempotent
    assert again.status_code == 201 and documents(empty_graph, neo4j) == 1


@pytest.mark.parametrize(
    ("headers", "name", "content", "status", "says"),
    [
        ({}, "simas.pdf", b"%PDF-1.4", 401, "ORGGRAPH_WRITE_TOKEN"),
        ({"Authorization": "Bearer cypher-token"}, "simas.pdf", b"%PDF-1.4", 401, "ORGGRAPH_WRITE_TOKEN"),
        (WRITE, "simas.docx", b"PK\x03\x04", 400, ".pdf, .txt or .md"),
        (WRITE, "simas.pdf", "Artículo 1. Texto.".encode(), 400, "the bytes do not"),
        (WRITE, "carta.txt", "Estimado señor:\n\nLe escribo para saludarlo.\n".encode(), 400, "carta.txt:"),
        (WRITE, "grande.txt", b"x" * (1024 * 1024 + 1), 413, "1 MB"),
    ],
    ids=["no-token", "the-cypher-token", "a-word-file", "text-named-pdf", "a-letter", "too-large"],
)
def test_what_cannot_be_loaded_is_refused_and_nothing_is_written(
    uploads: TestClient, empty_graph: Driver, neo4j, headers, name, content, status, says
) -> None:
    answer = uploads.post("/documents", files={"file": (name, content, "application/octet-stream")}, headers=headers)
    assert answer.status_code == status, answer.text
    assert says in answer.json()["error"]["message"]
    assert "/tmp/" not in answer.json()["error"]["message"]  # the server's paths stay on the server
    assert documents(empty_graph, neo4j) == 0


def test_an_upload_cut_short_does_not_replace_the_loaded_document(
    uploads: TestClient, empty_graph: Driver, neo4j: Neo4jTarget
) -> None:
    """Issue 13, item 1: 409 with the figures and nothing written; replace=true loads it."""
    text = (CORPUS / "sectur-reglamento-interior-2021.txt").read_bytes()
    whole = uploads.post("/documents", files={"file": ("sectur.txt", text, "text/plain")}, headers=WRITE)
    assert whole.status_code == 201, whole.text
    powers = whole.json()["document"]["reading"]["powers"]
    half = {"file": ("sectur.txt", text[: len(text) // 3], "text/plain")}
    refused = uploads.post("/documents", files=half, headers=WRITE)
    assert refused.status_code == 409, refused.text
    message = refused.json()["error"]["message"]
    assert f"powers {powers:,} →" in message and "replace=true" in message and "--replace" not in message
    assert uploads.get("/documents").json()[0]["reading"]["powers"] == powers  # unchanged
    replaced = uploads.post("/documents", files=half, data={"replace": "true"}, headers=WRITE)
    assert replaced.status_code == 201, replaced.text
    assert replaced.json()["document"]["reading"]["powers"] < powers / 2


def test_health_says_whether_uploads_are_on(uploads: TestClient, empty_graph: Driver, neo4j: Neo4jTarget) -> None:
    """What the explorer reads to show its upload button."""
    assert uploads.get("/health").json()["uploads"] is True
    with TestClient(create_app(settings_for(neo4j))) as client:
        assert client.get("/health").json()["uploads"] is False


def test_a_document_is_removed_behind_the_write_token(uploads: TestClient, empty_graph: Driver, neo4j) -> None:
    """DELETE /documents/{id}: the same token as uploads; what only the document said goes, in one go."""
    files = {"file": ("simas.pdf", SIMAS_PDF.read_bytes(), "application/pdf")}
    document = uploads.post("/documents", files=files, headers=WRITE).json()["document"]["id"]
    assert uploads.delete(f"/documents/{document}").status_code == 401
    assert uploads.delete(f"/documents/{document}", headers={"Authorization": "Bearer cypher-token"}).status_code == 401
    assert [d["id"] for d in uploads.get("/documents").json()] == [document]  # still there
    answer = uploads.delete(f"/documents/{document}", headers=WRITE)
    assert answer.status_code == 204, answer.text
    assert uploads.get("/documents").json() == []
    records, _, _ = empty_graph.execute_query(
        "MATCH (n) WHERE NOT n:GraphState RETURN count(n) AS n", database_=neo4j.database
    )
    assert records[0]["n"] == 0  # nothing another document speaks of was left behind
    assert uploads.delete(f"/documents/{document}", headers=WRITE).status_code == 404
    with TestClient(create_app(settings_for(neo4j))) as off:
        assert off.delete(f"/documents/{document}", headers=WRITE).status_code == 403
