"""Who may do what, on the seeds, with each expected set derived by reading the text.

Seed 000 — "who may sign the resolutions that grant, reject or modify pensions":
* 7.1 function 30: the Jefatura "Revisar y firmar las resoluciones que conceden, rechazan y modifican las
  pensiones … sin perjuicio del ejercicio directo de esta facultad por parte de la persona Titular del Órgano
  de Operación Administrativa Desconcentrada" → the Jefatura holds it (own), the OOAD keeps it (retained).
* 7.1.1 function 8: the same for the Departamento de Supervisión de Prestaciones Económicas.
* Marco Jurídico: Acuerdo ACDO.SA2.HCT.240210/26.P.DPES of the H. Consejo Técnico "delega a los Jefes de
  Departamento de Pensiones Subdelegacionales, Subdelegados, Jefes de Oficina de Pensiones Delegacionales,
  Jefes de Departamento de Supervisión de Prestaciones Económicas y Jefes de Servicios de Prestaciones
  Económicas y Sociales, la facultad de firmar las resoluciones …" → five posts hold it by delegation (the
  last one is the Jefatura under its name before 2017), and the Consejo Técnico, which delegates it, holds it.
"""

from __future__ import annotations

from fastapi.testclient import TestClient

JEFATURA = "Jefatura de Servicios de Salud en el Trabajo, Prestaciones Económicas y Sociales"
ACUERDO = "ACDO.SA2.HCT.240210/26.P.DPES"


def holders(body: dict) -> dict[str, list[str]]:
    return {h["unit"]["name"]: h["bases"] for h in body["items"]}


def test_who_may_sign_pension_resolutions_in_the_manual(api: TestClient) -> None:
    body = api.get("/who-may", params={"q": "firmar resoluciones de pensiones", "limit": 500}).json()
    assert body["question"]["actions"] == ["firmar"]
    assert holders(body) == {
        JEFATURA: ["own", "delegated"],
        "Departamento de Supervisión de Prestaciones Económicas": ["own", "delegated"],
        "Departamento de Pensiones en Subdelegaciones": ["delegated"],
        "Subdelegación": ["delegated"],
        "Oficina de Pensiones Delegacional": ["delegated"],
        "Órgano de Operación Administrativa Desconcentrada": ["retained"],
        "Consejo Técnico": ["own"],
    }
    jefatura = next(h for h in body["items"] if h["unit"]["name"] == JEFATURA)
    delegated = next(p for p in jefatura["powers"] if p["basis"] == "delegated")
    instrument = delegated["legal_basis"]["delegated_by"][0]
    assert instrument["identifier"] == ACUERDO
    assert [u["name"] for u in instrument["delegated_by"]] == ["Consejo Técnico"]
    own = next(p for p in jefatura["powers"] if p["basis"] == "own")
    basis = own["legal_basis"]
    assert basis["provision"]["id"].endswith("/sec-7/7-1/fn-30")
    assert basis["document"]["id"] == "imss/manual-de-organizacion-3000-002-002"
    # the function's six lines in the source: "30. Revisar y firmar …" to "… ordenamientos emitidos en la materia."
    assert (basis["provision"]["line_start"], basis["provision"]["line_end"]) == (1062, 1067)
    assert [r["name"] for r in own["retained_by"]] == ["Órgano de Operación Administrativa Desconcentrada"]
    assert any(i["title"] == "Ley del Seguro Social" for i in basis["instruments"])


def test_the_question_is_accent_and_inflection_insensitive(api: TestClient) -> None:
    reference = holders(api.get("/who-may", params={"q": "firmar resoluciones de pensiones"}).json())
    for q in ("firma de pensiones", "Firmar pensión", "FIRMAR RESOLUCIÓN DE PENSIÓN", "suscribir pensiones"):
        assert holders(api.get("/who-may", params={"q": q}).json()) == reference, q
    split = api.get("/who-may", params={"action": "firmar", "object": "resoluciones de pensiones"}).json()
    assert holders(split) == reference


