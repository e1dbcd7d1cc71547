"""Manuales de Organización: text → ``ParsedDocument``.

normalise and drop page noise (loaders.pages) → who the manual is about (loaders.front) → its
sections by their titles (sections) → per section and per post:

* Estructura Orgánica: a list or table of units and posts, nested by its numbering (posts.structure_rows).
* Funciones: unit headings ("7.1.1. Departamento de …", "I." / "a)", or a heading in capitals) nest by
  their numbering; their numbered items are the unit's functions.
* Post blocks anywhere ("Nombre del Puesto / A quien Reporta / A quien Supervisa / Funciones"): each
  post is a unit with its superior and its functions (posts.post_blocks).
* Marco Jurídico, Atribuciones (legal), Políticas, and the prose of Introducción/Antecedentes
  (reporting lines, integration and history, loaders.history).

Where the structure list, a post's "A quien Reporta" and its superior's "A quien Supervisa"
disagree, the parent most of them name wins (ties: the post's own block).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from loaders import ids
from loaders.assembly import Assembly
from loaders.dates import find_dates
from loaders.front import Front, kind_fields, organization_kind, read_front
from loaders.history import Paragraph, ProseReader
from loaders.manual.charts import boxes, hierarchy
from loaders.manual.legal import attribution_elements, legal_items, read_attributions, read_legal
from loaders.manual.lists import Item, bullet_items, detect_style, split_items
from loaders.manual.posts import PostBlock, Row, _post_like, _unpadded, label_of, post_blocks, structure_rows
from loaders.manual.sections import Section, number_value, sections
from loaders.mentions import _content, _same_name, clean_name, kind_of, organization_identity, unit_like
from loaders.numbering import is_roman, roman_to_int
from loaders.pages import Cleaned, source_lines
from loaders.phrasings import COLLEGIATE_HEADS, MANUAL_TITLE_START, STRUCTURE_INTROS, first
from loaders.records import DocumentRecord, ParsedDocument
from loaders.text import Line, upper_ratio
from orggraph.errors import ParseError
from orggraph.folding import fold
from orggraph.lexicon import KNOWN_BODIES, POST_HEADS, title_case

UNIT_HEADING = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){1,4})\.?\s+(?P<name>\S.*)$")
ROMAN_HEADING = re.compile(r"^(?P<num>[IVX]{1,5})\s*[.)]\s+(?P<name>\S.*)$")
LETTER_HEADING = re.compile(r"^(?P<num>[a-z])\s*[).]\s+(?P<name>\S.*)$")
TITLE = re.compile(r"^MANUAL\s+DE\s+ORGANIZACI[ÓO]N\b.*", re.IGNORECASE)
CLAVE = re.compile(r"\bClave:?\s*(?P<clave>\d{4}-\d{3}-\d{3})\b", re.IGNORECASE)
IN_FORCE = re.compile(
    r"\b(?:Vigencia|Fecha\s+de\s+(?:autorizaci[óo]n|actualizaci[óo]n|expedici[óo]n|validaci[óo]n|elaboraci[óo]n)|"
    r"vigente\s+a\s+partir\s+del?)[,:]?\s+(?P<rest>.{0,60})",
    re.IGNORECASE,
)
ORG = re.compile(
    r"(?P<name>(?:El\s+|La\s+)?[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+(?:(?:de|del|la|las|los|el|y|e|para|en)\s+)*"
    r"[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)+)\s+\((?P<acr>[A-Z][A-Z\-]{1,15})\)"
)
INSTITUTION_HEADS = re.compile(r"^(?:Instituto|Secretar[íi]a|Servicios|Comisi[óo]n|Sistema|Consejo|Procuradur[íi]a)")
GOVERNING = re.compile(r"^(?:Junta|Consejo|Asamblea|[ÓO]rgano\s+de\s+Gobierno)\b", re.IGNORECASE)
EXECUTIVE = re.compile(
    r"^(?:Direc+i[óo]n\s+General|Director(?:a)?(?:\s*\(\w\))?\s+(?:General|del?\s)|Gerente|Gerencia\s+General|"
    r"Presidente|Presidenta)",
    re.IGNORECASE,
)
# Ties between sources: the structure list, then a superior's "A quien Supervisa", then the post's own
# "A quien Reporta"; "table-head" (an unnumbered table's first row) counts only when nothing else speaks,
# and even then after what the table itself implies: a post under the one whose topic its name carries
# ("topic": "Auxiliar (Call Center turno Matutino)" under the "Coordinador Call Center"), or where the
# other posts of its level code are ("level-peers": the "AU" rows that report to the Secretaria Particular).
# "chart": an organigrama drawn in text, read only for the units nothing else places.
BASIS_ORDER = {"structure": 0, "supervises": 1, "reports": 2, "topic": 3, "level-peers": 4, "table-head": 5, "chart": 6}
_LEADS = ("coordinador", "coordinadora", "jefe", "jefa", "encargado", "encargada", "supervisor", "supervisora")


def parse_manual(path: str | Path, data: bytes | None = None, cleaned: Cleaned | None = None) -> ParsedDocument:
    """``cleaned``: the file's lines when the caller has read them already (genre detection does)."""
    raw = Path(path).read_bytes() if data is None else data
    cleaned = cleaned or source_lines(path, raw)
    lines = cleaned.lines
    found = sections(lines)
    blocks = post_blocks(lines, stops={s.line for s in found if s.kind in ("structure", "chart")})
    kinds = {s.kind for s in found}
    if not blocks and (len(kinds) < 2 or not kinds & {"functions", "legal", "structure"}):
        raise ParseError(
            "no manual sections found (Introducción, Marco Jurídico, Estructura Orgánica, Funciones …) and no "
            "post descriptions ('Nombre del Puesto'): not a manual",
            path,
            next((ln.number for ln in lines if ln.text), 1),
        )
    first_section = next((i for i, ln in enumerate(lines) if found and ln.number == found[0].line), None)
    front = read_front(lines, first_section, cleaned.header_lines(), MANUAL_TITLE_START)
    organization, org_name, org_acronym, subject = _organization(lines, front, path)
    clave = _first(CLAVE, [*cleaned.headers, *(ln.text for ln in lines)], "clave")
    title = _title(cleaned.header_lines(), lines) or front.title
    qualifier = clave or re.sub(r"^Manual\s+de\s+Organizaci[óo]n\s+(?:de\s+la|del|de)\s+", "", title or "", flags=re.I)
    if qualifier and fold(qualifier).startswith(fold(org_name)[:20]):
        qualifier = ""  # the manual of the whole organization: no qualifier
    document_id = ids.document_id(organization, "Manual de Organización", qualifier or None)
    a = Assembly(organization, document_id)
    a.units.define_org(org_name, front.title_line, acronym=org_acronym, external=False)
    _describe(a, organization, org_name, org_acronym, front, subject, lines)
    for line, note_kind, message in front.notes:
        if subject is None:
            a.note(line, note_kind, message)  # type: ignore[arg-type]

    section_ids: dict[int, str] = {}
    for order, section in enumerate(found, start=1):
        section_ids[id(section)] = a.provision(
            "seccion_manual",
            None,
            ids.manual_section_part(section.number),
            section.line,
            section.lines[-1].number if section.lines else section.line,
            order=number_value(section.number) if section.number[:1] != "u" else 100 + order,
            number=section.number if section.number[:1] != "u" else None,
            heading=section.title,
        )

    votes = Votes()
    head = None
    tables = Tables(active=sum(s.kind == "structure" for s in found) > 1)
    # The general organigrama: a chart section before the posts' own descriptions, or drawn right
    # after the structure table.
    first_post = min((b.start for b in blocks), default=None)
    charts: list[list[Line]] = [
        s.lines for s in found if s.kind == "chart" and (first_post is None or s.line < first_post)
    ]
    for section in found:
        if section.kind == "structure":
            charts.append(_structure(section, a, votes, tables))
    for section in found:
        if section.kind == "functions":
            head = head or _functions(section, section_ids[id(section)], a)
    _repeated_posts(blocks, a)
    for block in blocks:  # each post as its own block names it, before other blocks mention it
        if block.post:
            tables.unit_for(_block_post(block), a, block.line, create=True)
    for block in blocks:
        _post(block, lines, a, votes, tables)
    for drawn in charts:
        _drawn_chart(drawn, a, votes)
    for block in blocks:
        unit = tables.unit_for(_block_post(block), a, block.line, create=False) if block.post else None
        if unit and block.chart_lines:
            _drawn_chart(block.chart_lines, a, votes, post=unit)
    votes.apply(a)
    chart = next((s for s in found if s.kind == "chart"), None)
    if head is None and chart is not None:
        head = _chart_head(chart, a)
    if head is None and subject:
        head = a.units.resolve(subject)
    if head is None:
        head = _top_unit(a)

    prose = ProseReader(a, document_id)
    powers = next((s for s in found if s.kind == "powers"), None)
    elements = attribution_elements(powers.lines) if powers else []
    paragraphs = [p for s in found if s.kind in ("history", "objective") for p in _paragraphs(s, section_ids[id(s)], a)]
    if powers is not None:
        paragraphs += _prose_paragraphs(elements, section_ids[id(powers)], a)
    prose.structure(paragraphs, create=True)
    prose.history(paragraphs)

    for section in found:
        if section.kind == "legal":
            read_legal(section.lines, section_ids[id(section)], a)
        elif section.kind == "powers":
            read_attributions(elements, section_ids[id(section)], a)
        elif section.kind == "policies" and head:
            _policies(section, section_ids[id(section)], head, a)
    a.attach_orphans(organization)
    for provision in list(a.provisions.values()):
        if provision.text and provision.kind not in ("marco_juridico",):
            a.cite(provision.id, "Provision", provision.text, provision.line_start)

    in_force = None
    for text in [*(ln.text for ln in (chart.lines if chart else [])), *(ln.text for ln in lines), *cleaned.headers]:
        m = IN_FORCE.search(text)
        if m and find_dates(m.group("rest")):
            in_force = find_dates(m.group("rest"))[0].value
            break
    document = DocumentRecord(
        id=document_id,
        title=title
        or (f"Manual de Organización de la {a.units.name(head)}" if head else f"Manual de Organización de {org_name}"),
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
    parsed = a.build(document)
    parsed.page_noise = cleaned.counts()
    return parsed


# ----------------------------------------------------------------------------- who the manual is about
def _organization(lines: list[Line], front: Front, path: str | Path) -> tuple[str, str, str | None, str | None]:
    """(organization id, name, acronym, the unit the manual is about when it is a unit's manual).

    "Manual de Organización de la Jefatura de …" of the IMSS organizes one unit of an institution the
    text names ("Instituto Mexicano del Seguro Social (IMSS)"): the organization is the institution."""
    institution = _institution(lines)
    if front.body and kind_of(front.body) and institution and fold(institution[1]) != fold(front.body):
        return (*institution, front.body)
    if front.body:
        return organization_identity(front.body, front.acronym)[0], front.body, front.acronym, None
    if institution:
        return (*institution, None)
    name = title_case(Path(path).stem.replace("-", " ").replace("_", " "))
    return organization_identity(name)[0], name, None, None


def _institution(lines: list[Line]) -> tuple[str, str, str] | None:
    """The institution a manual names with its acronym and keeps naming ("Instituto Mexicano del Seguro
    Social (IMSS)" … "el IMSS", "el Instituto"); one mention ("Consejo de administración del Sistema Integral de
    Mantenimiento Vial (SIMV)", where a Dirección sits) is a body it deals with, not its own."""
    everything = " ".join(ln.text for ln in lines)
    for line in lines[:400]:
        for m in ORG.finditer(line.text):
            name = re.sub(r"^(?:El|La)\s+", "", m.group("name"))
            if not (fold(name) in KNOWN_BODIES or INSTITUTION_HEADS.match(name)):
                continue
            said = len(re.findall(rf"\b{re.escape(m.group('acr'))}\b", everything))
            head = re.escape(name.split()[0])  # "el Instituto", bare: the institution again
            said += len(
                re.findall(
                    rf"\b(?:el|del|al|la|de\s+la|a\s+la)\s+{head}\b(?!\s+(?:de|del)\b|\s+[A-ZÁÉÍÓÚÑ])", everything
                )
            )
            if said >= 3:
                return ids.organization_id(m.group("acr")), name, m.group("acr")
    return None


def _describe(
    a: Assembly,
    organization: str,
    name: str,
    acronym: str | None,
    front: Front,
    subject: str | None,
    lines: list[Line],
) -> None:
    parent = None
    if front.parent and subject is None:
        parent = a.units.define_org(front.parent, front.title_line, external=True)
        a.edge("SUB_ORGANIZATION_OF", organization, "Organization", parent, "Organization", front.title_line)
    # A unit's manual ("… de la Dirección de Operación Hidráulica") describes its institution in its
    # antecedentes ("La Comisión Nacional del Agua Potable (CONAP) es un organismo descentralizado …").
    kind = front.kind if subject is None else organization_kind(name, acronym, " ".join(ln.text for ln in lines[:400]))
    a.units.update_org(organization, **kind_fields(kind), parent=parent)
    for alias in front.references if subject is None else [name.split()[0]]:
        a.units.add_org_alias(organization, alias)
    if fold(name).startswith("instituto"):
        a.units.add_org_alias(organization, "Instituto")  # "el Instituto" is the organization


def _first(pattern: re.Pattern[str], texts: list[str], group: str) -> str | None:
    for text in texts:
        m = pattern.search(text)
        if m:
            return m.group(group)
    return None


def _title(header_lines: list[tuple[int, str]], lines: list[Line]) -> str | None:
    """The running header's "MANUAL DE ORGANIZACIÓN DE …" (over one or more lines), else the first line."""
    for i, (_, text) in enumerate(header_lines):
        if TITLE.match(text) and text.isupper():
            parts = [text]
            for _, more in header_lines[i + 1 :]:
                if more.isupper() and not re.search(r"P[ÁA]GINA|CLAVE", more, re.IGNORECASE) and more not in parts:
                    parts.append(more)
                else:
                    break
            return title_case(" ".join(parts))
    first = next((ln.text for ln in lines if ln.text), "")
    return title_case(first) if TITLE.match(first) and len(first.split()) > 3 else None


# ----------------------------------------------------------------------------- prose
def _prose_paragraphs(elements, section_id: str, a: Assembly) -> list[Paragraph]:
    """The Atribuciones section's own prose (not its quoted articles), as párrafos."""
    out = []
    for index, element in enumerate((e for e in elements if e.kind == "prose"), start=1):
        provision = a.provision(
            "parrafo",
            section_id,
            ids.paragraph_part(index),
            element.line_start,
            element.line_end,
            order=100 + index,
            number=str(index),
            text=element.text,
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
            provision = a.provision(
                "parrafo",
                section_id,
                ids.paragraph_part(index),
                current[0].number,
                current[-1].number,
                order=index,
                number=str(index),
                text=text,
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


# ----------------------------------------------------------------------------- parents by majority
@dataclass
class Votes:
    """Who each unit hangs from, as the structure list, its own block and its superiors' blocks say."""

    ballots: dict[str, list[tuple[str, str, int]]] = field(default_factory=lambda: defaultdict(list))
    rows: dict[str, tuple[int, str | None]] = field(default_factory=dict)  # unit → (its table's line, level code)
    new_from_chart: set[str] = field(default_factory=set)  # units only a drawn organigrama shows

    def cast(self, child: str, parent: str, basis: str, line: int) -> None:
        if child != parent:
            self.ballots[child].append((parent, basis, line))

    def apply(self, a: Assembly) -> None:
        self._infer_from_tables(a)
        chosen: dict[str, tuple[str, str, int]] = {}
        for child, ballots in self.ballots.items():
            spoken = [b for b in ballots if b[1] != "table-head"] or ballots
            tally: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
            for ballot in spoken:
                tally[ballot[0]].append(ballot)
            best = max(
                tally.values(),
                key=lambda bs: (len({b[1] for b in bs}), -min(BASIS_ORDER[b[1]] for b in bs)),
            )
            chosen[child] = min(best, key=lambda b: BASIS_ORDER[b[1]])
        for child, (parent, basis, line) in chosen.items():
            if _ancestor(chosen, parent, child):
                continue  # a cycle: the text contradicts itself; keep the unit where it was
            a.edge("PART_OF", child, "Unit", parent, "Unit", line, basis=basis)

    def _infer_from_tables(self, a: Assembly) -> None:
        """Rows nothing but their table's first row places: the post their name's topic belongs to,
        else where every other post of their level code that something places is."""
        alone = [u for u, bs in self.ballots.items() if bs and all(b[1] == "table-head" for b in bs)]
        spoken_parent = {
            u: Counter(b[0] for b in bs if b[1] != "table-head").most_common(1)[0][0]
            for u, bs in self.ballots.items()
            if any(b[1] != "table-head" for b in bs)
        }
        for unit in alone:
            table, code = self.rows.get(unit, (None, None))
            if table is None:
                continue
            line = self.ballots[unit][0][2]
            mates = [u for u, (t, _) in self.rows.items() if t == table and u != unit]
            words = _content(a.units.name(unit))
            leads = [
                u
                for u in mates
                if fold(a.units.name(u)).split()[0] in _LEADS
                and (topic := _headless(a.units.name(u)))
                and _contains(words[1:], topic)
            ]
            if len(leads) == 1:
                self.cast(unit, leads[0], "topic", line)
                continue
            peers = {spoken_parent[u] for u in mates if code and self.rows[u][1] == code and u in spoken_parent}
            if len(peers) == 1 and unit not in peers:
                self.cast(unit, peers.pop(), "level-peers", line)


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(_same_name(words[i : i + n], part) for i in range(len(words) - n + 1))


def _ancestor(chosen: dict[str, tuple[str, str, int]], start: str, target: str) -> bool:
    seen = set()
    node = start
    while node in chosen and node not in seen:
        if node == target:
            return True
        seen.add(node)
        node = chosen[node][0]
    return node == target


# ----------------------------------------------------------------------------- structure lists and tables
@dataclass
class Tables:
    """Manuals that give each area its own structure table ("ESTRUCTURA ORGÁNICA COMUNICACIÓN SOCIAL")
    reuse post names across areas: one table's "Mensajero" or "Asistente de Dirección" is not
    another's. When a manual has several tables, a post named in a table, or in a post block that
    follows it, is read as that table's post (its *scope*, the table's first row)."""

    active: bool
    starts: list[tuple[int, str]] = field(default_factory=list)  # (table line, its head unit), in order

    def open(self, line: int, head: str, a: Assembly) -> None:
        if self.active:
            self.starts.append((line, head))
            a.units.set_scope(head, head)

    def scope_at(self, line: int) -> str | None:
        scope = None
        for start, head in self.starts:
            if start > line:
                break
            scope = head
        return scope

    def row_unit(self, name: str, a: Assembly, line: int, scope: str | None) -> str | None:
        """A table row's unit: its own table's post, a post no table placed yet, or a new post (the
        same name in another table is another post)."""
        if not self.active or scope is None:
            return _unit_for(name, a, line, create=True)
        unit = self.member(name, scope, a)
        if unit:
            return unit
        unit = _unit_for(name, a, line, create=False)
        if unit is not None and a.units.scope_of(unit) in (None, scope):
            a.units.set_scope(unit, scope)
            return unit
        try:
            unit = a.units.define(clean_name(name), line, listed=True, scope=scope)
        except ValueError:
            return None
        if a.units.scope_of(unit) not in (None, scope):  # a fuzzy match of another table's post, by exact name
            return None
        a.units.set_scope(unit, scope)
        return unit

    def unit_for(self, name: str, a: Assembly, line: int, *, create: bool, area: str | None = None) -> str | None:
        """A name a post block gives (its post, whom it reports to or supervises): the post of the
        block's own table first."""
        scope = self.scope_at(line) if self.active else None
        if scope is not None:
            unit = self.member(name, scope, a) or self.member(_without_area(name, area), scope, a)
            if unit:
                return unit
        return _unit_for(name, a, line, create=create)

    def member(self, name: str, scope: str, a: Assembly) -> str | None:
        """The unit of ``scope`` this name names: the same words, allowing for gender and
        spelling ("Coordinadora de prensa" for the listed "Coordinador de Prensa")."""
        wanted = _content(clean_name(name)) if name else ()
        if not wanted:
            return None
        members = [u for u in a.units.ids() if a.units.scope_of(u) == scope]
        found = [u for u in members if any(_same_name(wanted, _content(n)) for n in a.units.names_of(u))]
        if not found and len(wanted) >= 3:
            # "Director de Área de Comunicación Social" for "Director de Área Comunicación Social e Imagen"
            found = [
                u for u in members if any(_same_name(wanted, _content(n)[: len(wanted)]) for n in a.units.names_of(u))
            ]
        return found[0] if len(found) == 1 else None


def _without_area(name: str, area: str | None) -> str:
    """ "Coordinadora de Prensa de Comunicación Social e Imagen" in a block of the Dirección de
    Comunicación Social e Imagen: the post without its area's name ("Coordinadora de Prensa")."""
    if not area:
        return ""
    tail = _headless(clean_name(area))
    words = name.split()
    for cut in range(len(words) - 1, 0, -1):
        if fold(words[cut]) in ("de", "del") and _headless(" ".join(words[cut + 1 :])) == tail and tail:
            return " ".join(words[:cut])
    return ""


def _structure(section: Section, a: Assembly, votes: Votes, tables: Tables) -> list[Line]:
    """Reads the section's list or table; returns the lines after it (an organigrama drawn in text)."""
    rows: list[Row] = structure_rows(section.lines)
    by_number: dict[str, str] = {}
    head: str | None = None
    board_row: str | None = None
    # "La Comisión … cuenta con una Dirección General y las siguientes Unidades Administrativas:": the
    # head the sentence names stands above the list's top rows.
    intro = " ".join(ln.text for ln in section.lines if ln.text and (not rows or ln.number < rows[0].line))
    named = first([p for p in STRUCTURE_INTROS if p.name == "counts-with-a-head-and"], intro)
    top = _unit_for(named[1].group("head"), a, section.line, create=True) if named else None
    scope: str | None = None
    for row in rows:
        unit = tables.row_unit(row.name, a, row.line, scope)
        if unit is None:
            continue
        if scope is None:
            scope = unit
            tables.open(section.line, unit, a)
        if row.number:
            by_number[row.number] = unit
        else:
            votes.rows.setdefault(unit, (section.line, row.code))
        if row.parent_number and row.parent_number in by_number:
            votes.cast(unit, by_number[row.parent_number], "structure", row.line)
        elif top is not None and unit != top:
            votes.cast(unit, top, "structure", row.line)
        elif row.number is None:
            # An unnumbered table opens with its area's titular (after its board, when it lists one:
            # "Consejo Municipal de la Mujer" / "Directora del Instituto …"); rows nothing else places
            # hang from it.
            if head is None:
                head = unit
            elif head == board_row and EXECUTIVE.match(a.units.name(unit)):
                votes.cast(unit, head, "structure", row.line)
                head = unit
            else:
                votes.cast(unit, head, "table-head", row.line)
            if board_row is None and head == unit and GOVERNING.match(a.units.name(unit)):
                board_row = unit
    after = rows[-1].line if rows else section.line
    return [ln for ln in section.lines if ln.number > after]


def _drawn_chart(lines: list[Line], a: Assembly, votes: Votes, post: str | None = None) -> None:
    """Units an organigrama drawn in text shows and nothing else places: where the chart draws them
    (under the box above, or for a post's own chart, under the post). A box that names no known unit
    becomes one when it reads as a unit ("Coordinación de Archivo Histórico", "Consejo")."""
    drawn = [b for b in boxes(lines) if not label_of(b.name)]
    if len(drawn) < 2:
        return
    parents = hierarchy(drawn)
    units: list[str | None] = []
    for i, box in enumerate(drawn):
        unit = _unit_for(box.name, a, box.line, create=False)
        # (a post's chart draws the post, or its superior, first: not a new unit; "Jefatura de" lost its
        # second line to a page break)
        whole = not re.search(r"\s(?:de|del|la|el|y|e|en)$", box.name, re.IGNORECASE)
        if (
            unit is None
            and whole
            and (post is None or i > 0)
            and _chart_unit(box.name, post is None)
            and not _part_of_a_known_name(box.name, a)
        ):
            unit = _unit_for(box.name, a, box.line, create=True)
            votes.new_from_chart.add(unit) if unit else None
        units.append(unit)
    for i, (box, unit) in enumerate(zip(drawn, units, strict=True)):
        if unit is None or unit not in votes.new_from_chart or votes.ballots.get(unit):
            continue
        above = post if post is not None else (units[parents[i]] if parents[i] is not None else None)
        if above and above != unit:
            votes.cast(unit, above, "chart", box.line)


def _part_of_a_known_name(name: str, a: Assembly) -> bool:
    """ "Dirección Investigación" when "Dirección de Investigación Estratégica" is known: a box cut short
    (or another layout of its cells), not a new unit; "Consejo" beside the "Consejo Municipal de la Mujer"."""
    words = set(_content(name))
    return any(words <= set(_content(n)) for u in a.units.ids() for n in a.units.names_of(u))


def _chart_unit(name: str, general: bool) -> bool:
    """A box that names a unit: a unit's name; on the general chart also a board ("Consejo") or a
    post with its area ("Coordinador de Archivo de Trámite y Gestión")."""
    words = name.split()
    heads = [w for w in words if fold(w) in POST_HEADS or (kind_of(w) is not None and w[:1].isupper())]
    if len(heads) != 1 or fold(words[0]) != fold(heads[0]) or len(words) > 8:
        return False  # two boxes read as one ("Coordinador De Operaciones Coordinador de Riego …")
    if unit_like(name) and len(words) >= 2:  # ("Dirección General" alone names no one)
        return fold(" ".join(words[1:])) not in ("general", "de area")
    if not general:
        return False
    return (len(words) == 1 and fold(name).startswith(COLLEGIATE_HEADS)) or (
        len(words) >= 3 and fold(words[0]) in POST_HEADS and _post_like(name)
    )


def _unit_for(name: str, a: Assembly, line: int, *, create: bool) -> str | None:
    """The unit a structure row or a post's name stands for: a known unit by its name, its post
    ("Director de X" → Dirección de X), or its words without the head ("Jefatura de Indicadores
    Económicos" → the listed "Indicadores Económicos"); else a new unit."""
    name = re.sub(r"\s+", " ", name).strip(" .;,")
    if not name:
        return None
    own = a.units.strip_own_org(clean_name(name))
    unit = a.units.resolve(own) or a.units.resolve_post(own)
    if unit:
        if fold(own) != fold(a.units.name(unit)):
            a.units.add_alias(unit, own)
        return unit
    wanted = _headless(own)
    if len(wanted) >= 2:
        # (a "Subdirector de X" is not the "Director de X": the same words, another post)
        sub = fold(own).startswith("sub")
        same = [
            u
            for u in a.units.ids()
            if _headless(a.units.name(u)) == wanted and fold(a.units.name(u)).startswith("sub") == sub
        ]
        if len(same) == 1:
            a.units.add_alias(same[0], own)
            return same[0]
    if not create:
        return None
    try:
        return a.units.define(clean_name(name), line, listed=True)  # named as listed, the long form kept
    except ValueError:
        return None


_HEAD_WORDS = {
    "jefatura",
    "jefe",
    "jefa",
    "direccion",
    "director",
    "directora",
    "coordinacion",
    "coordinador",
    "coordinadora",
    "departamento",
    "subdireccion",
    "subdirector",
    "subdirectora",
    "area",
    "unidad",
    "titular",
    "encargado",
}


@lru_cache(maxsize=4096)
def _headless(name: str) -> tuple[str, ...]:
    """A name's content words without its head or post word ("Jefatura de X" and "X" are the same)."""
    words = _content(name)
    while words and any(h.startswith(words[0]) or words[0].startswith(h[:6]) for h in _HEAD_WORDS):
        words = words[1:]
    return tuple(words)


# ----------------------------------------------------------------------------- post blocks
_SMALL_WORDS = {"de", "del", "la", "las", "el", "los", "y", "e", "en", "a", "para", "con"}


def _repeated_posts(blocks: list[PostBlock], a: Assembly) -> None:
    """Blocks that share a "Nombre del Puesto" while their headings name other posts ("DESCRIPCIÓN DEL
    DIRECTOR DE AREA …" / "Nombre del Puesto: Director General …"; "Descripción de Asistente de Director
    de Área" / "Nombre del Puesto: Asistente Administrativo"): a copy-paste slip or a generic post
    name; the heading says which post each block is. Noted in the reading report."""
    times: dict[str, int] = defaultdict(int)
    for block in blocks:
        if block.post:
            times[fold(block.post)] += 1
    for block in blocks:
        heading = re.sub(r"[\s/.,;:]+$", "", block.heading or "")
        if (
            block.post
            and times[fold(block.post)] > 1
            and heading
            and not fold(block.post).startswith(fold(heading))  # "Asistente": the heading cut short
            and not re.search(r"\s(?:de|del|la|el|y|e|en)$", heading, re.IGNORECASE)  # … and wrapped
        ):
            words = heading.lower().split() if heading.isupper() else heading.split()
            name = " ".join(w if w in _SMALL_WORDS and i else w[:1].upper() + w[1:] for i, w in enumerate(words))
            a.note(block.line, "unit", f"post {block.post!r} described twice; this block's heading names {name!r}")
            block.post = name


def _block_post(block: PostBlock) -> str:
    """The post a block describes. "Nombre del Puesto: Asistente" under "Descripción de la Asistente de
    Capital Humano": the heading says whose assistant."""
    heading = re.sub(r"[\s/.,;:]+$", "", block.heading or "")
    return heading if len(heading) > len(block.post) and fold(heading).startswith(fold(block.post)) else block.post


def _post(block: PostBlock, lines: list[Line], a: Assembly, votes: Votes, tables: Tables) -> None:
    if not block.post:
        a.note(block.line, "unit", "a post description without the post's name")
        return
    unit = tables.unit_for(_block_post(block), a, block.line, create=True)
    if unit is None:
        a.note(block.line, "unit", f"the post {block.post!r} does not read as a name")
        return
    a.units.mark_described(unit)
    for name, line in block.reports:
        create = bool(GOVERNING.match(a.units.strip_own_org(clean_name(name))))
        superior = tables.unit_for(name, a, line, create=create, area=block.area)
        if superior:
            votes.cast(unit, superior, "reports", line)
    previous = ""
    for name, line in block.supervises:
        # A post its superior's block names ("A quien Supervisa: Jefe de Capacitación") exists even
        # when the manual describes it nowhere else.
        sub = tables.unit_for(name, a, line, create=_supervised_post(name, previous), area=block.area)
        previous = name
        if sub:
            votes.cast(sub, unit, "supervises", line)
    post_id = a.provision(
        "seccion_manual",
        None,
        ids.post_part(block.post),
        block.start,
        block.end,
        order=2000 + block.line,
        heading=block.post,
    )
    if block.functions_line is None:
        return
    items = _list_items(block.function_lines)
    if not items:
        a.note(block.functions_line, "power", f"{block.post}: a functions heading with no functions under it")
    for item in items:
        _function(item, post_id, unit, a)
    for line, heading, role_lines in block.role_lists:  # "Principales Funciones como Enlace de Transparencia"
        role_id = a.provision(
            "seccion_manual",
            post_id,
            ids.post_part(heading),
            line,
            role_lines[-1].number if role_lines else line,
            order=line,
            heading=heading,
        )
        for item in _list_items(role_lines):
            _function(item, role_id, unit, a)


_NOT_A_POST = re.compile(
    r"^(?:N\.?\s*/?\s*A\.?$|Ningun[oa]|No\s+aplica|As[íi]\s+como|(?:A\s+)?Tod[oa]s?\b|Especificaci[óo]n|Personal\b)",
    re.IGNORECASE,
)


def _supervised_post(name: str, previous: str) -> bool:
    """A name under "A quien Supervisa" that reads as a post: not "N/A" nor a phrase ("Así como
    asistentes …"), nor one word carried over from the line before ("… Comunicación Social e" /
    "Imagen")."""
    if not _post_like(name) or _NOT_A_POST.match(name):
        return False
    return len(name.split()) > 1 or not re.search(r"\s(?:e|y|de|del|la|el)$", previous)


def _list_items(lines: list[Line]) -> list[Item]:
    style = detect_style(lines)
    if style is not None:
        _, items = split_items(lines, style)
        return items
    return bullet_items(lines)


def _top_unit(a: Assembly) -> str | None:
    placed = {e.source for e in a.edges.values() if e.type == "PART_OF"}
    tops = [u for u in a.units.ids() if u not in placed]
    return tops[0] if tops else None


# ----------------------------------------------------------------------------- functions sections
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


def _functions(section: Section, section_id: str, a: Assembly) -> str | None:
    blocks = unit_blocks(section.lines)
    if not blocks:
        if any(ln.text for ln in section.lines):
            a.note(section.line, "structure", f"the section {section.title!r} names no unit ('7.1. Jefatura de …')")
        return None
    stack: list[tuple[int, str]] = []
    head = None
    for block in blocks:
        unit = a.units.define(block.name, block.line, described=True, listed=True)
        while stack and stack[-1][0] >= block.depth:
            stack.pop()
        if stack:
            a.edge("PART_OF", unit, "Unit", stack[-1][1], "Unit", block.line, basis="functions_numbering")
        else:
            head = head or unit
        stack.append((block.depth, unit))
        block_id = a.provision(
            "seccion_manual",
            section_id,
            ids.block_part(block.number),
            block.line,
            block.lines[-1].number if block.lines else block.line,
            order=len(a.provisions),
            number=block.number,
            heading=block.name,
        )
        style = detect_style(block.lines)
        if style is None:
            if any(ln.text for ln in block.lines):
                items = bullet_items(block.lines)
                if items:
                    for item in items:
                        _function(item, block_id, unit, a)
                    continue
                a.note(block.line, "power", f"{block.name}: text under the heading but no numbered functions")
            elif block is blocks[-1]:
                a.note(block.line, "truncated", f"the text ends right after the heading of {block.name!r}")
            continue
        _, items = split_items(block.lines, style)
        for item in items:
            _function(item, block_id, unit, a)
    return head


def _function(item: Item, parent: str, unit: str, a: Assembly) -> None:
    provision_id = a.provision(
        "funcion",
        parent,
        ids.function_part(item.number),
        item.line_start,
        item.line_end,
        order=_order(item.number),
        number=item.number,
        text=item.text,
    )
    a.power(a.provisions[provision_id], item.text, [(unit, "own")], kind="funcion")


def _order(number: str) -> int:
    tail = number.split(".")[-1]
    if tail.isdigit():
        return int(tail)
    return roman_to_int(tail) if is_roman(tail) else ord(tail[:1] or "a")


def unit_blocks(lines: list[Line]) -> list[_UnitBlock]:
    """Unit headings nest by their numbering: "7.1" › "7.1.1", or "I." › "a)"; or stand as headings in
    capitals ("DIRECCIÓN DE PROGRAMACIÓN Y PRESUPUESTO") in a manual that numbers none."""
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
            and not text.rstrip().endswith(":")  # "OBJETIVO:", "FUNCIONES:" open the block's parts
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
            number = _unpadded(m.group("num"))  # "1.1.0.0" is "1.1"
            block = _UnitBlock(number, clean_name(m.group("name")), number.count("."), line.number, raw=m.group("name"))
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
            elif upper_ratio(text) > 0.85 and len(text) < 120 and unit_like(text) and not line.bullet:
                number = f"h{len(blocks) + 1}"
                block = _UnitBlock(number, clean_name(text), 1, line.number, raw=text)
        if block is not None:
            blocks.append(block)
            pending = block
            continue
        if blocks:
            blocks[-1].lines.append(line)
    return blocks


def _chart_head(chart: Section, a: Assembly) -> str | None:
    for block in unit_blocks(chart.lines):
        return a.units.define(block.name, block.line)
    return None


# ----------------------------------------------------------------------------- políticas
def _policies(section: Section, section_id: str, head: str, a: Assembly) -> None:
    prefix = f"{section.number}."
    style = detect_style(section.lines, prefix) or detect_style(section.lines)
    if style is None:
        return
    _, items = split_items(section.lines, style, prefix if style == "arabic" else "")
    for item in items:
        provision_id = a.provision(
            "politica",
            section_id,
            ids.policy_part(item.number),
            item.line_start,
            item.line_end,
            order=_order(item.number),
            number=item.number,
            text=item.text,
        )
        a.edge("HAS_POLICY", head, "Unit", provision_id, "Provision", item.line_start, item.line_end)


__all__ = ["legal_items", "parse_manual", "sections", "unit_blocks"]
