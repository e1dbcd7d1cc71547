"""Questions without content, answers at their cap, and accents as macOS sends them (issue 13, items 9-10)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.main import create_app
from loaders import load_file
from loaders.writer import write_document
from tests.api.test_cypher_and_exports import cypher
from tests.conftest import settings_for
from tests.support.neo4j_target import Neo4jTarget


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize("q", ["de", "de la y", " ", "\x00", "%", "de\x00"])
def test_a_question_without_content_is_a_400(api: TestClient, q: str) -> None:
    response = api.get("/who-may", params={"q": q})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == "bad_request"


def roman(n: int) -> str:
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV")):
        while n >= value:
            out, n = out + letters, n - value
    return out + "I" * n


def test_an_answer_at_the_cap_says_it_is_truncated(empty_graph: Driver, neo4j: Neo4jTarget, tmp_path: Path) -> None:
    """A statute of 600 powers to coordinate: who_may.cypher returns at most 500, and says so."""
    lines = [
        "ESTATUTO ORGÁNICO DEL INSTITUTO DE PRUEBA",
        "Artículo 1. El Instituto de Prueba contará con las unidades administrativas siguientes:",
        "I. Dirección General;",
        "II. Unidad de Coordinación.",
    ]
    for article, (unit, what) in enumerate(
        [
            ("La Dirección General", "los programas de la región"),
            ("La Unidad de Coordinación", "los proyectos del distrito"),
        ],
        start=2,
    ):
        lines.append(f"Artículo {article}. {unit} tendrá las atribuciones siguientes:")
        lines += [f"{roman(i)}. Coordinar {what} número {i};" for i in range(1, 301)]
    statute = tmp_path / "estatuto.txt"
    statute.write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_document(empty_graph, neo4j.database, load_file(statute, "statute"))
    with TestClient(create_app(settings_for(neo4j))) as client:
        wide = client.get("/who-may", params={"q": "coordinar"}).json()
        narrow = client.get("/who-may", params={"q": "coordinar proyectos"}).json()
    assert (wide["powers"], wide["truncated"]) == (500, True)
    assert (narrow["powers"], narrow["truncated"]) == (300, False)


def test_search_finds_the_same_in_nfd_as_in_nfc(api: TestClient) -> None:
    nfc = api.get("/search", params={"q": "jurídica"}).json()
    decomposed = api.get("/search", params={"q": nfd("jurídica")}).json()
    assert nfc["total"] > 0
    assert decomposed["total"] == nfc["total"]
    assert [h["id"] for h in decomposed["items"]] == [h["id"] for h in nfc["items"]]
    assert decomposed["query"] == "jurídica"  # echoed in NFC


def test_who_may_finds_the_same_in_nfd_as_in_nfc(api: TestClient) -> None:
    nfc = api.get("/who-may", params={"q": "proponer políticas"}).json()
    decomposed = api.get("/who-may", params={"q": nfd("proponer políticas")}).json()
    assert nfc["total"] > 0 and decomposed["total"] == nfc["total"]


def test_json_bodies_are_nfc_too(api: TestClient) -> None:
    unit = "imss-bienestar/unit/unidad-juridica"
    response = cypher(api, nfd("MATCH (u:Unit {name: 'Unidad Jurídica'}) RETURN u.id AS id"))
    assert response.status_code == 200 and response.json()["rows"] == [[unit]]
    parameters = cypher(api, "MATCH (u:Unit {name: $name}) RETURN u.id AS id", name=nfd("Unidad Jurídica"))
    assert parameters.json()["rows"] == [[unit]]


def test_search_total_stays_right_past_the_last_page(api: TestClient) -> None:
    first = api.get("/search", params={"q": "juridica", "type": "unit"}).json()
    beyond = api.get("/search", params={"q": "juridica", "type": "unit", "offset": first["total"] + 40}).json()
    assert first["total"] > 0
    assert beyond["items"] == [] and beyond["total"] == first["total"]


def test_search_refuses_an_unknown_type(api: TestClient) -> None:
    assert api.get("/search", params={"q": "juridica", "type": "planet"}).status_code == 400
