"""What a statute's articles say about its organization: which units exist and where they hang,
who holds which list of powers, who sits on a board. Stage 4 of the statute parser: it reads the
provision tree (stage 3) and asks ``loaders.phrasings`` how the genre words each thing.

An article can carry several lists, each announced by its own sentence (the article's opening, or a
párrafo ending in ":"): a *group*. Each group is read for what its announcement and its items say:

* **structure** ("La Comisaría está integrada por:", "… se auxiliará de las unidades administrativas
  siguientes:", "… será auxiliado por:") → every item that reads as a name is a unit, placed under
  the group's subject; nested lists, and unnumbered name lines under an item, are that item's
  sub-units; an item that goes on "…, la cual tiene las siguientes atribuciones:" owns its sub-list
  as powers. When the organization's own list opens with its governing organs (Junta, Consejo,
  Dirección/Gerencia General, the titular's Despacho), those form a chain and the rest hang from
  the last of them.
* **powers** ("Corresponde a la X:", "Son atribuciones de la X:", "El Director de X tendrá las
  siguientes facultades:") → each top-level item is a power of the holder the sentence names (a
  unit, a post naming its unit, or the organization and its titular).
* **class-wide powers** ("Corresponde a los titulares de las unidades administrativas:") → every
  unit of that class.
* **members** ("La Junta de Gobierno se integrará por:") and **governing bodies** ("La dirección y
  administración del Organismo corresponden a:").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from loaders import ids
from loaders.assembly import Assembly
from loaders.governance import Statement, class_kinds, members
from loaders.mentions import (
    POST_PHRASE,
    UNIT_PHRASE,
    clean_name,
    kind_of,
    listed_name,
    name_like,
    post_to_unit_name,
    unit_like,
)
from loaders.phrasings import (
    CLASS_INTROS,
    COLLEGIATE_HEADS,
    DEFINITIONS,
    GOVERNING_INTROS,
    HEAD_STATEMENTS,
    ITEM_ANNOUNCES_UNITS,
    MEMBER_INTROS,
    NOT_POWERS,
    POWER_INTROS,
    REPORTS_TO,
    STRUCTURE_INTROS,
    STRUCTURE_NOUNS,
    any_of,
    first,
)
from loaders.statute.structure import LIST_LEVELS, Node
from loaders.text import sentences, upper_ratio
from orggraph.folding import fold
from orggraph.lexicon import PLURAL_HEADS, POST_HEADS

HAS_UNIT = re.compile(  # case-sensitive: UNIT_PHRASE relies on capitals to end a name
    rf"(?P<owner>[^.;]*?)\s+(?:[Tt]endr[áa]|(?:podr[áa]\s+)?[Cc]ontar(?:[áa])?(?:\s+adem[áa]s)?\s+con|[Cc]uenta\s+con)\s+(?:un|una)(?:\s+o\s+(?:un|una))?\s+"
    rf"(?P<unit>{UNIT_PHRASE.pattern}|{POST_PHRASE.pattern}|Presidente(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)+)"
)
_HAS_UNIT_VERB = re.compile(r"[Tt]endr[áa]|[Cc]ontar|[Cc]uenta\s+con")
_CLAUSE_END = re.compile(r"[.;]")


def _has_unit_matches(text: str) -> Iterator[re.Match[str]]:
    """``HAS_UNIT.finditer(text)``, without its quadratic failures. The pattern opens on a lazy ``[^.;]*?``:
    when no match starts at a position, none starts later in the same clause either (a later start
    has fewer ends to try), so the search resumes after the next "." or ";", where finditer would
    try every position of the clause, each scanning to its end."""
    pos = 0
    while pos < len(text):
        m = HAS_UNIT.match(text, pos)
        if m:
            yield m
            pos = m.end()
            continue
        end = _CLAUSE_END.search(text, pos)
        if end is None:
            return
        pos = end.end()


AREAS = re.compile(
    r"\b(?:se\s+auxiliar[áa]n?|contar[áa]n?)\s+(?:de|con)\s+(?:los\s+titulares\s+de\s+|las\s+personas\s+titulares\s+de\s+)?"
    r"las\s+(?:[áa]reas|direcciones)\s+de\s+(?P<list>[^.]*?)(?:,\s*mism[oa]s|\.|$)",
    re.IGNORECASE,
)
GOVERNING_HEADS = re.compile(
    r"^(?:Junta|Consejo|Asamblea|Comit[ée]\s+(?:T[ée]cnico|Directivo)|[ÓO]rgano\s+de\s+Gobierno)\b", re.IGNORECASE
)
EXECUTIVE_HEADS = re.compile(
    r"^(?:Direcci[óo]n\s+General|Gerencia\s+General|Director(?:a)?\s+General|Gerente\s+General|"
    r"Despacho\s+del?\s+|Oficina\s+del?\s+(?:Titular|Director|Secretario|Presidente|Comisario))",
    re.IGNORECASE,
)
# A collegiate body in a structure list ("El Juzgado Colegiado", "El Pleno", "La Sala Superior").
COLLEGIATE_ITEM = re.compile(r"^(?:\w+\s+Colegiad[oa]|Pleno|Sala\s+Superior|Cabildo)\b", re.IGNORECASE)
# The organization's own direction, named as a unit: "I. Una dirección." in the body's structure list,
# "La Dirección del Centro estará a cargo de …"; ``of`` must name the organization itself.
OWN_DIRECTION = re.compile(
    r"^(?P<unit>(?:Direc+i[óo]n|Gerencia|Coordinaci[óo]n)(?:\s+General)?)(?:\s+(?:de\s+la|del|de)\s+(?P<of>[^,]+?))?$",
    re.IGNORECASE,
)
# "El titular del Archivo Judicial General será un Director": a body headed by a Director has a Dirección.
HEAD_POST_STATEMENT = re.compile(
    r"^(?:El|La)\s+(?:persona\s+)?titular\s+(?:de\s+la|del|de)\s+(?P<of>[^,.;]{2,80}?)\s+ser[áa]\s+(?:un|una)\s+"
    r"(?P<post>(?:Director|Directora|Gerente|Coordinador|Coordinadora)(?:\s+General)?)\b"
)
HEAD_UNIT_STATEMENT = re.compile(
    r"^(?:La|El)\s+(?P<name>(?:Direc+i[óo]n|Gerencia|Coordinaci[óo]n)(?:\s+General)?\s+(?:de\s+la|del|de)\s+[^,.;]{2,80}?)"
    r"\s+(?:estar[áa]|quedar[áa])\s+a\s+cargo\s+de\b",
)
# Strong placements (a unit's own structure list) override the organization-level default, and
# both override where the document's headings put a unit.
HEADING_LEVEL, ORG_LEVEL, UNIT_LEVEL = 1, 2, 3
# A unit's own sentence saying whom it answers to ("está bajo el mando del Comandante …") beats a
# list that names it among a larger unit's members.
REPORTS_LEVEL = 4


@dataclass
class Article:
    node: Node
    provision: str
    intro: str
    items: list[tuple[Node, str]] = field(default_factory=list)  # (list node, provision id), in document order
    headings: tuple[str, ...] = ()  # the enclosing sección, capítulo, título headings, innermost first
    _provisions: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def heading(self) -> str | None:
        return self.headings[0] if self.headings else None

    def provision_of(self, node: Node) -> str:
        """The provision id of one of the article's list nodes (indexed: a long article has hundreds)."""
        if len(self._provisions) != len(self.items):
            self._provisions = {id(n): pid for n, pid in self.items}
        return self._provisions[id(node)]


@dataclass
class Group:
    """One list of an article with the sentence that announces it."""

    article: Article
    intro: str
    line: int
    items: list[tuple[Node, str]] = field(default_factory=list)  # top-level items
    after: dict[int, list[tuple[Node, str]]] = field(default_factory=dict)  # párrafos after item i


@dataclass
class Organs:
    executive: str | None = None  # the organization's executive head (Dirección General …)
    governing: list[str] = field(default_factory=list)  # the governing organs (board, director)
    holders: dict[str, list[str]] = field(default_factory=dict)  # list owner provision id → holder ids
    class_powers: list[tuple[Group, list[str], str]] = field(default_factory=list)  # (group, holders, class)
    power_groups: list[tuple[Group, list[str]]] = field(default_factory=list)  # (group, holder ids)
    placement: dict[str, int] = field(default_factory=dict)  # unit → strength of its PART_OF
    units_seen: set[str] = field(default_factory=set)  # holders that are units (not the organization)
    top_level: list[str] = field(default_factory=list)  # units the organization's own lists name
    unit_at: dict[str, str] = field(default_factory=dict)  # structure item provision id → the unit it names


def _pid(article: Article, node: Node) -> str:
    return article.provision_of(node)


