"""A manual's legal sections: the *Marco Jurídico* (the instruments it rests on, and acuerdos that
delegate powers) and the *Atribuciones* (articles of a higher regulation it quotes, whose fracciones
are powers of the unit it names, or units of a structure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders import ids
from loaders.assembly import Assembly
from loaders.mentions import post_to_unit_name, unit_like
from loaders.numbering import is_roman, roman_to_int
from loaders.records import ProvisionRecord
from loaders.text import Line
from orggraph.lexicon import INSTRUMENT_WORDS

_ITEM_START = re.compile(rf"^(?:{'|'.join(INSTRUMENT_WORDS)})\b")
DELEGATION = re.compile(
    r"\bse\s+delega(?:n)?\s+(?:a|en)\s+(?:los|las|el|la)\s+(?P<posts>.+?),\s+la\s+facultad\s+de\s+(?P<power>[^.;]+)",
    re.IGNORECASE,
)
QUOTED_ARTICLE = re.compile(
    r"^Art[íi]culo\s+(?P<num>\d+(?:\s+Bis)?)\s*(?:,\s*(?P<part>[^.]*?))?\.\s*(?P<text>.*)$", re.IGNORECASE
)


def legal_items(lines: list[Line]) -> list[tuple[str, int, int]]:
    """Items of the legal framework: bulleted, or unbulleted sentences that start with an instrument word."""
    items: list[list[Line]] = []
    for line in lines:
        text = line.text
        if not text:
            continue
        previous = " ".join(ln.text for ln in items[-1]) if items else ""
        ends = bool(re.search(r"(?<!\bH)(?<!\bC)[.]$|vigentes?\.?$", previous)) or not items
        starts = line.bullet or (ends and _ITEM_START.match(text) is not None)
        if starts or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return [
        (re.sub(r"\s+", " ", " ".join(ln.text for ln in group)).strip(), group[0].number, group[-1].number)
        for group in items
    ]


def read_legal(lines: list[Line], section_id: str, a: Assembly) -> None:
    """The Marco Jurídico: one listed instrument per item, cited by the document; acuerdos that
    delegate a power to named posts become delegations."""
    for index, (text, start, end) in enumerate(legal_items(lines), start=1):
        provision_id = a.provision(
            "marco_juridico", section_id, ids.item_part(index), start, end, order=index, number=str(index), text=text
        )
        record = a.provisions[provision_id]
        listed = a.instruments.parse_listed(text, start)
        if not listed:
            a.note(start, "other", f"legal framework item {index} names no instrument: {text[:60]!r}")
        for entry in listed:
            a.edge(
                "CITES",
                provision_id,
                "Provision",
                entry.instrument,
                "LegalInstrument",
                start,
                end,
                article=entry.articles,
                context="marco_juridico",
            )
            a.edge(
                "CITES",
                a.document,
                "Document",
                entry.instrument,
                "LegalInstrument",
                start,
                end,
            )
        if listed:
            _delegation(text, record, listed[0].instrument, a)


def _delegation(text: str, provision: ProvisionRecord, instrument: str, a: Assembly) -> None:
    """ "Acuerdo del H. Consejo Técnico … mediante el cual se delega a los A, B y C, la facultad de X"."""
    m = DELEGATION.search(text)
    if not m:
        return
    issuer = re.search(
        r"^Acuerdo\s+(?:del|de\s+la)\s+(?:H\.\s+)?(?P<who>[A-ZÁÉÍÓÚÑ][\wáéíóúñ]*(?:\s+[A-ZÁÉÍÓÚÑ]"
        r"[\wáéíóúñ]*)*)",
        text,
    )
    who = re.split(r"\s+(?:ACDO\b|[A-Z]{2,}\.)", issuer.group("who"))[0] if issuer else ""
    delegator = a.units.define(who, provision.line_start) if who and unit_like(who) else None
    holders: list[tuple[str, str]] = []
    post_start = r"(?=(?:Jef[ea]s?|Subdelegad|Delegad|Director|Coordinador|Titular|Subdirector))"
    joiner = rf"(?:,\s*|\s+y\s+)(?:a\s+)?(?:los\s+|las\s+)?{post_start}"
    for post in re.split(joiner, m.group("posts")):
        name = post_to_unit_name(post.strip())
        if not name:
            a.note(provision.line_start, "unit", f"delegation to {post!r}: not a post orggraph can place")
            continue
        unit = a.units.resolve(name) or a.units.define(name, provision.line_start)
        holders.append((unit, "delegated"))
        if delegator:
            a.edge(
                "DELEGATES",
                delegator,
                "Unit",
                unit,
                "Unit",
                provision.line_start,
                provision.line_end,
                scope="power",
                instrument=instrument,
                provision=provision.id,
                post=post.strip(),
            )
    if not holders:
        return
    power_text = f"{m.group('power').strip()}"
    power = a.power(provision, power_text, holders, kind="delegada", instrument=instrument)
    a.edge("BASED_ON", power.id, "Power", instrument, "LegalInstrument", provision.line_start, provision.line_end)
    if delegator:
        a.edge(
            "HAS_POWER",
            delegator,
            "Unit",
            power.id,
            "Power",
            provision.line_start,
            provision.line_end,
            basis="own",
            instrument=instrument,
        )


# ----------------------------------------------------------------------------- atribuciones
ARTICLE_OF = re.compile(
    r"\bart[íi]culos?\s+(?P<num>\d+(?:\s+Bis)?)\s+(?:del|de\s+la)\s+(?P<reg>(?:Reglamento|Ley|Estatuto|Decreto)\b[^,]*)",
    re.IGNORECASE,
)
HOLDER_INTRO = re.compile(
    r"(?:,\s*(?:la|el)\s+(?P<a>[^,]+?)\s+tiene\s+las\s+siguientes\s+(?:atribuciones|facultades|funciones)"
    r"|\bcorresponde\s+(?:al|a\s+la|a\s+el)\s+(?P<b>[^:,]+?)\s*:?\s*$)",
    re.IGNORECASE,
)


@dataclass
class _Element:
    kind: str  # "intro" (cites an article of a regulation), "article" (a quoted article), "item", "prose"
    text: str
    line_start: int
    line_end: int
    number: str | None = None
    heading: str | None = None


def attribution_elements(lines: list[Line]) -> list[_Element]:
    """Split the Atribuciones section into intros, quoted articles, their numbered items and prose."""
    elements: list[_Element] = []
    expected: int | None = None
    previous_blank = False
    for line in lines:
        text = line.text
        if not text:
            previous_blank = True
            continue
        if re.fullmatch(r"[….\s]+", text):
            continue  # "…": an elided part of a quoted article
        current = elements[-1] if elements else None
        quoted = QUOTED_ARTICLE.match(text)
        roman = re.match(r"^(?P<num>[IVX]+)\s*[.)]\s+(?P<rest>\S.*)$", text)
        if quoted:
            heading = f"Artículo {quoted.group('num')}" + (f", {quoted.group('part')}" if quoted.group("part") else "")
            elements.append(
                _Element("article", quoted.group("text"), line.number, line.number, quoted.group("num"), heading)
            )
            expected = 1
        elif (
            roman
            and is_roman(roman.group("num"))
            and expected is not None
            and roman_to_int(roman.group("num")) == expected
        ):
            elements.append(_Element("item", roman.group("rest"), line.number, line.number, roman.group("num")))
            expected += 1
        elif ARTICLE_OF.search(text) and (current is None or current.kind != "intro" or previous_blank):
            elements.append(_Element("intro", text, line.number, line.number))
            expected = 1
        elif current is not None and not (previous_blank and text[:1].isupper() and current.text.endswith((".", ":"))):
            current.text = f"{current.text} {text}"
            current.line_end = line.number
        else:
            elements.append(_Element("prose", text, line.number, line.number))
            expected = None
        previous_blank = False
    return elements


def read_attributions(elements: list[_Element], section_id: str, a: Assembly) -> None:
    """Quoted articles of a higher regulation, and what their items give: powers of the unit the
    introduction names ("… la X tiene las siguientes atribuciones:"), or units of a structure
    ("Son órganos Operativos de la Delegación:")."""
    regulation: str | None = None
    owner_id: str | None = None  # the provision the items belong to
    number: str | None = None
    holder: str | None = None
    owner: str | None = None
    for element in elements:
        if element.kind == "intro":
            cited = ARTICLE_OF.search(element.text)
            citations = a.instruments.find_citations(cited.group(0), element.line_start) if cited else []
            regulation = citations[0].instrument if citations else regulation
            number = cited.group("num") if cited else None
            owner_id = _reference(element, number, section_id, a, heading=None)
            match = HOLDER_INTRO.search(element.text)
            name = (match.group("a") or match.group("b")) if match else None
            holder = a.units.define(name, element.line_start, described=True) if name and unit_like(name) else None
            owner = None
        elif element.kind == "article":
            number = element.number
            owner_id = _reference(element, number, section_id, a, heading=element.heading)
            holder = None
            owner = a.units.resolve(_owner_of(element.text)) if element.text.rstrip().endswith(":") else None
        elif element.kind == "item" and owner_id:
            provision_id = a.provision(
                "fraccion",
                owner_id,
                ids.fraction_part(element.number or ""),
                element.line_start,
                element.line_end,
                order=roman_to_int(element.number or "I"),
                number=element.number,
                text=element.text,
            )
            record = a.provisions[provision_id]
            if regulation:
                a.edge(
                    "CITES",
                    record.id,
                    "Provision",
                    regulation,
                    "LegalInstrument",
                    element.line_start,
                    article=number,
                    fraction=element.number,
                )
            name = element.text.rstrip(".;, y")
            if holder:
                a.power(record, element.text, [(holder, "own")], kind="atribucion")
            elif unit_like(name, listed=True):
                unit = a.units.define(name, element.line_start)
                if owner:
                    a.edge("PART_OF", unit, "Unit", owner, "Unit", element.line_start, basis="structure")
        if element.kind in ("intro", "article") and regulation and owner_id:
            a.edge("CITES", owner_id, "Provision", regulation, "LegalInstrument", element.line_start, article=number)


def _reference(element: _Element, number: str | None, section_id: str, a: Assembly, heading: str | None) -> str:
    """A quoted article of another regulation (or the intro that cites one), as a provision."""
    index = 1 + sum(1 for p in a.provisions.values() if p.kind == "referencia")
    return a.provision(
        "referencia",
        section_id,
        ids.reference_part(number, index),
        element.line_start,
        element.line_end,
        order=int(number.split()[0]) if number else 0,
        number=number,
        heading=heading,
        text=element.text,
    )


def _owner_of(text: str) -> str:
    m = re.search(r"\bde\s+(?:la|el)\s+(?P<x>[^:.,]+?)\s*:?\s*$", text)
    return m.group("x") if m else ""
