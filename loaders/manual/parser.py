"""Manuales de Organización: text → ``ParsedDocument``.

normalise (loaders.text) → top-level sections by their numbered titles (Introducción/Antecedentes,
Objetivo, Marco Jurídico, Atribuciones, Políticas, Organigrama, Funciones) → per section:

* Marco Jurídico: one listed instrument per item (bullet glyph, "·", or none at all: an item
  starts where the previous one ended with a period and a line starts with an instrument word);
  acuerdos that delegate a power to named posts become delegations.
* Atribuciones: quoted articles of a higher regulation, their fracciones as powers of the unit the
  introduction names, citing that regulation with article and fraction.
* Políticas: "5.1 …" items, policies of the head unit.
* Funciones: unit headings ("7.1.1. Departamento de …", or "I." / "a)" headings) nest by their
  numbering; their numbered items are the unit's functions.
* Introducción and other prose: reporting lines, integration and history (loaders.history).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from loaders import ids
from loaders.assembly import Assembly
from loaders.dates import find_dates
from loaders.history import Paragraph, ProseReader
from loaders.lexicon import INSTRUMENT_WORDS, KNOWN_BODIES, title_case
from loaders.manual.lists import Item, detect_style, split_items
from loaders.mentions import clean_name, post_to_unit_name, unit_like
from loaders.numbering import is_roman, roman_to_int
from loaders.records import DocumentRecord, ParsedDocument, ProvisionRecord
from loaders.pages import source_lines
from loaders.text import Line, fold
from orggraph.errors import ParseError

SECTION_KINDS = [
    ("history", r"introducci[oó]n|antecedentes(?:\s+hist[oó]ricos)?"),
    ("objective", r"objetivos?(?:\s+general)?"),
    (
        "legal",
        r"marco\s+(?:jur[ií]dico|normativo|legal)(?:\s*[–\-]\s*administrativo)?|base\s+legal|"
        r"fundamento\s+(?:jur[ií]dico|legal)",
    ),
    ("powers", r"atribuciones"),
    ("policies", r"pol[ií]ticas(?:\s+de\s+operaci[oó]n)?"),
    ("chart", r"organigrama|estructura\s+org[aá]nica"),
    ("functions", r"funciones(?:\s+sustantivas)?|descripci[oó]n\s+de\s+funciones"),
    ("other", r"misi[oó]n|visi[oó]n|glosario|valores|autorizaci[oó]n"),
]
SECTION = re.compile(
    r"^(?P<num>\d{1,2}|[IVX]{1,4})\.?\s+(?P<title>(?:" + "|".join(p for _, p in SECTION_KINDS) + r")\b.{0,40})$",
    re.IGNORECASE,
)
UNIT_HEADING = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){1,4})\.?\s+(?P<name>\S.*)$")
ROMAN_HEADING = re.compile(r"^(?P<num>[IVX]{1,5})\s*[.)]\s+(?P<name>\S.*)$")
LETTER_HEADING = re.compile(r"^(?P<num>[a-z])\s*[).]\s+(?P<name>\S.*)$")
TITLE = re.compile(r"^MANUAL\s+DE\s+ORGANIZACI[ÓO]N\b.*", re.IGNORECASE)
CLAVE = re.compile(r"\bClave:?\s*(?P<clave>\d{4}-\d{3}-\d{3})\b", re.IGNORECASE)
IN_FORCE = re.compile(
    r"\b(?:Vigencia|Fecha\s+de\s+(?:autorizaci[óo]n|actualizaci[óo]n|expedici[óo]n|validaci[óo]n)|vigente\s+a\s+partir"
    r"\s+del?)[,:]?\s+(?P<rest>.{0,60})",
    re.IGNORECASE,
)
ORG = re.compile(
    r"(?P<name>(?:El\s+|La\s+)?[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+(?:(?:de|del|la|las|los|el|y|e|para|en)\s+)*"
    r"[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)+)\s+\((?P<acr>[A-Z][A-Z\-]{1,15})\)"
)
_ITEM_START = re.compile(rf"^(?:{'|'.join(INSTRUMENT_WORDS)})\b")
DELEGATION = re.compile(
    r"\bse\s+delega(?:n)?\s+(?:a|en)\s+(?:los|las|el|la)\s+(?P<posts>.+?),\s+la\s+facultad\s+de\s+(?P<power>[^.;]+)",
    re.IGNORECASE,
)
QUOTED_ARTICLE = re.compile(
    r"^Art[íi]culo\s+(?P<num>\d+(?:\s+Bis)?)\s*(?:,\s*(?P<part>[^.]*?))?\.\s*(?P<text>.*)$", re.IGNORECASE
)


@dataclass
class Section:
    kind: str
    number: str
    title: str
    line: int
    lines: list[Line] = field(default_factory=list)


def parse_manual(path: str | Path, data: bytes | None = None) -> ParsedDocument:
    raw = Path(path).read_bytes() if data is None else data
    cleaned = source_lines(path, raw)
    lines = cleaned.lines
    sections = _sections(lines)
    if len({s.kind for s in sections}) < 2 or not any(s.kind in ("functions", "legal") for s in sections):
        raise ParseError(
            "no manual sections found (Introducción, Marco Jurídico, Funciones …): not a manual",
            path,
            next((ln.number for ln in lines if ln.text), 1),
        )
    functions = next((s for s in sections if s.kind == "functions"), None)

    organization, org_name, org_acronym = _organization(lines)
    clave = _first(CLAVE, [*cleaned.headers, *(ln.text for ln in lines)], "clave")
    title = _title(cleaned.header_lines(), lines)
    qualifier = clave or re.sub(r"^Manual\s+de\s+Organizaci[óo]n\s+(?:de\s+la|del|de)\s+", "", title or "", flags=re.I)
    document_id = ids.document_id(organization, "Manual de Organización", qualifier or None)
    a = Assembly(organization)
    a.units.define_org(org_name, 1, acronym=org_acronym, external=False)
    if fold(org_name).startswith("instituto"):
        a.units.add_org_alias(organization, "Instituto")  # "el Instituto" is the organization

    section_ids = {}
    for section in sections:
        section_id = f"{document_id}/sec-{section.number.lower()}"
        section_ids[section.kind] = section_id
        a.add_provision(
            ProvisionRecord(
                id=section_id,
                kind="seccion_manual",
                number=section.number,
                heading=section.title,
                text="",
                order=int(_n(section.number)),
                line_start=section.line,
                line_end=section.lines[-1].number if section.lines else section.line,
            )
        )
        a.edge(
            "CONTAINS", document_id, "Document", section_id, "Provision", section.line, order=int(_n(section.number))
        )

    head = None
    if functions is not None:
        head = _functions(functions, section_ids["functions"], a, path)
    chart = next((s for s in sections if s.kind == "chart"), None)
    if head is None and chart is not None:
        head = _chart_head(chart, a)

    prose = ProseReader(a, document_id)
    powers = next((s for s in sections if s.kind == "powers"), None)
    elements = _attribution_elements(powers.lines) if powers else []
    paragraphs = [
        p for s in sections if s.kind in ("history", "objective") for p in _paragraphs(s, section_ids[s.kind], a)
    ]
    paragraphs += _prose_paragraphs(elements, section_ids.get("powers", ""), a)
    prose.structure(paragraphs, create=True)
    prose.history(paragraphs)

    for section in sections:
        if section.kind == "legal":
            _legal(section, section_ids["legal"], document_id, a)
        elif section.kind == "powers":
            _attributions(elements, section_ids["powers"], a)
        elif section.kind == "policies" and head:
            _policies(section, section_ids["policies"], head, a)
    a.attach_orphans(organization)
    for provision in list(a.provisions.values()):
        if provision.text and provision.kind not in ("marco_juridico",):
            a.cite(provision.id, "Provision", provision.text, provision.line_start)

    in_force = None
    for text in [*(ln.text for ln in (chart.lines if chart else [])), *(ln.text for ln in lines)]:
        m = IN_FORCE.search(text)
        if m and find_dates(m.group("rest")):
            in_force = find_dates(m.group("rest"))[0].value
            break
    document = DocumentRecord(
        id=document_id,
        title=title or (f"Manual de Organización de la {a.units.name(head)}" if head else "Manual"),
        genre="manual",
        organization=organization,
        issuer=None,
        published=None,
        last_modified=None,
        in_force=in_force,
        clave=clave,
        source_file=Path(path).name,
        sha256=hashlib.sha256(raw).hexdigest(),
        line_count=len(lines),
    )
    return a.build(document)


# ----------------------------------------------------------------------------- sections and metadata
def _sections(lines: list[Line]) -> list[Section]:
    sections: list[Section] = []
    for line in lines:
        m = SECTION.match(line.text)
        if m and len(line.text) < 80:
            kind = next(k for k, pattern in SECTION_KINDS if re.match(pattern, m.group("title"), re.IGNORECASE))
            number = m.group("num").upper()
            if not sections or _n(number) > _n(sections[-1].number):
                sections.append(Section(kind, number, m.group("title").strip(), line.number))
                continue
        if sections:
            sections[-1].lines.append(line)
    return sections


def _n(number: str) -> int:
    return roman_to_int(number) if is_roman(number) and not number.isdigit() else int(number)


def _first(pattern: re.Pattern[str], texts: list[str], group: str) -> str | None:
    for text in texts:
        m = pattern.search(text)
        if m:
            return m.group(group)
    return None


def _title(header_lines: list[tuple[int, str]], lines: list[Line]) -> str | None:
    """The running header's "MANUAL DE ORGANIZACIÓN DE …" (over one or more lines), else the first line."""
    for i, (_, text) in enumerate(header_lines):
        if TITLE.match(text):
            parts = [text]
            for _, more in header_lines[i + 1 :]:
                if more.isupper() and not re.search(r"P[ÁA]GINA|CLAVE", more, re.IGNORECASE):
                    parts.append(more)
                else:
                    break
            return title_case(" ".join(parts))
    first = next((ln.text for ln in lines if ln.text), "")
    return title_case(first) if TITLE.match(first) else None