def groups_of(article: Article) -> list[Group]:
    """Split an article's children into its lists, each with its announcing sentence."""
    current = Group(article, article.intro, article.node.line_start)
    groups = [current]
    for child in article.node.children:
        if child.kind in LIST_LEVELS:
            # (The article's own list needs no test: the kinds of a long one were gathered at every item.)
            if current is not groups[0]:
                kinds = {n.kind for n, _ in current.items}
                if kinds and child.kind not in kinds and any(n.kind == child.kind for n, _ in groups[0].items):
                    current = groups[0]  # "a) … c)" ended: the article's own list ("II. …") goes on
            current.items.append((child, _pid(article, child)))
        elif child.kind == "parrafo":
            nested = [c for c in child.children if c.kind in LIST_LEVELS]
            if nested:
                current = Group(article, child.text, child.line_start, [(c, _pid(article, c)) for c in nested])
                groups.append(current)
            elif _announces_list(child.text) and not current.items and not current.intro.rstrip().endswith(":"):
                current.intro = f"{current.intro} {child.text}".strip()  # the article's intro goes on
            elif _announces_list(child.text):
                current = Group(article, child.text, child.line_start)
                groups.append(current)
            else:
                current.after.setdefault(len(current.items) - 1, []).append((child, _pid(article, child)))
    # "I. Corresponde al área de Integración: a. … b. …" in an article that announces no powers itself:
    # each such item is a list of its own.
    for group in list(groups):
        if is_powers_article(group.intro):
            continue
        for node, _ in group.items:
            subs = [c for c in node.children if c.kind in LIST_LEVELS]
            # ("III. Secretaría Técnica, a la cual le corresponde:" is a structure item: read with its list.)
            if subs and is_powers_article(node.text) and not kind_of(clean_name(listed_name(node.text))):
                groups.append(Group(article, node.text, node.line_start, [(c, _pid(article, c)) for c in subs]))
    return groups


def _announces_list(text: str) -> bool:
    text = text.rstrip()
    return text.endswith(":") or bool(re.search(r"\bsiguientes?\s*(?:[\wáéíóú]+\s*){0,3}$", text))


def _in_force(items: list[tuple[Node, str]]) -> list[tuple[Node, str]]:
    return [(n, pid) for n, pid in items if not n.derogated]


def _name_ratio(group: Group) -> float:
    items = _in_force(group.items)
    if not items:
        return 0.0
    return sum(1 for n, _ in items if name_like(listed_name(n.text))) / len(items)


@dataclass(frozen=True)
class _IntroSays:
    """What the phrasings find in a list's intro: a pure function of its text."""

    definitions: bool
    governing: bool
    structure: bool  # a structure phrasing, or a structure noun before a colon in an intro without powers
    powers: bool
    members: bool  # a collegiate body "se integra por:"


@lru_cache(maxsize=4096)
def _intro_says(intro: str) -> _IntroSays:
    """Cached: read_organs asks it of each group up to three times (governing first, the kind, the kind
    again once the units are known), and each answer runs every pattern of several phrasing tables."""
    power_phrase = any_of(POWER_INTROS, intro) and not NOT_POWERS.search(intro)
    subject = _subject_text(intro)
    collegiate = subject is not None and (
        fold(subject.split()[0]).startswith(COLLEGIATE_HEADS) or bool(re.search(r"\bcolegiad[oa]\b", fold(subject)))
    )  # "El Juzgado Colegiado se integrará por:" is made of members too
    return _IntroSays(
        definitions=bool(DEFINITIONS.search(intro)),
        governing=any_of(GOVERNING_INTROS, intro),
        structure=any_of(STRUCTURE_INTROS, intro)
        or bool(STRUCTURE_NOUNS.search(intro) and intro.rstrip().endswith(":") and not power_phrase),
        powers=power_phrase,
        members=collegiate and any_of(MEMBER_INTROS, intro),
    )


def kind_of_group(group: Group, a: Assembly) -> str:
    intro = group.intro
    says = _intro_says(intro)
    if says.definitions:
        return "definitions"
    if says.governing and group.items:
        return "governing"
    if says.members:
        return "members"  # a board is made of members (posts, bodies), not of units
    if says.structure:
        if group.items and _name_ratio(group) >= 0.5:
            return "structure"
        if not group.items and any(name_like(listed_name(n.text)) for ns in group.after.values() for n, _ in ns):
            return "structure"
    if says.powers and group.items:
        return "class" if _class_phrase(intro, a) else "powers"
    return "other"


def _unit_head_ratio(group: Group) -> float:
    items = _in_force(group.items)
    if not items:
        return 0.0
    return sum(1 for n, _ in items if kind_of(clean_name(listed_name(n.text)))) / len(items)


def _subject_text(intro: str) -> str | None:
    # "Para el cumplimiento de sus fines el Consejo …, estará integrado por:": past the purpose clause.
    intro = re.sub(r"^(?:Para|En|Con)\b[^,:]*?\s(?=(?:el|la|los|las)\s+[A-ZÁÉÍÓÚÑ])", "", intro)
    m = re.match(
        r"^(?:(?:[Ll]a|[Ee]l|[Ll]as|[Ll]os)\s+(?:o\s+(?:el|la)\s+)?)?(?P<s>[A-ZÁÉÍÓÚÑ][^,:]*?)\s*,?\s+"
        r"(?:se|est[áa]n?|estar[áa]n?|tendr|tiene|cuenta|contar|ser[áa]n?)\b",
        intro,
    )
    return m.group("s") if m else None


def _class_phrase(intro: str, a: Assembly) -> str | None:
    """The class a list is given to ("unidades administrativas", "Direcciones"), when it is one."""
    found = first(CLASS_INTROS, intro)
    if not found:
        return None
    phrase = found[1].group("cls").strip()
    if a.units.resolve(phrase) or a.units.resolve_org(phrase):
        return None
    return phrase


# ----------------------------------------------------------------------------- reading
def read_organs(articles: list[Article], a: Assembly, organization: str) -> tuple[Organs, list[Statement]]:
    organs = Organs()
    statements: list[Statement] = []
    grouped = [(art, groups_of(art)) for art in articles]
    kinds: dict[int, str] = {}
    # Pass 1: who heads the organization; governing bodies; structure lists define units and hierarchy.
    for art in articles:
        _head_statements(art.intro, a, organization)
        _head_unit_statement(art, a, organization, organs)
    for _, groups in grouped:
        for g in groups:
            if _intro_says(g.intro).governing and g.items:
                kinds[id(g)] = "governing"
                _governing(g, a, organization, organs)
    for _, groups in grouped:
        for g in groups:
            if id(g) in kinds:
                continue
            kinds[id(g)] = kind_of_group(g, a)
            if kinds[id(g)] == "structure":
                _structure(g, a, organization, organs)
    # Pass 2: units named in sentences.
    for art in articles:
        _in_charge_of_a_titular(art, a, organization, organs)
        _collegiate_body(art, a, organization, organs)
        previous = ""
        for text, line in [(art.intro, art.node.line_start)] + [
            (n.text, n.line_start) for n, _ in art.items if n.kind == "parrafo"
        ]:
            _has_unit(text, line, a, organs, previous)
            _integrating(text, line, a, organs)
            previous = text
            _areas(text, line, a, organs)
            _areas_by_one(text, line, a, organs)
            _named_units(text, line, a, organization, organs)
    # Pass 3: powers and members.
    for art, groups in grouped:
        subject = _article_subject(art, a)
        for g in groups:
            kind = kinds[id(g)]
            if kind == "structure":
                continue
            if kind not in ("powers", "class"):
                kind = kind_of_group(g, a)  # units are known now: a holder may resolve
            if kind == "members" and subject:
                items = [Statement(n.text, pid, n.line_start, n.line_end) for n, pid in _in_force(g.items)]
                members(subject, items, a)
            elif kind == "class":
                _class_powers(g, a, organs)
            elif kind == "powers":
                _powers(g, a, organs, subject)
        statements.append(Statement(art.intro, art.provision, art.node.line_start, art.node.line_start, subject))
        # Each item's owner: the first holder of the first list that holds it or an item above it.
        owners: dict[int, str] = {}
        for g in groups:
            holders = organs.holders.get(_group_key(g), [])
            if holders:
                for n, _ in g.items:
                    for inner in n.walk():
                        owners.setdefault(id(inner), holders[0])
        for node, pid in art.items:
            owner = owners.get(id(node))
            statements.append(Statement(node.text, pid, node.line_start, node.line_end, owner or subject))
    _heading_units(articles, a, organs)
    _sub_units_by_name(a, organs)
    _possessed_units(a, organs)
    _direction_under_board(a, organization, organs)
    _chapter_class_owner(articles, a, organs)
    _under_the_head(a, organs)
    return organs, statements


def _under_the_head(a: Assembly, organs: Organs) -> None:
    """A unit the text describes (it holds a list) but no list places answers to the organization's
    head unit when the text names one ("I. La o el titular visitador"), as the listed units do."""
    head = organs.executive
    if head is None or head in organs.governing[:-1]:
        return
    for unit in a.units.ids():
        if unit in organs.placement or unit == head or unit in organs.governing or unit not in organs.units_seen:
            continue
        if _answers_to_the_body(a.units.name(unit)):
            continue
        _place(a, organs, unit, head, "Unit", a.units.records_line(unit), None, "organization-head", HEADING_LEVEL)


def _answers_to_the_body(name: str) -> bool:
    """Boards and the internal control answer to the body itself, not to its director."""
    return fold(name).startswith(COLLEGIATE_HEADS) or bool(CONTROL_BODY.match(name))


CONTROL_BODY = re.compile(
    r"^(?:Contralor[íi]a|[ÓO]rgano\s+(?:Interno\s+)?de\s+(?:Control|Vigilancia)|Comisar[íi]o)", re.I
)


