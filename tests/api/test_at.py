"""?at=YYYY-MM-DD: answers as the law stood on a day, on the sample documents through a real Neo4j.

The estatuto was published on 13 September 2023; the DOF of 27 September 2023 added its Título Quinto
(the Coordinaciones Estatales, arts. 61-76) and the Junta de Gobierno derogated art. 21 fr. IX, art. 41
fr. XIV and art. 56 on 28 November 2023. The manual's Jefatura took its present name on 1 March 2017.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

ORG = "imss-bienestar"
DOC = "imss-bienestar/estatuto-organico"
BEFORE, AFTER = "2023-09-14", "2023-12-31"
ESTATAL = "imss-bienestar/unit/coordinacion-estatal"
JEFATURA = "imss/unit/jefatura-de-servicios-de-salud-en-el-trabajo-prestaciones-economicas-y-sociales"


def ids(items: list[dict[str, Any]]) -> set[str]:
    return {i["id"] for i in items}


def test_without_at_the_answer_is_todays(api: TestClient) -> None:
    for path in ("/units", f"/units/{ESTATAL}", f"/units/{ESTATAL}/superiors", f"/units/{ESTATAL}/powers"):
        params = {"organization": ORG} if path == "/units" else {}
        assert api.get(path, params=params).json() == api.get(path, params=params).json()
        today = api.get(path, params={**params, "at": "2026-01-01"})
        assert today.status_code == 200
        body, plain = today.json(), api.get(path, params=params).json()
        if "sources" in plain:  # the one difference: the day the answer says it is for
            assert (body.pop("sources")["at"], plain.pop("sources")["at"]) == ("2026-01-01", None), path
        assert body == plain, path


def test_units_before_the_first_reform_have_no_titulo_quinto(api: TestClient) -> None:
    before = ids(api.get("/units", params={"organization": ORG, "at": BEFORE, "limit": 500}).json()["items"])
    after = ids(api.get("/units", params={"organization": ORG, "at": AFTER, "limit": 500}).json()["items"])
    quinto = {
        ESTATAL,
        "imss-bienestar/unit/jefatura-de-servicios-juridicos",
        "imss-bienestar/unit/departamento-de-accion-comunitaria",
    }
    assert quinto <= after and not quinto & before
    assert "imss-bienestar/unit/unidad-juridica" in before
    assert before < after


def test_a_unit_not_yet_law_is_404_with_the_day_it_became_law(api: TestClient) -> None:
    response = api.get(f"/units/{ESTATAL}", params={"at": BEFORE})
    assert response.status_code == 404
    assert "2023-09-27" in response.json()["error"]["message"]
    assert api.get(f"/units/{ESTATAL}", params={"at": AFTER}).status_code == 200


def test_a_day_before_the_documents_is_404_not_empty(api: TestClient) -> None:
    for path, params in (
        ("/units", {"organization": ORG}),
        ("/units/imss-bienestar/unit/unidad-juridica", {}),
        ("/units/imss-bienestar/unit/unidad-juridica/powers", {}),
        ("/who-may", {"q": "firmar contratos", "organization": ORG}),
        ("/orgchart", {"root": ORG}),
    ):
        response = api.get(path, params={**params, "at": "2023-09-12"})
        assert response.status_code == 404, path
        assert "2023-09-13" in response.json()["error"]["message"]
    assert api.get("/search", params={"q": "pensiones", "at": "1990-01-01"}).status_code == 404
    assert api.get("/units", params={"at": "not-a-date"}).status_code == 400


def test_powers_on_a_day_carry_only_the_amendments_made_by_then(api: TestClient) -> None:
    unit = "imss-bienestar/unit/coordinacion-de-servicios-de-administracion"
    before = api.get(f"/units/{unit}/powers", params={"at": BEFORE, "limit": 500}).json()
    today = api.get(f"/units/{unit}/powers", params={"limit": 500}).json()
    assert before["total"] > 0
    for item in before["items"]:
        assert all(a["date"] <= BEFORE for a in item["provision"]["amendments"])
    reworded = [i for i in today["items"] if i["power"].get("text_from")]
    assert reworded and all(i["power"]["text_from"] > BEFORE for i in reworded)
    assert any(a["date"] > BEFORE for i in reworded for a in i["provision"]["amendments"])


def test_the_chart_and_the_chain_of_command_on_a_day(api: TestClient) -> None:
    before = api.get("/orgchart", params={"root": ORG, "at": BEFORE}).json()
    after = api.get("/orgchart", params={"root": ORG, "at": AFTER}).json()
    assert ESTATAL not in ids(before["nodes"]) and ESTATAL in ids(after["nodes"])
    subordinates = api.get("/units/imss-bienestar/unit/direccion-general/subordinates", params={"at": BEFORE}).json()
    assert ESTATAL not in ids(subordinates["items"]) and subordinates["total"] > 30
    chain = api.get("/units/imss-bienestar/unit/jefatura-de-servicios-juridicos/superiors", params={"at": AFTER})
    assert ESTATAL in ids([c["node"] for c in chain.json()["chain"]])


def test_who_may_and_search_as_the_law_stood(api: TestClient) -> None:
    def holders(at: str) -> set[str]:
        body = api.get("/who-may", params={"q": "designar personal", "organization": ORG, "at": at}).json()
        return {h["unit"]["id"] for h in body["items"]}

    assert ESTATAL not in holders(BEFORE)
    hits = api.get("/search", params={"q": "coordinaciones estatales", "type": "unit", "at": BEFORE}).json()
    assert ESTATAL not in {h["id"] for h in hits["items"]}
    hits = api.get("/search", params={"q": "coordinacion estatal", "type": "unit", "at": AFTER}).json()
    assert ESTATAL in {h["id"] for h in hits["items"]}


def test_the_manual_jefatura_bore_its_former_name_before_the_2017_rename(api: TestClient) -> None:
    old = api.get(f"/units/{JEFATURA}", params={"at": "2016-12-31"})
    assert old.status_code == 200
    assert old.json()["unit"]["name"] == "Jefatura de Servicios de Prestaciones Económicas y Sociales"
    new = api.get(f"/units/{JEFATURA}", params={"at": "2017-03-01"}).json()
    assert new["unit"]["name"] == "Jefatura de Servicios de Salud en el Trabajo, Prestaciones Económicas y Sociales"
    assert api.get(f"/units/{JEFATURA}").json()["unit"]["name"] == new["unit"]["name"]


def test_ask_on_a_day(api: TestClient) -> None:
    before = api.get("/ask", params={"q": "¿A quién reporta la Jefatura de Servicios Jurídicos?", "at": BEFORE})
    assert before.status_code == 404
    after = api.get("/ask", params={"q": "¿A quién reporta la Jefatura de Servicios Jurídicos?", "at": AFTER})
    assert after.status_code == 200 and after.json()["items"]


def test_each_day_is_its_own_cached_answer(api: TestClient) -> None:
    first = api.get("/units", params={"organization": ORG, "at": BEFORE})
    second = api.get("/units", params={"organization": ORG, "at": AFTER})
    assert first.headers["etag"] != second.headers["etag"]
    assert api.get("/units", params={"organization": ORG, "at": BEFORE}).json() == first.json()


FRACTION_IX = f"{DOC}/art-21/frac-ix"  # derogated by the Junta de Gobierno on 28 November 2023


def test_history_on_a_day_tells_only_what_had_happened(api: TestClient) -> None:
    old = api.get(f"/units/{JEFATURA}/history", params={"at": "2016-12-31"}).json()
    assert old["unit"]["name"] == "Jefatura de Servicios de Prestaciones Económicas y Sociales"
    assert [e["kind"] for e in old["events"]] == ["restructured"] and old["former_names"] == []
    today = api.get(f"/units/{JEFATURA}/history").json()
    assert "renamed" in [e["kind"] for e in today["events"]]
    assert today["former_names"] == ["Jefatura de Servicios de Prestaciones Económicas y Sociales"]
    unit = "imss-bienestar/unit/coordinacion-de-servicios-de-administracion"
    before = api.get(f"/units/{unit}/history", params={"at": BEFORE}).json()["amendments"]
    now = api.get(f"/units/{unit}/history").json()["amendments"]
    assert all(a["date"] <= BEFORE for a in before) and any(a["date"] > BEFORE for a in now)
    assert api.get(f"/units/{ESTATAL}/history", params={"at": BEFORE}).status_code == 404


def test_instruments_on_a_day_are_those_of_the_powers_held_then(api: TestClient) -> None:
    unit = "imss-bienestar/unit/unidad-de-infraestructura"
    before = api.get(f"/units/{unit}/instruments", params={"at": BEFORE}).json()["instruments"]
    now = api.get(f"/units/{unit}/instruments").json()["instruments"]
    assert 0 < len(before) < len(now) and ids(before) < ids(now)
    assert api.get(f"/units/{ESTATAL}/instruments", params={"at": BEFORE}).status_code == 404


def test_a_provision_on_a_day_has_its_status_then(api: TestClient) -> None:
    then = api.get(f"/provisions/{FRACTION_IX}", params={"at": "2023-10-01"}).json()
    assert then["provision"]["status"] == "in_force" and then["amendments"] == []
    now = api.get(f"/provisions/{FRACTION_IX}").json()
    assert now["provision"]["status"] == "derogated"
    assert [(a["kind"], a["date"]) for a in now["amendments"]] == [("derogated", "2023-11-28")]
    article = api.get(f"/provisions/{DOC}/art-21", params={"at": "2023-10-01"}).json()
    assert {c["id"]: c["status"] for c in article["children"]}[FRACTION_IX] == "in_force"
    later = api.get(f"/provisions/{DOC}/art-2/frac-xix", params={"at": "2023-10-01"})  # added 28 November 2023
    assert later.status_code == 404 and "2023-11-28" in later.json()["error"]["message"]
    two = [api.get(f"/provisions/{DOC}/art-2", params=p).json()["children"] for p in ({"at": "2023-10-01"}, {})]
    assert f"{DOC}/art-2/frac-xix" in ids(two[1]) - ids(two[0])
    assert api.get(f"/provisions/{FRACTION_IX}", params={"at": "2023-09-12"}).status_code == 404


def test_amendments_on_a_day_are_those_made_by_then(api: TestClient) -> None:
    then = api.get("/amendments", params={"document": DOC, "at": "2023-11-28", "limit": 500}).json()
    now = api.get("/amendments", params={"document": DOC, "limit": 500}).json()
    assert 0 < then["total"] < now["total"]
    assert all(a["date"] <= "2023-11-28" for a in then["items"])
    statuses = {a["provision"]["id"]: a["provision"]["status"] for a in then["items"]}
    assert statuses[FRACTION_IX] == "derogated"  # derogated that very day
    october = api.get("/amendments", params={"document": DOC, "at": "2023-10-01", "limit": 500}).json()
    assert FRACTION_IX not in {a["provision"]["id"] for a in october["items"]}
    assert api.get("/amendments", params={"document": DOC, "at": "2023-09-12"}).status_code == 404


def test_the_export_on_a_day(api: TestClient) -> None:
    before = api.get("/export/csv", params={"organization": ORG, "at": BEFORE}).text
    now = api.get("/export/csv", params={"organization": ORG}).text
    assert ESTATAL + "," not in before and ESTATAL + "," in now
    old = api.get("/export/csv", params={"organization": "imss", "at": "2016-12-31"}).text
    row = next(line for line in old.splitlines() if line.startswith(JEFATURA + ","))
    assert row.split(",")[1] == "Jefatura de Servicios de Prestaciones Económicas y Sociales"
    graph = api.get("/export/jsonld", params={"organization": ORG, "at": BEFORE}).json()["@graph"]
    assert not [n for n in graph if n["@id"].endswith("/" + ESTATAL)]