def _organization(lines: list[Line]) -> tuple[str, str, str | None]:
    """The body the manual belongs to: its first "Name (ACRONYM)" naming an institution."""
    for line in lines[:400]:
        for m in ORG.finditer(line.text):
            name = re.sub(r"^(?:El|La)\s+", "", m.group("name"))
            if fold(name) in KNOWN_BODIES or re.match(
                r"^(?:Instituto|Secretar[íi]a|Servicios|Comisi[óo]n|Sistema|"
                r"Consejo|Procuradur[íi]a)",
                name,
            ):
                return ids.organization_id(m.group("acr")), name, m.group("acr")
    raise ParseError("cannot tell which body this manual belongs to: no 'Name (ACRONYM)' of an institution", None, 1)


def _prose_paragraphs(elements: list[_Element], section_id: str, a: Assembly) -> list[Paragraph]:
    """The Atribuciones section's own prose (not its quoted articles), as párrafos."""
    out = []
    for index, element in enumerate((e for e in elements if e.kind == "prose"), start=1):
        provision = ids.child(section_id, ids.paragraph_part(index))
        a.add_provision(
            ProvisionRecord(
                id=provision,
                kind="parrafo",
                number=str(index),
                text=element.text,
                parent=section_id,
                order=100 + index,
                line_start=element.line_start,
                line_end=element.line_end,
            )
        )
        a.edge(
            "CONTAINS",
            section_id,
            "Provision",
            provision,
            "Provision",
            element.line_start,
            element.line_end,
            order=100 + index,
        )
        out.append(Paragraph(element.text, element.line_start, element.line_end, provision))
    return out