def _chapter_class_owner(articles: list[Article], a: Assembly, organs: Organs) -> None:
    """ "CAPÍTULO V / De los Agrupamientos o Unidades Operativas / Sección Primera / De la Unidad de
    Prevención Escolar": a unit no list places, in a chapter about a class of units, belongs to the one
    unit whose name takes that class ("División de Operaciones Regionales y Agrupamientos")."""
    for art in articles:
        if len(art.headings) < 2:
            continue
        unit = heading_unit(art.headings[0], a)
        if unit is None or unit in organs.placement:
            continue
        chapter = _HEADING_UNIT.match(art.headings[1])  # the enclosing chapter
        if not chapter:
            continue
        plurals = [fold(w) for w in re.findall(r"[\wáéíóúñ]+", chapter.group("name")) if len(w) > 5 and w.endswith("s")]
        owners = {
            u for u in a.units.ids() if u != unit and any(p in fold(a.units.name(u)).split() for p in plurals[:1])
        }
        if len(owners) == 1:
            owner = owners.pop()
            _place(a, organs, unit, owner, "Unit", art.node.line_start, None, "headings", HEADING_LEVEL)


def _direction_under_board(a: Assembly, organization: str, organs: Organs) -> None:
    """A body governed by a board ("el siguiente órgano de gobierno: I. Consejo Municipal de la Mujer")
    whose own direction ("La Dirección tendrá las facultades …") no list places: the direction answers
    to the board, as a decentralized body's director does."""
    boards = [u for u in organs.governing if GOVERNING_HEADS.match(a.units.name(u))]
    if len(boards) != 1 or organs.executive not in (None, boards[0]):
        return
    for unit in a.units.ids():
        if unit == boards[0] or not _own_direction(a.units.name(unit), a, organization):
            continue
        parents = [e for e in a.edges.values() if e.type == "PART_OF" and e.source == unit]
        if all(e.target == organization for e in parents) and organs.placement.get(unit, 0) <= UNIT_LEVEL:
            organs.placement[unit] = 0
            _place(a, organs, unit, boards[0], "Unit", a.units.records_line(unit), None, "governing_bodies", UNIT_LEVEL)


def _possessed_units(a: Assembly, organs: Organs) -> None:
    """A unit no list places whose name says whose it is ("Secretaría Técnica de la Comisión de
    Carrera Policial") is part of that unit."""
    for unit in a.units.ids():
        if unit in organs.placement:
            continue
        name = a.units.name(unit)
        for m in re.finditer(r"\s(?:de\s+la|del|de\s+los|de\s+las)\s+", name):
            owner = a.units.resolve(name[m.end() :])
            if owner and owner != unit:
                _place(a, organs, unit, owner, "Unit", a.units.records_line(unit), None, "name", HEADING_LEVEL)
                break


def _sub_units_by_name(a: Assembly, organs: Organs) -> None:
    """A "Subdirección de X" that no list places is part of the "Dirección de X" (Subgerencia,
    Subcoordinación, Subjefatura likewise)."""
    for unit in a.units.ids():
        if unit in organs.placement:
            continue
        m = re.match(r"^Sub(?P<head>[a-záéíóúñ]+)\s+(?P<rest>(?:de|del)\s.+)$", a.units.name(unit))
        if m:
            above = a.units.resolve(f"{m.group('head').capitalize()} {m.group('rest')}")
            if above and above != unit:
                _place(a, organs, unit, above, "Unit", a.units.records_line(unit), None, "name", HEADING_LEVEL)


def _group_key(group: Group) -> str:
    return f"{group.article.provision}@{group.line}"


# ----------------------------------------------------------------------------- headings and anaphora
ANAPHORA = re.compile(
    r"^(?:Esta|Este|Dicha|Dicho|La\s+citada|El\s+citado)\s+(?P<noun>[A-Za-zÁÉÍÓÚáéíóúñÑ]+)", re.IGNORECASE
)
_HEADING_UNIT = re.compile(r"^(?:De\s+la|Del|De\s+las|De\s+los)\s+(?P<name>.+?)\s*\.?$", re.IGNORECASE)


def heading_unit(heading: str, a: Assembly, *, create: bool = False) -> str | None:
    """The unit a heading is about ("Sección Segunda / De la Unidad de Vigilancia …"), if it names one
    the text knows (a heading may name a topic: "DE LA COORDINACIÓN INTERINSTITUCIONAL"); ``create``
    when the text refers to it ("Esta Unidad …") and it can be nothing else."""
    m = _HEADING_UNIT.match(heading.strip())
    if not m:
        return None
    name = clean_name(m.group("name"))
    if fold(m.group("name").split()[0]) in PLURAL_HEADS:
        return None
    party = a.units.resolve_party(name)
    if party:
        return party[1] if party[0] == "Unit" else None
    if create and unit_like(name) and kind_of(name):
        return a.units.define(name, 1)
    return None


def _heading_units(articles: list[Article], a: Assembly, organs: Organs) -> None:
    """A chapter or section headed by a unit's name is that unit's; one inside another's is part of it."""
    known: dict[str, str | None] = {}  # the same chapter and section headings head many articles
    for art in articles:
        for h in art.headings:
            if h not in known:
                known[h] = heading_unit(h, a)
        units = [u for u in (known[h] for h in art.headings) if u]
        for inner, outer in pairwise(units):
            if inner != outer:
                _place(a, organs, inner, outer, "Unit", art.node.line_start, None, "headings", HEADING_LEVEL)


def _anaphora(intro: str, article: Article, a: Assembly) -> tuple[str, str] | None:
    """ "Esta Unidad …", "Esta área depende …": the unit the enclosing heading names."""
    if not ANAPHORA.match(intro.strip()):
        return None
    for heading in article.headings:
        unit = heading_unit(heading, a, create=True)
        if unit:
            return "Unit", unit
    return None


# ----------------------------------------------------------------------------- the organization's head
def _head_statements(text: str, a: Assembly, organization: str) -> None:
    """ "Al frente de la Comisaría estará un titular que se denomina Comisario General": that post is
    the organization's titular, and names it in the text from then on."""
    found = first(HEAD_STATEMENTS, text)
    if not found:
        return
    groups = found[1].groupdict()
    post, of = groups.get("post"), groups.get("of")
    if not post or (of and not _is_self(of, a, organization)):
        return  # "La Unidad estará a cargo de un Director": a unit's head, not the body's
    a.units.add_titular_post(organization, post)
    if of:  # "El Tribunal estará a cargo de un Presidente": the text then says "el Presidente del Tribunal"
        a.units.add_titular_post(organization, f"{post} {'del' if groups['article'] == 'El' else 'de la'} {of}")


def _own_direction(name: str, a: Assembly, organization: str) -> bool:
    """ "Dirección", "Dirección del Centro": the organization's own direction, not one of its areas."""
    m = OWN_DIRECTION.match(name)
    return bool(m) and (m.group("of") is None or _is_self(m.group("of"), a, organization))


def _is_self(mention: str, a: Assembly, organization: str) -> bool:
    """The organization itself: one of its names, or its head word with other qualifiers ("el Archivo
    Judicial General" in the regulation of the "Archivo General, Archivos Regionales …")."""
    if a.units.resolve_org(mention) == organization:
        return True
    name = next((o.name for o in a.units.org_records() if o.id == organization), "")
    words = re.sub(r"^(?:el|la|los|las)\s+", "", mention.strip(), flags=re.I).split()
    return bool(words and name) and fold(words[0]) == fold(name.split()[0]) and len(words) <= 4


def _head_unit_statement(art: Article, a: Assembly, organization: str, organs: Organs) -> None:
    """ "La Dirección del Centro estará a cargo de la persona designada por …", "El titular del Archivo
    será un Director": the text names the organization's head as a unit (or as a Director, whose
    unit is a Dirección); the units the organization's lists name hang from it."""
    m = HEAD_UNIT_STATEMENT.match(art.intro)
    name = m.group("name") if m else None
    post = HEAD_POST_STATEMENT.match(art.intro)
    if post and _is_self(post.group("of"), a, organization):
        name = post_to_unit_name(post.group("post"))
    if not name or organs.executive or not _own_direction(name, a, organization):
        return
    unit = a.units.define(name, art.node.line_start, listed=True, listed_as="organos de gobierno")
    _place(a, organs, unit, organization, "Organization", art.node.line_start, art.provision, "head", UNIT_LEVEL)
    organs.executive = unit


def _org_head(a: Assembly, organization: str, organs: Organs) -> tuple[str, str]:
    if organs.executive:
        return organs.executive, "Unit"
    return organization, "Organization"


# ----------------------------------------------------------------------------- governing bodies
def _governing(group: Group, a: Assembly, organization: str, organs: Organs) -> None:
    previous: str | None = None
    for node, _ in _in_force(group.items):
        name = clean_name(listed_name(node.text))
        post_unit = post_to_unit_name(name) if not kind_of(name) else None  # "II. Al Director General."
        if not kind_of(name) and not (post_unit and kind_of(post_unit)):
            continue
        unit = a.units.define(post_unit or name, node.line_start, listed=True, listed_as="organos de gobierno")
        if post_unit:
            a.units.add_alias(unit, name)
        _place(
            a,
            organs,
            unit,
            previous or organization,
            "Unit" if previous else "Organization",
            node.line_start,
            group.article.provision,
            "governing_bodies",
            UNIT_LEVEL,
        )
        previous = unit
        organs.governing.append(unit)
    organs.executive = previous


