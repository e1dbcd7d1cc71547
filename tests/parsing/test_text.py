"""Stage 1: decoding, cleaning and running headers, on strings that reproduce each extraction trap."""

from __future__ import annotations

import pytest

from loaders.dates import find_dates
from loaders.pages import strip_running_headers
from loaders.text import clean, decode, read_lines, sentences
from orggraph.errors import ParseError
from orggraph.folding import fold


@pytest.mark.parametrize(
    ("raw", "text", "bullet", "indented"),
    [
        ("\uf0b7 Ley General de Archivos, publicada", "Ley General de Archivos, publicada", True, False),
        ("· Ley General de Salud.", "Ley General de Salud.", True, False),
        ("• Reglamento Interior", "Reglamento Interior", True, False),
        ("- **XII.** Personal de conducción", "XII. Personal de conducción", True, False),
        ("- **XII. Personal de conducción:** Es el", "XII. Personal de conducción: Es el", True, False),
        (" - 1. División de lo Laboral", "1. División de lo Laboral", True, True),
        ("> Última modificación JG 28-11-2023", "Última modificación JG 28-11-2023", False, False),
        ("XVII. RISS: Redes   Integradas", "XVII. RISS: Redes Integradas", False, False),
        ("3. Marco Jurídico – Administrativo ", "3. Marco Jurídico – Administrativo", False, False),
    ],
)
def test_clean(raw: str, text: str, bullet: bool, indented: bool) -> None:
    assert clean(raw) == (text, bullet, indented)


def test_fold_folds_accents_tildes_and_case() -> None:
    assert fold("Órgano JURÍDICO día Muñoz") == "organo juridico dia munoz"


def test_decode_refuses_binary_and_empty() -> None:
    with pytest.raises(ParseError, match="empty") as empty:
        decode(b"  \n \n", "x.txt")
    assert empty.value.path == "x.txt" and empty.value.line == 1
    with pytest.raises(ParseError, match="binary") as binary:
        decode(b"line one\nline two\x00\x01", "y.pdf")
    assert binary.value.line == 2
    assert decode("Artículo".encode("cp1252"), "z.txt") == "Artículo"


def test_running_headers_are_removed_and_glued_text_kept() -> None:
    title = "ESTATUTO ORGÁNICO DE UN ORGANISMO DESCENTRALIZADO DE PRUEBA (ODP)"
    text = "\n".join(
        [
            title,
            "",
            "Última modificación JG 28-11-2023",
            "",
            "Artículo 1. Uno.",
            "- I. Proponer la política",
            "",
            title,
            "",
            "Última modificación JG 28-11-2023",
            "",
            "- II. Aplicar la política",
            "",
            title,
            "",
            "> Última modificación JG 28-11-2023 Artículo adicionado JG 28-11-2023",
        ]
    )
    cleaned = strip_running_headers(read_lines(text))
    texts = [ln.text for ln in cleaned.lines]
    assert texts[0] == title  # the title itself stays
    assert title not in texts[1:]
    assert "Última modificación JG 28-11-2023" not in texts
    assert texts[-1] == "Artículo adicionado JG 28-11-2023"
    assert [ln.number for ln in cleaned.lines] == list(range(1, 17))  # line numbers survive


def test_page_footer_and_title_lines_above_it_are_removed() -> None:
    header = ["MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE SERVICIOS DE", "SALUD EN EL TRABAJO"]
    text = "\n".join(
        [
            "1. Coordinar la",
            *header,
            "",
            " Página 11 de 41 Clave: 3000-002-002 ",
            "elaboración.",
            *header,
            "Página 12 de 41 Clave: 3000-002-002",
            "2. Verificar",
        ]
    )
    cleaned = strip_running_headers(read_lines(text))
    assert [ln.text for ln in cleaned.lines if ln.text] == ["1. Coordinar la", "elaboración.", "2. Verificar"]
    assert any("Clave: 3000-002-002" in h for h in cleaned.headers)


def test_sentences_keep_abbreviations_and_semicolons() -> None:
    text = "El H. Consejo Técnico aprobó la estructura; la Jefatura cambió. La Dirección 5.1 se creó."
    assert sentences(text) == [
        "El H. Consejo Técnico aprobó la estructura; la Jefatura cambió.",
        "La Dirección 5.1 se creó.",
    ]


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("publicada el 13 de septiembre de 2023", "2023-09-13", "day"),
        ("el 1° de julio de 2020", "2020-07-01", "day"),
        ("JG 28-11-2023", "2023-11-28", "day"),
        ("en el mes de agosto del año 2001", "2001-08-01", "month"),
        ("en febrero de 2002", "2002-02-01", "month"),
        ("en el año de 1995", "1995-01-01", "year"),
    ],
)
def test_dates(text: str, iso: str, precision: str) -> None:
    found = find_dates(text)
    assert found[0].value.isoformat() == iso
    assert found[0].precision == precision
