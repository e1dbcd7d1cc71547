"""Statute structure on small texts: numbering, page breaks, annotations, the índice, transitorios."""

from __future__ import annotations

import pytest

from loaders.pages import strip_running_headers
from loaders.statute.structure import Node, build_body, classify, parse_annotations, split_zones
from loaders.text import Line, read_lines


def tree(text: str) -> tuple[Node, list[tuple[int, str]]]:
    lines = strip_running_headers(read_lines(text)).lines
    return build_body(split_zones(lines).body)


def articles(root: Node) -> dict[str, Node]:
    return {a.number or "": a for a in root.find("articulo")}


@pytest.mark.parametrize(
    ("line", "kind", "number", "text"),
    [
        (
            "Artículo 47 Bis. Son facultades de la Coordinación:",
            "articulo",
            "47 Bis",
            "Son facultades de la Coordinación:",
        ),
        ("Artículo 54 Bis 1. Son facultades y atribuciones", "articulo", "54 Bis 1", "Son facultades y atribuciones"),
        ("Artículo 5o.- El Instituto tendrá", "articulo", "5", "El Instituto tendrá"),
        ("ARTÍCULO 12. La Junta", "articulo", "12", "La Junta"),
        ("Artículo 10 Ter.- Corresponde", "articulo", "10 Ter", "Corresponde"),
        ("XXIX.Las demás que le encomienden", "fraccion", "XXIX", "Las demás que le encomienden"),
        ("- **VII.** Representar al organismo", "fraccion", "VII", "Representar al organismo"),
        ("- **XXIV.**Dirigir la integración", "fraccion", "XXIV", "Dirigir la integración"),
        ("XVII. RISS: Redes Integradas", "fraccion", "XVII", "RISS: Redes Integradas"),
        ("I.- Proponer", "fraccion", "I", "Proponer"),
        ("- a) Coordinación de Enfermería.", "inciso", "a", "Coordinación de Enfermería."),
        ("b. Subdirección de Presas;", "inciso", "b", "Subdirección de Presas;"),
        (" - 2. División de Amparo", "numeral", "2", "División de Amparo"),
        ("A. Unidades Administrativas Centrales:", "apartado", "A", "Unidades Administrativas Centrales:"),
        (
            "- unidades y las coordinaciones de IMSS-BIENESTAR",
            "continuation",
            None,
            "unidades y las coordinaciones de IMSS-BIENESTAR",
        ),
        ("- Difundir y controlar el desempeño", "item", None, "Difundir y controlar el desempeño"),
        (" - La propuesta de nombramiento", "subparagraph", None, "La propuesta de nombramiento"),
        ("TÍTULO CUARTO DE LA VIGILANCIA", "titulo", "CUARTO", "DE LA VIGILANCIA"),
        ("CAPÍTULO ÚNICO", "capitulo", "ÚNICO", ""),
        ("SECCIÓN QUINTA UNIDAD JURÍDICA", "seccion", "QUINTA", "UNIDAD JURÍDICA"),
        ("Fracción modificada JG 28-11-2023", "annotation", None, ""),
    ],
)
def test_classify(line: str, kind: str, number: str | None, text: str) -> None:
    from loaders.text import clean

    cleaned, bullet, indented = clean(line)
    c = classify(Line(1, line, cleaned, bullet, indented))
    assert c.kind == kind
    if number is not None:
        assert c.number == number
    if text and kind not in ("annotation", "titulo", "capitulo", "seccion"):
        assert c.text == text
    if kind in ("titulo", "seccion"):
        assert c.text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fracción modificada JG 28-11-2023", [("modified", "fraccion", "JG", "28-11-2023")]),
        (
            "Artículo adicionado DOF 27-09-2023 Artículo modificado JG 28-11-2023",
            [("added", "articulo", "DOF", "27-09-2023"), ("modified", "articulo", "JG", "28-11-2023")],
        ),
        ("Fracción derogada JG 28-11-2023", [("derogated", "fraccion", "JG", "28-11-2023")]),
        ("Título reubicado DOF 27-09-2023", [("relocated", "titulo", "DOF", "27-09-2023")]),
        ("Párrafo modificado JG 28-11-2023", [("modified", "parrafo", "JG", "28-11-2023")]),
        ("Aclaración DOF 25-10-2023", [("clarified", None, "DOF", "25-10-2023")]),
        ("Artículo reformado DOF 15-03-2021", [("modified", "articulo", "DOF", "15-03-2021")]),
    ],
)
def test_annotations(text: str, expected: list[tuple[str, str | None, str, str]]) -> None:
    assert [(a.kind, a.scope, a.authority, a.date_text) for a in parse_annotations(text, 7)] == expected


