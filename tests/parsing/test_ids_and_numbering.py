"""Identifiers and numbering: every shape the genre writes, as tables."""

from __future__ import annotations

import datetime as dt

import pytest

from loaders import ids
from loaders.numbering import canonical_article_number, int_to_roman, ordinal_to_int, roman_to_int


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unidad Jurídica", "unidad-juridica"),
        ("Órgano Interno de Control", "organo-interno-de-control"),
        (
            "Coordinación de Convenios, Contratos y Regularización Inmobiliaria",
            "coordinacion-de-convenios-contratos-y-regularizacion-inmobiliaria",
        ),
        ("ACDO.SA2.HCT.240210/26.P.DPES", "acdo-sa2-hct-240210-26-p-dpes"),
        ("IMSS-BIENESTAR", "imss-bienestar"),
        ("Peñasco", "penasco"),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert ids.slug(text) == expected


def test_slug_refuses_nothing() -> None:
    with pytest.raises(ids.IdError):
        ids.slug("—¿?")


@pytest.mark.parametrize(
    ("raw", "canonical", "part"),
    [
        ("1", "1", "art-1"),
        ("5o", "5", "art-5"),
        ("5o.", "5", "art-5"),
        ("5°", "5", "art-5"),
        ("47 Bis", "47 Bis", "art-47-bis"),
        ("47 BIS", "47 Bis", "art-47-bis"),
        ("54 Bis 1", "54 Bis 1", "art-54-bis-1"),
        ("54 Bis 3", "54 Bis 3", "art-54-bis-3"),
        ("10 Ter", "10 Ter", "art-10-ter"),
        ("3 Quáter", "3 Quáter", "art-3-quater"),
    ],
)
def test_article_numbers(raw: str, canonical: str, part: str) -> None:
    assert canonical_article_number(raw.rstrip(".")) == canonical
    assert ids.article_part(raw) == part


@pytest.mark.parametrize("bad", ["Bis", "12 Tres", ""])
def test_article_numbers_refuse_garbage(bad: str) -> None:
    with pytest.raises(ids.IdError):
        ids.article_part(bad)


@pytest.mark.parametrize(
    ("roman", "value"),
    [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XXIX", 29), ("XL", 40), ("XLIX", 49), ("C", 100)],
)
def test_roman(roman: str, value: int) -> None:
    assert roman_to_int(roman) == value
    assert int_to_roman(value) == roman


@pytest.mark.parametrize("bad", ["IIII", "VX", "L.", "ABC", ""])
def test_roman_refuses_non_numerals(bad: str) -> None:
    with pytest.raises(ValueError):
        roman_to_int(bad)


@pytest.mark.parametrize(
    ("word", "value"), [("PRIMERO", 1), ("Segunda", 2), ("SÉPTIMA", 7), ("ÚNICO", 1), ("DÉCIMO PRIMERO", 11)]
)
def test_ordinals(word: str, value: int) -> None:
    assert ordinal_to_int(word) == value


def test_composed_ids() -> None:
    art = f"imss-bienestar/estatuto-organico/{ids.article_part('54 Bis 1')}"
    assert ids.child(art, ids.fraction_part("III")) == "imss-bienestar/estatuto-organico/art-54-bis-1/frac-iii"
    assert ids.child(art, ids.inciso_part("c")) == "imss-bienestar/estatuto-organico/art-54-bis-1/inc-c"
    assert ids.power_id(art) == f"{art}/power"
    assert ids.unit_id("imss-bienestar", "Unidad Jurídica") == "imss-bienestar/unit/unidad-juridica"
    assert (
        ids.instrument_id("acuerdo", "Acuerdo …", "ACDO.SA2.HCT.240210/26.P.DPES")
        == "mx/acuerdo/acdo-sa2-hct-240210-26-p-dpes"
    )
    assert ids.instrument_id("ley-general", "Ley General de Archivos") == "mx/ley/ley-general-de-archivos"
    assert ids.amendment_id("x/doc", "JG", dt.date(2023, 11, 28)) == "x/doc/amendment/jg-2023-11-28"
    with pytest.raises(ids.IdError):
        ids.fraction_part("IIV")
    with pytest.raises(ids.IdError):
        ids.instrument_id("novela", "X")
