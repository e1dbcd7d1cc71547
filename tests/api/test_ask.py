"""GET /ask on the samples: the issue's questions, the question set, and what it refuses to guess.

The question set (tests/fixtures/questions.toml) is asked in full through HTTP over the samples and
the Reglamento Interior of the Secretaría de Turismo, and every answer must be exactly its set.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.main import create_app
from loaders import load_file
from loaders.writer import write_document
from questions.question_set import QUESTIONS, keys, load
from tests.conftest import SEEDS, GraphState, settings_for, wipe
from tests.support.neo4j_target import Neo4jTarget

SECTUR = QUESTIONS.parents[2] / "data" / "corpus" / "sectur-reglamento-interior-2021.txt"
SET = load()["question"]


def ask(api: TestClient, q: str) -> dict:
    response = api.get("/ask", params={"q": q})
    assert response.status_code == 200, response.text
    return response.json()


def test_who_may_sign_contracts_is_the_sixteen_holders_with_basis_and_conditions(api: TestClient) -> None:
    body = ask(api, "¿Quién puede firmar contratos?")
    assert body["kind"] == "who_may" and body["slots"] == {"action": "firmar contratos"}
    assert body["endpoint"] == "/who-may"
    holders = {i["unit"] for i in body["items"]}
    assert len(holders) == len(body["items"]) == body["result"]["total"] == 16
    assert {
        "imss-bienestar/unit/coordinacion-estatal",
        "imss-bienestar/unit/coordinacion-de-proyectos-y-construccion-de-obras",
    } <= holders
    estatal = next(i for i in body["items"] if i["unit"] == "imss-bienestar/unit/coordinacion-estatal")
    assert estatal["text"].startswith("La Coordinación Estatal puede formalizar los contratos derivados")
    assert "previa opinión de la Unidad Jurídica" in estatal["text"]
    assert "celebrar o formalizar un contrato o convenio es suscribirlo" in estatal["text"]
    assert estatal["citation"]["provision_label"] == "art. 65, fracc. XIX"
    assert estatal["citation"]["line_start"] == 1747
    for item in body["items"]:  # every holder with its basis, cited down to the fracción
        assert (
            item["citation"]["provision_label"].startswith("art. ") and "fracc." in item["citation"]["provision_label"]
        )


def test_who_may_sign_pension_resolutions_is_the_seven_holders(api: TestClient) -> None:
    body = ask(api, "quienes pueden firmar resoluciones de pensiones")
    via_who_may = api.get("/who-may", params={"q": "firmar resoluciones de pensiones"}).json()
    assert {i["unit"] for i in body["items"]} == {h["unit"]["id"] for h in via_who_may["items"]}
    assert len(body["items"]) == 7


def test_to_whom_the_unidad_juridica_reports(api: TestClient) -> None:
    body = ask(api, "¿A quién reporta la Unidad Jurídica?")
    assert body["kind"] == "superiors"
    assert [i["unit"] for i in body["items"][:2]] == [
        "imss-bienestar/unit/direccion-general",
        "imss-bienestar/unit/junta-de-gobierno",
    ]
    assert body["items"][0]["text"] == "La Unidad Jurídica depende de la Dirección General (nivel inmediato)."
    assert body["items"][0]["citation"]["line_start"] == 402  # "IV. UNIDAD JURÍDICA" in art. 21


def test_what_depends_on_the_unidad_juridica_direct_and_all(api: TestClient) -> None:
    direct = ask(api, "¿Qué unidades dependen de la Unidad Jurídica?")
    every = ask(api, "que unidades dependen de la unidad juridica, todas")
    coordinaciones = {
        "imss-bienestar/unit/coordinacion-de-convenios-contratos-y-regularizacion-inmobiliaria",
        "imss-bienestar/unit/coordinacion-de-asuntos-consultivos-y-normativos",
        "imss-bienestar/unit/coordinacion-de-lo-contencioso",
    }
    divisiones = {
        "imss-bienestar/unit/division-de-lo-laboral-civil-y-mercantil",
        "imss-bienestar/unit/division-de-amparo-y-procedimientos-penales",
        "imss-bienestar/unit/division-de-procedimientos-juridicos",
    }
    assert (direct["slots"]["all"], every["slots"]["all"]) == (False, True)
    assert {i["unit"] for i in direct["items"]} == coordinaciones
    assert {i["unit"] for i in every["items"]} == coordinaciones | divisiones


@pytest.mark.parametrize(
    "q",
    ["hola", "¿Cuánto cuesta un café?", "firmar", "¿Qué unidades dependen de la Unidad de Nada Conocida?"],
)
def test_what_it_cannot_read_is_a_422_with_the_kinds_it_knows(api: TestClient, q: str) -> None:
    response = api.get("/ask", params={"q": q})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "unreadable_question"
    assert {k["kind"] for k in error["kinds"]} >= {"who_may", "superiors", "subordinates", "basis", "changes"}
    assert all(k["examples"] for k in error["kinds"])


# ----------------------------------------------------------------------------- the question set
@pytest.fixture(scope="module")
def set_api(driver: Driver, neo4j: Neo4jTarget) -> Iterator[TestClient]:
    """The samples and the Reglamento Interior of the Secretaría de Turismo; the API over them."""
    wipe(driver, neo4j)
    GraphState.seeded = False
    for path in [*SEEDS, SECTUR]:
        write_document(driver, neo4j.database, load_file(path))
    with TestClient(create_app(settings_for(neo4j))) as client:
        yield client
    wipe(driver, neo4j)


def test_the_question_set_is_large_and_covers_every_kind() -> None:
    assert len(SET) >= 60
    assert {q["kind"] for q in SET} == {
        "who_may",
        "unit_powers",
        "superiors",
        "subordinates",
        "basis",
        "delegation",
        "changes",
        "citations",
    }
    assert all(q["answer"] and q["evidence"] for q in SET)


@pytest.mark.parametrize("question", SET, ids=lambda q: q["q"])
def test_the_question_set_is_answered_exactly(set_api: TestClient, question: dict) -> None:
    body = ask(set_api, question["q"])
    assert body["kind"] == question["kind"]
    assert keys(body) == set(question["answer"])
    assert all(item["text"] and item["citation"]["document"] for item in body["items"])
