"""Every identifier in the graph, in one place: deterministic, readable, stable across reloads.

Shapes (accent-folded, lower case, "/"-separated):

    organization   imss-bienestar
    document       imss-bienestar/estatuto-organico, imss/manual-de-organizacion-3000-002-002
    unit           imss-bienestar/unit/unidad-juridica
    provision      imss-bienestar/estatuto-organico/art-54-bis-1/frac-iii
    power          <provision id>/power   (a power is defined by exactly one provision)
    instrument     mx/ley/ley-general-de-archivos, mx/acuerdo/acdo-sa2-hct-240210-26-p-dpes
    amendment      imss-bienestar/estatuto-organico/amendment/jg-2023-11-28
    change event   imss/manual-de-organizacion-3000-002-002/change/2017-02-22-renamed-1
"""

from __future__ import annotations

import re
from datetime import date

from loaders.numbering import canonical_article_number, is_roman, ordinal_to_int, roman_to_int
from orggraph.folding import fold
from orggraph.lexicon import INSTRUMENT_KINDS

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


class IdError(ValueError):
    """A value cannot become (part of) an identifier."""


def slug(text: str) -> str:
    """ "Unidad Jurídica" → "unidad-juridica"; "ACDO.SA2.HCT.240210/26.P.DPES" → "acdo-sa2-hct-240210-26-p-dpes"."""
    value = _NON_ALNUM.sub("-", fold(text)).strip("-")
    if not value:
        raise IdError(f"nothing to make an identifier from in {text!r}")
    return value


def organization_id(acronym_or_name: str) -> str:
    return slug(acronym_or_name)


def document_id(organization: str, kind: str, qualifier: str | None = None) -> str:
    """``kind`` is the instrument's own name ("Estatuto Orgánico", "Manual de Organización")."""
    tail = slug(kind) + (f"-{slug(qualifier)}" if qualifier else "")
    return f"{organization}/{tail}"


def unit_id(organization: str, name: str) -> str:
    return f"{organization}/unit/{slug(name)}"


def article_part(number: str) -> str:
    """ "47 Bis" → "art-47-bis"; "5o." → "art-5"; "54 Bis 1" → "art-54-bis-1"."""
    try:
        canonical = canonical_article_number(number.rstrip(".").strip())
    except ValueError as exc:
        raise IdError(str(exc)) from exc
    return "art-" + slug(canonical)


def fraction_part(roman: str) -> str:
    if not is_roman(roman):
        raise IdError(f"not a roman numeral: {roman!r}")
    return f"frac-{roman.lower()}"


def inciso_part(letter: str) -> str:
    if not re.fullmatch(r"[a-zñ]", letter.lower()):
        raise IdError(f"not an inciso letter: {letter!r}")
    return f"inc-{slug(letter) if letter.lower() != 'ñ' else 'enie'}"


def numeral_part(number: int | str) -> str:
    if not str(number).isdigit():
        raise IdError(f"not a numeral: {number!r}")
    return f"num-{int(number)}"


def paragraph_part(index: int) -> str:
    return f"par-{index}"


def _heading_number(number: str) -> str:
    """ "III" → "3", "Tercero" → "3", "Único" → "unico", "6 Bis" → "6-bis"."""
    text = number.strip().rstrip(".")
    if fold(text) in ("unico", "unica"):
        return "unico"
    if is_roman(text):
        return str(roman_to_int(text))
    if re.fullmatch(r"\d+", text):
        return str(int(text))
    try:
        return str(ordinal_to_int(text))
    except ValueError:
        return slug(text)


def titulo_part(number: str) -> str:
    return f"tit-{_heading_number(number)}"


def capitulo_part(number: str) -> str:
    return f"cap-{_heading_number(number)}"


def seccion_part(number: str) -> str:
    return f"sec-{_heading_number(number)}"


def apartado_part(letter: str) -> str:
    return f"apartado-{slug(letter)}"


def transitorios_part() -> str:
    return "transitorios"


def transitorio_part(number: str) -> str:
    return f"art-{slug(number)}"


def decree_part(index: int) -> str:
    return f"decree-{index}"


def manual_section_part(number: str) -> str:
    """A manual's top section: "3" → "sec-3", "IV" → "sec-iv"; an unnumbered one by its order."""
    return f"sec-{slug(number)}"


def block_part(number: str) -> str:
    """A unit's or a post's block inside a manual section ("7.1.2" → "7-1-2")."""
    return slug(number)


def post_part(post: str) -> str:
    """A post's description block in a manual ("Nombre del Puesto: Secretaria Particular")."""
    return f"puesto-{slug(post)}"


def item_part(index: int) -> str:
    return f"item-{index}"


def policy_part(number: str) -> str:
    return f"pol-{slug(number)}"


def function_part(number: str) -> str:
    return f"fn-{slug(number)}"


def reference_part(number: str | None, index: int) -> str:
    """A quoted article of another regulation, or (when it names none) the index-th reference."""
    return article_part(number) if number else f"ref-{index}"


PART_KINDS = {
    "tit": "titulo",
    "cap": "capitulo",
    "sec": "seccion",
    "art": "articulo",
    "par": "parrafo",
    "frac": "fraccion",
    "inc": "inciso",
    "num": "numeral",
    "apartado": "apartado",
    "decree": "decreto",
    "item": "item",
    "pol": "politica",
    "fn": "funcion",
    "ref": "referencia",
    "puesto": "puesto",
}


def parse_provision_id(provision_id: str) -> list[tuple[str, str]]:
    """ "imss/estatuto/art-54-bis-1/frac-iii" → [("articulo", "54-bis-1"), ("fraccion", "iii")]: the
    parts after the document, each as (kind, number). Unknown parts come back as ("part", text)."""
    out: list[tuple[str, str]] = []
    for part in provision_id.split("/")[2:]:
        prefix, _, number = part.partition("-")
        if part == "transitorios":
            out.append(("transitorios", ""))
        elif prefix in PART_KINDS and number:
            out.append((PART_KINDS[prefix], number))
        else:
            out.append(("part", part))
    return out


def child(parent: str, part: str) -> str:
    return f"{parent}/{part}"


def duplicate(provision_id: str, n: int) -> str:
    """The id of the n-th provision that would have had ``provision_id`` ("art-5" twice → "art-5-2")."""
    return f"{provision_id}-{n}"


def power_id(provision: str) -> str:
    return f"{provision}/power"


def instrument_id(kind: str, title: str, identifier: str | None = None) -> str:
    if kind not in INSTRUMENT_KINDS:
        raise IdError(f"unknown instrument type {kind!r}")
    family = kind.split("-")[0]
    return f"mx/{family}/{slug(identifier) if identifier else slug(title)}"


def amendment_id(document: str, authority: str, when: date) -> str:
    return f"{document}/amendment/{slug(authority)}-{when.isoformat()}"


def change_id(document: str, when: date | None, kind: str, index: int) -> str:
    stamp = when.isoformat() if when else "undated"
    return f"{document}/change/{stamp}-{slug(kind)}-{index}"
