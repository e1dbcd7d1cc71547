"""Statutes (Estatutos Orgánicos, Reglamentos Interiores): text → ``ParsedDocument``.

normalise (loaders.text) → zones and provision tree (structure) → ids and amendments (here) →
organs: units, hierarchy, powers (organs) → governance statements (loaders.governance) →
citations. Pure: knows nothing of Neo4j.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from loaders import ids
from loaders.assembly import Assembly
from loaders.dates import find_dates, first_date, parse_numeric
from loaders.front import Front, kind_fields, read_front
from loaders.governance import GovernanceReader
from loaders.instruments import publication_date
from loaders.mentions import organization_identity
from loaders.pages import Cleaned, source_lines
from loaders.phrasings import DEFINITIONS, LAW_DECREE, LAW_TITLE_START, LEGISLATURE
from loaders.records import DocumentRecord, ParsedDocument
from loaders.statute.organs import Article, Organs, read_organs
from loaders.statute.restart import find_restart
from loaders.statute.structure import (
    LIST_LEVELS,
    Node,
    build_body,
    build_transitory,
    split_zones,
)
from loaders.text import Line
from orggraph.errors import ParseError
from orggraph.folding import fold
from orggraph.lexicon import title_case

LAST_CHANGE = re.compile(
    r"Última\s+(?:modificación|reforma|adición)[^\d]*?(?P<date>\d{1,2}[-/]\d{1,2}[-/]\d{4})", re.IGNORECASE
)
ISSUED_BY = re.compile(r"\b(?:expedid[oa]|aprobad[oa]|emitid[oa])\s+por\s+(?:la|el)\s+", re.IGNORECASE)
AUTHORITY_NAMES = {"DOF": "Diario Oficial de la Federación", "PO": "Periódico Oficial", "GM": "Gaceta Municipal"}
_GLOSSARY_ITEM = re.compile(r"^(?P<term>[^:.;]{2,70}?)\s*(?::|\.\s*-|\.-|\.)\s*-?\s*(?P<definition>\S.*)$")


def parse_law(path: str | Path, data: bytes | None = None, cleaned: Cleaned | None = None) -> ParsedDocument:
    """A law read as one (``--genre law``), whatever its title says."""
    return parse_statute(path, data, cleaned, law=True)


def parse_statute(
    path: str | Path, data: bytes | None = None, cleaned: Cleaned | None = None, *, law: bool | None = None
) -> ParsedDocument:
    """``cleaned``: the file's lines when the caller has read them already (genre detection does). ``law``:
    None decides by the title — a text of articles titled "Ley …" (not a Ley Orgánica), or enacted by a
    "Decreto por el que se expide la Ley …", is a law: its provisions, amendments and citations are read,
    and no units (the bodies a law creates are organized by their own statutes); its document is the
    legislature's that decrees it."""
    raw = Path(path).read_bytes() if data is None else data
    cleaned = cleaned or source_lines(path, raw)
    lines = cleaned.lines
    restart = find_restart(lines)
    if restart and not restart.same:
        raise ParseError(
            "a second statute starts here: the articles start again at 'Artículo 1' after the transitorios "
            "with other text; save each document in its own file",
            path,
            restart.line,
        )
    if restart:  # read the first copy alone, as if the file ended there
        cleaned = source_lines(path, raw, before_line=restart.line)
        lines = cleaned.lines
    zones = split_zones(lines)
    if not zones.body:
        raise ParseError(
            "no articles found ('Artículo 1.' …): this is not a statute",
            path,
            next((ln.number for ln in lines if ln.text), 1),
        )
    body_start = next(i for i, ln in enumerate(lines) if ln.number == zones.body[0].number)
    front = read_front(lines, body_start, cleaned.header_lines())
    law_title = _law_title(lines, body_start, cleaned.header_lines()) if front.title is None or law else None
    law = bool(law_title) if law is None else law
    if law:
        front = Front(
            title=law_title[0] if law_title else front.title or title_case(Path(path).stem.replace("_", " ")),
            title_line=law_title[1] if law_title else front.title_line,
            body=_legislature(" ".join(ln.text for ln in lines[:body_start] if ln.text)),
        )
        front.instrument = front.title
    body_name = front.body or title_case(Path(path).stem.replace("-", " ").replace("_", " "))
    kind = front.instrument or "Reglamento"
    organization = organization_identity(body_name, front.acronym)[0]
    document_id = ids.document_id(organization, kind)

    a = Assembly(organization, document_id)
    a.units.define_org(body_name, front.title_line, acronym=front.acronym, external=False)
    if not law:
        _describe_organization(a, organization, front)
    for line, note_kind, message in front.notes:
        a.note(line, note_kind, message)  # type: ignore[arg-type]
    if restart:
        a.note(
            restart.line,
            "repeated",
            f"the text starts over here with the same articles: read once; line {restart.line} to the end "
            "(the second copy) left out",
        )
    _check_truncation(zones.body, a)
    root, structure_warnings = build_body(zones.body)
    for line, message in structure_warnings:
        a.note(line, "numbering", message)

    articles = _emit_body(root, a)
    _glossary(articles, a, organization)
    if not law:
        organs, statements = read_organs(articles, a, organization)
        _emit_powers(organs, a)
        GovernanceReader(a).read(statements)
        a.attach_orphans(organization)
    _citations(a)

    front_text = " ".join(ln.text for ln in zones.front)
    transitory_text = " ".join(ln.text for ln in zones.transitory)
    _emit_transitory(zones.transitory, zones.decrees, a)
    issuer = None if law else _issuer(transitory_text, a) or _issuer(front_text, a)
    if issuer:
        a.edge("ISSUED_BY", document_id, "Document", issuer, "Unit", (zones.transitory or zones.body)[0].number)
    _authority_names(a)

    changes = [parse_numeric(m.group("date")) for m in LAST_CHANGE.finditer(" ".join([front_text, *cleaned.headers]))]
    document = DocumentRecord(
        id=document_id,
        title=front.title or f"{kind} de {body_name}",
        genre="law" if law else "statute",
        organization=organization,
        issuer=a.units.name(issuer) if issuer else None,
        published=publication_date(front_text),
        last_modified=max((d for d in changes if d), default=None),
        in_force=None,
        source_file=Path(path).name,
        sha256=hashlib.sha256(raw).hexdigest(),
        line_count=len(lines),
    )
    parsed = a.build(document)
    parsed.page_noise = cleaned.counts()
    return parsed


