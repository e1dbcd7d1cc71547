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
from loaders.governance import GovernanceReader
from loaders.instruments import publication_date
from loaders.lexicon import title_case
from loaders.numbering import ordinal_to_int, roman_to_int
from loaders.records import DocumentRecord, ParsedDocument, ProvisionRecord
from loaders.statute.organs import Article, read_organs
from loaders.statute.structure import (
    LIST_LEVELS,
    Node,
    build_body,
    build_transitory,
    split_zones,
)
from loaders.pages import source_lines
from loaders.text import Line, fold
from orggraph.errors import ParseError

TITLE = re.compile(
    r"^(?P<kind>ESTATUTO\s+ORG[ÁA]NICO|REGLAMENTO\s+INTERIOR|REGLAMENTO\s+INTERNO|ESTATUTO|REGLAMENTO|"
    r"LEY\s+ORG[ÁA]NICA|ACUERDO|DECRETO)\s+(?:DE\s+LA\s+|DE\s+LOS\s+|DE\s+LAS\s+|DEL\s+|DE\s+)?(?P<body>.+?)"
    r"\s*(?:\((?P<acronym>[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ0-9\-]+)\))?\s*$",
    re.IGNORECASE,
)
LAST_CHANGE = re.compile(
    r"Última\s+(?:modificación|reforma|adición)[^\d]*?(?P<date>\d{1,2}[-/]\d{1,2}[-/]\d{4})", re.IGNORECASE
)
ISSUED_BY = re.compile(r"\b(?:expedid[oa]|aprobad[oa]|emitid[oa])\s+por\s+(?:la|el)\s+", re.IGNORECASE)
AUTHORITY_NAMES = {"DOF": "Diario Oficial de la Federación"}


def parse_statute(path: str | Path, data: bytes | None = None) -> ParsedDocument:
    raw = Path(path).read_bytes() if data is None else data
    cleaned = source_lines(path, raw)
    lines = cleaned.lines
    zones = split_zones(lines)
    if not zones.body:
        raise ParseError(
            "no articles found ('Artículo 1.' …): this is not a statute",
            path,
            next((ln.number for ln in lines if ln.text), 1),
        )
    _check_truncation(zones.body, path)

    title_line = next(ln for ln in lines if ln.text)
    match = TITLE.match(title_line.text)
    if not match:
        raise ParseError(
            f"the first line {title_line.text[:80]!r} is not a statute title "
            "(Estatuto Orgánico / Reglamento Interior … de <body>)",
            path,
            title_line.number,
        )
    kind = title_case(re.sub(r"\s+", " ", match.group("kind")))
    body_name = title_case(match.group("body").strip(" ,."))
    acronym = match.group("acronym")
    organization = ids.organization_id(acronym or body_name)
    document_id = ids.document_id(organization, kind)

    a = Assembly(organization)
    a.units.define_org(body_name, title_line.number, acronym=acronym, external=False)
    root, structure_warnings = build_body(zones.body)
    for line, message in structure_warnings:
        a.warn(line, message)

    articles = _emit_body(root, document_id, a)
    _glossary(articles, a)
    organs, statements = read_organs(articles, a, organization)
    _class_powers(organs, articles, a)
    _own_powers(organs, articles, a)
    GovernanceReader(a).read(statements)
    a.attach_orphans(organization)
    _citations(a)

    front_text = " ".join(ln.text for ln in zones.front)
    transitory_text = " ".join(ln.text for ln in zones.transitory)
    _emit_transitory(zones.transitory, zones.decrees, document_id, a)
    issuer = _issuer(transitory_text, a) or _issuer(front_text, a)
    if issuer:
        a.edge("ISSUED_BY", document_id, "Document", issuer, "Unit", zones.transitory[0].number)
    _authority_names(a)

    changes = [parse_numeric(m.group("date")) for m in LAST_CHANGE.finditer(" ".join([front_text, *cleaned.headers]))]
    document = DocumentRecord(
        id=document_id,
        title=title_case(title_line.text),
        genre="statute",
        organization=organization,
        issuer=a.units.name(issuer) if issuer else None,
        published=publication_date(front_text),
        last_modified=max((d for d in changes if d), default=None),
        in_force=None,
        source_file=Path(path).name,
        sha256=hashlib.sha256(raw).hexdigest(),
        line_count=len(lines),
    )
    return a.build(document)


