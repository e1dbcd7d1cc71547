"""The whole manual seed (IMSS, clave 3000-002-002), against figures counted by hand.

How the figures were counted (details in tests/fixtures/seed_counts.md, written from the raw text
without the parser): sections are the numbered section titles; Marco Jurídico items are the sentences
of section 3, each naming one instrument, split at sentence ends that are not "H." (92 items, two
instruments listed twice); functions are the numbered items under each 7.x heading, read in sequence
across page breaks, running headers and blank lines.
"""

from __future__ import annotations

from collections import Counter

import pytest

from loaders.records import ParsedDocument

DOC = "imss/manual-de-organizacion-3000-002-002"
JEFATURA = "Jefatura de Servicios de Salud en el Trabajo, Prestaciones Económicas y Sociales"
SUPERVISION = "Departamento de Supervisión de Prestaciones Económicas"


@pytest.fixture(scope="module")
def manual(seed_documents: dict[str, ParsedDocument]) -> ParsedDocument:
    return seed_documents["manual"]


def names(manual: ParsedDocument) -> dict[str, str]:
    return {u.id: u.name for u in manual.units} | {o.id: o.name for o in manual.organizations}


def test_metadata(manual: ParsedDocument) -> None:
    doc = manual.document
    assert doc.id == DOC
    assert doc.title == f"Manual de Organización de la {JEFATURA}"
    assert (doc.organization, doc.clave, str(doc.in_force)) == ("imss", "3000-002-002", "2022-09-01")


def test_sections(manual: ParsedDocument) -> None:
    sections = [(p.number, p.heading) for p in manual.provisions if p.kind == "seccion_manual" and p.parent is None]
    assert sections == [
        ("1", "Introducción"),
        ("2", "Objetivo"),
        ("3", "Marco Jurídico – Administrativo"),
        ("4", "Atribuciones"),
        ("5", "Políticas"),
        ("6", "Organigrama"),
        ("7", "Funciones Sustantivas"),
    ]


def test_legal_framework_instruments_and_duplicates(manual: ParsedDocument) -> None:
    items = [p for p in manual.provisions if p.kind == "marco_juridico"]
    assert len(items) == 92
    listed = Counter(e.target for e in manual.edges_of("CITES") if e.props.get("context") == "marco_juridico")
    # 90 distinct instruments + the 2 acuerdos that approved a listed manual and the guardería rules
    assert len(listed) == 92
    assert sorted(i for i, n in listed.items() if n > 1) == [
        "mx/ley/ley-de-infraestructura-de-la-calidad",
        "mx/reglamento/reglamento-de-prestaciones-medicas-del-instituto-mexicano-del-seguro-social",
    ]
    types = Counter(next(i.type for i in manual.instruments if i.id == x) for x in listed)
    assert types == {
        "ley-general": 19,
        "ley-federal": 8,
        "ley": 22,
        "ley-organica": 1,
        "reglamento": 14,
        "norma": 9,
        "acuerdo": 7,
        "codigo": 4,
        "manual": 2,
        "constitucion": 1,
        "decreto": 1,
        "disposiciones": 1,
        "contrato": 1,
        "politicas": 1,
        "lineamientos": 1,
    }
    constitution = next(i for i in manual.instruments if i.type == "constitucion")
    assert str(constitution.published) == "1917-02-05"
    delegating = next(i for i in manual.instruments if i.identifier == "ACDO.SA2.HCT.240210/26.P.DPES")
    assert delegating.type == "acuerdo"


def test_attributions_quote_the_reglamento_interior(manual: ParsedDocument) -> None:
    reglamento = "mx/reglamento/reglamento-interior-del-instituto-mexicano-del-seguro-social"
    cited = sorted(
        {
            (e.props.get("article"), e.props.get("fraction") or "")
            for e in manual.edges_of("CITES")
            if e.target == reglamento and "/sec-4/" in e.source
        }
    )
    assert Counter(a for a, f in cited if f) == {"81": 12, "142": 3}
    assert {a for a, f in cited if not f} >= {"139", "142", "144", "145"}
    holders = {names(manual)[e.source] for e in manual.edges_of("HAS_POWER") if "/sec-4/art-81/" in e.target}
    assert holders == {"Dirección de Prestaciones Económicas y Sociales"}


