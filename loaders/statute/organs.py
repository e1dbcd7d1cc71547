"""Statute articles that create units or give them powers, recognised by the genre's phrasing.

* governing bodies: "La dirección y administración de X corresponde a: I. … II. …" → the first
  organ heads the organization, each next one reports to the previous (board → director).
* structure lists: "… contará con la siguiente estructura básica:" → the listed units, nested as
  the list nests (fracción › inciso › numeral), under the article's subject or, for the
  organization's own structure, under its executive head.
* member lists: "La Junta de Gobierno se integrará …:" → members, and who presides.
* powers articles: "Son facultades y atribuciones de la X:", "La persona titular de la X tendrá
  las siguientes atribuciones:" → each fracción is a power of X; "Corresponde a cada persona
  titular de las unidades …:" → class-wide powers of every unit of that kind.
* "X tendrá una Y" / "X contará con un Y" → Y is a unit under X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.assembly import Assembly
from loaders.governance import Statement, class_kinds, members
from loaders.lexicon import PLURAL_HEADS
from loaders.mentions import UNIT_PHRASE, clean_name, kind_of, unit_like
from loaders.statute.structure import LIST_LEVELS, Node
from loaders.text import fold

GOVERNING = re.compile(
    r"\b(?:(?:la\s+)?direcci[óo]n\s+y\s+administraci[óo]n|(?:la\s+)?administraci[óo]n\s+y\s+direcci[óo]n|"
    r"(?:el\s+)?gobierno\s+y\s+administraci[óo]n|[óo]rganos\s+de\s+gobierno|(?:La\s+)?administraci[óo]n)\s+"
    r"(?:de|del)\s+[^:]*?\b(?:corresponde|corresponden|estar[áa]n?\s+a\s+cargo|recae|recaen)\b",
    re.IGNORECASE,
)
STRUCTURE = re.compile(
    r"\bestructura\b|\bcontar[áa]n?\s+con\s+(?:las|los)\s+(?:siguientes\b|(?:unidades|[áa]reas|[óo]rganos)[^:]*?siguientes)|"
    r"\bse\s+(?:integrar[áa]n?|compondr[áa]n?|conformar[áa]n?)\s+(?:por|con)\s+(?:las|los)\s+siguientes\s+"
    r"(?:unidades|[áa]reas|[óo]rganos)|^Son\s+[óo]rganos\b|^Son\s+(?:unidades|[áa]reas)\s+administrativas\b",
    re.IGNORECASE,
)
MEMBERS = re.compile(r"\bse\s+integrar[áa]\b|\bestar[áa]\s+integrad[oa]\s+por\b|\bse\s+compondr[áa]\b", re.IGNORECASE)
POWERS = re.compile(r"\b(?:facultades|atribuciones|funciones|obligaciones)\b", re.IGNORECASE)
CLASS = re.compile(
    r"\bcada\s+(?:una\s+de\s+las\s+)?(?:persona\s+)?titular\s+de\s+(?:las|los)\s+(?P<cls>[^:,]+?)"
    r"(?=\s+(?:las|los)\s+(?:atribuciones|facultades|funciones)|\s*:|,|\s+tendr)",
    re.IGNORECASE,
)
HOLDER_OF = re.compile(
    r"(?:facultades|atribuciones|funciones|obligaciones)(?:\s+y\s+(?:facultades|atribuciones|funciones))?\s+"
    r"(?:de|del)\s+(?:la\s+|el\s+)?(?P<holder>.+?)(?:,?\s+(?:las|los)\s+siguientes)?\s*:?\s*$",
    re.IGNORECASE,
)
HOLDER_CORRESPONDS = re.compile(
    r"^Corresponden?\s+(?:a\s+|al\s+)(?:la\s+|el\s+|las\s+|los\s+)?(?:persona\s+)?(?:titular\s+(?:de\s+la\s+|del\s+|de\s+los\s+|"
    r"de\s+las\s+))?(?P<holder>[^,:]+?)\s*(?:,[^:]*)?:\s*$",
    re.IGNORECASE,
)
HOLDER_SUBJECT = re.compile(
    r"^(?:La|El|Las|Los)\s+(?P<holder>.+?),?\s+(?:tendr[áa]n?|ejercer[áa]n?|estar[áa]n?|contar[áa]n?|ser[áa]n?)\b",
    re.IGNORECASE,
)
HAS_UNIT = re.compile(  # case-sensitive: UNIT_PHRASE relies on capitals to end a name
    rf"(?P<owner>[^.;]*?)\s+(?:[Tt]endr[áa]|[Cc]ontar[áa]\s+con)\s+(?:un|una)\s+(?P<unit>{UNIT_PHRASE.pattern})"
)
AREAS = re.compile(
    r"\b(?:se\s+auxiliar[áa]n?|contar[áa]n?)\s+(?:de|con)\s+(?:los\s+titulares\s+de\s+)?las\s+[áa]reas\s+de\s+"
    r"(?P<list>[^.]*?)(?:,\s*mism[oa]s|\.|$)",
    re.IGNORECASE,
)


@dataclass
class Article:
    node: Node
    provision: str
    intro: str
    items: list[tuple[Node, str]] = field(default_factory=list)  # (list node, provision id), in document order


@dataclass
class Organs:
    executive: str | None = None  # the organization's executive head (Dirección General …)
    governing: list[str] = field(default_factory=list)  # the governing organs (board, director)
    holders: dict[str, list[str]] = field(default_factory=dict)  # article provision id → holder unit ids
    class_powers: list[tuple[str, list[str], Node]] = field(default_factory=list)  # (article id, kinds, node)


def _items(article: Article, level: str) -> list[tuple[Node, str]]:
    return [(n, pid) for n, pid in article.items if n.kind == level and n.parent is article.node]


def _unit_text(node: Node) -> str:
    """A listed unit's name: "Subdirección de Almacenamiento de Energía, que se integra con:" → the name."""
    text = re.split(r",\s*(?:que|la\s+cual|el\s+cual)\b|:", node.text.strip())[0]
    return text.strip().rstrip(".;").strip()