def _law_title(lines: list[Line], body_start: int, headers: list[tuple[int, str]]) -> tuple[str, int] | None:
    """A law's title and line: the "LEY …" line before its first article (the one nearest the body, as
    read_front chooses), or the law a "Decreto por el que se expide la Ley …" enacts."""
    front = read_front(lines, body_start, headers, LAW_TITLE_START)
    if front.title and LAW_TITLE_START.match(front.title):
        return front.title, front.title_line
    for line in lines[:body_start]:
        m = LAW_DECREE.search(line.text) if line.text else None
        if m:
            title = re.sub(r"\s+", " ", m.group("title")).strip()
            return (title_case(title) if title.isupper() else title), line.number
    return None


def _legislature(front_text: str) -> str:
    """The legislature that decrees a law ("EL CONGRESO DE LOS ESTADOS UNIDOS MEXICANOS, D E C R E T A"):
    the federal Congress is the Congreso de la Unión (Constitution, art. 50); a state's, as named."""
    m = LEGISLATURE.search(front_text)
    if not m or re.search(r"uni[óo]n|estados\s+unidos", m.group("name"), re.IGNORECASE):
        return "Congreso de la Unión"
    return title_case(re.sub(r"\s+", " ", m.group("name")))


def _describe_organization(a: Assembly, organization: str, front: Front) -> None:
    """The organization's kind, the body above it, and the short names the text calls it by."""
    parent = None
    if front.parent:
        parent = a.units.define_org(front.parent, front.title_line, external=True)
        a.edge("SUB_ORGANIZATION_OF", organization, "Organization", parent, "Organization", front.title_line)
    a.units.update_org(organization, **kind_fields(front.kind), parent=parent)
    for alias in front.references:
        a.units.add_org_alias(organization, alias)


# ----------------------------------------------------------------------------- validation
def _check_truncation(body: list[Line], a: Assembly) -> None:
    """A statute whose last article announces a list that never comes was cut short: a note."""
    last = next((ln for ln in reversed(body) if ln.text), None)
    if last is not None and last.text.rstrip().endswith(":"):
        a.note(last.number, "truncated", "the text ends right after an article announces its list: it looks cut short")