STATUTE = """ESTATUTO ORGÁNICO DEL ORGANISMO DE PRUEBA PARA EL BIENESTAR (OPB)

ÍNDICE

TÍTULO PRIMERO

DISPOSICIONES GENERALES

CAPÍTULO I

DEL OBJETO

Sección modificada JG 28-11-2023

TÍTULO PRIMERO DISPOSICIONES GENERALES

CAPÍTULO I DEL OBJETO

Artículo 1. Este Estatuto regula al organismo.

Artículo 2. Son facultades de la Unidad Jurídica:

- I. Representar al organismo.
- **II.** Suscribir convenios.

ESTATUTO ORGÁNICO DEL ORGANISMO DE PRUEBA PARA EL BIENESTAR (OPB)

Última modificación JG 28-11-2023

III. Expedir copias certificadas de los documentos que obren en

- sus archivos.

Fracción modificada JG 28-11-2023

- IV. Se deroga.

Fracción derogada JG 28-11-2023

La Unidad contará con el personal necesario.

Artículo 2 Bis. Son atribuciones de la Coordinación de Archivo:

- L. Organizar el archivo.
- Conservar los expedientes.

Artículo adicionado JG 28-11-2023

ESTATUTO ORGÁNICO DEL ORGANISMO DE PRUEBA PARA EL BIENESTAR (OPB)

> Última modificación JG 28-11-2023 Artículo modificado DOF 28-12-2023

TRANSITORIOS

PRIMERO. El presente Estatuto entrará en vigor al día siguiente.

MODIFICACIÓN AL ESTATUTO ORGÁNICO DEL ORGANISMO DE PRUEBA

ÚNICO. Se modifica el artículo 2.
"""


def test_index_is_not_the_body_and_zones_are_split() -> None:
    lines = strip_running_headers(read_lines(STATUTE)).lines
    zones = split_zones(lines)
    assert zones.index[0].text == "ÍNDICE"
    assert zones.body[0].text == "TÍTULO PRIMERO DISPOSICIONES GENERALES"
    assert zones.transitory[0].text == "TRANSITORIOS"
    assert [d[0].text for d in zones.decrees] == ["MODIFICACIÓN AL ESTATUTO ORGÁNICO DEL ORGANISMO DE PRUEBA"]
    root, _ = build_body(zones.body)
    assert [a.number for a in root.find("articulo")] == ["1", "2", "2 Bis"]
    # the índice's "Sección modificada" annotation is not attached to anything in the body
    assert not any(n.annotations for n in root.walk() if n.kind in ("titulo", "capitulo"))


def test_fractions_resume_after_a_page_break_and_annotations_attach_where_they_say() -> None:
    root, warnings = tree(STATUTE)
    art2 = articles(root)["2"]
    fractions = [n for n in art2.children if n.kind == "fraccion"]
    assert [f.number for f in fractions] == ["I", "II", "III", "IV"]
    third = fractions[2]
    assert third.text == "Expedir copias certificadas de los documentos que obren en sus archivos."
    assert [(a.kind, a.scope) for a in third.annotations] == [("modified", "fraccion")]
    assert fractions[3].derogated
    assert [n.kind for n in art2.children][-1] == "parrafo"  # the closing paragraph belongs to the article
    art2bis = articles(root)["2 Bis"]
    assert [f.number for f in art2bis.children] == ["I", "II"]  # "L." read as I, the lost numeral as II
    assert art2bis.children[1].number_inferred
    assert [(a.kind, a.authority) for a in art2bis.annotations] == [("added", "JG"), ("modified", "DOF")]
    assert any("'L.'" in message for _, message in warnings)


def test_titulo_and_capitulo_on_one_line() -> None:
    root, _ = tree(
        "REGLAMENTO INTERIOR DEL INSTITUTO DE PRUEBA (IDP)\n\n"
        "TÍTULO CUARTO DE LA VIGILANCIA CAPÍTULO I DE LOS ÓRGANOS\n\nArtículo 1. Uno.\n\nArtículo 2. Dos.\n"
    )
    titulo = root.find("titulo")[0]
    assert (titulo.number, titulo.heading) == ("CUARTO", "DE LA VIGILANCIA")
    capitulo = titulo.children[0]
    assert (capitulo.kind, capitulo.number, capitulo.heading) == ("capitulo", "I", "DE LOS ÓRGANOS")
    assert [a.number for a in capitulo.children] == ["1", "2"]


def test_hard_wrapped_fractions_join_into_one_provision() -> None:
    root, _ = tree(
        "REGLAMENTO INTERIOR DEL INSTITUTO DE PRUEBA (IDP)\n\nArtículo 1o.- Corresponde a la Unidad Jurídica:\n\n"
        "I. Representar al Instituto ante toda clase de\nautoridades administrativas y\njudiciales;\n\n"
        "II. Suscribir convenios.\n\nArtículo 2o.- Otro.\n"
    )
    art = articles(root)["1"]
    assert [f.text for f in art.children] == [
        "Representar al Instituto ante toda clase de autoridades administrativas y judiciales;",
        "Suscribir convenios.",
    ]
    assert art.children[0].line_start == 5 and art.children[0].line_end == 7