def _is_group(node: Node) -> bool:
    """ "A. Unidades Administrativas Centrales:" groups units; it is not one (a plural ending in ':')."""
    text = node.text.strip()
    head = fold(re.sub(r"^(?:las|los)\s+", "", text, flags=re.IGNORECASE).split(" ")[0]) if text else ""
    return node.kind == "apartado" or (text.endswith(":") and head in PLURAL_HEADS)


def read_organs(articles: list[Article], a: Assembly, organization: str) -> tuple[Organs, list[Statement]]:
    organs = Organs()
    statements: list[Statement] = []
    structural: set[str] = set()
    # Pass 1: governing bodies and structure lists define the units and their hierarchy.
    for art in articles:
        if GOVERNING.search(art.intro) and _items(art, "fraccion"):
            _governing(art, a, organization, organs)
            structural.add(art.provision)
    for art in articles:
        if STRUCTURE.search(art.intro) and _is_structure_list(art):
            _structure(art, a, organization, organs)
            structural.add(art.provision)
    # Pass 2: units named in sentences, member lists, powers.
    for art in articles:
        for text, line in [(art.intro, art.node.line_start)] + [
            (n.text, n.line_start) for n, _ in art.items if n.kind == "parrafo"
        ]:
            _has_unit(text, line, a)
            _areas(text, line, a)
    for art in articles:
        subject = _subject(art, a)
        if art.provision in structural:
            pass
        elif MEMBERS.search(art.intro) and subject and not is_powers_article(art.intro):
            items = [Statement(n.text, pid, n.line_start, n.line_end) for n, pid in _items(art, "fraccion")]
            members(subject, items, a)
        elif is_powers_article(art.intro) and _items(art, "fraccion"):
            _powers(art, a, organs)
        statements.append(Statement(art.intro, art.provision, art.node.line_start, art.node.line_start, subject))
        for node, pid in art.items:
            statements.append(
                Statement(
                    node.text, pid, node.line_start, node.line_end, (organs.holders.get(art.provision) or [subject])[0]
                )
            )
    return organs, statements


def _is_structure_list(art: Article) -> bool:
    top = [n for n, _ in art.items if n.parent is art.node and n.kind in LIST_LEVELS and not n.derogated]
    groups = [n for n in top if _is_group(n)]
    candidates = [c for g in groups for c in g.children if c.kind in LIST_LEVELS] if groups else top
    if not candidates:
        return False
    return sum(1 for n in candidates if unit_like(_unit_text(n), listed=True)) / len(candidates) >= 0.6


def _governing(art: Article, a: Assembly, organization: str, organs: Organs) -> None:
    previous: str | None = None
    for node, _ in _items(art, "fraccion"):
        name = clean_name(_unit_text(node))
        if not kind_of(name):
            continue
        unit = a.units.define(name, node.line_start)
        if previous is None:
            a.edge(
                "PART_OF",
                unit,
                "Unit",
                organization,
                "Organization",
                node.line_start,
                provision=art.provision,
                basis="governing_bodies",
            )
        else:
            a.edge(
                "PART_OF",
                unit,
                "Unit",
                previous,
                "Unit",
                node.line_start,
                provision=art.provision,
                basis="governing_bodies",
            )
        previous = unit
        organs.governing.append(unit)
    organs.executive = previous


def _structure(art: Article, a: Assembly, organization: str, organs: Organs) -> None:
    subject = _intro_subject(art, a, structure=True)
    parent_label = "Unit"
    if subject is None:
        subject = organs.executive or organization
        parent_label = "Unit" if organs.executive else "Organization"

    def walk(node: Node, parent: str, label: str) -> None:
        for child in node.children:
            if child.kind not in LIST_LEVELS or child.derogated:
                continue
            text = _unit_text(child)
            if not _is_group(child) and unit_like(text, listed=True):
                unit = a.units.define(text, child.line_start)
                if fold(clean_name(text)) != fold(text) and not text.isupper():
                    a.units.add_alias(unit, text)
                a.edge(
                    "PART_OF",
                    unit,
                    "Unit",
                    parent,
                    label,
                    child.line_start,  # type: ignore[arg-type]
                    provision=art.provision,
                    basis="structure",
                )
                walk(child, unit, "Unit")
            else:  # a group heading ("A. Unidades centrales:"): its items hang from the same parent
                walk(child, parent, label)

    walk(art.node, subject, parent_label)