def test_who_may_sign_contracts_or_convenios_in_the_statute(api: TestClient) -> None:
    """Seed 003, firmar = suscribir:
    * Dirección General: Art. 17 VI, VII, VIII (suscribir convenios) and XI (firmar … convenios y contratos).
    * every unidad (5): Art. 23 XI, class-wide, "previa validación de la Unidad Jurídica".
    * the eight coordinaciones of the Unidad de Administración y Finanzas: Arts. 36 XVI, 37 XVI, 38 XVI,
      39 XV, 40 XX, 41 XV, 42 XIII, 43 XX, each "previa validación de la Unidad Jurídica".
    * Jefatura de Servicios Jurídicos: Art. 74 XIII, convenios "con el visto bueno de la Unidad Jurídica".
    * celebrar or formalizar a contract or convenio is signing it (questions/equivalences.toml):
      Coordinación de Proyectos y Construcción de Obras, Art. 45 VIII "Celebrar, los contratos de obras
      públicas …", "previo acuerdo con la persona titular de la Unidad de Infraestructura"; Coordinación
      Estatal, Art. 65 XIX "…; formalizar los contratos derivados de dichos procedimientos …" (the
      fracción's second act) and Art. 65 XIV "Celebrar todo tipo de convenios …, previa autorización de
      la Unidad Jurídica". The Dirección General also "Celebrar convenios" (Art. 17 IX, XIV).
    """
    params = {"organization": "imss-bienestar", "limit": 500}
    contratos = api.get("/who-may", params={"q": "firmar contratos", **params}).json()
    convenios = api.get("/who-may", params={"q": "suscribir convenios", **params}).json()
    everyone = {**holders(contratos), **holders(convenios)}
    unidades = {
        "Unidad de Atención a la Salud",
        "Unidad de Administración y Finanzas",
        "Unidad de Infraestructura",
        "Unidad Jurídica",
        "Unidad de Planeación Estratégica y Coordinaciones Estatales",
    }
    uaf = {
        "Coordinación de Programación y Presupuesto",
        "Coordinación de Contabilidad y Trámite de Erogaciones",
        "Coordinación de Finanzas",
        "Coordinación de Servicios de Administración",
        "Coordinación de Abasto",
        "Coordinación de Recursos Humanos",
        "Coordinación de Administración de Nómina Federalizada e IMSS-BIENESTAR",
        "Coordinación de Tecnologías de la Información",
    }

    def conditions(body: dict, unit: str) -> set[tuple[str, str]]:
        holder = next(h for h in body["items"] if h["unit"]["name"] == unit)
        return {(c["kind"], c["party"]["name"]) for p in holder["powers"] for c in p["conditions"]}

    celebrating = {"Coordinación de Proyectos y Construcción de Obras", "Coordinación Estatal"}
    assert set(everyone) == {"Dirección General", "Jefatura de Servicios Jurídicos"} | unidades | uaf | celebrating
    assert all(everyone[u] == ["class"] for u in unidades)
    assert "Jefatura de Servicios Jurídicos" not in holders(contratos)  # Art. 74 XIII is about convenios only
    assert len(holders(contratos)) == 16

    def how(body: dict, unit: str) -> list[tuple[str, str, str | None]]:
        holder = next(h for h in body["items"] if h["unit"]["name"] == unit)
        return [
            (p["legal_basis"]["provision"]["id"].split("/", 2)[2], m["action"], (m["equivalence"] or {}).get("id"))
            for p in holder["powers"]
            for m in p["match"][:1]
        ]

    assert how(contratos, "Coordinación Estatal") == [
        ("art-65/frac-xix", "formalizar", "celebrar-formalizar-contratos")
    ]
    assert how(contratos, "Coordinación de Proyectos y Construcción de Obras") == [
        ("art-45/frac-viii", "celebrar", "celebrar-formalizar-contratos")
    ]
    assert ("art-17/frac-xi", "firmar", None) in how(contratos, "Dirección General")
    assert ("art-23/frac-xi", "suscribir", "firmar-suscribir-signar") in how(contratos, "Unidad Jurídica")
    assert conditions(contratos, "Coordinación Estatal") == {("opinión", "Unidad Jurídica")}
    assert conditions(convenios, "Coordinación Estatal") == {("autorización", "Unidad Jurídica")}

    assert conditions(convenios, "Unidad de Infraestructura") == {("validación", "Unidad Jurídica")}
    assert conditions(convenios, "Coordinación de Abasto") == {("validación", "Unidad Jurídica")}
    assert conditions(convenios, "Jefatura de Servicios Jurídicos") == {("visto bueno", "Unidad Jurídica")}
    assert conditions(convenios, "Dirección General") == set()
    art23 = next(h for h in convenios["items"] if h["unit"]["name"] == "Unidad Jurídica")["powers"][0]
    assert (art23["basis"], art23["class_kind"]) == ("class", "unidad")
    assert art23["legal_basis"]["provision"]["id"] == "imss-bienestar/estatuto-organico/art-23/frac-xi"