# ----------------------------------------------------------------------------- structure lists
def _place(
    a: Assembly,
    organs: Organs,
    unit: str,
    parent: str,
    label: str,
    line: int,
    provision: str | None,
    basis: str,
    strength: int,
) -> None:
    """One hierarchical parent per unit: a unit's own structure list beats the organization's list."""
    if unit == parent:
        return
    held = organs.placement.get(unit, 0)
    if held >= strength:
        return
    for key in a.edges_from("PART_OF", unit):
        a.remove_edge(key)
    organs.placement[unit] = strength
    a.edge("PART_OF", unit, "Unit", parent, label, line, provision=provision, basis=basis)  # type: ignore[arg-type]


def _intro_party(intro: str, a: Assembly) -> tuple[str, str] | None:
    """The unit or body a list's announcing sentence is about (its subject, or "de la X")."""
    head = re.split(
        r"\b(?:contar[áa]n?|contara|cuenta[n]?|tendr[áa]n?|tiene[n]?|se\s+(?:integra|compone|conforma|auxiliar|divide|"
        r"adscrib)|est[áa]\s+integrad|estar[áa]|ser[áa]n?\s+auxiliad|quedar[áa])",
        intro,
        maxsplit=1,
    )[0]
    mentions = a.units.find(head)
    units = [m for m in mentions if m.label == "Unit"]
    if units:  # the unit nearest the verb: "Para … de la Dirección X, la Subdirección Y contará con:"
        return "Unit", units[-1].target
    # "El director general de seguridad pública municipal, …, será auxiliado por:" (a post, any case)
    subject = re.match(
        r"^\s*(?:A\s+su\s+vez\s+|Asimismo,?\s+)?(?:(?:la|el|las|los)\s+(?:o\s+(?:el|la)\s+)?)?(?:persona\s+)?(?P<x>[^,]+?)\s*(?:,|$)",
        head,
        re.I,
    )
    if subject and not mentions:
        # "En el ejercicio de sus atribuciones, el Secretario del Republicano Ayuntamiento": the subject
        # is the last comma-separated part before the verb, or the first.
        parts = [p.strip() for p in head.split(",") if p.strip()]
        for part in [parts[-1], subject.group("x")] if parts else [subject.group("x")]:
            part = re.sub(r"^(?:(?:la|el|las|los)\s+(?:o\s+(?:el|la)\s+)?)?(?:persona\s+)?", "", part, flags=re.I)
            party = a.units.resolve_party(part)
            if party:
                return party
            unit = a.units.resolve_head(part)  # "la Academia": the only unit so named
            if unit:
                return "Unit", unit
    for mention in mentions:
        return mention.label, mention.target
    m = re.search(r"^(?:(?:La|El|Las|Los)\s+(?:o\s+(?:el|la)\s+)?)?(?P<x>[A-ZÁÉÍÓÚÑ][^,]*?)\s*,?\s*$", head.strip())
    if m:
        party = a.units.resolve_party(m.group("x"))
        if party:
            return party
    m = re.search(r"\b(?:de|del)\s+(?:la\s+|el\s+)?(?P<x>[A-ZÁÉÍÓÚÑ][^:,]+?)\s*:?\s*$", intro)
    if m and re.match(r"^Son\b", intro):
        return a.units.resolve_party(m.group("x"))
    return None


def _structure(group: Group, a: Assembly, organization: str, organs: Organs) -> None:
    party = _anaphora(group.intro, group.article, a) or _intro_party(group.intro, a)
    org_level = party is None or party[0] == "Organization"
    if org_level:
        subject, label = _org_head(a, organization, organs)
    else:
        subject, label = party[1], party[0]
    listed_as = _listed_as(group.intro)
    items = _in_force(group.items)
    parent = subject
    named_head = first([p for p in STRUCTURE_INTROS if p.name == "counts-with-a-head-and"], group.intro)
    if named_head and org_level and not organs.executive:
        # "… cuenta con una Dirección General y las Unidades Administrativas siguientes:": the head first.
        head = clean_name(named_head[1].group("head"))
        if kind_of(head):
            executive = a.units.define(head, group.line, listed=True, listed_as="organos de gobierno")
            _place(
                a,
                organs,
                executive,
                subject,
                label,
                group.line,
                group.article.provision,
                "governing_bodies",
                UNIT_LEVEL,
            )
            organs.executive = executive
            organs.governing.append(executive)
            subject, label = executive, "Unit"
            parent = subject
    if not (org_level and organs.executive):
        items, executive = _governing_chain(items, group, a, subject, label, organs)
        if executive:
            if org_level:
                organs.executive = executive
            # A list of "órganos" names the body's organs side by side (the board, its director, its
            # auditor); a list of units hangs them from the director.
            if listed_as != "organos":
                parent, label = executive, "Unit"
    strength = ORG_LEVEL if org_level else UNIT_LEVEL
    left = {id(n) for n, _ in items}  # the items the governing chain left, not scanned for at each item
    for index, (node, _) in enumerate(group.items):
        if node.derogated or id(node) not in left:
            continue
        unit = _structure_item(node, group, a, organs, parent, label, listed_as, strength)
        if unit and org_level:
            organs.top_level.append(unit)
        for trailing, _ in group.after.get(index, []):
            for line, name in _name_lines(trailing):
                if unit:
                    sub = a.units.define(name, line, listed=True, scope=unit)
                    _place(a, organs, sub, unit, "Unit", line, group.article.provision, "structure", UNIT_LEVEL)
    if not group.items:  # "El Comisario Jefe tiene bajo su mando las siguientes áreas:" + a plain paragraph
        for trailing, _ in group.after.get(-1, []):
            for line, name in _name_lines(trailing):
                unit = _top_level(name, a, organs) or a.units.define(
                    name, line, listed=True, listed_as=listed_as, scope=parent
                )
                _place(a, organs, unit, parent, label, line, group.article.provision, "structure", strength)


def _top_level(name: str, a: Assembly, organs: Organs) -> str | None:
    """A unit the organization's own list named ("III. División de Operaciones Regionales y
    Agrupamientos") that a unit's list names again is that same unit, placed under it. (Until the
    organization's list has named one, no name is resolved only to be compared with none.)"""
    if not organs.top_level:
        return None
    unit = a.units.resolve(name)
    return unit if unit in organs.top_level else None


def _name_lines(paragraph: Node) -> list[tuple[int, str]]:
    """The unit names an unnumbered paragraph under a structure item gives: the paragraph itself
    when it reads as one name, else each of its lines when every line does ("Recepción de
    Documentos / Valoración de Solicitudes / Archivo")."""
    names = [(line, listed_name(text)) for line, text in paragraph.source]
    whole_lines = all(
        not re.search(r"\b(?:de|del|la|las|los|el|y|e|en|a|para)$", text.strip()) for _, text in paragraph.source
    )
    if len(names) > 1 and whole_lines and all(name_like(n) for _, n in names):
        return names
    name = listed_name(paragraph.text)
    # "División de Operaciones Regionales y Agrupamientos, a la que le corresponden los grupos …": a
    # name, then what it is for.
    described = re.match(
        rf"{re.escape(name)},?\s+(?:a\s+la\s+que|al\s+que|a\s+la\s+cual|al\s+cual|la\s+cual|el\s+cual|que)\b",
        re.sub(r"\s+", " ", paragraph.text.strip()),
    )
    if name_like(name) and (len(paragraph.text) < 120 or described):
        return [(paragraph.line_start, name)]
    return []


def _listed_as(intro: str) -> str | None:
    m = STRUCTURE_NOUNS.search(intro)
    if not m:
        return None
    noun = fold(m.group(0))
    if noun == "unidades" and re.search(r"unidades\s+administrativas", intro, re.IGNORECASE):
        return "unidades administrativas"
    return noun


EXECUTIVE_AFTER_BOARD = re.compile(
    r"^(?:Direc+i[óo]n|Gerencia|Director|Gerente|Despacho|Presidencia\s+Ejecutiva|Secretar[íi]a\s+Ejecutiva|"
    r"Coordinaci[óo]n\s+General)\b",
    re.IGNORECASE,
)


def _governing_chain(items, group: Group, a: Assembly, subject: str, label: str, organs: Organs):
    """A list may open with the body's governing organs: its board, then its executive ("Consejo
    Directivo", "Gerente General"), or the titular's office ("Despacho del Comisario General").
    Returns the items left and the executive."""
    chain: list[str] = []
    beside: list[Node] = []  # collegiate bodies listed before the head
    taken: list[Node] = []
    for node, _ in items[:2]:
        name = clean_name(listed_name(node.text))
        board = bool(GOVERNING_HEADS.match(name)) and not chain
        # "El Presidente del Tribunal", "I. La o el titular visitador": the body's titular heads the list.
        titular = label == "Organization" and (a.units.titular_of(name) == subject or fold(name).startswith("titular "))
        own = label == "Organization" and _own_direction(name, a, subject)  # "I. Una dirección."
        # "I. Dirección General de Tesorería" is one of the body's units, not its head: a general
        # direction heads the body only bare or named after it ("Dirección General del Instituto").
        specific = re.match(
            r"^(?:Direc+i[óo]n|Gerencia|Director(?:a)?|Gerente)\s+General\s+(?:de\s+la|del|de)\s+(?P<of>.+)$", name
        )
        if specific and not _is_self(specific.group("of"), a, subject):
            chain_ok = bool(chain and EXECUTIVE_AFTER_BOARD.match(name))
            if not chain_ok and not titular:
                break
        executive = bool(EXECUTIVE_HEADS.match(name) or (chain and EXECUTIVE_AFTER_BOARD.match(name)) or titular or own)
        if not (board or executive):
            if not chain and label == "Organization" and COLLEGIATE_ITEM.match(name) and len(items) > 2:
                # "I. El Juzgado Colegiado. II. El Presidente del Tribunal. III. …": a collegiate body the
                # titular presides sits beside him, not above; the list's head may come after it.
                beside.append(node)
                continue
            break
        unit = a.units.define(name, node.line_start, listed=True, listed_as="organos de gobierno", scope=subject)
        parent, parent_label = (chain[-1], "Unit") if chain else (subject, label)
        _place(
            a,
            organs,
            unit,
            parent,
            parent_label,
            node.line_start,
            group.article.provision,
            "governing_bodies",
            UNIT_LEVEL,
        )
        organs.governing.append(unit)
        chain.append(unit)
        taken.append(node)
        if executive:
            return _beside_the_head(beside, items, taken, group, a, subject, label, organs), unit
    if chain:  # a board alone
        return items[len(chain) :], None
    return items, None