def _paragraphs(section: Section, section_id: str, a: Assembly) -> list[Paragraph]:
    """Blank-line separated paragraphs; each becomes a párrafo provision of the section."""
    paragraphs: list[Paragraph] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            text = " ".join(ln.text for ln in current)
            index = len(paragraphs) + 1
            provision = ids.child(section_id, ids.paragraph_part(index))
            a.add_provision(
                ProvisionRecord(
                    id=provision,
                    kind="parrafo",
                    number=str(index),
                    text=text,
                    parent=section_id,
                    order=index,
                    line_start=current[0].number,
                    line_end=current[-1].number,
                )
            )
            a.edge(
                "CONTAINS",
                section_id,
                "Provision",
                provision,
                "Provision",
                current[0].number,
                current[-1].number,
                order=index,
            )
            paragraphs.append(Paragraph(text, current[0].number, current[-1].number, provision))
            current.clear()

    for line in section.lines:
        if not line.text:
            if current and current[-1].text.rstrip().endswith((".", ":")):
                flush()
            continue
        current.append(line)
    flush()
    return paragraphs


# ----------------------------------------------------------------------------- functions
@dataclass
class _UnitBlock:
    number: str
    name: str
    depth: int
    line: int
    lines: list[Line] = field(default_factory=list)
    raw: str = ""

    def __post_init__(self) -> None:
        self.raw = self.raw or self.name