# ----------------------------------------------------------------------------- validation
def _check_truncation(body: list[Line], path: str | Path) -> None:
    """A statute whose last article announces a list that never comes was cut short."""
    last = next((ln for ln in reversed(body) if ln.text), None)
    if last is not None and last.text.rstrip().endswith(":"):
        raise ParseError(
            "the text ends right after an article announces its list (': …'): the file looks truncated",
            path,
            last.number,
        )


# ----------------------------------------------------------------------------- provisions
def _part(node: Node, document_id: str, parent_id: str) -> str:
    number = node.number or ""
    if node.kind == "titulo":
        value = roman_to_int(number) if re.fullmatch(r"[IVXLC]+", number) else ordinal_to_int(number)
        return f"{document_id}/tit-{value}"
    if node.kind == "capitulo":
        value = number.lower() if re.fullmatch(r"[IVXLC]+", number) else str(ordinal_to_int(number))
        return f"{parent_id}/cap-{'unico' if fold(number) == 'unico' else value}"
    if node.kind == "seccion":
        value = roman_to_int(number) if re.fullmatch(r"[IVXLC]+", number) else ordinal_to_int(number)
        return f"{parent_id}/sec-{value}"
    if node.kind == "articulo":
        return f"{document_id}/{ids.article_part(number)}"
    if node.kind == "fraccion":
        return ids.child(parent_id, ids.fraction_part(number))
    if node.kind == "inciso":
        return ids.child(parent_id, ids.inciso_part(number))
    if node.kind == "numeral":
        return ids.child(parent_id, ids.numeral_part(number))
    if node.kind == "apartado":
        return ids.child(parent_id, f"apartado-{number.lower()}")
    return ids.child(parent_id, ids.paragraph_part(int(number or 1)))


def _emit_body(root: Node, document_id: str, a: Assembly) -> list[Article]:
    articles: list[Article] = []

    def emit(node: Node, parent_id: str | None, order: int, article: Article | None) -> None:
        provision_id = _part(node, document_id, parent_id or document_id)
        heading = title_case(node.heading) if node.heading and node.heading.isupper() else node.heading
        record = ProvisionRecord(
            id=provision_id,
            kind=node.kind,
            number=node.number,
            heading=heading,
            text=node.text,  # type: ignore[arg-type]
            status="derogated" if node.derogated else "in_force",
            parent=parent_id,
            order=order,
            line_start=node.line_start,
            line_end=node.line_end,
            zone="body",
        )
        provision_id = a.add_provision(record)
        a.edge(
            "CONTAINS",
            parent_id or document_id,
            "Provision" if parent_id else "Document",
            provision_id,
            "Provision",
            node.line_start,
            node.line_end,
            order=order,
        )
        for note in node.annotations:
            when = note.date
            if when:
                a.amendment(
                    provision_id, note.authority, when, note.kind, note.scope or node.kind, note.line, document_id
                )
        if node.kind == "articulo":
            article = Article(node, provision_id, node.text)
            articles.append(article)
        elif article is not None:
            article.items.append((node, provision_id))
        for i, child in enumerate(node.children, start=1):
            emit(child, provision_id, i, article)

    for i, child in enumerate(root.children, start=1):
        emit(child, None, i, None)
    return articles


# ----------------------------------------------------------------------------- meaning
def _glossary(articles: list[Article], a: Assembly) -> None:
    """Definitions ("Decreto de Creación: Decreto por el que se crea …") make terms aliases."""
    for art in articles:
        if not re.search(r"se\s+entender[áa]\s+por|para\s+efectos\s+de(?:l|\s+este)", art.intro, re.IGNORECASE):
            continue
        for node, _ in art.items:
            if node.kind != "fraccion" or ":" not in node.text:
                continue
            term, definition = (part.strip() for part in node.text.split(":", 1))
            listed = a.instruments.parse_listed(definition, node.line_start)
            if listed and len(term.split()) <= 6:
                a.instruments.add_alias(listed[0].instrument, term)
                continue
            unit = a.units.resolve(
                re.sub(r"^(?:La|El)\s+(?:persona\s+titular\s+de\s+la\s+)?", "", definition).split(",")[0].rstrip(".")
            )
            if unit and len(term.split()) <= 6:
                a.units.add_alias(unit, term)


