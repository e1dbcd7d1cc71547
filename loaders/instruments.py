"""Legal instruments: the laws, reglamentos, decretos, acuerdos … a text cites or lists.

``InstrumentRegistry`` gives each instrument one id per document load (duplicates in a Marco
Jurídico are recognised by their folded title or their identifier). ``find_citations`` reads
references in running text, with the article and fraction when given; ``parse_listed`` reads
one Marco Jurídico item (title, type, Diario Oficial date, identifier, the acuerdo approving it).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from loaders import ids
from loaders.dates import FULL_DATE, MONTHS, find_dates
from loaders.records import InstrumentRecord
from loaders.text import keyed
from orggraph.folding import fold
from orggraph.lexicon import CITABLE_IN_TEXT, INSTRUMENT_WORDS, instrument_type

ACUERDO_ID = re.compile(r"\bACDO\.\s?[A-Z0-9]+(?:[./][A-Z0-9]+)+")
ACUERDO_NUMBER = re.compile(r"\b[Aa]cuerdo\s+((?:No\.\s*)?\d{1,4}/\d{2,4}|\d+\s*[°ºo]?\.?\s*[A-Z]\.\s*\d+/\d+)")
CLAVE = re.compile(r"\bclave\s+(\d{4}-\d{3}-\d{3})\b", re.IGNORECASE)
DOF = re.compile(r"Diario\s+Oficial\s+de\s+la\s+Federaci[óo]n", re.IGNORECASE)

_CAP = r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü\-]*"
_LINK = r"(?:de|del|la|las|los|el|en|para|a|al|sobre|que|se|por|y|e)"
INSTRUMENT_NAME = re.compile(
    rf"\b(?:{'|'.join(INSTRUMENT_WORDS)})\b(?:\s+(?:{_LINK}\s+)*{_CAP})+"
    rf"|\bConstituci[óo]n\s+Pol[íi]tica\s+de\s+los\s+Estados\s+Unidos\s+Mexicanos",
)
# A word INSTRUMENT_NAME's matches start with, without its word boundary: a text holding none holds no
# instrument's name and is not searched for one (INSTRUMENT_NAME tries its boundary at every position;
# this pattern's first letters are scanned for in C, ~5 times as fast over a statute's provisions).
_INSTRUMENT_WORD = re.compile("|".join(INSTRUMENT_WORDS) + r"|Constituci[óo]n")
# "251 A", "251-A": a federal law's inserted article (a capital, never the conjunctions "Y", "O", "E").
_ART_NUM = (
    r"\d{1,3}(?:\s*(?:o\.|°|º))?(?:\s+(?:Bis|Ter|Qu[áa]ter)(?:\s+\d{1,2})?"
    r"|\s?-\s?(?-i:[A-DF-NP-XZ])\b|\s(?-i:[A-DF-NP-XZ])\b(?!\s*\d))?"
)
ARTICLE_REF = re.compile(
    rf"\bart[íi]culos?\s+(?P<arts>{_ART_NUM}(?:\s*(?:,|y|o|al|a)\s*{_ART_NUM})*)"
    rf"(?:,?\s+(?:(?:primer|segundo|tercer|[úu]ltimo)\s+p[áa]rrafo,?\s+)?(?:(?:y\s+)?fracci(?:[óo]n|ones)\s+"
    rf"(?P<fracs>[IVXLC]+(?:\s*(?:,|y|o)\s*[IVXLC]+)*)))?"
    rf"(?:,?\s+(?:(?:primer|segundo|tercer|[úu]ltimo)\s+p[áa]rrafo))?"
    rf",?\s+(?:del|de\s+la|de\s+los|de\s+las|de\s+su|de\s+sus)\s+(?P<rest>.*)",
    re.IGNORECASE,
)
SELF_REFERENCES = re.compile(
    r"^(?:este|el\s+presente|presente|mismo|dicho|citado)\b|^(?:Estatuto|ordenamiento)\b", re.IGNORECASE
)
SELF_BEFORE = re.compile(r"\b(?:este|esta|estos|presente|dicho|dicha|mismo|misma|citado|citada)\s+$", re.IGNORECASE)
_TITLE_END = re.compile(
    r",?\s+(?:publicad[oa]s?|dictad[oa]|expedid[oa]|aprobad[oa]s?|mediante|vigentes?|y\s+sus\s+reformas|"
    r"y\s+sus\s+anexos|sus\s+reformas)\b|,\s+(?:clave|y\s+sus|Art[íi]culos?)\b|\s+del?\s+\d{1,2}\s*[°º]?\s+de\s+\w+\s+de"
    r"|\.?\s*\(DOF\b",
    re.IGNORECASE,
)


@cache
def abbreviations() -> dict[str, str]:
    """Well-known abbreviations of federal instruments → their full titles (instrument_abbreviations.toml)."""
    table = Path(__file__).with_name("instrument_abbreviations.toml").read_text(encoding="utf-8")
    return dict(tomllib.loads(table)["abbreviations"])


@cache
def _abbreviation_pattern() -> re.Pattern[str]:
    """An abbreviation as a word of its own, in capitals ("de la LSS,"; not "LSSX" or "lss")."""
    return re.compile(rf"\b(?:{_abbreviation_alternatives()})\b")


@cache
def _abbreviation_words() -> re.Pattern[str]:
    """Any abbreviation, even inside a word: a text holding none holds no abbreviation and is not searched
    for one (``_abbreviation_pattern`` tries its word boundary at every position; this pattern's first
    letters are scanned for in C, as testing each abbreviation's first two letters was not)."""
    return re.compile(_abbreviation_alternatives())


def _abbreviation_alternatives() -> str:
    return "|".join(sorted(map(re.escape, abbreviations()), key=len, reverse=True))


# A word a document's glossary defines as an instrument ("Ley: Ley de la Comisión Nacional de Energía")
# cites it when written alone, capitalised and not followed by more of a name ("el artículo 14 de la Ley.").
_DEFINED_WORD = re.compile(
    r"(?P<word>[A-ZÁÉÍÓÚÑ][\wáéíóúñü]+)(?!\s+(?:de|del|para|sobre|en)\s+[A-ZÁÉÍÓÚÑ])(?![\wáéíóúñü])"
)
_CITED_BY_DEFINED_WORD = ("ley", "codigo", "constitucion", "decreto")  # not "el Reglamento": the text itself


@dataclass
class Citation:
    instrument: str
    article: str | None
    fraction: str | None
    start: int
    end: int


@dataclass
class _Instrument:
    id: str
    title: str
    type: str
    identifier: str | None = None
    published: dt.date | None = None
    issued: dt.date | None = None
    issuer: str | None = None
    aliases: list[str] = field(default_factory=list)
    line_start: int = 0
    line_end: int = 0


def _clean_title(raw: str) -> str:
    title = re.sub(r"\s+", " ", raw).strip(" ,.;:")
    title = re.sub(r"[;,]\s*(?:y|e|o)$", "", title)  # a glossary item's "…; y" before the last one
    return re.sub(r"^(?:el|la|los|las|su|sus)\s+", "", title, flags=re.IGNORECASE)


def normalize_acuerdo_id(raw: str) -> str:
    return re.sub(r"\s+", "", raw).rstrip(".")


DOF_SHORT = re.compile(r"\bDOF\s+(\d{1,2})[-/](\d{1,2})[-/](\d{4})\b")
NOM = re.compile(r"\bNOM-\d{3}-[A-Z0-9]+-\d{4}\b")


def publication_date(text: str) -> dt.date | None:
    """The first date after "Diario Oficial de la Federación", even in "26 de mayo, 14 de julio … de 1928",
    or the short form "(DOF 05-02-1917, últimas reformas DOF …)"."""
    m = DOF.search(text)
    if not m:
        short = DOF_SHORT.search(text)
        if short:
            try:
                return dt.date(int(short.group(3)), int(short.group(2)), int(short.group(1)))
            except ValueError:
                return None
        return None
    after = text[m.end() :]
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", after)
    if not year:
        return None
    head = after[: year.end()]
    first = re.search(rf"\b(\d{{1,2}})\s*[°º]?\s+de\s+({'|'.join(MONTHS)})\b", head, re.IGNORECASE)
    if first:
        try:
            return dt.date(int(year.group(1)), MONTHS[fold(first.group(2))], int(first.group(1)))
        except ValueError:
            return None
    return None


class InstrumentRegistry:
    def __init__(self) -> None:
        self._items: dict[str, _Instrument] = {}
        self._by_key: dict[str, str] = {}

    def define(
        self,
        title: str,
        line: int,
        *,
        kind: str | None = None,
        identifier: str | None = None,
        published: dt.date | None = None,
        issued: dt.date | None = None,
        issuer: str | None = None,
    ) -> str | None:
        """The id of the instrument, registered if new; None if ``title`` is no instrument. A well-known
        abbreviation ("LSS") is the instrument of its full title, with the abbreviation as an alias."""
        title = _clean_title(title)
        full_title = abbreviations().get(title)
        if full_title:
            instrument = self.define(full_title, line, kind=kind, published=published, issuer=issuer)
            if instrument:
                self.add_alias(instrument, title)
            return instrument
        kind = kind or instrument_type(title)
        if not kind or len(title) < 5:
            return None
        key = fold(identifier) if identifier else fold(title)
        existing = self._by_key.get(key) or (self._by_key.get(fold(title)) if identifier else None)
        if existing:
            item = self._items[existing]
            item.published = item.published or published
            item.issued = item.issued or issued
            item.issuer = item.issuer or issuer
            item.line_start = min(item.line_start, line) if item.line_start else line
            return existing
        instrument = ids.instrument_id(kind, title, identifier)
        if instrument in self._items:  # same id from another spelling: keep one
            self._by_key[key] = instrument
            return instrument
        self._items[instrument] = _Instrument(
            instrument, title, kind, identifier, published, issued, issuer, line_start=line, line_end=line
        )
        self._by_key[key] = instrument
        self._by_key.setdefault(fold(title), instrument)
        return instrument

    def add_alias(self, instrument: str, alias: str) -> None:
        item = self._items[instrument]
        alias = _clean_title(alias)
        if fold(alias) != fold(item.title) and alias not in item.aliases:
            item.aliases.append(alias)
        self._by_key.setdefault(fold(alias), instrument)

    def resolve(self, title: str) -> str | None:
        return self._by_key.get(fold(_clean_title(title)))

    def get(self, instrument: str) -> _Instrument:
        return self._items[instrument]

    def records(self) -> list[InstrumentRecord]:
        return [
            InstrumentRecord(
                id=i.id,
                title=i.title,
                type=i.type,
                identifier=i.identifier,
                published=i.published,
                issuer=i.issuer,
                aliases=sorted(i.aliases),
                line_start=max(i.line_start, 1),
                line_end=max(i.line_end, i.line_start, 1),
            )
            for i in self._items.values()
        ]

    # ------------------------------------------------------------------ running text
    def find_citations(self, text: str, line: int) -> list[Citation]:
        """Instruments cited in ``text`` (registering new ones), with article and fraction when given."""
        found: list[Citation] = []
        taken: list[tuple[int, int]] = []
        pos = 0
        cites_articles = "culo" in keyed(text)  # every article reference says "art[íi]culo"
        while cites_articles and (m := ARTICLE_REF.search(text, pos)) is not None:
            rest = m.group("rest")
            name = self._name_at(rest)
            pos = m.start("rest") + (len(name) if name else 0)
            if not name:
                continue
            instrument = self._instrument_for(name, line)
            if instrument is None:
                continue
            start = m.start()
            end = m.start("rest") + len(name)
            taken.append((start, end))
            arts = re.sub(r"\s+", " ", m.group("arts")).strip()
            fracs = re.sub(r"\s+", " ", m.group("fracs")).strip() if m.group("fracs") else None
            found.append(Citation(instrument, arts, fracs, start, end))
        for m in INSTRUMENT_NAME.finditer(text) if _INSTRUMENT_WORD.search(text) else ():
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            if SELF_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
                continue  # "este Reglamento", "el presente Estatuto": the text itself, not a citation
            name = _trim_name(m.group(0))
            instrument = self._instrument_for(name, line)
            if instrument:
                taken.append((m.start(), m.start() + len(name)))
                found.append(Citation(instrument, None, None, m.start(), m.start() + len(name)))
        abbreviated = _abbreviation_words().search(text) is not None
        for m in _abbreviation_pattern().finditer(text) if abbreviated else ():  # "conforme a la LOAPF"
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            instrument = self.define(m.group(0), line)
            if instrument:
                found.append(Citation(instrument, None, None, m.start(), m.end()))
        return sorted(found, key=lambda c: c.start)

    def _name_at(self, text: str) -> str | None:
        """The instrument a citation's tail names: a title ("Ley del Seguro Social, …"), a well-known
        abbreviation ("LSS"), or a word the document's glossary defines as a law ("Ley.")."""
        m = INSTRUMENT_NAME.match(text)
        if m:
            name = _trim_name(m.group(0))
            if len(name.split()) >= 2 or name.lower().startswith("constituci"):
                return name
        abbreviation = _abbreviation_pattern().match(text)
        if abbreviation:
            return abbreviation.group(0)
        defined = _DEFINED_WORD.match(text)
        if defined and self._defined_law(defined.group("word")):
            return defined.group("word")
        return _trim_name(m.group(0)) if m else None

    def _instrument_for(self, name: str, line: int) -> str | None:
        if SELF_REFERENCES.match(name):
            return None
        if len(name.split()) < 2 and not name.lower().startswith("constituci"):
            # One word: a well-known abbreviation, or a law the glossary defined by this word.
            return self.define(name, line) if name in abbreviations() else self._defined_law(name)
        known = self.resolve(name)
        if known:
            return known
        acuerdo = ACUERDO_ID.search(name)
        if acuerdo:
            return self.define(name, line, kind="acuerdo", identifier=normalize_acuerdo_id(acuerdo.group(0)))
        kind = instrument_type(name)
        if kind not in CITABLE_IN_TEXT:
            return None
        return self.define(name, line)

    def _defined_law(self, word: str) -> str | None:
        known = self._by_key.get(fold(word))
        if known and self._items[known].type.split("-")[0] in _CITED_BY_DEFINED_WORD:
            return known
        return None

    # ------------------------------------------------------------------ listed (Marco Jurídico)
    def parse_listed(self, item: str, line: int) -> list[ListedInstrument]:
        """One Marco Jurídico item → the instrument it lists, and the acuerdo approving it if named."""
        text = re.sub(r"\s+", " ", item).strip()
        kind = instrument_type(text)
        if kind is None:
            return []
        end = _TITLE_END.search(text)
        title = text[: end.start()] if end else text.rstrip(".")
        published = publication_date(text)
        acuerdo = ACUERDO_ID.search(text)
        clave = CLAVE.search(text)
        number = ACUERDO_NUMBER.search(title)
        identifier = None
        issued = None
        if kind == "acuerdo":
            if acuerdo and acuerdo.start() < (end.start() if end else len(text)) + 40:
                identifier = normalize_acuerdo_id(acuerdo.group(0))
            elif number:
                identifier = "Acuerdo " + number.group(1)
            dates = [d for d in find_dates(text) if d.precision == "day"]
            issued = dates[0].value if dates and (not published or dates[0].value != published) else None
        elif clave:
            identifier = clave.group(1)
        elif NOM.search(title):
            identifier = NOM.search(title).group(0)  # type: ignore[union-attr]
        listed = [
            ListedInstrument(
                self.define(title, line, kind=kind, identifier=identifier, published=published, issued=issued) or "",
                title,
                _articles(text),
            )
        ]
        if acuerdo and kind != "acuerdo":
            approving = normalize_acuerdo_id(acuerdo.group(0))
            listed.append(
                ListedInstrument(
                    self.define(f"Acuerdo {approving}", line, kind="acuerdo", identifier=approving) or "",
                    f"Acuerdo {approving}",
                    None,
                )
            )
        return [x for x in listed if x.instrument]


@dataclass
class ListedInstrument:
    instrument: str
    title: str
    articles: str | None


def _articles(text: str) -> str | None:
    m = re.search(r"\bArt[íi]culos?\s+([\d\sa-zA-Z,]+?)(?:\s+del?\s+\d{1,2}\s+de|\s+y\s+sus|[.;]|$)", text)
    return m.group(1).strip(" ,") if m else None


def _trim_name(name: str) -> str:
    # A name does not end on a connector, and "… y su Reglamento" is a second instrument.
    name = re.split(r"\s+y\s+(?:su|sus|el|la|los|las)\s+", name)[0]
    words = name.split()
    while words and fold(words[-1]) in {
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "en",
        "para",
        "a",
        "al",
        "y",
        "e",
        "que",
        "se",
        "por",
        "sobre",
    }:
        words.pop()
    return " ".join(words)


def date_in(text: str) -> dt.date | None:
    m = FULL_DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), MONTHS[fold(m.group(2))], int(m.group(1)))
    except ValueError:
        return None