# ----------------------------------------------------------------------------- provisions
def _part(node: Node) -> str:
    number = node.number or ""
    if node.kind == "titulo":
        return ids.titulo_part(number)
    if node.kind == "capitulo":
        return ids.capitulo_part(number)
    if node.kind == "seccion":
        return ids.seccion_part(number)
    if node.kind == "articulo":
        return ids.article_part(number)
    if node.kind == "fraccion":
        return ids.fraction_part(number)
    if node.kind == "inciso":
        return ids.inciso_part(number)
    if node.kind == "numeral":
        return ids.numeral_part(number)
    if node.kind == "apartado":
        return ids.apartado_part(number)
    return ids.paragraph_part(int(number or 1))


def _emit_body(root: Node, a: Assembly) -> list[Article]:
    articles: list[Article] = []
    for i, child in enumerate(root.children, start=1):
        _emit(child, None, i, None, (), a, articles)
    return articles


def _emit(
    node: Node,
    parent_id: str | None,
    order: int,
    article: Article | None,
    headings: tuple[str, ...],
    a: Assembly,
    articles: list[Article],
) -> None:
    """One provision and those under it, in order. A module function, not a closure of ``_emit_body``: a
    recursive closure is a reference cycle, which kept the whole Assembly alive until a full collection."""
    try:
        part = _part(node)
    except ids.IdError as exc:
        a.note(node.line_start, "numbering", f"{node.kind} {node.number!r}: {exc}; numbered by its place")
        part = f"{node.kind[:4]}-{order}"
    text_heading = title_case(node.heading) if node.heading and node.heading.isupper() else node.heading
    provision_id = a.provision(
        node.kind,  # type: ignore[arg-type]
        parent_id,
        part,
        node.line_start,
        node.line_end,
        order=order,
        id_base=a.document if node.kind == "articulo" else None,
        number=node.number,
        heading=text_heading,
        text=node.text,
        status="derogated" if node.derogated else "in_force",
        zone="body",
    )
    for note in node.annotations:
        when = note.date
        if when:
            a.amendment(provision_id, note.authority, when, note.kind, note.scope or node.kind, note.line, a.document)
    if node.kind in ("titulo", "capitulo", "seccion") and node.heading:
        headings = (node.heading, *headings)  # innermost first
    if node.kind == "articulo":
        article = Article(node, provision_id, node.text, headings=headings)
        articles.append(article)
    elif article is not None:
        article.items.append((node, provision_id))
    for i, child in enumerate(node.children, start=1):
        _emit(child, provision_id, i, article, headings, a, articles)


# ----------------------------------------------------------------------------- meaning
def _glossary(articles: list[Article], a: Assembly, organization: str) -> None:
    """Definitions ("Comisaría: La Comisaría de …", "Secretario. El titular de la Secretaría") name the
    organization, its titular, its units and instruments by the document's own short terms."""
    org_name = fold(a.units.org(organization).name)
    for art in articles:
        if not DEFINITIONS.search(art.intro):
            continue
        for node, _ in art.items:
            if node.kind not in LIST_LEVELS or node.parent is not art.node:
                continue
            m = _GLOSSARY_ITEM.match(node.text)
            if not m:
                continue
            term, definition = m.group("term").strip(), m.group("definition").strip()
            if len(term.split()) > 6:
                continue
            folded = fold(re.sub(r"^(?:La|El|Los|Las)\s+", "", definition))
            if folded.startswith(org_name[: max(12, len(org_name) - 15)]):
                a.units.add_org_alias(organization, term)
                continue
            titular = re.search(r"\btitular\s+(?:de\s+la|del|de)\s+(?P<x>[A-ZÁÉÍÓÚÑ][^,;.]+)", definition)
            if titular and a.units.resolve_org(titular.group("x")) == organization:
                a.units.add_titular_post(organization, term)
                continue
            listed = a.instruments.parse_listed(definition, node.line_start)
            if listed:
                a.instruments.add_alias(listed[0].instrument, term)
                continue
            unit = a.units.resolve(
                re.sub(r"^(?:La|El)\s+(?:persona\s+titular\s+de\s+la\s+)?", "", definition).split(",")[0].rstrip(".;")
            )
            if unit:
                a.units.add_alias(unit, term)


def _power_text(node: Node) -> str:
    parts = [node.text] + [c.text for c in node.walk() if c is not node and c.kind in (*LIST_LEVELS, "parrafo")]
    return " ".join(p for p in parts if p)