def _beside_the_head(beside, items, taken, group: Group, a: Assembly, subject: str, label: str, organs: Organs):
    """The collegiate bodies listed before the head stay at the body's level; the other items are left."""
    for node in beside:
        name = clean_name(listed_name(node.text))
        unit = a.units.define(name, node.line_start, listed=True, listed_as="organos de gobierno", scope=subject)
        _place(a, organs, unit, subject, label, node.line_start, group.article.provision, "structure", UNIT_LEVEL)
        organs.top_level.append(unit)
    used = {id(n) for n in [*beside, *taken]}
    return [item for item in items if id(item[0]) not in used]


def _structure_item(
    node: Node,
    group: Group,
    a: Assembly,
    organs: Organs,
    parent: str,
    label: str,
    listed_as: str | None,
    strength: int,
) -> str | None:
    if _is_group(node):  # "A. Unidades Administrativas Centrales:": its items hang from the list's parent
        for child in node.children:
            if child.kind in LIST_LEVELS and not child.derogated:
                _structure_item(child, group, a, organs, parent, label, listed_as, strength)
        return None
    name = listed_name(node.text)
    if not name_like(name):
        return None
    top = _top_level(name, a, organs) if strength > ORG_LEVEL else None
    unit = top or a.units.define(name, node.line_start, listed=True, listed_as=listed_as, scope=parent)
    organs.unit_at[_pid(group.article, node)] = unit
    if fold(clean_name(name)) != fold(name) and not name.isupper():
        a.units.add_alias(unit, name)
    _place(a, organs, unit, parent, label, node.line_start, group.article.provision, "structure", strength)
    remainder = node.text.strip()[node.text.strip().find(name) + len(name) :] if name in node.text else ""
    children = [c for c in node.children if c.kind in LIST_LEVELS and not c.derogated]
    announces_units = any_of(ITEM_ANNOUNCES_UNITS, remainder)  # asked once, for the three tests below
    announces_powers = any_of(POWER_INTROS, remainder) and not announces_units
    if announces_powers and children:
        sub = Group(group.article, remainder, node.line_start, [(c, _pid(group.article, c)) for c in children])
        organs.power_groups.append((sub, [unit]))
        organs.holders[_group_key(sub)] = [unit]
        return unit
    sub_as = _listed_as(remainder) if announces_units else listed_as
    if children and (
        announces_units or sum(1 for c in children if name_like(listed_name(c.text))) / len(children) >= 0.5
    ):
        sub = Group(
            group.article,
            remainder,
            node.line_start,
            [(c, _pid(group.article, c)) for c in node.children if c.kind in LIST_LEVELS],
        )
        for child in children:
            _structure_item(child, sub, a, organs, unit, "Unit", sub_as, UNIT_LEVEL)
    # Unnumbered name lines under the item ("I.- Una Coordinación …: / Unidad de Atención … / Módulo …").
    for line, text in _trailing_lines(node, name):
        sub_name = listed_name(text)
        if name_like(sub_name):
            sub = a.units.define(
                sub_name, line, listed=True, listed_as=sub_as if sub_as != listed_as else None, scope=unit
            )
            _place(a, organs, sub, unit, "Unit", line, group.article.provision, "structure", UNIT_LEVEL)
    return unit


def _is_group(node: Node) -> bool:
    """ "A. Unidades Administrativas Centrales:" groups units; it is not one (a plural, ending in ':').
    Only an item ending in ':' over items of its own can be one: every other item (most) is answered
    before its words are read."""
    text = node.text.strip()
    if not text.endswith(":") or not any(c.kind in LIST_LEVELS for c in node.children):
        return False
    head = fold(re.sub(r"^(?:las|los)\s+", "", text, flags=re.IGNORECASE).split(" ")[0])
    if head in PLURAL_HEADS:
        return True
    # ("A. Subsecretaría de Electricidad:" over its units is a unit: one name, in the singular)
    name = text.rstrip(" :")
    return node.kind == "apartado" and not (kind_of(name) is not None and unit_like(name))


def _trailing_lines(node: Node, name: str) -> list[tuple[int, str]]:
    """The item's source lines after the one that ends its own name's sentence."""
    out: list[tuple[int, str]] = []
    ended = False
    for line, text in node.source:
        if ended:
            out.append((line, text))
        elif re.search(r"[.:;]\s*$", text) or (name and text.rstrip(" .;,").endswith(name)):
            ended = True
    return out


# ----------------------------------------------------------------------------- powers
# Where a power list's announcing sentence names its holder, most explicit first. Each names group "x".
HOLDER_PATTERNS = [
    # "La Secretaría Técnica y, en ausencia de ésta, la Prosecretaría de la Junta de Gobierno, tendrán …"
    re.compile(
        r"^(?:La|El)\s+(?P<x>[^:;]+?\s+y,?\s+en\s+ausencia\s+de\s+[ée]st[ae],?\s+[^:;]+?),?\s+(?:tendr|tiene|ejercer)",
        re.IGNORECASE,
    ),
    # "Al Director de Desarrollo Humano le corresponde", "al Comisario General le corresponde:"
    re.compile(
        r"(?:^|,\s*|\b)(?:a|al|a\s+la|a\s+los|a\s+las|a\s+el)\s+(?P<x>[^,:]+?)\s+(?:le|les)\s+(?:corresponde|compete)",
        re.IGNORECASE,
    ),
    # "Corresponde a la Dirección General de Obras Públicas:"
    re.compile(
        r"(?:^|,\s*)(?:Corresponde|Compete)n?\s+(?:originalmente\s+)?(?:a\s+la|al|a\s+los|a\s+las|a\s+el|a)\s+"
        r"(?:persona\s+)?(?P<x>[^:,]+?)(?=\s*[,:]|\s+(?:el|la|las|los)\s+(?:ejercicio|siguientes|atribuciones|facultades|"
        r"despacho)|\s+ejercer|\s+las\s+siguientes|\s*$)",
        re.IGNORECASE,
    ),
    # "Son atribuciones de la División de lo Laboral, Civil y Mercantil las siguientes:"
    re.compile(
        r"\b(?:Son|Ser[áa]n)\s+(?:las\s+)?(?:[\wáéíóú]+\s+){1,6}?(?:de|del)\s+(?:la\s+|el\s+|los\s+|las\s+)?"
        r"(?P<x>[^:]+?)(?=,?\s+(?:las|los)\s+siguientes|\s*:|\s*$)",
        re.IGNORECASE,
    ),
    # "Las facultades y obligaciones del Secretario Técnico son:", "DE LAS ATRIBUCIONES DE LA GERENCIA OPERATIVA:"
    re.compile(
        r"\b(?:las|los)\s+(?:facultades|atribuciones|funciones|obligaciones)(?:\s+y\s+\w+)?\s+(?:de|del)\s+"
        r"(?:la\s+|el\s+)?(?P<x>[^:]+?)(?:\s+son\b|\s*:\s*$)",
        re.IGNORECASE,
    ),
    # "El puesto de Técnico mecánico de mantenimiento será asignado por …", "El asistente de Gerencia será
    # asignado por …": a post the article appoints, lowercase as often as not, holds the list.
    re.compile(
        r"^(?:El|La)\s+(?:(?:puesto|cargo|plaza)\s+de\s+(?:la\s+|el\s+)?)?(?P<x>[\wáéíóúñ]+(?:\s+[^:;,]+?)?)\s*,?\s+"
        r"(?:ser[áa]|es)\s+(?:nombrad|asignad|designad|ocupad)",
        re.IGNORECASE,
    ),
    # "La persona encargada del área de coordinación de la Visitaduría tendrá …"
    re.compile(
        r"^(?:La|El)\s+persona\s+(?P<x>(?:encargad[oa]|responsable)\s+(?:de\s+la|del|de)\s+[^:;,]+?)\s+"
        r"(?:tendr|tiene|ejercer)",
        re.IGNORECASE,
    ),
    # "La Subsecretaría de Turismo tiene …", "…, el Secretario atenderá …", "El Secretario, además de …, desempeñará …"
    re.compile(
        r"(?:^|[.,;]\s*)(?:En\s+[^,]{0,80},\s*)?(?:(?:[Ll]a|[Ee]l|[Ll]as|[Ll]os)\s+(?:o\s+(?:el|la)\s+)?)(?:persona\s+)?"
        r"(?P<x>(?:[Tt]itular\s+(?:de\s+la|del|de\s+los|de\s+las|de)\s+)?[A-ZÁÉÍÓÚÑ][^:;,]*?)\s*(?:,[^:;]{0,250}?,|,)?\s+"
        r"(?:en\s+lo\s+general\s+|en\s+su\s+caso\s+)?"
        r"(?:tendr|tiene|ejercer|contar|cuenta|desempe|asumir|atender|estar[áa]|est[áa]\s+bajo|ser[áa]|"
        r"es\s+(?:la|el)\s+encargad)",
    ),
    # "Al frente de cada Delegación Regional habrá una persona que tendrá … las siguientes:": the unit whose
    # head holds the list.
    re.compile(
        r"^Al\s+frente\s+de\s+(?:cada\s+)?(?:una\s+de\s+)?(?:la\s+|el\s+|las\s+|los\s+)?(?P<x>[A-ZÁÉÍÓÚÑ][^,:;]*?)\s+"
        r"(?:habr[áa]|estar[áa])\s+(?:una?\s+)?(?:persona|titular|servidor|director|directora|jefe|jefa)\b[^:]*\b(?:tendr|ejercer)",
        re.IGNORECASE,
    ),
]