def _functions(section: Section, section_id: str, a: Assembly, path: str | Path) -> str | None:
    blocks = _unit_blocks(section.lines)
    if not blocks:
        raise ParseError(
            "the functions section names no unit ('7.1. Jefatura de …' or 'I. Dirección …')", path, section.line
        )
    stack: list[tuple[int, str]] = []
    head = None
    for block in blocks:
        unit = a.units.define(block.name, block.line, described=True)
        while stack and stack[-1][0] >= block.depth:
            stack.pop()
        if stack:
            a.edge("PART_OF", unit, "Unit", stack[-1][1], "Unit", block.line, basis="functions_numbering")
        else:
            head = head or unit
        stack.append((block.depth, unit))
        block_id = ids.child(section_id, ids.slug(block.number))
        a.add_provision(
            ProvisionRecord(
                id=block_id,
                kind="seccion_manual",
                number=block.number,
                heading=block.name,
                parent=section_id,
                order=len(a.provisions),
                line_start=block.line,
                line_end=(block.lines[-1].number if block.lines else block.line),
            )
        )
        a.edge("CONTAINS", section_id, "Provision", block_id, "Provision", block.line, order=len(a.provisions))
        style = detect_style(block.lines)
        if style is None:
            if any(ln.text for ln in block.lines):
                a.warn(block.line, f"{block.name}: text under the heading but no numbered functions")
            elif block is blocks[-1]:
                raise ParseError(
                    f"the file ends right after the heading of {block.name!r}: it looks truncated", path, block.line
                )
            continue
        _, items = split_items(block.lines, style)
        for item in items:
            _function(item, block_id, unit, a)
    return head


def _function(item: Item, parent: str, unit: str, a: Assembly) -> None:
    provision_id = ids.child(parent, f"fn-{ids.slug(item.number)}")
    record = ProvisionRecord(
        id=provision_id,
        kind="funcion",
        number=item.number,
        text=item.text,
        parent=parent,
        order=_order(item.number),
        line_start=item.line_start,
        line_end=item.line_end,
    )
    a.add_provision(record)
    a.edge(
        "CONTAINS",
        parent,
        "Provision",
        provision_id,
        "Provision",
        item.line_start,
        item.line_end,
        order=_order(item.number),
    )
    a.power(record, item.text, [(unit, "own")], kind="funcion")


def _order(number: str) -> int:
    tail = number.split(".")[-1]
    if tail.isdigit():
        return int(tail)
    return roman_to_int(tail) if is_roman(tail) else ord(tail[:1] or "a")


def _unit_blocks(lines: list[Line]) -> list[_UnitBlock]:
    """Unit headings nest by their numbering: "7.1" › "7.1.1", or "I." › "a)" (a heading names a unit)."""
    blocks: list[_UnitBlock] = []
    pending: _UnitBlock | None = None
    for line in lines:
        text = line.text
        if not text:
            pending = None
            continue
        if (
            pending is not None
            and not re.match(r"^(?:\d|[IVX]+[.)]|[a-z]\))", text)
            and len(text.split()) <= 8
            and unit_like(f"{pending.raw} {text}")
        ):
            pending.raw = f"{pending.raw} {text}"  # a heading wrapped onto a second line
            pending.name = clean_name(pending.raw)
            continue
        pending = None
        block = None
        m = UNIT_HEADING.match(text)
        if m and unit_like(m.group("name")):
            block = _UnitBlock(
                m.group("num"), clean_name(m.group("name")), m.group("num").count("."), line.number, raw=m.group("name")
            )
        else:
            m = ROMAN_HEADING.match(text) or LETTER_HEADING.match(text)
            if m and unit_like(m.group("name")):
                depth = 1 if ROMAN_HEADING.match(text) else 2
                number = (
                    m.group("num")
                    if depth == 1
                    else f"{blocks[-1].number.split('.')[0]}.{m.group('num')}"
                    if blocks
                    else m.group("num")
                )
                block = _UnitBlock(number, clean_name(m.group("name")), depth, line.number, raw=m.group("name"))
        if block is not None:
            blocks.append(block)
            pending = block
            continue
        if blocks:
            blocks[-1].lines.append(line)
    return blocks


