"""The whole statute seed (Estatuto Orgánico de IMSS-BIENESTAR), against figures counted by hand.

How the figures were counted (details, commands and judgement calls in tests/fixtures/seed_counts.md,
written from the raw text without looking at the parser): articles are the "Artículo N." headings of the
body (lines 147-2040; the índice above and the transitorios/decrees below excluded); fracciones are the
top-level roman items of each article, with six lost numerals and six "L." for "I." restored by reading
them in sequence; annotations are the "… adicionado/modificado/derogado/reubicado DOF|JG dd-mm-yyyy" and
"Aclaración DOF …" lines of the body, two on three of the lines.
"""

from __future__ import annotations

from collections import Counter

import pytest

from loaders.records import ParsedDocument

DOC = "imss-bienestar/estatuto-organico"

FRACCIONES = {
    "2": 19,
    "7": 2,
    "9": 7,
    "11": 10,
    "15": 9,
    "17": 19,
    "21": 9,
    "23": 14,
    "24": 11,
    "25": 25,
    "26": 16,
    "27": 21,
    "28": 23,
    "29": 14,
    "30": 8,
    "31": 18,
    "32": 13,
    "33": 14,
    "34": 16,
    "35": 30,
    "36": 20,
    "37": 19,
    "38": 18,
    "39": 20,
    "40": 21,
    "41": 20,
    "42": 15,
    "43": 20,
    "44": 13,
    "45": 21,
    "46": 7,
    "47": 13,
    "47-bis": 9,
    "48": 22,
    "49": 10,
    "50": 12,
    "51": 14,
    "52": 11,
    "53": 11,
    "54": 11,
    "54-bis": 18,
    "54-bis-1": 14,
    "54-bis-2": 10,
    "54-bis-3": 10,
    "55": 19,
    "57": 14,
    "58": 5,
    "65": 29,
    "68": 5,
    "70": 14,
    "71": 4,
    "72": 18,
    "73": 40,
    "74": 17,
    "75": 12,
    "76": 11,
    "77": 2,
}

ANNOTATIONS = {
    ("DOF", "2023-09-27", "added"): 17,
    ("DOF", "2023-09-27", "relocated"): 2,
    ("DOF", "2023-10-25", "clarified"): 3,
    ("JG", "2023-11-28", "added"): 10,
    ("JG", "2023-11-28", "modified"): 21,
    ("JG", "2023-11-28", "derogated"): 3,
    ("DOF", "2023-12-28", "added"): 6,
    ("DOF", "2023-12-28", "modified"): 27,
}