def _holder_phrases(intro: str) -> list[str]:
    """Holder phrases in the order they appear, those of the sentence that announces the list first
    ("El Tribunal estará a cargo de un Presidente … . El Presidente del Tribunal tendrá las siguientes
    atribuciones:": the Presidente's list)."""
    found: list[tuple[int, str]] = []
    for pattern in HOLDER_PATTERNS:
        for m in pattern.finditer(intro):
            found.append((m.start("x"), -len(m.group("x")), m.group("x").strip()))
    found.sort()
    said = sentences(intro)
    announcing = intro.rfind(said[-1]) if len(said) > 1 and intro.rstrip().endswith(":") else 0
    # (a bare "el Director" there points back to the article's subject: no preference then)
    own = [x for start, _, x in found if start >= announcing and len(x.split()) > 1]
    return list(dict.fromkeys([*own, *(x for _, _, x in found)]))


def _resolve_holder(phrase: str, a: Assembly, line: int, executive: str | None = None) -> tuple[str, str] | None:
    """The unit, post or body a holder phrase names; "X, en materia de Y" is X. An unknown name that
    reads as a unit's becomes one (a powers article is where many units are first described)."""
    stripped = re.sub(
        r",?\s*(?:en\s+forma\s+indelegable|adem[áa]s\s+de|en\s+el\s+[áa]mbito|en\s+materia|dentro\s+de|"
        r"de\s+conformidad|en\s+su\s+caso|en\s+t[ée]rminos|para\s+(?:el|la|los|las|su|sus)\s).*$",
        "",
        phrase,
        flags=re.IGNORECASE,
    ).strip(" ,")
    cuts: list[str] = []
    for text in dict.fromkeys([phrase.strip(" ,"), stripped]):
        cuts += [text] + [text[: m.start()] for m in reversed(list(re.finditer(r",", text)))]
    for cut in dict.fromkeys(c.strip(" ,") for c in cuts if c.strip(" ,")):
        party = a.units.resolve_party(cut)
        titular_unit = executive and fold(a.units.name(executive)).startswith("titular")
        if party == ("Organization", a.organization) and titular_unit and re.search(r"\btitular\b", cut, re.I):
            return "Unit", executive  # "La persona Titular de la Visitaduría", listed as "La o el titular visitador"
        if party:
            # The organization's titular holds its own powers, even where the structure lists the
            # titular's office as one dependency among others ("Oficina del Presidente Municipal").
            titular = a.units.titular_of(cut)
            if party[0] == "Unit" and titular and party[1] != executive and a.units.resolve(cut) is None:
                return "Organization", titular
            return party
    for text in dict.fromkeys([phrase, stripped]):
        name = a.units.strip_own_org(clean_name(text))
        if unit_like(name) and kind_of(name):
            return "Unit", a.units.define(name, line, described=True)
        # "El Jefe de Departamento de Pavimentación …", "La persona encargada del área de …": a post names
        # its unit.
        post_phrase = name_like(name) or re.match(r"^(?:encargad[oa]|responsable)\s", name, re.IGNORECASE)
        unit_name = post_to_unit_name(clean_name(text)) if post_phrase else None  # the long form kept as an alias
        if unit_name and unit_like(unit_name):
            unit = a.units.define(unit_name, line, described=True)
            a.units.add_alias(unit, name)
            return "Unit", unit
    # A post no unit stands for ("El Comandante Regional de Supervisión tiene bajo su responsabilidad:")
    # holds its list itself.
    name = a.units.strip_own_org(clean_name(stripped))
    name = name[:1].upper() + name[1:] if re.match(r"^[a-záéíóúñ]+\s+(?:de|del)\s+[A-ZÁÉÍÓÚÑ]", name) else name
    # "Auxiliar del Departamento de Adquisiciones": a post of a unit, the unit named after its first word.
    known_at_start = any(m.start == 0 for m in a.units.find(name))
    if name_like(name) and name[:1].isupper() and len(name.split()) <= 8 and not known_at_start:
        return "Unit", a.units.define(name, line, described=True, any_name=True)
    for mention in a.units.find(phrase):
        if mention.label == "Unit" or mention.target == a.organization:
            return mention.label, mention.target
    return None


def _plural_post(phrase: str, a: Assembly) -> list[tuple[str, str]]:
    """ "Los Subsecretarios", "los Directores de Área": every unit those posts head."""
    words = clean_name(phrase).split() if phrase else []
    if not words or not fold(words[0]).endswith(("es", "os", "as")):
        return []
    head = POST_HEADS.get(fold(words[0]))
    if head is None:
        return []
    kind = kind_of(head)
    return [("Unit", u) for u in a.units.of_kind(kind)] if kind else []


CROSS_REFERENCE = re.compile(
    r"\b(?:a\s+que\s+se\s+refieren?|se[ñn]alad[oa]s\s+en|previst[oa]s\s+en|mencionad[oa]s\s+en)\s+(?:las?\s+)?"
    r"fracci(?:ón|on|ones)\s+(?P<fracs>[IVXLC]+(?:\s*(?:,|y|e)\s*[IVXLC]+)*)\s+del\s+art[íi]culo\s+(?P<art>\d+[\w\s]{0,8}?)\b",
    re.IGNORECASE,
)


def _referenced_units(intro: str, group: Group, a: Assembly, organs: Organs) -> list[tuple[str, str]]:
    """ "… y las unidades administrativas a que se refieren las fracciones II, III y IV del artículo 3":
    the units those structure items name."""
    found: list[tuple[str, str]] = []
    for m in CROSS_REFERENCE.finditer(intro):
        article = ids.child(a.document, ids.article_part(m.group("art").strip()))
        for roman in re.findall(r"[IVXLC]+", m.group("fracs")):
            unit = organs.unit_at.get(ids.child(article, ids.fraction_part(roman)))
            if unit:
                found.append(("Unit", unit))
    return found


def _holders(
    group: Group, a: Assembly, subject: str | None, executive: str | None = None, organs: Organs | None = None
) -> list[tuple[str, str]]:
    intro = group.intro
    referenced = _referenced_units(intro, group, a, organs) if organs else []
    if referenced:
        head = _holders(
            Group(group.article, intro[: CROSS_REFERENCE.search(intro).start()], group.line), a, None, executive
        )
        return list(dict.fromkeys([h for h in head if h[0] == "Unit"] + referenced))
    referred = _anaphora(intro, group.article, a)
    if referred:
        return [referred]
    heading = upper_ratio(intro) > 0.8 and intro.rstrip().endswith(":")
    # The sentence's subject is a known unit whose name has commas ("La Dirección de Control, Seguimiento
    # de Procesos y Atención a Víctimas, tiene …") or goes on to whom it answers ("… depende del
    # Comisario General y tiene …").
    subject_unit = _known_subject(intro, a)
    if subject_unit:
        return [("Unit", subject_unit)]
    for phrase in _holder_phrases(intro):
        plural = _plural_post(re.sub(r"^(?:los|las)\s+", "", phrase, flags=re.IGNORECASE), a)
        if plural:
            return plural
        if heading and not a.units.resolve_party(phrase):
            # "DE LAS ATRIBUCIONES DE PLANEACIÓN Y DESARROLLO:": a heading that names an area.
            name = a.units.strip_own_org(clean_name(phrase))
            if name_like(name):
                return [("Unit", a.units.define(name, group.line, described=True, listed=True))]
        longer = _known_name_at(phrase, intro, a)
        if longer:
            return [("Unit", longer)]
        parts = re.split(r"\s+y,?\s+en\s+ausencia\s+de\s+[ée]st[ae],?\s+(?:la\s+|el\s+)?", phrase, flags=re.IGNORECASE)
        holders = [h for h in (_resolve_holder(p, a, group.line, executive) for p in parts) if h]
        if holders:
            return holders
    # Anaphora and unnamed holders ("Esta área depende … y tiene las siguientes funciones:").
    for mention in a.units.find(intro):
        if mention.label == "Organization" and mention.target != a.organization:
            continue
        before = intro[: mention.start]
        # "será nombrado por el Director General, depende de la Gerencia …": who appoints it or whom it
        # answers to is not who holds the list.
        if re.search(r"\bpor\s+(?:el|la|los|las)?\s*$|\bdepend\w*\s+(?:\w+mente\s+)?(?:de\s+la|del|de)\s*$", before):
            continue
        if not re.search(r"(?:de\s+conformidad|previst|establecid|confier|otorg|reconocid)", before, re.IGNORECASE):
            return [(mention.label, mention.target)]
    if subject:
        return [("Unit", subject)]
    for heading in group.article.headings:
        unit = heading_unit(heading, a)
        if unit:
            return [("Unit", unit)]
    return []


