"""Search: accents folded in every word (short ones too), plurals stemmed, ranked, with highlights."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def search(api: TestClient, q: str, **params: object) -> dict:
    response = api.get("/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return response.json()


def test_accents_fold(api: TestClient) -> None:
    without = search(api, "juridica", type="unit")
    ids = [h["id"] for h in without["items"]]
    assert "imss-bienestar/unit/unidad-juridica" in ids
    assert ids == [h["id"] for h in search(api, "Jurídica", type="unit")["items"]]


@pytest.mark.parametrize(("a", "b"), [("pensión", "pensiones"), ("guarderia", "Guarderías"), ("convenio", "convenios")])
def test_singular_and_plural_find_the_same(api: TestClient, a: str, b: str) -> None:
    assert search(api, a)["total"] == search(api, b)["total"] > 0


def test_short_words_and_enie_fold(api: TestClient) -> None:
    # Lucene's Spanish stemmer leaves words under five letters alone: "día" and "dia" must still meet.
    dia = search(api, "dia", type="provision")
    assert dia["total"] == search(api, "día", type="provision")["total"] > 0
    assert "<mark>día</mark>" in dia["items"][0]["snippet"]
    assert search(api, "niñas")["total"] == search(api, "ninas")["total"] > 0  # "Niñas, Niños y Adolescentes"


def test_results_are_ranked_typed_and_highlighted(api: TestClient) -> None:
    body = search(api, "resoluciones pensiones", type="power")
    assert body["mode"] == "all"
    assert body["items"] == sorted(body["items"], key=lambda h: -h["score"])
    top = body["items"][0]
    assert top["type"] == "power" and top["holders"]
    assert "<mark>pensiones</mark>" in top["snippet"] and "<mark>resoluciones</mark>" in top["snippet"]
    instruments = search(api, "archivos", type="legal_instrument")
    assert instruments["items"][0]["id"] == "mx/ley/ley-general-de-archivos"


def test_any_word_when_no_result_has_them_all(api: TestClient) -> None:
    body = search(api, "guarderías xilófono")
    assert body["mode"] == "any" and body["total"] > 0


def test_lucene_syntax_is_escaped(api: TestClient) -> None:
    assert search(api, 'pensiones" OR *:*')["total"] >= 0  # no syntax error, no injection
    assert api.get("/search", params={"q": "de la"}).status_code in (200, 400)