# Unit → hierarchical parent, read from Arts. 7 (governing bodies), 9 (the Junta "tendrá una"
# Secretaría Técnica and Prosecretaría), 21 and 68 (structure lists), 59 (the OIC's areas) and 58 (the
# Órgano de Vigilancia, placed nowhere, so only part of the organization).
UNITS_AND_PARENTS = {
    "Junta de Gobierno": "Servicios de Salud del Instituto Mexicano del Seguro Social para el Bienestar",
    "Dirección General": "Junta de Gobierno",
    "Secretaría Técnica": "Junta de Gobierno",
    "Prosecretaría": "Junta de Gobierno",
    "Unidad de Atención a la Salud": "Dirección General",
    **{
        f"Coordinación de {n}": "Unidad de Atención a la Salud"
        for n in (
            "Unidades de Primer Nivel",
            "Unidades de Segundo Nivel",
            "Hospitales de Alta Especialidad y Programas Especiales",
            "Enfermería",
            "Supervisión",
            "Epidemiología",
            "Educación e Investigación",
            "Programas Preventivos",
            "Normatividad y Planeación Médica",
        )
    },
    "Unidad de Administración y Finanzas": "Dirección General",
    **{
        f"Coordinación de {n}": "Unidad de Administración y Finanzas"
        for n in (
            "Programación y Presupuesto",
            "Contabilidad y Trámite de Erogaciones",
            "Finanzas",
            "Servicios de Administración",
            "Abasto",
            "Recursos Humanos",
            "Administración de Nómina Federalizada e IMSS-BIENESTAR",
            "Tecnologías de la Información",
        )
    },
    "Unidad de Infraestructura": "Dirección General",
    **{
        f"Coordinación de {n}": "Unidad de Infraestructura"
        for n in (
            "Proyectos y Construcción de Obras",
            "Equipamiento para Establecimientos de Salud",
            "Conservación y Mantenimiento de Infraestructura",
            "Evaluación y Seguimiento de Infraestructura Operativa",
        )
    },
    "Unidad Jurídica": "Dirección General",
    "Coordinación de Convenios, Contratos y Regularización Inmobiliaria": "Unidad Jurídica",
    "Coordinación de Asuntos Consultivos y Normativos": "Unidad Jurídica",
    "Coordinación de lo Contencioso": "Unidad Jurídica",
    "División de lo Laboral, Civil y Mercantil": "Coordinación de lo Contencioso",
    "División de Amparo y Procedimientos Penales": "Coordinación de lo Contencioso",
    "División de Procedimientos Jurídicos": "Coordinación de lo Contencioso",
    "Unidad de Planeación Estratégica y Coordinaciones Estatales": "Dirección General",
    "Coordinación de Planeación Estratégica": "Unidad de Planeación Estratégica y Coordinaciones Estatales",
    "Coordinación de Vinculación Estatal": "Unidad de Planeación Estratégica y Coordinaciones Estatales",
    "Coordinación de Padrón de Beneficiarios": "Unidad de Planeación Estratégica y Coordinaciones Estatales",
    "Coordinación Estatal": "Unidad de Planeación Estratégica y Coordinaciones Estatales",
    "Jefatura de Servicios de Atención a la Salud": "Coordinación Estatal",
    "Jefatura de Servicios Administrativos y Finanzas": "Coordinación Estatal",
    "Jefatura de Servicios Jurídicos": "Coordinación Estatal",
    "Departamento de Acción Comunitaria": "Coordinación Estatal",
    "Departamento de Planeación Estratégica": "Coordinación Estatal",
    "Coordinación de Acción Comunitaria": "Dirección General",
    "Coordinación de Transparencia y Vinculación": "Dirección General",
    "Órgano Interno de Control": "Dirección General",
    "Área de Auditoría Interna": "Órgano Interno de Control",
    "Área de Desarrollo y Mejora de la gestión Pública": "Órgano Interno de Control",
    "Área de Quejas, Denuncias e Investigaciones": "Órgano Interno de Control",
    "Área de Responsabilidades": "Órgano Interno de Control",
    "Órgano de Vigilancia": "Servicios de Salud del Instituto Mexicano del Seguro Social para el Bienestar",
}


@pytest.fixture(scope="module")
def statute(seed_documents: dict[str, ParsedDocument]) -> ParsedDocument:
    return seed_documents["statute"]


def _articles(statute: ParsedDocument) -> list[str]:
    return [p.number or "" for p in statute.provisions if p.kind == "articulo"]


def test_metadata(statute: ParsedDocument) -> None:
    doc = statute.document
    assert doc.id == DOC
    assert doc.title == (
        "Estatuto Orgánico de Servicios de Salud del Instituto Mexicano del Seguro Social "
        "para el Bienestar (IMSS-BIENESTAR)"
    )
    assert (doc.organization, doc.issuer) == ("imss-bienestar", "Junta de Gobierno")
    assert (str(doc.published), str(doc.last_modified)) == ("2023-09-13", "2023-12-28")


def test_articles(statute: ParsedDocument) -> None:
    numbers = _articles(statute)
    assert len(numbers) == 82
    assert numbers[:3] == ["1", "2", "3"] and numbers[-1] == "77"
    assert [n for n in numbers if "Bis" in n] == ["47 Bis", "54 Bis", "54 Bis 1", "54 Bis 2", "54 Bis 3"]


def test_fracciones_per_article(statute: ParsedDocument) -> None:
    counts = Counter(
        p.parent.split("/art-")[1]
        for p in statute.provisions
        if p.kind == "fraccion" and p.parent and p.parent.rsplit("/", 1)[1].startswith("art-")
    )
    assert dict(counts) == FRACCIONES
    assert sum(counts.values()) == 847


def test_amendment_annotations_by_date_and_kind(statute: ParsedDocument) -> None:
    dates = {a.id: (a.authority, a.date.isoformat()) for a in statute.amendments}
    found = Counter((*dates[e.target], e.props["kind"]) for e in statute.edges_of("AMENDED_BY"))
    assert dict(found) == ANNOTATIONS
    assert sum(found.values()) == 89
    # where three of them attach (one per scope): the provision each follows
    attached = {
        (e.source.removeprefix(DOC + "/"), e.props["kind"], e.props["scope"]) for e in statute.edges_of("AMENDED_BY")
    }
    assert ("art-47-bis", "added", "articulo") in attached  # glued to a running header on line 1328
    assert ("art-62/par-2", "modified", "parrafo") in attached
    assert ("tit-6", "relocated", "titulo") in attached


