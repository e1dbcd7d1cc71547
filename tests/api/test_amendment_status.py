"""Amendments where a reader needs them: a unit's history names the unit fully and lists the amendments
of the provisions its powers rest on; every power (in /units/{id}/powers and /who-may) carries its
provision's status, its amendments and the provisions that enclose it (the article of a fraction)."""

from __future__ import annotations

from fastapi.testclient import TestClient

JURIDICA = "imss-bienestar/unit/unidad-juridica"
HOSPITALES = "imss-bienestar/unit/coordinacion-de-hospitales-de-alta-especialidad-y-programas-especiales"
ART_28_X = "imss-bienestar/estatuto-organico/art-28/frac-x"
JG_2023_11_28 = ("JG", "2023-11-28")


def test_history_names_the_unit_with_its_kind_and_organization(api: TestClient) -> None:
    body = api.get(f"/units/{JURIDICA}/history").json()
    assert body["unit"] == {
        "id": JURIDICA,
        "name": "Unidad Jurídica",
        "kind": "unidad",
        "label": "Unit",
        "organization": "imss-bienestar",
    }


def test_history_lists_the_amendments_of_the_units_powers(api: TestClient) -> None:
    body = api.get(f"/units/{HOSPITALES}/history").json()
    amendments = body["amendments"]
    art_28_x = [a for a in amendments if a["provision"]["id"] == ART_28_X]
    assert [(a["kind"], a["authority"], a["date"], a["via"]) for a in art_28_x] == [
        ("modified", "JG", "2023-11-28", "power")
    ]
    assert art_28_x[0]["authority_name"] and art_28_x[0]["document"] == "imss-bienestar/estatuto-organico"
    assert art_28_x[0]["provision"]["number"] == "X"
    assert [w["number"] for w in art_28_x[0]["provision"]["within"]] == ["28"]
    # Every amendment of art. 28 the unit's powers rest on (fr. III, X, XVI modified; fr. XXIII added), by date.
    assert {a["provision"]["id"].rsplit("/", 1)[1] for a in amendments if "/art-28/" in a["provision"]["id"]} == {
        "frac-iii",
        "frac-x",
        "frac-xvi",
        "frac-xxiii",
    }
    assert [a["date"] for a in amendments] == sorted(a["date"] for a in amendments)
    # A unit none of whose provisions was amended has none.
    assert api.get("/units/imss/unit/departamento-de-guarderias/history").json()["amendments"] == []


def test_every_power_carries_its_provisions_status_and_amendments(api: TestClient) -> None:
    body = api.get(f"/units/{HOSPITALES}/powers", params={"limit": 500}).json()
    by_provision = {item["provision"]["id"]: item["provision"] for item in body["items"]}
    amended = by_provision[ART_28_X]
    assert amended["status"] == "in_force"
    assert [(a["kind"], a["scope"], a["authority"], a["date"], a["provision"]) for a in amended["amendments"]] == [
        ("modified", "fraccion", *JG_2023_11_28, ART_28_X)
    ]
    assert [(w["kind"], w["number"]) for w in amended["within"]] == [("articulo", "28")]
    untouched = by_provision["imss-bienestar/estatuto-organico/art-28/frac-i"]
    assert (untouched["status"], untouched["amendments"]) == ("in_force", [])
    # A manual's function sits in its section.
    manual = api.get("/units/imss/unit/departamento-de-guarderias/powers", params={"limit": 1}).json()
    assert [(w["kind"], w["number"]) for w in manual["items"][0]["provision"]["within"]][-1] == (
        "seccion_manual",
        "7.1.2",
    )


def test_who_may_carries_the_status_and_amendments_too(api: TestClient) -> None:
    body = api.get("/who-may", params={"q": "acordar la regionalización operativa"}).json()
    holder = next(h for h in body["items"] if h["unit"]["id"] == HOSPITALES)
    provision = holder["powers"][0]["legal_basis"]["provision"]
    assert provision["id"] == ART_28_X and provision["status"] == "in_force"
    assert [(a["kind"], a["authority"], a["date"]) for a in provision["amendments"]] == [("modified", *JG_2023_11_28)]
    assert [w["number"] for w in provision["within"]] == ["28"]