def _known_name_at(phrase: str, intro: str, a: Assembly) -> str | None:
    """A holder phrase cut at a comma that a known unit's name goes on past ("Corresponde a la Dirección
    General de Distribución, Usos Finales de Energía Eléctrica y Vinculación Social, el ejercicio …")."""
    if a.units.resolve(phrase):
        return None
    at = intro.find(phrase)
    if at < 0:
        return None
    for mention in a.units.find(intro):
        if mention.label == "Unit" and mention.start == at and mention.end > at + len(phrase):
            return mention.target
    return None


_SUBJECT_VERB = re.compile(
    r"\s*,?\s*(?:(?:depende|depender[áa])\s+[^,:;]*?\s+y\s+|es\s+una?\s+[^,:;]*?\s+y\s+)?"
    r"(?:tiene|tendr[áa]|cuenta|contar[áa]|ejercer[áa]|desempe[ñn]ar[áa])\b"
)


def _known_subject(intro: str, a: Assembly) -> str | None:
    """The known unit an intro opens with ("La X tiene …", "La X, tiene …", "La X depende de Y y tiene …")."""
    head = re.match(r"^(?:La|El|Las|Los)\s+", intro)
    if not head:
        return None
    mentions = [m for m in a.units.find(intro[:200]) if m.label == "Unit" and m.start == head.end()]
    if not mentions:
        return None
    longest = max(mentions, key=lambda m: m.end)
    return longest.target if _SUBJECT_VERB.match(intro[longest.end :]) else None


def _previous_holders(group: Group, organs: Organs) -> list[tuple[str, str]]:
    """A list whose sentence names no holder, in the same chapter as the list before it, continues it
    ("Artículo 14. En sus funciones como Secretario del Cabildo tendrá …" after art. 13's Secretario)."""
    if not organs.power_groups:
        return []
    previous, holders = organs.power_groups[-1]
    if previous.article.heading != group.article.heading or previous.article is group.article:
        return []
    return [("Unit" if h in organs.units_seen else "Organization", h) for h in holders]


def _powers(group: Group, a: Assembly, organs: Organs, subject: str | None) -> None:
    known = a.units.count()
    holders = _holders(group, a, subject, organs.executive, organs) or _previous_holders(group, organs)
    if not holders:
        a.note(group.line, "power", f"a list of powers attached to no unit: {group.intro[:90]!r}")
        return
    for label, holder in holders:
        if label == "Unit":
            a.units.mark_described(holder)
            organs.units_seen.add(holder)
            # A unit first named by a list inside an article about another unit is part of it
            # ("Artículo 14. La Gerencia Operativa; Planeación … : DE LAS ATRIBUCIONES DE LA GERENCIA OPERATIVA:").
            if (
                a.units.defined_since(holder, known)
                and subject
                and subject != holder
                and group.intro != group.article.intro
            ):
                _place(a, organs, holder, subject, "Unit", group.line, group.article.provision, "text", ORG_LEVEL)
    organs.holders[_group_key(group)] = [h for _, h in holders]
    organs.power_groups.append((group, [h for _, h in holders]))
    _reports_to(group, [h for label, h in holders if label == "Unit"], a, organs)


def _headed_unit(post: str, a: Assembly) -> tuple[str, str] | None:
    """ "Jefe de Pavimentación", "la Jefatura de Atención Ciudadana": the one unit whose name goes on
    from the same words ("Departamento de Pavimentación", "… de Atención a la Ciudadanía e Informática")."""
    m = re.match(r"^(?:Jefe|Jefa|Jefatura)\s+(?:del?\s+)?(?:Departamento\s+)?(?P<rest>(?:de\s+|del\s+)?\S.*)$", post)
    if not m:
        return None
    words = _content_words(m.group("rest"))
    if not words:
        return None
    found = [
        u
        for u in a.units.ids()
        if kind_of(a.units.name(u)) and _content_words(a.units.name(u))[1 : 1 + len(words)] == words
    ]
    return ("Unit", found[0]) if len(found) == 1 else None


_FILLER = ("de", "del", "la", "el", "los", "las", "a", "y", "e")


def _content_words(name: str) -> list[str]:
    """The name's words that carry meaning, cut to five letters ("Ciudadanía" and "Ciudadana" agree)."""
    return [fold(w)[:5] for w in re.findall(r"[\wáéíóúñ]+", name) if fold(w) not in _FILLER]


def _reports_to(group: Group, holders: list[str], a: Assembly, organs: Organs) -> None:
    """ "… será nombrado por el Director General, depende directamente de la Gerencia de Finanzas y sus
    funciones serán:": the list's holder hangs from the unit (or the post's unit) it depends on."""
    found = first(REPORTS_TO, group.intro)
    if not found or len(holders) != 1:
        return
    to = clean_name(found[1].group("to"))
    party = a.units.resolve_party(to)
    if party is None:
        unit_name = post_to_unit_name(to)
        unit = a.units.resolve(unit_name) if unit_name else None
        party = ("Unit", unit) if unit else _headed_unit(to, a)
    if party and party[1] != holders[0]:
        _place(a, organs, holders[0], party[1], party[0], group.line, group.article.provision, "text", REPORTS_LEVEL)


def _class_powers(group: Group, a: Assembly, organs: Organs) -> None:
    phrase = _class_phrase(group.intro, a) or ""
    holders: list[str] = []
    classes: list[str] = []
    if CLASS_NOUNS.search(phrase):
        # "las unidades administrativas", "las dependencias, organismos o entidades": what the
        # organization's own structure lists (and sub-lists of "unidades administrativas") name.
        holders += [u for u in organs.top_level if u not in holders]
        holders += [u for u in a.units.ids() if a.units.listed_as(u) == "unidades administrativas" and u not in holders]
        phrase = CLASS_NOUNS.sub("", phrase)
        classes.append("unidades administrativas")
    for kind in dict.fromkeys(class_kinds(phrase) + _more_kinds(phrase)):
        holders += [u for u in a.units.of_kind(kind) if u not in holders]
        classes.append(kind)
    holders = [u for u in holders if u not in organs.governing]
    if not holders:
        a.note(group.line, "power", f"class-wide powers for {phrase!r} but the document has no such units")
        return
    organs.class_powers.append((group, holders, ",".join(classes)))


CLASS_NOUNS = re.compile(
    r"\bunidades\s+administrativas\b|\bdependencias\b|\bentidades\b|\borganismos\b|\b[óo]rganos\s+administrativos\b",
    re.IGNORECASE,
)


def _more_kinds(phrase: str) -> list[str]:
    """Every plural head in a class phrase ("…, Coordinaciones y Direcciones")."""
    out = []
    for word in re.findall(r"[\wáéíóúñÁÉÍÓÚÑ]+", phrase):
        singular = PLURAL_HEADS.get(fold(word))
        if singular:
            kind = kind_of(singular)
            if kind and kind not in out:
                out.append(kind)
    return out


_SUBJECT_END = re.compile(r"\b(?:contar[áa]n?|tendr[áa]n?|se\s+integrar[áa]n?|estar[áa]n?|ser[áa]n?|es\b)")


def _article_subject(art: Article, a: Assembly) -> str | None:
    """The unit an article is about, if its opening names one before its verb."""
    head = _SUBJECT_END.split(art.intro, maxsplit=1)[0]  # only the opening: the rest is not split
    for mention in a.units.find(head):
        if mention.label == "Unit":
            return mention.target
    for m in UNIT_PHRASE.finditer(head):
        unit = a.units.resolve(m.group(0))
        if unit:
            return unit
    for m in UNIT_PHRASE.finditer(art.intro):
        unit = a.units.resolve(m.group(0))
        if unit:
            return unit
    return None


# ----------------------------------------------------------------------------- units in sentences
def _areas(text: str, line: int, a: Assembly, organs: Organs) -> None:
    """ "… se auxiliará de los titulares de las áreas de A, de B; C; y D" → Área de A … under the unit."""
    m = AREAS.search(text)
    if not m:
        return
    owners = [x for x in a.units.find(text[: m.start()]) if x.label == "Unit"]
    if not owners:
        return
    owner = owners[-1].target
    noun = "Dirección" if re.search(r"direcciones\s+de", m.group(0), re.IGNORECASE) else "Área"
    for piece in re.split(r";\s*|,\s+de\s+|\s+y\s+de\s+", m.group("list")):
        name = re.sub(r"^(?:y|e)\s+|^de\s+", "", piece.strip(" ,"))
        if name:
            unit = a.units.define(
                f"{noun} de {name[0].upper()}{name[1:]}" if not name.lower().startswith("lo ") else f"{noun} de {name}",
                line,
            )
            _place(a, organs, unit, owner, "Unit", line, None, "text", UNIT_LEVEL)