def _emit_powers(organs: Organs, a: Assembly) -> None:
    for group, holders in organs.power_groups:
        indelegable = bool(re.search(r"\bindelegables?\b", group.intro, re.IGNORECASE))
        for node, provision_id in group.items:
            if node.derogated or not node.text.strip():
                continue
            a.power(
                a.provisions[provision_id],
                _power_text(node),
                [(h, "own") for h in holders],
                kind="atribucion",
                delegable=False if indelegable else None,
            )
    for group, holders, classes in organs.class_powers:
        for node, provision_id in group.items:
            if node.derogated or not node.text.strip():
                continue
            a.power(
                a.provisions[provision_id],
                _power_text(node),
                [(u, "class") for u in holders],
                kind="atribucion",
                class_kind=classes,
            )


def _citations(a: Assembly) -> None:
    for provision in list(a.provisions.values()):
        if provision.text:
            a.cite(provision.id, "Provision", provision.text, provision.line_start)


def _issuer(text: str, a: Assembly) -> str | None:
    """The issuing organ: "… fue expedido por la Junta de Gobierno …", "Aprobado por la Junta …", or the
    formula "La Junta Directiva …, con fundamento en …, ha tenido a bien expedir el siguiente"."""
    m = ISSUED_BY.search(text)
    if m:
        found = [x for x in a.units.find(text[m.start() : m.start() + 200]) if x.label == "Unit"]
        if found:
            return found[0].target
    formula = re.search(r"\bha\s+tenido\s+a\s+bien\s+expedir|\bexpide\s+el\s+siguiente", text, re.IGNORECASE)
    if formula:
        boundaries = [m.end() for m in re.finditer(r"[.;]\s+(?=[A-ZÁÉÍÓÚÑ])", text[: formula.start()])]
        sentence_start = boundaries[-1] if boundaries else 0  # "artículo 9o. de su Decreto" is no boundary
        found = [x for x in a.units.find(text[sentence_start : formula.start()]) if x.label == "Unit"]
        if found:
            return found[0].target
    return None


def _authority_names(a: Assembly) -> None:
    """ "JG" is the Junta de Gobierno: an authority abbreviation is the initials of a unit of the text."""
    initials = {}
    for unit in a.units.ids():
        name = a.units.name(unit)
        letters = "".join(w[0] for w in name.split() if w[0].isupper())
        initials.setdefault(letters, name)
    for key, record in list(a.amendments.items()):
        name = AUTHORITY_NAMES.get(record.authority) or initials.get(record.authority)
        if name:
            a.amendments[key] = record.model_copy(update={"authority_name": name})


def _emit_transitory(transitory: list[Line], decrees: list[list[Line]], a: Assembly) -> None:
    if transitory:
        container = build_transitory(transitory, "transitory")
        _emit_plain(container, ids.transitorios_part(), None, a, "transitory", 900)
    for index, lines in enumerate(decrees, start=1):
        heading = lines[0].text
        split = next(
            (
                i
                for i, ln in enumerate(lines)
                if i > 0 and re.match(r"^(?:ART[ÍI]CULOS?\s+)?TRANSITORIOS?\.?$", ln.text, re.IGNORECASE)
            ),
            len(lines),
        )
        text = " ".join(ln.text for ln in lines[1:split] if ln.text and ln.text.strip(". "))
        tail = " ".join(ln.text for ln in lines[split:])
        dated = find_dates(tail) or find_dates(text)
        title = title_case(heading) + (f" ({dated[-1].value})" if dated else "")
        decree_id = a.provision(
            "decreto",
            None,
            ids.decree_part(index),
            lines[0].number,
            lines[-1].number,
            order=1000 + index,
            number=str(index),
            heading=title,
            text=text,
            zone="decree",
        )
        if split < len(lines):
            container = build_transitory(lines[split:], "decree")
            _emit_plain(container, ids.transitorios_part(), decree_id, a, "decree", 900)


def _emit_plain(node: Node, part: str, parent: str | None, a: Assembly, zone: str, order: int) -> None:
    provision_id = a.provision(
        node.kind,  # type: ignore[arg-type]
        parent,
        part,
        node.line_start,
        node.line_end,
        order=order,
        number=node.number,
        heading=node.heading,
        text=node.text,
        zone=zone,
    )
    for i, child in enumerate(node.children, start=1):
        child_part = (
            ids.transitorio_part(child.number or str(i))
            if child.kind == "transitorio"
            else ids.paragraph_part(int(child.number or i))
        )
        _emit_plain(child, child_part, provision_id, a, zone, i)


__all__ = ["first_date", "parse_statute"]
