"""One search engine: GET /units?q= finds units with the same full-text search as GET /search?type=unit
(accents folded, plurals stemmed, former names, ranked), and both complete a word being typed."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

JURIDICA = "imss-bienestar/unit/unidad-juridica"
JURIDICOS = {
    JURIDICA,
    "imss-bienestar/unit/jefatura-de-servicios-juridicos",
    "imss-bienestar/unit/division-de-procedimientos-juridicos",
}
OOAD = "imss/unit/organo-de-operacion-administrativa-desconcentrada"


def unit_ids(api: TestClient, q: str, **params: object) -> list[str]:
    response = api.get("/units", params={"q": q, "limit": 100, **params})
    assert response.status_code == 200, response.text
    return [u["id"] for u in response.json()["items"]]


def search_ids(api: TestClient, q: str, **params: object) -> list[str]:
    response = api.get("/search", params={"q": q, "type": "unit", "limit": 100, **params})
    assert response.status_code == 200, response.text
    return [h["id"] for h in response.json()["items"]]


def test_units_q_finds_what_search_finds(api: TestClient) -> None:
    assert set(unit_ids(api, "juridica")) == set(search_ids(api, "juridica")) == JURIDICOS
    assert unit_ids(api, "juridica")[0] == JURIDICA  # ranked: the closest name first


@pytest.mark.parametrize("q", ["juridica", "Jurídicos", "guarderias", "Delegación", "servicios juridicos", "oficina"])
def test_units_q_and_search_agree(api: TestClient, q: str) -> None:
    assert unit_ids(api, q) == search_ids(api, q, prefix=True)


def test_a_word_being_typed_is_completed(api: TestClient) -> None:
    assert set(unit_ids(api, "jurid")) == JURIDICOS
    assert set(search_ids(api, "jurid", prefix=True)) == JURIDICOS
    assert search_ids(api, "jurid") == []  # without prefix=true, only whole words count
    assert unit_ids(api, "guarder") == ["imss/unit/departamento-de-guarderias"]
    assert unit_ids(api, "servicios jurid") == ["imss-bienestar/unit/jefatura-de-servicios-juridicos"]


def test_former_names_and_filters_still_apply(api: TestClient) -> None:
    # The former name ranks first; "Delegacional" begins with the word too.
    assert unit_ids(api, "Delegacion") == [OOAD, "imss/unit/oficina-de-pensiones-delegacional"]
    assert unit_ids(api, "juridica", organization="imss") == []
    assert unit_ids(api, "juridica", kind="unidad") == [JURIDICA]
    page = api.get("/units", params={"q": "coordinacion", "limit": 5, "offset": 5}).json()
    assert page["total"] > 10 and len(page["items"]) == 5


def test_search_hits_say_what_unit_they_are(api: TestClient) -> None:
    hit = api.get("/search", params={"q": "Delegación", "type": "unit"}).json()["items"][0]
    assert (hit["id"], hit["kind"], hit["organization"]) == (OOAD, "organo", "imss")
    assert hit["aliases"] == ["Delegación", "OOAD"]