NAMED_UNITS = re.compile(
    r"\b(?:contar[áa]n?|contara|cuenta[n]?|tendr[áa]n?)\s+con\s+(?:dos|tres|cuatro|cinco|seis|\d+)\s+"
    r"(?:unidades|[áa]reas|[óo]rganos|direcciones|coordinaciones)[^.:]{0,60}?\b(?:que\s+ser[áa]n|denominad[oa]s|a\s+saber)"
    r"\s*:?\s+(?P<list>[^.]+)",
    re.IGNORECASE,
)
# "La Unidad … estará integrada por dos áreas, una de integración y una de instrucción."
AREAS_BY_ONE = re.compile(
    r"\b(?:estar[áa]\s+integrad[oa]|se\s+integrar[áa]|contar[áa]\s+con)\s+(?:por\s+)?(?:dos|tres|cuatro|cinco)\s+"
    r"(?P<noun>[áa]reas|departamentos|coordinaciones|oficinas)\s*,\s*(?P<list>(?:una?\s+de\s+[^,.;]+?)"
    r"(?:\s*(?:,|\s+y)\s+una?\s+de\s+[^,.;]+?)+)\s*[.;]",
    re.IGNORECASE,
)


def _named_units(text: str, line: int, a: Assembly, organization: str, organs: Organs) -> None:
    """ "La Secretaría contará con dos unidades auxiliares que serán la Secretaría Técnica y la
    Coordinación General Jurídica": units under the sentence's subject."""
    m = NAMED_UNITS.search(text)
    if not m:
        return
    party = _intro_party(text[: m.start()] + " contará con:", a)
    label, parent = party if party else ("Organization", organization)
    if label == "Organization" and parent == organization:
        parent, label = _org_head(a, organization, organs)
    for piece in re.split(r",\s*|\s+y\s+(?=(?:la|el|las|los)\s)", m.group("list")):
        name = clean_name(piece)
        if kind_of(name) and unit_like(name):
            unit = a.units.define(name, line, listed=True)
            _place(a, organs, unit, parent, label, line, None, "text", ORG_LEVEL)


_NOUN_HEADS = {
    "areas": "Área",
    "departamentos": "Departamento",
    "coordinaciones": "Coordinación",
    "oficinas": "Oficina",
}


def _areas_by_one(text: str, line: int, a: Assembly, organs: Organs) -> None:
    """ "La Unidad … estará integrada por dos áreas, una de integración y una de instrucción": Área de
    Integración and Área de Instrucción, under the sentence's unit."""
    m = AREAS_BY_ONE.search(text)
    if not m:
        return
    owners = [x for x in a.units.find(text[: m.start()]) if x.label == "Unit"]
    if not owners:
        return
    head = _NOUN_HEADS[fold(m.group("noun"))]
    for piece in re.split(r"\s*(?:,|\s+y)\s+(?=una?\s+de\s)", m.group("list")):
        rest = re.sub(r"^una?\s+de\s+", "", piece.strip(), flags=re.IGNORECASE)
        if rest:
            unit = a.units.define(f"{head} de {rest[0].upper()}{rest[1:]}", line, listed=True)
            _place(a, organs, unit, owners[-1].target, "Unit", line, None, "text", UNIT_LEVEL)


IN_CHARGE_OF_A_TITULAR = re.compile(
    r"^(?:El|La)\s+(?P<x>[\wáéíóúñ]+(?:\s+[\wáéíóúñ]+){0,4}?)\s+estar[áa]\s+a\s+cargo\s+de\s+(?:un|una)\s+"
    r"(?:persona\s+)?titular\b",
    re.IGNORECASE,
)


def _collegiate_body(art: Article, a: Assembly, organization: str, organs: Organs) -> None:
    """ "CAPÍTULO II / Del Consejo de Tutores / Artículo 168. El Consejo de Tutores está integrado por …":
    a board the document sets up and composes is one of the organization's bodies."""
    heading = _HEADING_UNIT.match(art.heading or "")
    if not heading:
        return
    name = clean_name(heading.group("name"))
    if not fold(name).startswith(COLLEGIATE_HEADS) or len(name.split()) < 3 or a.units.resolve_party(name):
        return
    if not re.match(
        rf"^(?:El|La)\s+{re.escape(name)}\s+(?:est[áa]\s+integrad|se\s+integra|se\s+compone|estar[áa]\s+integrad)",
        art.intro,
        re.IGNORECASE,
    ):
        return
    unit = a.units.define(name, art.node.line_start, described=True, any_name=True)
    _place(a, organs, unit, organization, "Organization", art.node.line_start, art.provision, "text", ORG_LEVEL)


def _in_charge_of_a_titular(art: Article, a: Assembly, organization: str, organs: Organs) -> None:
    """ "CAPÍTULO SEXTO / DEL VOLUNTARIADO … Artículo 39.- El voluntariado estará a cargo de un titular
    que tendrá …": what the chapter is about and has a titular is a unit of the organization."""
    m = IN_CHARGE_OF_A_TITULAR.match(art.intro)
    if not m or a.units.resolve(m.group("x")) or a.units.resolve_party(m.group("x")):
        return
    words = fold(m.group("x")).split()
    if not any(words[-1] in fold(h).split() for h in art.headings):
        return  # "El programa estará a cargo de un titular": no heading says it is a part of the body
    name = m.group("x")[:1].upper() + m.group("x")[1:]
    unit = a.units.define(name, art.node.line_start, described=True, any_name=True)
    parent, label = _org_head(a, organization, organs)
    _place(a, organs, unit, parent, label, art.node.line_start, art.provision, "text", ORG_LEVEL)


# "… de la Subdirección de Ingresos y Jefes de Departamento que integran la Dirección de Ingresos …"
INTEGRATE = re.compile(
    rf"\b(?:la|el|las|los)\s+(?P<list>[A-ZÁÉÍÓÚÑ][^,;.:]*?)\s+que\s+(?:integran?|conforman?)\s+(?:a\s+)?(?:la|el)\s+"
    rf"(?P<owner>{UNIT_PHRASE.pattern})"
)


def _integrating(text: str, line: int, a: Assembly, organs: Organs) -> None:
    """Units a sentence says make up another ("… que integran la Dirección de Ingresos") are its own."""
    for m in INTEGRATE.finditer(text):
        owner = a.units.resolve(m.group("owner"))
        if owner is None:
            continue
        for piece in re.split(r",\s*|\s+y\s+", m.group("list")):
            name = clean_name(piece)
            if unit_like(name) and kind_of(name) and not a.units.resolve(name):
                unit = a.units.define(name, line)
                _place(a, organs, unit, owner, "Unit", line, None, "text", ORG_LEVEL)


def _has_unit(text: str, line: int, a: Assembly, organs: Organs, previous: str = "") -> None:
    """ "La Dirección X tendrá una Coordinación Y", "El Centro contará además con una o un Subdirector
    Técnico", "este órgano podrá contar con un Presidente Honorario" (``previous``: the paragraph
    before, whose subject "esta unidad" may be)."""
    if not _HAS_UNIT_VERB.search(text):
        return  # (the full pattern backtracks over every position of a long text)
    for m in _has_unit_matches(text):
        owner_text = m.group("owner")
        name = clean_name(m.group("unit"))
        name = name if unit_like(name) else post_to_unit_name(name) or ""  # "una o un Subdirector Técnico"
        if not unit_like(name):
            continue
        owners = [mm for mm in UNIT_PHRASE.finditer(owner_text) if a.units.resolve(mm.group(0))]
        owner = a.units.resolve(owners[-1].group(0)) if owners else None
        if owner is None and re.search(
            r"\b(?:este|esta)\s+(?:[óo]rgano|unidad|[áa]rea|junta|consejo)\b", owner_text, re.I
        ):
            # "… la Junta de Gobierno; de igual modo, este órgano podrá contar con un Presidente Honorario"
            before = [x for x in a.units.find(text[: m.start("owner")]) if x.label == "Unit"]
            subject = [x for x in a.units.find(previous) if x.label == "Unit"][:1]
            owner = before[-1].target if before else subject[0].target if subject else None
        # "La Comisión debe ser dirigida … por una Dirección General y cuenta con un Comité Técnico": the
        # sentence's subject is the body, whatever units its clauses name.
        subject = re.match(r"^\s*(?:La|El)\s+([A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)\b(?!\s+(?:de|del)\s)", owner_text)
        if subject and a.units.resolve_org(subject.group(1)) and not a.units.resolve(subject.group(1)):
            owner = None
            org = a.units.resolve_org(subject.group(1))
        else:
            org = a.units.resolve_org(owner_text.split()[-1]) if not owner and owner_text.split() else None
        existing = a.units.resolve(name)
        unit = existing or a.units.define(name, line)
        if existing and unit in organs.placement:
            continue
        if owner:
            _place(a, organs, unit, owner, "Unit", line, None, "text", ORG_LEVEL)
        elif org and organs.executive and organs.executive != unit and not _answers_to_the_body(a.units.name(unit)):
            # "El Centro contará además con una o un Subdirector Técnico": under the body's head
            _place(a, organs, unit, organs.executive, "Unit", line, None, "text", ORG_LEVEL)
        elif org:
            _place(a, organs, unit, org, "Organization", line, None, "text", ORG_LEVEL)


def is_powers_article(intro: str) -> bool:
    """ "Son facultades … de la X:", "La X tendrá las siguientes atribuciones:", "Corresponde a la X:"."""
    return intro.rstrip().endswith(":") and any_of(POWER_INTROS, intro) and not NOT_POWERS.search(intro)