def test_who_may_delegate_in_the_statute(api: TestClient) -> None:
    """Seed 003: Art. 19 (the Dirección General, any of its powers, to other public servants, keeping them;
    except what the law or the Junta reserve to it), Art. 22 third paragraph (the titulares of the unidades
    and coordinaciones, to those under their command: every unidad, and the two coordinaciones that have
    units under them), Art. 67 (the Coordinación Estatal, to the Jefaturas de Servicios). Art. 11: the Junta's
    powers are "indelegables". Art. 17 XI and XII: the Dirección General may delegate the signing of
    contracts and the certification of documents.
    """
    body = api.get("/who-may", params={"q": "delegar", "organization": "imss-bienestar"}).json()
    statements = {
        (
            d["unit"]["name"],
            d["provision"]["id"].rsplit("/", 2)[-2]
            if "/par-" in d["provision"]["id"]
            else d["provision"]["id"].rsplit("/", 1)[-1],
        )
        for d in body["delegations"]
    }
    assert statements == {
        ("Dirección General", "art-19"),
        ("Coordinación Estatal", "art-67"),
        ("Coordinación Estatal", "art-22"),
        ("Coordinación de lo Contencioso", "art-22"),
        ("Unidad Jurídica", "art-22"),
        ("Unidad de Administración y Finanzas", "art-22"),
        ("Unidad de Atención a la Salud", "art-22"),
        ("Unidad de Infraestructura", "art-22"),
        ("Unidad de Planeación Estratégica y Coordinaciones Estatales", "art-22"),
    }
    dg = next(d for d in body["delegations"] if d["unit"]["name"] == "Dirección General")
    assert dg["retains"] is True and "Junta de Gobierno" in dg["exceptions"]
    state = next(d for d in body["delegations"] if d["provision"]["id"].endswith("art-67"))
    assert sorted(x["name"] for x in state["delegates"]) == [
        "Jefatura de Servicios Administrativos y Finanzas",
        "Jefatura de Servicios Jurídicos",
        "Jefatura de Servicios de Atención a la Salud",
    ]
    assert holders(body) == {"Dirección General": ["own"]}  # Art. 17 XI and XII
    assert "Junta de Gobierno" not in {d["unit"]["name"] for d in body["delegations"]}


def test_conditions_and_cooperation_are_units(api: TestClient) -> None:
    body = api.get("/who-may", params={"q": "ejercer actos de dominio", "organization": "imss-bienestar"}).json()
    power = body["items"][0]["powers"][0]
    assert body["items"][0]["unit"]["name"] == "Coordinación Estatal"
    assert {(c["kind"], c["party"]["name"]) for c in power["conditions"]} == {
        ("autorización", "Unidad de Administración y Finanzas"),
        ("autorización", "Unidad Jurídica"),
    }