def _chart_head(chart: Section, a: Assembly) -> str | None:
    for block in _unit_blocks(chart.lines):
        return a.units.define(block.name, block.line)
    return None


# ----------------------------------------------------------------------------- marco jurídico
def _legal_items(lines: list[Line]) -> list[tuple[str, int, int]]:
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


def _legal(section: Section, section_id: str, document_id: str, a: Assembly) -> None:
    for index, (text, start, end) in enumerate(_legal_items(section.lines), start=1):
        provision_id = ids.child(section_id, f"item-{index}")
        record = ProvisionRecord(
            id=provision_id,
            kind="marco_juridico",
            number=str(index),
            text=text,
            parent=section_id,
            order=index,
            line_start=start,
            line_end=end,
        )
        a.add_provision(record)
        a.edge("CONTAINS", section_id, "Provision", provision_id, "Provision", start, end, order=index)
        listed = a.instruments.parse_listed(text, start)
        if not listed:
            a.warn(start, f"legal framework item {index} names no instrument: {text[:60]!r}")
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
                document_id,
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
            a.warn(provision.line_start, f"delegation to {post!r}: not a post orggraph can place")
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


def _attribution_elements(lines: list[Line]) -> list[_Element]:
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


def _attributions(elements: list[_Element], section_id: str, a: Assembly) -> None:
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
            record = ProvisionRecord(
                id=ids.child(owner_id, ids.fraction_part(element.number or "")),
                kind="fraccion",
                number=element.number,
                text=element.text,
                parent=owner_id,
                order=roman_to_int(element.number or "I"),
                line_start=element.line_start,
                line_end=element.line_end,
            )
            a.add_provision(record)
            a.edge(
                "CONTAINS",
                owner_id,
                "Provision",
                record.id,
                "Provision",
                element.line_start,
                element.line_end,
                order=record.order,
            )
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
    part = ids.article_part(number) if number else f"par-{element.line_start}"
    record = ProvisionRecord(
        id=ids.child(section_id, part),
        kind="referencia",
        number=number,
        heading=heading,
        text=element.text,
        parent=section_id,
        order=int(number.split()[0]) if number else 0,
        line_start=element.line_start,
        line_end=element.line_end,
    )
    provision = a.add_provision(record)
    a.edge(
        "CONTAINS",
        section_id,
        "Provision",
        provision,
        "Provision",
        element.line_start,
        element.line_end,
        order=record.order,
    )
    return provision


def _owner_of(text: str) -> str:
    m = re.search(r"\bde\s+(?:la|el)\s+(?P<x>[^:.,]+?)\s*:?\s*$", text)
    return m.group("x") if m else ""


# ----------------------------------------------------------------------------- políticas
def _policies(section: Section, section_id: str, head: str, a: Assembly) -> None:
    prefix = f"{section.number}."
    style = detect_style(section.lines, prefix) or detect_style(section.lines)
    if style is None:
        return
    _, items = split_items(section.lines, style, prefix if style == "arabic" else "")
    for item in items:
        provision_id = ids.child(section_id, f"pol-{ids.slug(item.number)}")
        a.add_provision(
            ProvisionRecord(
                id=provision_id,
                kind="politica",
                number=item.number,
                text=item.text,
                parent=section_id,
                order=_order(item.number),
                line_start=item.line_start,
                line_end=item.line_end,
            )
        )
        a.edge(
            "CONTAINS",
            section_id,
            "Provision",
            provision_id,
            "Provision",
            item.line_start,
            item.line_end,
            order=_order(item.number),
        )
        a.edge("HAS_POLICY", head, "Unit", provision_id, "Provision", item.line_start, item.line_end)


__all__ = ["parse_manual"]