def _power_text(node: Node) -> str:
    parts = [node.text] + [c.text for c in node.children if c.kind in (*LIST_LEVELS, "parrafo")]
    return " ".join(p for p in parts if p)


def _own_powers(organs, articles: list[Article], a: Assembly) -> None:
    for art in articles:
        holders = organs.holders.get(art.provision)
        if not holders:
            continue
        indelegable = bool(re.search(r"\bindelegable\b", art.intro, re.IGNORECASE))
        for node, provision_id in art.items:
            if node.kind != "fraccion" or node.parent is not art.node or node.derogated:
                continue
            provision = a.provisions[provision_id]
            bases = [(holders[0], "own")] + [(h, "own") for h in holders[1:]]
            a.power(provision, _power_text(node), bases, kind="atribucion", delegable=False if indelegable else None)


def _class_powers(organs, articles: list[Article], a: Assembly) -> None:
    by_id = {art.provision: art for art in articles}
    for article_id, kinds, _ in organs.class_powers:
        art = by_id[article_id]
        # Class-wide articles address the administrative units, not the governing organs (a "Direcciones"
        # article does not give powers to the Dirección General that heads them).
        holders = [u for kind in kinds for u in a.units.of_kind(kind) if u not in organs.governing]
        if not holders:
            a.warn(art.node.line_start, f"class-wide powers for {kinds} but the document has no such units")
            continue
        for node, provision_id in art.items:
            if node.kind != "fraccion" or node.parent is not art.node or node.derogated:
                continue
            a.power(
                a.provisions[provision_id],
                _power_text(node),
                [(u, "class") for u in holders],
                kind="atribucion",
                class_kind=",".join(kinds),
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


def _emit_transitory(transitory: list[Line], decrees: list[list[Line]], document_id: str, a: Assembly) -> None:
    if transitory:
        container = build_transitory(transitory, "transitory")
        _emit_plain(container, f"{document_id}/transitorios", None, document_id, a, "transitory")
    for index, lines in enumerate(decrees, start=1):
        decree_id = f"{document_id}/decree-{index}"
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
        record = ProvisionRecord(
            id=decree_id,
            kind="decreto",
            number=str(index),
            heading=title_case(heading),
            text=text,
            parent=None,
            order=1000 + index,
            line_start=lines[0].number,
            line_end=lines[-1].number,
            zone="decree",
        )
        a.add_provision(record)
        a.edge(
            "CONTAINS",
            document_id,
            "Document",
            decree_id,
            "Provision",
            lines[0].number,
            lines[-1].number,
            order=1000 + index,
        )
        if dated:
            a.provisions[decree_id] = record.model_copy(update={"heading": f"{record.heading} ({dated[-1].value})"})
        if split < len(lines):
            container = build_transitory(lines[split:], "decree")
            _emit_plain(container, f"{decree_id}/transitorios", decree_id, document_id, a, "decree")


def _emit_plain(node: Node, provision_id: str, parent: str | None, document_id: str, a: Assembly, zone: str) -> None:
    record = ProvisionRecord(
        id=provision_id,
        kind=node.kind,
        number=node.number,  # type: ignore[arg-type]
        heading=node.heading,
        text=node.text,
        parent=parent,
        order=900,
        line_start=node.line_start,
        line_end=node.line_end,
        zone=zone,
    )  # type: ignore[arg-type]
    a.add_provision(record)
    a.edge(
        "CONTAINS",
        parent or document_id,
        "Provision" if parent else "Document",
        provision_id,
        "Provision",
        node.line_start,
        node.line_end,
        order=900,
    )
    for i, child in enumerate(node.children, start=1):
        part = f"art-{child.number}" if child.kind == "transitorio" else ids.paragraph_part(int(child.number or i))
        _emit_plain(child, f"{provision_id}/{part}", provision_id, document_id, a, zone)


__all__ = ["first_date", "parse_statute"]