def _intro_subject(art: Article, a: Assembly, *, structure: bool = False) -> str | None:
    """The unit an article's opening sentence is about, if it names one before its verb."""
    head = re.split(r"\b(?:contar[áa]n?|tendr[áa]n?|se\s+integrar[áa]n?|estar[áa]n?|ser[áa]n?)\b", art.intro)[0]
    for m in UNIT_PHRASE.finditer(head):
        unit = a.units.resolve(m.group(0))
        if unit:
            return unit
    m = re.search(r"\bde\s+(?:la|el)\s+(?P<x>[^:]+?)\s*:?\s*$", art.intro)
    if structure and m and re.match(r"^Son\b", art.intro):  # "Son órganos operativos de la Delegación:"
        return a.units.resolve(m.group("x")) or (
            a.units.define(m.group("x"), art.node.line_start) if unit_like(m.group("x")) else None
        )
    return None


def _subject(art: Article, a: Assembly) -> str | None:
    subject = _intro_subject(art, a)
    if subject:
        return subject
    for m in UNIT_PHRASE.finditer(art.intro):
        unit = a.units.resolve(m.group(0))
        if unit:
            return unit
    return None


def is_powers_article(intro: str) -> bool:
    """ "Son facultades … de la X:", "La X tendrá las siguientes atribuciones:", "Corresponde a la X:"."""
    announces_list = intro.rstrip().endswith(":")
    return announces_list and bool(POWERS.search(intro) or re.match(r"^Corresponden?\s+a", intro, re.IGNORECASE))


def _holder_names(intro: str) -> list[str]:
    m = HOLDER_CORRESPONDS.match(intro) or HOLDER_SUBJECT.match(intro) or HOLDER_OF.search(intro)
    if not m:
        return []
    holder = m.group("holder")
    holder = re.sub(r",?\s*en\s+forma\s+indelegable.*$|,?\s*adem[áa]s\s+de.*$", "", holder, flags=re.IGNORECASE)
    parts = re.split(r"\s+y,?\s+en\s+ausencia\s+de\s+[ée]st[ae],?\s+(?:la\s+|el\s+)?", holder, flags=re.IGNORECASE)
    return [p.strip(" ,") for p in parts if p.strip(" ,")]


def _powers(art: Article, a: Assembly, organs: Organs) -> None:
    klass = CLASS.search(art.intro)
    if klass:
        kinds = class_kinds(klass.group("cls"))
        if kinds and not a.units.resolve(klass.group("cls")):
            organs.class_powers.append((art.provision, kinds, art.node))
            return
    holders: list[str] = []
    for name in _holder_names(art.intro):
        unit = a.units.resolve(name) or a.units.resolve_post(name)  # "El Director General tendrá …"
        if unit is None and kind_of(clean_name(name)):
            unit = a.units.define(name, art.node.line_start, described=True)
        if unit:
            holders.append(unit)
    if not holders:
        a.warn(art.node.line_start, f"powers article {art.node.number}: no holder found in {art.intro[:80]!r}")
        return
    for unit in holders:
        a.units.mark_described(unit)
    organs.holders[art.provision] = holders


def _has_parent(a: Assembly, unit: str) -> bool:
    return any(e.type == "PART_OF" and e.source == unit for e in a.edges.values())


def _areas(text: str, line: int, a: Assembly) -> None:
    """ "… se auxiliará de los titulares de las áreas de A, de B; C; y D" → Área de A … under the unit."""
    m = AREAS.search(text)
    if not m:
        return
    owners = [x for x in a.units.find(text[: m.start()]) if x.label == "Unit"]
    if not owners:
        return
    owner = owners[-1].target
    for piece in re.split(r";\s*|,\s+de\s+", m.group("list")):
        name = re.sub(r"^(?:y|e)\s+|^de\s+", "", piece.strip(" ,"))
        if name:
            unit = a.units.define(f"Área de {name[0].upper()}{name[1:]}", line)
            a.edge("PART_OF", unit, "Unit", owner, "Unit", line, basis="text")


def _has_unit(text: str, line: int, a: Assembly) -> None:
    for m in HAS_UNIT.finditer(text):
        owner_text = m.group("owner")
        name = clean_name(m.group("unit"))
        if not unit_like(name):
            continue
        owners = [mm for mm in UNIT_PHRASE.finditer(owner_text) if a.units.resolve(mm.group(0))]
        owner = a.units.resolve(owners[-1].group(0)) if owners else None
        org = a.units.resolve_org(owner_text.split()[-1]) if not owner and owner_text.split() else None
        existing = a.units.resolve(name)
        unit = existing or a.units.define(name, line)
        if existing and _has_parent(a, unit):
            continue
        if owner:
            a.edge("PART_OF", unit, "Unit", owner, "Unit", line, basis="text")
        elif org:
            a.edge("PART_OF", unit, "Unit", org, "Organization", line, basis="text")
