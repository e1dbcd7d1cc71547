"""Four documents in styles the seeds do not use (tests/fixtures/README.md lists each style and the
facts a correct parser must extract): plain hard-wrapped Reglamento Interior with apartados and "1o.-"
articles; a markdown-like Estatuto with an índice, ARTÍCULO in capitals, Bis/Ter and an appended decree;
a manual with roman sections, "I."/"a)" unit headings and roman functions; a manual with "·" bullets,
"(DOF …)" on its own line and an acuerdo that delegates to posts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from loaders import load_file
from loaders.records import ParsedDocument

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def load(name: str) -> ParsedDocument:
    return load_file(FIXTURES / name)


def names(doc: ParsedDocument) -> dict[str, str]:
    return {u.id: u.name for u in doc.units} | {o.id: o.name for o in doc.organizations}


def parents(doc: ParsedDocument) -> dict[str, str]:
    n = names(doc)
    return {n[e.source]: n[e.target] for e in doc.edges_of("PART_OF") if e.props.get("basis") != "organization"}


def fractions(doc: ParsedDocument) -> dict[str, int]:
    counts = Counter(
        p.parent.rsplit("/art-", 1)[1]
        for p in doc.provisions
        if p.kind == "fraccion"
        and p.parent
        and "/art-" in p.parent
        and p.zone == "body"
        and p.parent.rsplit("/", 1)[1].startswith("art-")
    )
    return dict(counts)


def powers_of(doc: ParsedDocument, basis: str = "own") -> dict[str, int]:
    n = names(doc)
    return dict(Counter(n[e.source] for e in doc.edges_of("HAS_POWER") if e.props["basis"] == basis))


def text_of(doc: ParsedDocument, suffix: str) -> str:
    return next(p.text for p in doc.provisions if p.id.endswith(suffix))


class TestPlainReglamento:
    doc = load("statute_plain.txt")

    def test_metadata(self) -> None:
        d = self.doc.document
        assert (d.genre, d.organization, d.title) == (
            "statute",
            "invir",
            "Reglamento Interior del Instituto Nacional de Vivienda Rural (INVIR)",
        )
        assert (str(d.published), str(d.last_modified), d.issuer) == ("2018-06-04", "2021-03-15", "Junta Directiva")

    def test_articles_and_fracciones(self) -> None:
        assert [p.number for p in self.doc.provisions if p.kind == "articulo"] == [str(i) for i in range(1, 20)]
        # art. 5o. lists 3 + 1 fracciones under its two apartados
        assert fractions(self.doc) == {
            "2": 4,
            "4": 2,
            "6": 5,
            "7": 5,
            "8": 6,
            "10": 4,
            "12": 7,
            "13": 6,
            "14": 4,
            "15": 4,
            "16": 6,
            "17": 5,
        }
        transitorios = [p for p in self.doc.provisions if p.kind == "transitorio"]
        assert [t.number for t in transitorios] == ["1", "2"]

    def test_units_and_parents_under_apartados(self) -> None:
        assert parents(self.doc) == {
            "Junta Directiva": "Instituto Nacional de Vivienda Rural",
            "Dirección General": "Junta Directiva",
            "Unidad de Asuntos Jurídicos": "Dirección General",
            "Dirección de Programas Rurales": "Dirección General",
            "Subdirección de Vivienda Comunitaria": "Dirección de Programas Rurales",
            "Subdirección de Mejoramiento de Vivienda": "Dirección de Programas Rurales",
            "Dirección de Administración y Finanzas": "Dirección General",
            "Delegación Regional": "Dirección General",
        }

    def test_powers_class_wide_and_conditions(self) -> None:
        assert powers_of(self.doc) == {
            "Junta Directiva": 4,
            "Dirección General": 6,
            "Unidad de Asuntos Jurídicos": 7,
            "Dirección de Programas Rurales": 6,
            "Subdirección de Vivienda Comunitaria": 4,
            "Subdirección de Mejoramiento de Vivienda": 4,
            "Dirección de Administración y Finanzas": 6,
            "Delegación Regional": 5,
        }
        # "cada titular de las Direcciones": the two direcciones of the structure, not the Dirección General
        assert powers_of(self.doc, "class") == {
            "Dirección de Programas Rurales": 4,
            "Dirección de Administración y Finanzas": 4,
        }
        n = names(self.doc)
        requires = {(e.source.split("/art-")[1], n[e.target], e.props["kind"]) for e in self.doc.edges_of("REQUIRES")}
        assert ("16/frac-ii/power", "Dirección General", "autorización") in requires
        cooperation = {(e.source.split("/art-")[1], n[e.target]) for e in self.doc.edges_of("IN_COORDINATION_WITH")}
        assert cooperation == {("13/frac-iii/power", "Unidad de Asuntos Jurídicos")}

    def test_fracciones_resumed_after_a_page_break(self) -> None:
        assert text_of(self.doc, "/art-8/frac-iv") == (
            "Suscribir los convenios de coordinación con las entidades federativas y los municipios para la "
            "ejecución de los programas de vivienda rural del Instituto;"
        )
        assert text_of(self.doc, "/art-14/frac-iii") == (
            "Dar seguimiento a la aplicación de los subsidios otorgados para la vivienda comunitaria y verificar "
            "la comprobación de los recursos correspondientes, y"
        )

    def test_delegation_absence_derogation_annotations_citations(self) -> None:
        n = names(self.doc)
        delegates = {n[e.target] for e in self.doc.edges_of("DELEGATES") if n[e.source] == "Dirección General"}
        assert "Unidad de Asuntos Jurídicos" in delegates and "Subdirección de Vivienda Comunitaria" in delegates
        assert all(e.props["retains"] for e in self.doc.edges_of("DELEGATES"))
        assert {(n[e.source], n[e.target]) for e in self.doc.edges_of("SUBSTITUTES")} == {
            ("Unidad de Asuntos Jurídicos", "Dirección General")
        }
        derogated = [p for p in self.doc.provisions if p.status == "derogated"]
        assert [p.id.split("/", 2)[2] for p in derogated] == ["art-7/frac-iii"]
        assert text_of(self.doc, "/art-7/frac-iv").startswith("Aprobar los lineamientos")
        amended = sorted((e.source.split("/", 2)[2], e.props["kind"]) for e in self.doc.edges_of("AMENDED_BY"))
        assert amended == [("art-7/frac-iii", "derogated"), ("art-9", "modified")]
        cites = {(e.source.split("/", 2)[2], e.props.get("article")) for e in self.doc.edges_of("CITES")}
        assert {("art-7", "58"), ("art-8", "22")} <= cites

    def test_members_of_the_board(self) -> None:
        n = names(self.doc)
        assert {(n[e.source], n[e.target]) for e in self.doc.edges_of("PRESIDES")} == {
            ("Secretaría de Desarrollo Agrario, Territorial y Urbano", "Junta Directiva")
        }
        assert len(self.doc.edges_of("MEMBER_OF")) == 5


class TestMarkdownEstatuto:
    doc = load("statute_markdown.txt")

    def test_index_and_appended_decree_are_not_the_body(self) -> None:
        numbers = [p.number for p in self.doc.provisions if p.kind == "articulo"]
        assert numbers == [*[str(i) for i in range(1, 16)], "15 Bis", "15 Ter", "16", "17"]
        headings = [(p.kind, p.number) for p in self.doc.provisions if p.kind in ("titulo", "capitulo")]
        assert Counter(k for k, _ in headings) == {"titulo": 4, "capitulo": 6}
        assert [p.number for p in self.doc.provisions if p.kind == "transitorio" and p.zone == "transitory"] == [
            "1",
            "2",
        ]
        decree = next(p for p in self.doc.provisions if p.kind == "decreto")
        assert decree.heading.startswith("Decreto por el que se Reforma el Estatuto Orgánico del Centro")
        assert not self.doc.notes  # no duplicated articles, no out-of-sequence fracciones

    def test_fracciones_units_and_parents(self) -> None:
        assert fractions(self.doc) == {
            "2": 4,
            "4": 2,
            "5": 5,
            "6": 4,
            "8": 8,
            "9": 4,
            "11": 4,
            "12": 5,
            "13": 3,
            "14": 3,
            "15": 4,
            "15-bis": 3,
            "15-ter": 3,
        }
        assert parents(self.doc) == {
            "Junta de Gobierno": "Centro Nacional de Energías Limpias",
            "Dirección General": "Junta de Gobierno",
            "Unidad Jurídica": "Dirección General",
            "Dirección de Investigación y Desarrollo Tecnológico": "Dirección General",
            "Subdirección de Energía Solar": "Dirección de Investigación y Desarrollo Tecnológico",
            "Subdirección de Almacenamiento de Energía": "Dirección de Investigación y Desarrollo Tecnológico",
            "Departamento de Baterías y Almacenamiento Electroquímico": "Subdirección de Almacenamiento de Energía",
            "Departamento de Hidrógeno Verde": "Subdirección de Almacenamiento de Energía",
            "Dirección de Vinculación Tecnológica": "Dirección General",
            "Dirección de Administración y Finanzas": "Dirección General",
        }
        assert "Dirección de Vinculación Tecnológica" not in powers_of(self.doc)  # listed, given no powers

    def test_board_conditions_absence_and_annotations(self) -> None:
        n = names(self.doc)
        assert {(n[e.source], n[e.target]) for e in self.doc.edges_of("PRESIDES")} == {
            ("Secretaría de Energía", "Junta de Gobierno")
        }
        assert len(self.doc.edges_of("MEMBER_OF")) == 5
        requires = {(e.source.split("/art-")[1], n[e.target], e.props["kind"]) for e in self.doc.edges_of("REQUIRES")}
        assert ("8/frac-vi/power", "Unidad Jurídica", "opinión") in requires
        assert {(n[e.source], n[e.target]) for e in self.doc.edges_of("SUBSTITUTES")} == {
            ("Dirección de Investigación y Desarrollo Tecnológico", "Dirección General")
        }
        amended = sorted((e.source.split("/", 2)[2], e.props["kind"]) for e in self.doc.edges_of("AMENDED_BY"))
        assert amended == [("art-15-bis", "added"), ("art-15-ter", "added"), ("art-8/frac-vi", "modified")]
        assert self.doc.document.issuer == "Junta de Gobierno"


class TestRomanManual:
    doc = load("manual_roman.txt")

    def test_metadata_sections_and_legal_framework(self) -> None:
        d = self.doc.document
        assert (d.genre, d.organization, d.title) == (
            "manual",
            "conap",
            "Manual de Organización de la Dirección de Operación Hidráulica",
        )
        sections = [p.heading for p in self.doc.provisions if p.kind == "seccion_manual" and p.parent is None]
        assert sections == ["ANTECEDENTES", "MARCO JURÍDICO", "OBJETIVO", "ESTRUCTURA ORGÁNICA", "FUNCIONES"]
        items = [p for p in self.doc.provisions if p.kind == "marco_juridico"]
        listed = Counter(e.target for e in self.doc.edges_of("CITES") if e.props.get("context") == "marco_juridico")
        assert (len(items), len(listed)) == (8, 7)
        assert [i for i, k in listed.items() if k == 2] == ["mx/ley/ley-general-de-proteccion-civil"]
        federal = next(i for i in self.doc.instruments if i.title == "Ley Federal de las Entidades Paraestatales")
        assert str(federal.published) == "1986-05-14"  # the item was split by a page footer

    def test_units_lines_functions_and_rename(self) -> None:
        assert parents(self.doc) == {
            "Dirección de Operación Hidráulica": "Subdirección General Técnica",
            "Subdirección de Presas": "Dirección de Operación Hidráulica",
            "Subdirección de Acueductos": "Dirección de Operación Hidráulica",
            "Departamento de Mantenimiento Preventivo": "Dirección de Operación Hidráulica",
        }
        n = names(self.doc)
        assert {(n[e.source], n[e.target], e.props["kind"]) for e in self.doc.edges_of("REPORTS_TO")} == {
            ("Dirección de Operación Hidráulica", "Coordinación General de Normatividad", "normative")
        }
        assert powers_of(self.doc) == {
            "Dirección de Operación Hidráulica": 6,
            "Subdirección de Presas": 5,
            "Subdirección de Acueductos": 5,
        }
        presas_iii = next(p.text for p in self.doc.powers if "pronóstico de escurrimientos" in p.text)
        assert presas_iii == (
            "Determinar las políticas de extracción de las presas con base en el pronóstico de "
            "escurrimientos, en coordinación con los organismos de cuenca correspondientes."
        )
        renames = [(c.from_name, c.to_name, str(c.date)) for c in self.doc.changes if c.kind == "renamed"]
        assert renames == [("Gerencia de Presas", "Subdirección de Presas", "2015-03-03")]
        presas = next(u for u in self.doc.units if u.name == "Subdirección de Presas")
        assert presas.aliases == ["Gerencia de Presas"]
        assert not self.doc.edges_of("DELEGATES")


class TestDotBulletsManual:
    doc = load("manual_dot_bullets.txt")

    def test_metadata_sections_policies_and_legal_framework(self) -> None:
        d = self.doc.document
        assert (d.organization, d.clave, d.title) == (
            "inrecat",
            "2430-003-001",
            "Manual de Organización de la Coordinación de Rehabilitación Laboral",
        )
        assert len(self.doc.edges_of("HAS_POLICY")) == 3
        items = [p for p in self.doc.provisions if p.kind == "marco_juridico"]
        assert len(items) == 9
        published = {i.title: str(i.published) for i in self.doc.instruments}
        assert published["Constitución Política de los Estados Unidos Mexicanos"] == "1917-02-05"
        assert published["Ley Federal de las Entidades Paraestatales"] == "1986-05-14"  # after a page break
        nom = next(i for i in self.doc.instruments if i.type == "norma")
        assert (nom.identifier, str(nom.published)) == ("NOM-030-STPS-2009", "2009-12-22")

    def test_units_lines_and_functions(self) -> None:
        assert parents(self.doc) == {
            "Coordinación de Rehabilitación Laboral": "Dirección de Prestaciones Médicas",
            "Departamento de Valoración Funcional": "Coordinación de Rehabilitación Laboral",
            "Departamento de Capacitación para el Trabajo": "Coordinación de Rehabilitación Laboral",
        }
        assert not self.doc.edges_of("REPORTS_TO")
        functions = Counter(
            names(self.doc)[e.source]
            for e in self.doc.edges_of("HAS_POWER")
            if "/sec-6/" in e.target and e.props["basis"] == "own"
        )
        assert functions == {
            "Coordinación de Rehabilitación Laboral": 5,
            "Departamento de Valoración Funcional": 5,
            "Departamento de Capacitación para el Trabajo": 4,
        }

    def test_delegation_to_posts_and_retention(self) -> None:
        n = names(self.doc)
        delegated = next(p for p in self.doc.powers if p.kind == "delegada")
        assert delegated.text == "firmar las constancias de aptitud laboral"
        holders = {n[e.source] for e in self.doc.edges_of("HAS_POWER") if e.target == delegated.id}
        assert holders == {"Departamento de Valoración Funcional", "Coordinación de Rehabilitación Laboral"}
        acuerdo = next(e.target for e in self.doc.edges_of("BASED_ON") if e.source == delegated.id)
        assert acuerdo == "mx/acuerdo/acdo-as1-jg-010120-01-p-dg"
        retained = {(n[e.source], e.target.split("/sec-6/")[1]) for e in self.doc.edges_of("RETAINS")}
        assert retained == {("Coordinación de Rehabilitación Laboral", "6-1-1/fn-3/power")}


@pytest.mark.parametrize("name", ["statute_plain.txt", "statute_markdown.txt"])
def test_statutes_are_detected_as_statutes(name: str) -> None:
    assert load(name).document.genre == "statute"


@pytest.mark.parametrize("name", ["manual_roman.txt", "manual_dot_bullets.txt"])
def test_manuals_are_detected_as_manuals(name: str) -> None:
    assert load(name).document.genre == "manual"