def test_derogated_provisions(statute: ParsedDocument) -> None:
    assert sorted(p.id.removeprefix(DOC + "/") for p in statute.provisions if p.status == "derogated") == [
        "art-21/frac-ix",
        "art-41/frac-xiv",
        "art-56",
    ]
    derogated = {p.id for p in statute.provisions if p.status == "derogated"}
    assert not any(pw.provision in derogated for pw in statute.powers)  # a derogated fracción gives no power


def test_units_and_their_parents(statute: ParsedDocument) -> None:
    names = {u.id: u.name for u in statute.units} | {o.id: o.name for o in statute.organizations}
    parents = {names[e.source]: names[e.target] for e in statute.edges_of("PART_OF")}
    assert parents == UNITS_AND_PARENTS
    kinds = Counter(u.kind for u in statute.units)
    assert (kinds["unidad"], kinds["coordinacion"], kinds["division"], kinds["jefatura"], kinds["departamento"]) == (
        5,
        30,
        3,
        3,
        2,
    )


def test_powers_by_holder_kind(statute: ParsedDocument) -> None:
    # Every fracción of a powers article is a power (847 fracciones, minus 45 that are structure
    # lists (Arts. 7, 21, 68), the member list (Art. 9), definitions (Art. 2) or the reform procedure
    # (Art. 77), minus the derogated Art. 41 XIV) = 802.
    assert len(statute.powers) == 847 - (2 + 9 + 5 + 7 + 19 + 2) - 1
    bases = Counter(e.props["basis"] for e in statute.edges_of("HAS_POWER"))
    # class-wide: Art. 23 (14 × 5 unidades) + 24 (11 × 30 coordinaciones) + 70 (14 × 3) + 71 (4 × 2)
    assert bases["class"] == 14 * 5 + 11 * 30 + 14 * 3 + 4 * 2
    held_by_article_15 = {e.source for e in statute.edges_of("HAS_POWER") if "/art-15/" in e.target}
    assert held_by_article_15 == {f"imss-bienestar/unit/{u}" for u in ("secretaria-tecnica", "prosecretaria")}


def test_governance_statements(statute: ParsedDocument) -> None:
    names = {u.id: u.name for u in statute.units} | {o.id: o.name for o in statute.organizations}

    def pairs(kind: str) -> set[tuple[str, str]]:
        return {(names[e.source], names[e.target]) for e in statute.edges_of(kind)}

    assert pairs("PRESIDES") == {("Instituto Mexicano del Seguro Social", "Junta de Gobierno")}
    assert {m for m, _ in pairs("MEMBER_OF")} == {
        "Instituto Mexicano del Seguro Social",
        "Secretaría de Salud",
        "Secretaría de Hacienda y Crédito Público",
        "Secretaría del Trabajo y Previsión Social",
        "Secretaría del Bienestar",
        "Sindicato mayoritario",
        "Dirección General",
    }
    assert ("Consejería Jurídica del Ejecutivo Federal", "Unidad Jurídica") in pairs("APPOINTS")
    assert ("Secretaría de la Función Pública", "Órgano Interno de Control") in pairs("DESIGNATES")
    assert ("Secretaría de la Función Pública", "Órgano de Vigilancia") in pairs("DESIGNATES")
    # Art. 11 IV: the Junta names and removes the two levels below the Dirección General (8 units, then
    # 28 coordinaciones and the OIC's 4 areas), except the titular of the Unidad Jurídica (Art. 43 VII
    # LOAPF; Art. 17 III: the Consejería Jurídica names it) and the OIC and its areas (Art. 59: the
    # Secretaría de la Función Pública designates them); plus the Secretaría Técnica (Art. 9).
    appointed_by_junta = {t for s, t in pairs("APPOINTS") if s == "Junta de Gobierno"}
    assert len(appointed_by_junta) == 7 + 28 - 1 + 1
    assert not appointed_by_junta & {"Unidad Jurídica", "Órgano Interno de Control", "Área de Responsabilidades"}
    assert ("Prosecretaría", "Secretaría Técnica") in pairs("SUBSTITUTES")
    assert ("Coordinación Estatal", "Jefatura de Servicios Jurídicos") in pairs("DELEGATES")  # Art. 67
    assert {t for s, t in pairs("REPORTS_TO")} == {  # Art. 64: "deberán alinearse a las disposiciones de …"
        "Dirección General",
        "Unidad de Planeación Estratégica y Coordinaciones Estatales",
        "Unidad de Administración y Finanzas",
    }