def test_policies_of_the_head_unit(manual: ParsedDocument) -> None:
    policies = [e for e in manual.edges_of("HAS_POLICY")]
    assert len(policies) == 11
    assert {names(manual)[e.source] for e in policies} == {JEFATURA}


def test_functions_per_unit(manual: ParsedDocument) -> None:
    per_unit = Counter(
        names(manual)[e.source]
        for e in manual.edges_of("HAS_POWER")
        if "/sec-7/" in e.target and e.props["basis"] == "own"
    )
    assert per_unit == {
        JEFATURA: 47,
        "Departamento de Supervisión de Prestaciones Económicas": 32,
        "Departamento de Guarderías": 29,
        "Departamento de Prestaciones Sociales": 26,
        "Coordinación de Salud en el Trabajo": 24,
    }


def test_units_and_both_kinds_of_parent(manual: ParsedDocument) -> None:
    n = names(manual)
    parents = {n[e.source]: n[e.target] for e in manual.edges_of("PART_OF") if e.props.get("basis") != "organization"}
    assert parents == {
        JEFATURA: "Órgano de Operación Administrativa Desconcentrada",
        "Departamento de Supervisión de Prestaciones Económicas": JEFATURA,
        "Departamento de Guarderías": JEFATURA,
        "Departamento de Prestaciones Sociales": JEFATURA,
        "Coordinación de Salud en el Trabajo": JEFATURA,
        "Departamento de Pensiones en Subdelegaciones": JEFATURA,  # named in the introduction, no functions
        "Subdelegación": "Órgano de Operación Administrativa Desconcentrada",  # Art. 142 of the Reglamento
        "Oficina para Cobros": "Órgano de Operación Administrativa Desconcentrada",
    }
    normative = {(n[e.source], n[e.target], e.props["kind"]) for e in manual.edges_of("REPORTS_TO")}
    assert normative == {(JEFATURA, "Dirección de Prestaciones Económicas y Sociales", "normative")}
    ooad = next(u for u in manual.units if u.name == "Órgano de Operación Administrativa Desconcentrada")
    assert set(ooad.aliases) == {"Delegación", "OOAD"}


def test_history(manual: ParsedDocument) -> None:
    n = names(manual)
    renames = sorted((c.date.isoformat(), c.from_name, c.to_name) for c in manual.changes if c.kind == "renamed")
    assert renames == [
        ("2017-02-22", "Jefatura de Servicios de Prestaciones Económicas y Sociales", JEFATURA),
        ("2022-08-31", "Delegación", "Órgano de Operación Administrativa Desconcentrada"),
    ]
    moved = [c for c in manual.changes if c.kind == "moved"]
    assert len(moved) == 1
    roles = {e.props["role"]: n[e.target] for e in manual.edges_of("CHANGED") if e.source == moved[0].id}
    assert roles == {
        "subject": "Coordinación de Salud en el Trabajo",
        "from": "Jefatura de Servicios de Prestaciones Médicas",
        "to": JEFATURA,
    }
    assert Counter(c.kind for c in manual.changes) == {"renamed": 2, "moved": 1, "created": 4, "restructured": 4}
    jefatura = next(u for u in manual.units if u.name == JEFATURA)
    assert "Jefatura de Servicios de Prestaciones Económicas y Sociales" in jefatura.aliases


def test_the_acuerdo_delegates_pension_signing_to_five_posts(manual: ParsedDocument) -> None:
    n = names(manual)
    delegations = {e.props["post"]: n[e.target] for e in manual.edges_of("DELEGATES")}
    assert delegations == {
        "Jefes de Departamento de Pensiones Subdelegacionales": "Departamento de Pensiones en Subdelegaciones",
        "Subdelegados": "Subdelegación",
        "Jefes de Oficina de Pensiones Delegacionales": "Oficina de Pensiones Delegacional",
        "Jefes de Departamento de Supervisión de Prestaciones Económicas": SUPERVISION,
        "Jefes de Servicios de Prestaciones Económicas y Sociales": JEFATURA,  # its name before 2017
    }
    assert {n[e.source] for e in manual.edges_of("DELEGATES")} == {"Consejo Técnico"}
