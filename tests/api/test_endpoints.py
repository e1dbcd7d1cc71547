"""The HTTP API on a real Neo4j holding the two seeds: one test per endpoint and per error status."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

GUARDERIAS = "imss/unit/departamento-de-guarderias"
JEFATURA = "imss/unit/jefatura-de-servicios-de-salud-en-el-trabajo-prestaciones-economicas-y-sociales"
JURIDICA = "imss-bienestar/unit/unidad-juridica"


def test_documents(api: TestClient) -> None:
    docs = {d["id"]: d for d in api.get("/documents").json()}
    assert set(docs) == {"imss-bienestar/estatuto-organico", "imss/manual-de-organizacion-3000-002-002"}
    statute = docs["imss-bienestar/estatuto-organico"]
    assert (statute["genre"], statute["published"], statute["issuer"]) == ("statute", "2023-09-13", "Junta de Gobierno")
    counts = {c["label"]: c["count"] for c in statute["counts"]}
    assert (counts["Unit"], counts["Power"], counts["Provision"]) == (53, 802, 1054)
    manual = docs["imss/manual-de-organizacion-3000-002-002"]
    assert (manual["clave"], manual["in_force"]) == ("3000-002-002", "2022-09-01")


def test_units_match_names_and_former_names_without_accents(api: TestClient) -> None:
    page = api.get("/units", params={"q": "juridica"}).json()
    # The search engine's ranking (tests/api/test_unit_search.py): Unidad Jurídica first, then the Jurídicos.
    assert page["items"][0]["id"] == JURIDICA and page["total"] == 3
    former = api.get("/units", params={"q": "Jefatura de Servicios de Prestaciones Economicas y Sociales"}).json()
    assert [u["id"] for u in former["items"]] == [JEFATURA]
    coordinaciones = api.get(
        "/units", params={"kind": "coordinación", "organization": "imss-bienestar", "limit": 10, "offset": 10}
    ).json()
    assert coordinaciones["total"] == 30 and len(coordinaciones["items"]) == 10
    names = [u["name"] for u in api.get("/units", params={"kind": "coordinacion", "limit": 500}).json()["items"]]
    assert names == sorted(names, key=lambda n: n.lower().replace("ó", "o"))  # a stable order


def test_unit_detail(api: TestClient) -> None:
    body = api.get(f"/units/{JEFATURA}").json()
    assert body["unit"]["aliases"] == ["Jefatura de Servicios de Prestaciones Económicas y Sociales"]
    assert [(p["name"], p["basis"]) for p in body["parents"]] == [
        ("Órgano de Operación Administrativa Desconcentrada", "text")
    ]
    assert [(r["name"], r["line"]) for r in body["reports_to"]] == [
        ("Dirección de Prestaciones Económicas y Sociales", "normative")
    ]
    assert len(body["children"]) == 5
    assert {c["basis"]: c["count"] for c in body["power_counts"]} == {"own": 47, "delegated": 1}
    assert body["provenance"][0]["document"] == "imss/manual-de-organizacion-3000-002-002"
    assert body["provenance"][0]["line_start"] > 0


def test_superiors_of_guarderias(api: TestClient) -> None:
    body = api.get(f"/units/{GUARDERIAS}/superiors").json()
    assert [(s["depth"], s["node"]["name"], s["line"]) for s in body["chain"]] == [
        (1, "Jefatura de Servicios de Salud en el Trabajo, Prestaciones Económicas y Sociales", "hierarchical"),
        (2, "Órgano de Operación Administrativa Desconcentrada", "hierarchical"),
        (3, "Instituto Mexicano del Seguro Social", "hierarchical"),
    ]
    assert [(o["from"]["name"], o["to"]["name"], o["line"]) for o in body["other_lines"]] == [
        (
            "Jefatura de Servicios de Salud en el Trabajo, Prestaciones Económicas y Sociales",
            "Dirección de Prestaciones Económicas y Sociales",
            "normative",
        )
    ]


def test_subordinates_of_the_unidad_juridica_with_depths(api: TestClient) -> None:
    body = api.get(f"/units/{JURIDICA}/subordinates").json()
    assert [(s["name"], s["depth"]) for s in body["items"]] == [
        ("Coordinación de Asuntos Consultivos y Normativos", 1),
        ("Coordinación de Convenios, Contratos y Regularización Inmobiliaria", 1),
        ("Coordinación de lo Contencioso", 1),
        ("División de Amparo y Procedimientos Penales", 2),
        ("División de lo Laboral, Civil y Mercantil", 2),
        ("División de Procedimientos Jurídicos", 2),
    ]
    shallow = api.get(f"/units/{JURIDICA}/subordinates", params={"depth": 1}).json()
    assert shallow["total"] == 3


def test_unit_powers_with_their_basis(api: TestClient) -> None:
    body = api.get(f"/units/{JURIDICA}/powers", params={"limit": 500}).json()
    bases = {}
    for item in body["items"]:
        bases[item["basis"]] = bases.get(item["basis"], 0) + 1
    assert bases == {"own": 22, "class": 14}  # Art. 48 (22 fracciones) + Art. 23 (14, every unidad)
    own = next(i for i in body["items"] if i["provision"]["id"].endswith("/art-48/frac-i"))
    assert own["document"]["id"] == "imss-bienestar/estatuto-organico"
    ooad = api.get(
        "/units/imss/unit/organo-de-operacion-administrativa-desconcentrada/powers", params={"basis": "retained"}
    ).json()
    assert ooad["total"] == 2  # keeps signing pension resolutions (7.1 #30 and 7.1.1 #8)


def test_history_of_the_jefatura(api: TestClient) -> None:
    body = api.get(f"/units/{JEFATURA}/history").json()
    assert body["former_names"] == ["Jefatura de Servicios de Prestaciones Económicas y Sociales"]
    renamed = next(e for e in body["events"] if e["kind"] == "renamed")
    assert (renamed["date"], renamed["effective"], renamed["from_name"]) == (
        "2017-02-22",
        "2017-03-01",
        "Jefatura de Servicios de Prestaciones Económicas y Sociales",
    )
    assert renamed["instrument"]["identifier"] == "ACDO.AS2.HCT.220217/29.P.DA"
    assert {e["kind"] for e in body["events"]} >= {"renamed", "moved", "restructured"}


def test_legal_instruments_by_type_and_who_cites_them(api: TestClient) -> None:
    leyes = api.get("/legal-instruments", params={"type": "ley-general", "limit": 500}).json()
    titles = [i["title"] for i in leyes["items"]]
    assert leyes["total"] == 20 and "Ley General de Archivos" in titles and "Ley General de Salud" in titles
    archivos = api.get("/legal-instruments/mx/ley/ley-general-de-archivos").json()
    assert [d["id"] for d in archivos["documents"]] == ["imss/manual-de-organizacion-3000-002-002"]
    # the statute's Art. 70 V (every Jefatura de Servicios) cites it
    assert {u["unit"]["name"] for u in archivos["units"]} == {
        "Jefatura de Servicios de Atención a la Salud",
        "Jefatura de Servicios Administrativos y Finanzas",
        "Jefatura de Servicios Jurídicos",
    }
    assert any(p["provision"]["id"].endswith("/art-70/frac-v") for p in archivos["provisions"])


def test_provision_with_status_and_amendments(api: TestClient) -> None:
    body = api.get("/provisions/imss-bienestar/estatuto-organico/art-21/frac-ix").json()
    assert (body["provision"]["status"], body["provision"]["text"]) == ("derogated", "Se deroga.")
    assert [(a["kind"], a["authority"], a["date"]) for a in body["amendments"]] == [("derogated", "JG", "2023-11-28")]
    art21 = api.get("/provisions/imss-bienestar/estatuto-organico/art-21").json()
    assert [c["number"] for c in art21["children"] if c["kind"] == "fraccion"] == [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
    ]
    assert art21["parent"]["kind"] == "capitulo"


def test_amendments_of_a_date(api: TestClient) -> None:
    body = api.get("/amendments", params={"date": "2023-11-28", "limit": 500}).json()
    assert body["total"] == 34  # JG 28-11-2023: 10 added, 21 modified, 3 derogated
    kinds = {}
    for item in body["items"]:
        kinds[item["kind"]] = kinds.get(item["kind"], 0) + 1
    assert kinds == {"added": 10, "modified": 21, "derogated": 3}
    derogated = api.get("/amendments", params={"kind": "derogated"}).json()
    assert sorted(i["provision"]["id"].split("/", 2)[2] for i in derogated["items"]) == [
        "art-21/frac-ix",
        "art-41/frac-xiv",
        "art-56",
    ]


def test_exports(api: TestClient) -> None:
    csv_text = api.get("/export/csv").text
    assert csv_text.splitlines()[0] == "id,name,kind,organization,parent_id,parent_name,aliases,documents"
    assert len(csv_text.splitlines()) == 1 + 53 + 15
    graphml = api.get("/export/graphml", params={"organization": "imss"})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    assert "<graphml" in graphml.text and GUARDERIAS in graphml.text


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/units/imss/unit/no-such-unit", 404, "not_found"),
        ("/units/imss/unit/no-such-unit/superiors", 404, "not_found"),
        ("/provisions/nowhere", 404, "not_found"),
        ("/legal-instruments/mx/ley/no-such-law", 404, "not_found"),
        ("/units?limit=0", 400, "bad_request"),
        ("/units?limit=100000", 400, "bad_request"),
        ("/amendments?date=28-11-2023", 400, "bad_request"),
        ("/amendments?kind=rewritten", 400, "bad_request"),
        ("/who-may", 400, "bad_request"),
        ("/who-may?action=pensiones", 400, "bad_request"),
        ("/search?q=", 400, "bad_request"),
        ("/export/pdf", 400, "bad_request"),
        ("/no-such-endpoint", 404, "not_found"),
    ],
)
def test_errors_are_json_with_the_right_status(api: TestClient, path: str, status: int, code: str) -> None:
    response = api.get(path)
    assert response.status_code == status
    body = response.json()
    assert body["error"]["code"] == code and body["error"]["message"]
    assert "Traceback" not in json.dumps(body)


def test_openapi_lists_every_endpoint(api: TestClient) -> None:
    paths = set(api.get("/openapi.json").json()["paths"])
    assert {
        "/documents",
        "/units",
        "/units/{unit_id}",
        "/units/{unit_id}/superiors",
        "/units/{unit_id}/subordinates",
        "/units/{unit_id}/powers",
        "/units/{unit_id}/history",
        "/who-may",
        "/search",
        "/legal-instruments",
        "/legal-instruments/{instrument_id}",
        "/provisions/{provision_id}",
        "/amendments",
        "/cypher",
        "/export/{format}",
        "/health",
    } <= paths
