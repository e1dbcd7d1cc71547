"""Statute structure: cleaned lines → zones → a tree of provisions with their annotations.

Stages and what each guarantees:

* ``zones``: the leading índice (if any) is set apart and never read as body; the body ends at
  the first "TRANSITORIOS" heading; amendment decrees appended after it ("ADICIÓN AL …",
  "MODIFICACIÓN AL …", "NOTA ACLARATORIA …", "DECRETO …") are zones of their own.
* ``classify``: every body line is one of blank, annotation, heading, article, fracción, inciso,
  numeral, apartado, item (a list bullet whose numeral was lost), continuation, paragraph.
* ``build``: the tree follows the genre's nesting (título › capítulo › sección › artículo ›
  párrafo/fracción › inciso › numeral); a lowercase line continues the previous provision (text
  resumed after a page break); annotations attach to the provision they follow, at the level
  they name.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from loaders.dates import find_dates, first_date, parse_numeric
from loaders.numbering import (
    ARTICLE_NUMBER_RE,
    ORDINAL_RE,
    article_sort_key,
    canonical_article_number,
    int_to_roman,
    is_roman,
    ordinal_to_int,
    roman_to_int,
)
from loaders.text import Line, upper_ratio
from orggraph.folding import fold

# ----------------------------------------------------------------------------- patterns
# "Artículo 5.-", "ARTÍCULO 5o.", "Art. 5", "Artículo 1°.-", and the sources' own misspellings of the
# word ("Atículo", "Arftículo", "Articulo"): the number and its punctuation are what make a start.
ARTICLE = re.compile(
    rf"^(?:ART[ÍI]CULO|A[a-zñ]{{0,3}}t[íìi]culo|Art\.)\s+(?P<num>{ARTICLE_NUMBER_RE})\s*"
    rf"(?:\.\s*-|\.-|-\s*\.|-|–|\.|:)\s*(?P<text>.*)$"  # "ARTÍCULO 46-. El puesto …" too
)
ARTICLE_WORD = re.compile(
    rf"^(?:ART[ÍI]CULO\s+)?(?P<num>{ORDINAL_RE})\s*(?:\.\s*-|\.-|-|–|\.|:)\s*(?P<text>.*)$", re.IGNORECASE
)
TITULO = re.compile(rf"^T[ÍI]TULO\s+(?P<num>{ORDINAL_RE}|[IVXLC]+)\b\.?\s*(?P<rest>.*)$", re.IGNORECASE)
CAPITULO = re.compile(rf"^CAP[ÍI]TULO\s+(?P<num>[IVXLC]+|{ORDINAL_RE})\b\.?\s*(?P<rest>.*)$", re.IGNORECASE)
SECCION = re.compile(rf"^SECCI[ÓO]N\s+(?P<num>{ORDINAL_RE}|[IVXLC]+)\b\.?\s*(?P<rest>.*)$", re.IGNORECASE)
INDICE = re.compile(r"^[ÍI]NDICE(?:\s+GENERAL)?\.?$", re.IGNORECASE)
TRANSITORIOS = re.compile(r"^(?:ART[ÍI]CULOS?\s+)?TRANSITORIOS?\s*[.:]?$", re.IGNORECASE)  # "ARTÍCULOS TRANSITORIOS:"
DECREE = re.compile(
    r"^(?:ADICI[ÓO]N|ADICIONES|MODIFICACI[ÓO]N|MODIFICACIONES|REFORMA|REFORMAS|NOTA ACLARATORIA|"
    r"FE DE ERRATAS|DECRETO|ACUERDO)\b"
)
# "XI (sic). Realizar …": the editor's "(sic)" after a number the original skipped to.
# "IX- Responder …", "VIII-Publicar …": a hyphen alone, before a capital, ends the number too.
FRACTION = re.compile(
    r"^(?P<num>[IVXLC]{1,12}|L)\s*(?:\((?:sic|SIC)\)\s*)?(?:[.)]\s*(?:-\s*)?|-\s*(?=[A-ZÁÉÍÓÚÑ]))(?P<text>\S.*)?$"
)
# "I.1 Dirección General de …", "II.3. …": the numbered sub-items of fracción I, II (federal reglamentos).
SUB_FRACTION = re.compile(r"^(?P<fraction>[IVXLC]{1,8})\.(?P<num>\d{1,2})\.?\s+(?P<text>\S.*)$")
INCISO = re.compile(r"^(?P<num>[a-zñ])\s*(?:\)\s*\.?\s*-?\s*|\.\s*-\s*|\.\s+)(?P<text>\S.*)$")
NUMERAL = re.compile(r"^(?P<num>\d{1,2})\s*[.)]\s+(?P<text>\S.*)$")
APARTADO = re.compile(r"^(?:Apartado\s+)?(?P<num>[A-H])\s*[.)]\s+(?P<text>\S.*)$")
_KIND_WORDS = (
    r"(?:Fracci[óo]n|Fracciones|Art[íi]culo|Art[íi]culos|P[áa]rrafo|P[áa]rrafos|Secci[óo]n|T[íi]tulo|Cap[íi]tulo|"
    r"Inciso|Incisos|Numeral|Apartado|Denominaci[óo]n|[ÍI]ndice)"
)
ANNOTATION = re.compile(
    rf"(?P<scope>{_KIND_WORDS})\s+(?P<verb>adicionad[oa]s?|modificad[oa]s?|reformad[oa]s?|derogad[oa]s?|reubicad[oa]s?)"
    rf"\s+(?P<auth>DOF|[A-Z]{{2,6}})\s+(?P<date>\d{{1,2}}-\d{{1,2}}-\d{{4}})"
    rf"|(?P<clar>Aclaraci[óo]n|Fe de erratas)\s+(?P<auth2>DOF|[A-Z]{{2,6}})\s+(?P<date2>\d{{1,2}}-\d{{1,2}}-\d{{4}})",
    re.IGNORECASE,
)
ANNOTATION_LINE = re.compile(rf"^(?:(?:{ANNOTATION.pattern})\s*)+$", re.IGNORECASE)
DEROGATED = re.compile(r"^\(?\s*(?:Se\s+deroga|Derogad[oa]s?)\s*[.;,]?\s*\)?\s*[.;,]?\s*(?:y|e)?$", re.IGNORECASE)
# Reform notes in parentheses, as state and municipal gazettes print them, on their own lines or glued
# to an item: "( REFORMADO, P.O 25 DE SEPTIEMBRE DE 2018)", "(Esta reforma fue aprobada en la sesión …
# y publicada … el 27 de septiembre de 2018.)", "(Reformas aprobadas en sesión ordinaria …)".
REFORM_NOTE = re.compile(
    r"""\(\s*(?=
        (?:REFORMAD|ADICIONAD|DEROGAD|MODIFICAD|F\.\s*DE\s*E|FE\s+DE\s+ERRATAS|NOTA\b)
      | (?:Reforma|Reformad|Adicionad|Derogad|Modificad|Esta\s+reforma|Estas\s+reformas|Fe\s+de\s+erratas)
    )""",
    re.VERBOSE,
)
REFORM_KINDS = (("adicion", "added"), ("derog", "derogated"), ("erratas", "clarified"), ("f. de e", "clarified"))

ANNOTATION_KINDS = {
    "adicionad": "added",
    "modificad": "modified",
    "reformad": "modified",
    "derogad": "derogated",
    "reubicad": "relocated",
    "aclaraci": "clarified",
    "fe de erratas": "clarified",
}
SCOPES = {
    "fraccion": "fraccion",
    "fracciones": "fraccion",
    "articulo": "articulo",
    "articulos": "articulo",
    "parrafo": "parrafo",
    "parrafos": "parrafo",
    "seccion": "seccion",
    "titulo": "titulo",
    "capitulo": "capitulo",
    "inciso": "inciso",
    "incisos": "inciso",
    "numeral": "numeral",
    "apartado": "apartado",
    "denominacion": "seccion",
    "indice": "indice",
}


@dataclass
class Annotation:
    kind: str  # added, modified, derogated, relocated, clarified
    scope: str | None  # fraccion, articulo, parrafo, … ; None: the provision it follows
    authority: str
    date_text: str
    line: int

    @property
    def date(self):
        return parse_numeric(self.date_text) or first_date(self.date_text)


def parse_annotations(text: str, line: int) -> list[Annotation]:
    found = []
    for m in ANNOTATION.finditer(text):
        if m.group("clar"):
            verb = fold(m.group("clar"))
            kind = "clarified"
            found.append(Annotation(kind, None, m.group("auth2").upper(), m.group("date2"), line))
            continue
        verb = fold(m.group("verb"))
        kind = next(v for k, v in ANNOTATION_KINDS.items() if verb.startswith(k))
        scope = SCOPES.get(fold(m.group("scope")))
        found.append(Annotation(kind, scope, m.group("auth").upper(), m.group("date"), line))
    return found


def _gazette(text: str) -> str:
    """The authority a reform note names: DOF, a state's Periódico Oficial (PO), a municipal Gaceta."""
    folded = fold(text)
    if "diario oficial" in folded or re.search(r"\bdof\b", folded):
        return "DOF"
    if "gaceta" in folded:
        return "GM"
    if re.search(r"\bp\.?\s*[op]\b|periodico oficial", folded):
        return "PO"
    return "NOTE"


def reform_note(text: str, line: int) -> Annotation:
    folded = fold(text)
    kind = next((k for word, k in REFORM_KINDS if word in folded), "modified")
    dates = find_dates(text)
    date_text = dates[-1].value.strftime("%d-%m-%Y") if dates else ""
    return Annotation(kind, None, _gazette(text), date_text, line)


def lift_reform_notes(lines: list[Line]) -> tuple[list[Line], dict[int, list[tuple[bool, Annotation]]]]:
    """Cut parenthesised reform notes out of the text (they may run over several lines).

    Returns the lines without them and, per line index, the notes found there with whether each came
    *before* the rest of its line ("(ADICIONADO …) VII. Unidad de …": the note precedes the item)."""
    out = list(lines)
    notes: dict[int, list[tuple[bool, Annotation]]] = {}
    i = 0
    while i < len(out):
        text = out[i].text
        m = REFORM_NOTE.search(text)
        if not m:
            i += 1
            continue
        depth, j, k, span = 0, i, m.start(), []
        # Find the closing parenthesis, at most 8 lines on.
        while j < len(out) and j <= i + 8:
            piece = out[j].text
            while k < len(piece):
                ch = piece[k]
                depth += ch == "("
                depth -= ch == ")"
                k += 1
                if depth == 0:
                    break
            span.append((j, piece[(m.start() if j == i else 0) : k]))
            if depth == 0:
                break
            j, k = j + 1, 0
        if depth != 0:
            i += 1
            continue
        before = text[: m.start()].strip()
        note = reform_note(" ".join(p for _, p in span), out[i].number)
        notes.setdefault(i, []).append((not before, note))
        for index, _ in span:
            piece = out[index].text
            if index == i and index == j:
                rest = (piece[: m.start()] + " " + piece[k:]).strip()
            elif index == i:
                rest = piece[: m.start()].strip()
            elif index == j:
                rest = piece[k:].strip()
            else:
                rest = ""
            out[index] = replace(out[index], text=re.sub(r"\s+", " ", rest))
        i = i if out[i].text and REFORM_NOTE.search(out[i].text) else i + 1
    return out, notes


# ----------------------------------------------------------------------------- tree
@dataclass
class Node:
    kind: str
    number: str | None
    line_start: int
    text: str = ""
    heading: str | None = None
    line_end: int = 0
    children: list[Node] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)
    annotations: list[Annotation] = field(default_factory=list)
    number_inferred: bool = False
    zone: str = "body"
    bullet: bool = False  # the item came from a bullet line
    source: list[tuple[int, str]] = field(default_factory=list)  # the source lines its text came from

    def __post_init__(self) -> None:
        self.line_end = self.line_end or self.line_start
        if self.text and not self.source:
            self.source = [(self.line_start, self.text)]

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        return child

    def append_text(self, text: str, line: int) -> None:
        self.text = f"{self.text} {text}".strip() if self.text else text
        self.source.append((line, text))
        self.extend_to(line)

    def extend_to(self, line: int) -> None:
        node: Node | None = self
        while node is not None and node.line_end < line:
            node.line_end = line
            node = node.parent

    @property
    def derogated(self) -> bool:
        return bool(DEROGATED.match(self.text.strip())) or any(a.kind == "derogated" for a in self.annotations)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, kind: str) -> list[Node]:
        return [n for n in self.walk() if n.kind == kind]


@dataclass
class Zones:
    front: list[Line]
    index: list[Line]
    body: list[Line]
    transitory: list[Line]
    decrees: list[list[Line]]


@dataclass
class Classified:
    kind: str
    line: Line
    number: str | None = None
    text: str = ""
    annotations: list[Annotation] = field(default_factory=list)


def _is_heading_line(text: str) -> bool:
    return bool(TITULO.match(text) or CAPITULO.match(text) or SECCION.match(text))


def _heading_like(text: str) -> bool:
    """The name line under "CAPÍTULO I" or "Sección Segunda": in capitals, or a short title
    ("Disposiciones Generales", "De la Unidad de Vigilancia en Espacios Recreativos y Deportivos")."""
    if upper_ratio(text) > 0.8:
        return True
    if len(text) > 130 or text.rstrip().endswith((":", ";", ",")):
        return False
    if re.match(r"^(?:De|Del|De\s+la|De\s+las|De\s+los)\s+[A-ZÁÉÍÓÚÑ]", text):
        return True
    words = [
        w for w in text.split() if w.lower() not in {"de", "del", "la", "las", "los", "el", "y", "e", "a", "en", "para"}
    ]
    return 0 < len(words) <= 8 and all(w[:1].isupper() for w in words)


def first_article_index(lines: list[Line]) -> int | None:
    for i, ln in enumerate(lines):
        m = ARTICLE.match(ln.text)
        if m and canonical_article_number(m.group("num")) == "1":
            return i
    for i, ln in enumerate(lines):
        if ARTICLE.match(ln.text):
            return i
    return None


def split_zones(lines: list[Line]) -> Zones:
    first = first_article_index(lines)
    if first is None:
        return Zones(front=lines, index=[], body=[], transitory=[], decrees=[])
    # Walk back over the heading block that opens the body: at most one sección, one capítulo and
    # one título, in rising rank (an índice above it repeats headings, so the walk stops there).
    rank = {"seccion": 1, "capitulo": 2, "titulo": 3}
    start, reached, i = first, 0, first - 1
    while i >= 0:
        text = lines[i].text
        kind = next(
            (k for k, p in (("titulo", TITULO), ("capitulo", CAPITULO), ("seccion", SECCION)) if p.match(text)), None
        )
        if kind is not None:
            if rank[kind] <= reached:
                break
            reached, start = rank[kind], i
        elif text and not ANNOTATION_LINE.match(text) and not (upper_ratio(text) > 0.85 and len(text) < 160):
            break
        i -= 1
    index_at = next((k for k in range(0, start) if INDICE.match(lines[k].text)), None)
    front = lines[: index_at if index_at is not None else start]
    index = lines[index_at:start] if index_at is not None else []
    rest = lines[start:]
    end = next((k for k, ln in enumerate(rest) if TRANSITORIOS.match(ln.text)), len(rest))
    body, after = rest[:end], rest[end:]
    decree_starts = [k for k, ln in enumerate(after) if k > 0 and DECREE.match(ln.text) and upper_ratio(ln.text) > 0.8]
    transitory = after[: decree_starts[0]] if decree_starts else after
    ends = [*decree_starts[1:], len(after)] if decree_starts else []
    decrees = [after[a:b] for a, b in zip(decree_starts, ends, strict=True)]
    return Zones(front, index, body, transitory, decrees)


def classify(line: Line) -> Classified:
    text = line.text
    if not text:
        return Classified("blank", line)
    if ANNOTATION_LINE.match(text):
        return Classified("annotation", line, annotations=parse_annotations(text, line.number))
    for kind, pattern in (("titulo", TITULO), ("capitulo", CAPITULO), ("seccion", SECCION)):
        m = pattern.match(text)
        # "CAPÍTULO V …", or a line that is only "Sección Primera" / "Capítulo Quinto": a heading, not
        # a sentence that begins with the word.
        if m and (upper_ratio(text[: m.end("num")]) > 0.6 or not m.group("rest").strip(" .:-")):
            return Classified(kind, line, m.group("num"), m.group("rest").strip())
    m = ARTICLE.match(text)
    if m:
        return Classified("articulo", line, canonical_article_number(m.group("num")), m.group("text").strip())
    m = SUB_FRACTION.match(text)
    if m and is_roman(m.group("fraction")):
        return Classified("numeral", line, m.group("num"), m.group("text").strip())
    m = FRACTION.match(text)
    if m and m.group("text") and (is_roman(m.group("num")) or m.group("num") == "L"):
        return Classified("fraccion", line, m.group("num"), m.group("text").strip())
    m = INCISO.match(text)
    if m:
        return Classified("inciso", line, m.group("num"), m.group("text").strip())
    m = NUMERAL.match(text)
    if m:
        return Classified("numeral", line, m.group("num"), m.group("text").strip())
    m = APARTADO.match(text)
    if m and not line.bullet:
        return Classified("apartado", line, m.group("num"), m.group("text").strip())
    starts_lower = text[:1].islower()
    if line.bullet:
        if starts_lower:
            return Classified("continuation", line, text=text)
        return Classified("subparagraph" if line.indented else "item", line, text=text)
    if starts_lower:
        return Classified("continuation", line, text=text)
    return Classified("paragraph", line, text=text)


LIST_LEVELS = ("apartado", "fraccion", "inciso", "numeral")


def _last_of(parent: Node, kind: str) -> Node | None:
    """The parent's last child of ``kind``, looked for from the end: a list's previous item is most often
    its parent's last child, where gathering every item of the kind cost a pass over a long list per item."""
    for child in reversed(parent.children):
        if child.kind == kind:
            return child
    return None


_SIC = re.compile(r"^\w{1,7}\s*\((?:sic|SIC)\)")
FIRST_NUMBER = {"apartado": "A", "fraccion": "I", "inciso": "a", "numeral": "1"}


def wrap_width(lines: list[Line]) -> int | None:
    """How wide the source's hard-wrapped lines are, or None when paragraphs are not wrapped (one line
    each, as in web and DOF text): a line much shorter than this width ended its paragraph."""
    lengths = sorted(len(ln.raw.rstrip()) for ln in lines if ln.text)
    if not lengths:
        return None
    median = lengths[len(lengths) // 2]
    if median > 160:
        return None
    return lengths[int(len(lengths) * 0.9)]


class TreeBuilder:
    """Folds classified body lines into a provision tree."""

    def __init__(self, root: Node, width: int | None = None) -> None:
        self.root = root
        self.width = width
        self.titulo: Node | None = None
        self.capitulo: Node | None = None
        self.seccion: Node | None = None
        self.article: Node | None = None
        self.owner: Node | None = None  # what the open lists hang from: the article, or a párrafo that restarts one
        self.items: dict[str, Node] = {}  # the open item at each list level
        self.last: Node = root  # the provision a continuation or annotation belongs to
        self.pending_heading: Node | None = None
        self.previous_blank = True
        self.previous_line: Line | None = None
        self.warnings: list[tuple[int, str]] = []

    # -------------------------------------------------------------- containers
    def _container(self) -> Node:
        return self.seccion or self.capitulo or self.titulo or self.root

    def heading(self, c: Classified) -> None:
        node = Node(c.kind, c.number.upper() if c.number else None, c.line.number)
        rest = c.text
        if c.kind == "titulo":
            # "TÍTULO CUARTO DE LA VIGILANCIA … CAPÍTULO I DE LA …" on one line.
            split = re.search(r"\bCAP[ÍI]TULO\s+", rest)
            chapter_text = rest[split.start() :] if split else None
            rest = rest[: split.start()].strip() if split else rest
            node.heading = rest or None
            self.titulo = self.root.add(node)
            self.capitulo = self.seccion = None
            self._close_article()
            self.pending_heading = node if not rest else None
            if chapter_text:
                self.heading(classify(Line(c.line.number, c.line.raw, chapter_text)))
            return
        node.heading = rest or None
        if c.kind == "capitulo":
            self.capitulo = (self.titulo or self.root).add(node)
            self.seccion = None
        else:
            self.seccion = (self.capitulo or self.titulo or self.root).add(node)
        self._close_article()
        self.pending_heading = node if not rest else None

    def _close_article(self) -> None:
        self.article = None
        self.owner = None
        self.items = {}
        self.last = self._container()

    # -------------------------------------------------------------- articles and lists
    def article_start(self, c: Classified) -> None:
        self.pending_heading = None
        node = Node("articulo", c.number, c.line.number, text=c.text)
        self.article = self._container().add(node)
        self.owner = node
        self.items = {}
        self.last = node

    def _cross_reference(self, c: Classified) -> bool:
        """ "… en la fracción VIII del / Artículo 14°. …": an earlier article's number at the start of a
        line that goes on from an unfinished sentence is a reference, not a new article."""
        previous = self.previous_line
        if self.article is None or previous is None or self.previous_blank:
            return False
        unfinished = not re.search(r"[.:;]\s*$", previous.text)
        try:
            earlier = article_sort_key(c.number or "") <= article_sort_key(self.article.number or "")
        except (ValueError, IndexError):
            earlier = False
        return unfinished and earlier

    def in_sequence(self, c: Classified) -> bool:
        """A numbered line starts an item only where its number can: the first of a list, the next one
        (or one skipped), or a sub-list's first. Otherwise it is text ("C. Presidente", "2018. Se …")."""
        if self.article is None:
            return False
        number = c.number or ""
        level = c.kind
        if level == "fraccion" and number == "L":
            return True
        if number == FIRST_NUMBER[level] or (level == "inciso" and number in ("a", "A")):
            return True
        parent = self._parent_for(level)
        previous = _last_of(parent, level)
        if previous is None:
            # A list may open on a later number after a page break lost the first; accept at the top level.
            return level == "fraccion" and parent is self.owner and is_roman(number) and roman_to_int(number) <= 3
        last = previous.number or ""
        try:
            if level == "fraccion":
                step = roman_to_int(number.upper()) - roman_to_int(last)
            elif level == "numeral":
                step = int(number) - int(last)
            else:
                step = ord(number.lower()[0]) - ord(last.lower()[0])
        except ValueError:
            return False
        if 0 <= step <= 3:
            return True
        # A longer jump, when the editor vouches for it: "VII (sic). …".
        return step > 0 and _SIC.match(c.line.text) is not None

    def list_item(self, c: Classified) -> None:
        if self.article is None:
            self.warnings.append((c.line.number, f"list item {c.number} outside any article; kept as text"))
            self.paragraph(Classified("paragraph", c.line, text=c.line.text))
            return
        level = c.kind
        number = c.number or ""
        if level == "fraccion":
            number = self._fraction_number(number, c.line.number)
        parent = self._parent_for(level)
        # A list that starts again after a párrafo ("DE LAS ATRIBUCIONES DE LA GERENCIA X:" I. … ) is
        # that párrafo's own list.
        last_child = self.owner.children[-1] if self.owner and self.owner.children else None
        if (
            parent is self.owner
            and number == FIRST_NUMBER[level]
            and last_child is not None
            and last_child.kind == "parrafo"
            and any(n.kind == level for n in self.owner.children)
        ):
            self.owner = parent = last_child
            self.items = {}
        expected = self._expected(level, parent)
        node = Node(level, number, c.line.number, text=c.text, bullet=c.line.bullet)
        if expected is not None and number != expected:
            self.warnings.append((c.line.number, f"{level} {number} where {expected} was expected"))
        parent.add(node)
        self.items[level] = node
        for deeper in LIST_LEVELS[LIST_LEVELS.index(level) + 1 :]:
            self.items.pop(deeper, None)
        self.last = node

    def _fraction_number(self, number: str, line: int) -> str:
        expected = self._expected("fraccion", self._parent_for("fraccion"))
        if number == "L" and expected == "I":  # OCR reads "I." as "L."
            self.warnings.append((line, "fracción 'L.' read as 'I.' (first of its list)"))
            return "I"
        return number.upper()

    def _parent_for(self, level: str) -> Node:
        assert self.owner is not None
        for upper in reversed(LIST_LEVELS[: LIST_LEVELS.index(level)]):
            if upper in self.items:
                return self.items[upper]
        return self.owner

    def _expected(self, level: str, parent: Node) -> str | None:
        previous = _last_of(parent, level)
        if level == "fraccion":
            if previous is None:
                return "I"
            try:
                return int_to_roman(roman_to_int(previous.number or "") + 1)
            except ValueError:
                return None
        if level == "inciso":
            return "a" if previous is None else None
        if level == "numeral":
            try:
                return "1" if previous is None else str(int(previous.number or 0) + 1)
            except ValueError:
                return None
        if level == "apartado":
            return "A" if previous is None else chr(ord(previous.number or "@") + 1)
        return None

    def unnumbered_item(self, c: Classified) -> None:
        """A bulleted item: the next of a bulleted list, a numbered item whose numeral was lost in
        extraction, or a sub-item of the numbered item above it."""
        if self.article is None:
            self.paragraph(c)
            return
        level = next((lv for lv in reversed(LIST_LEVELS) if lv in self.items), None)
        open_item = self.items.get(level) if level else None
        if open_item is not None and not open_item.bullet and level != "numeral":
            # Bullets under a numbered item are its sub-items.
            level = LIST_LEVELS[LIST_LEVELS.index(level) + 1]
        elif level is None:
            intro = self.last.text if self.last is not None else ""
            intro_announces_list = intro.rstrip().endswith(":") or bool(re.search(r"\bsiguientes?\b[^.]*$", intro))
            if not intro_announces_list:
                self.paragraph(c)
                return
            level = "fraccion"
        parent = self._parent_for(level)
        number = self._expected(level, parent)
        if number is None:
            self.paragraph(c)
            return
        node = Node(level, number, c.line.number, text=c.text, number_inferred=True, bullet=True)
        siblings = [n for n in parent.children if n.kind == level]
        if any(not n.bullet for n in siblings):  # a bullet among numbered items: its numeral was lost
            self.warnings.append((c.line.number, f"{level} without its numeral; numbered {number} from its place"))
        parent.add(node)
        self.items[level] = node
        for deeper in LIST_LEVELS[LIST_LEVELS.index(level) + 1 :]:
            self.items.pop(deeper, None)
        self.last = node

    def subparagraph(self, c: Classified) -> None:
        open_level = next((lv for lv in reversed(LIST_LEVELS) if lv in self.items), None)
        owner = self.items[open_level] if open_level else self.article
        if owner is None:
            self.paragraph(c)
            return
        index = 1 + sum(1 for n in owner.children if n.kind == "parrafo")
        node = owner.add(Node("parrafo", str(index), c.line.number, text=c.text))
        self.last = node

    def _paragraph_ended(self, text: str = "") -> bool:
        """Did the previous line end its paragraph? A blank line, or a sentence end on a line that is
        short for the source's wrap width (or any line, in a source that does not wrap); a colon at
        the wrap width before a capital announces what follows ("… las siguientes áreas:" /
        "División de Operaciones …")."""
        if self.previous_blank or self.previous_line is None:
            return True
        previous = self.previous_line
        if not re.search(r"[.:;]\s*$", previous.text):
            return False
        if previous.text.rstrip().endswith(":") and text[:1].isupper():
            return True
        if self.width is None:
            return True
        return len(previous.raw.rstrip()) < 0.8 * self.width

    def _broken_by_page(self) -> bool:
        previous = self.previous_line
        return (
            self.previous_blank
            and previous is not None
            and bool(
                re.search(
                    r",\s*$|\b(?:de|del|la|las|los|el|en|con|para|por|a|al|que|y|e|o|u|se|su|sus|lo)\s*$", previous.text
                )
            )
        )

    def paragraph(self, c: Classified) -> None:
        if self.pending_heading is not None and _heading_like(c.text):
            self.pending_heading.heading = f"{self.pending_heading.heading or ''} {c.text}".strip()
            self.pending_heading.extend_to(c.line.number)
            return
        self.pending_heading = None
        if self.article is None:
            container = self._container()
            index = 1 + sum(1 for n in container.children if n.kind == "parrafo")
            self.last = container.add(Node("parrafo", str(index), c.line.number, text=c.text))
            return
        if not self._paragraph_ended(c.text) and self.last is not self.root:
            # A hard-wrapped line: the same paragraph goes on.
            self.last.append_text(c.text, c.line.number)
            return
        if self._broken_by_page() and self.last.kind in (*LIST_LEVELS, "articulo", "parrafo"):
            # A sentence cut by a page break ("… del Municipio de Torreón," / blank lines / "Coahuila, así …").
            self.last.append_text(c.text, c.line.number)
            return
        if not self.article.children and not self.items and not self.article.text:
            # The article's opening paragraph is its own text; later ones are párrafos.
            self.article.append_text(c.text, c.line.number)
            return
        index = 2 + sum(1 for n in self.article.children if n.kind == "parrafo")
        self.items = {}
        self.owner = self.article
        self.last = self.article.add(Node("parrafo", str(index), c.line.number, text=c.text))

    def continuation(self, c: Classified) -> None:
        self.last.append_text(c.text, c.line.number)

    def annotate(self, c: Classified) -> None:
        for note in c.annotations:
            target = self._annotation_target(note)
            target.annotations.append(note)
            target.extend_to(c.line.number) if target.kind != "root" else None

    def _annotation_target(self, note: Annotation) -> Node:
        scope = note.scope
        if scope == "articulo" and self.article is not None:
            return self.article
        if scope == "titulo" and self.titulo is not None:
            return self.titulo
        if scope == "capitulo" and self.capitulo is not None:
            return self.capitulo
        if scope == "seccion" and self.seccion is not None:
            return self.seccion
        if scope in LIST_LEVELS and scope in self.items:
            return self.items[scope]
        if scope == "parrafo":
            return self.last if self.last.kind in ("parrafo", "articulo") else (self.article or self.last)
        return self.last

    # -------------------------------------------------------------- driver
    def feed(self, c: Classified) -> None:
        if c.kind == "blank":
            self.previous_blank = True
            return
        if c.kind == "fraccion" and not self.in_sequence(c) and (m := APARTADO.match(c.line.text)):
            # "C. Subsecretaría de Hidrocarburos:" after "B.": a letter that is also a roman numeral
            apartado = Classified("apartado", c.line, m.group("num"), m.group("text").strip())
            c = apartado if "apartado" in self.items and self.in_sequence(apartado) else c
        if c.kind in LIST_LEVELS and not self.in_sequence(c):
            c = Classified("continuation" if c.line.text[:1].islower() else "paragraph", c.line, text=c.line.text)
        if c.kind == "articulo" and self._cross_reference(c):
            c = Classified("continuation", c.line, text=c.line.text)
        _HANDLERS[c.kind](self, c)
        self.previous_blank = c.kind == "annotation"
        if c.kind != "annotation":
            self.previous_line = c.line


# What the builder does with each kind of line: one table, not a dict of thirteen bound methods made for every line.
_HANDLERS: dict[str, Callable[[TreeBuilder, Classified], None]] = {
    "titulo": TreeBuilder.heading,
    "capitulo": TreeBuilder.heading,
    "seccion": TreeBuilder.heading,
    "articulo": TreeBuilder.article_start,
    "fraccion": TreeBuilder.list_item,
    "inciso": TreeBuilder.list_item,
    "numeral": TreeBuilder.list_item,
    "apartado": TreeBuilder.list_item,
    "item": TreeBuilder.unnumbered_item,
    "subparagraph": TreeBuilder.subparagraph,
    "paragraph": TreeBuilder.paragraph,
    "continuation": TreeBuilder.continuation,
    "annotation": TreeBuilder.annotate,
}


def build_body(lines: list[Line]) -> tuple[Node, list[tuple[int, str]]]:
    root = Node("root", None, lines[0].number if lines else 1)
    builder = TreeBuilder(root, wrap_width(lines))
    lifted, notes = lift_reform_notes(lines)
    for index, line in enumerate(lifted):
        found = notes.get(index, [])
        before = [note for first, note in found if first]
        after = [note for first, note in found if not first]
        classified = classify(line)
        if before and classified.kind in (*LIST_LEVELS, "articulo"):
            builder.feed(classified)  # a note printed before an item is that item's
            builder.annotate(Classified("annotation", line, annotations=before))
        else:
            if before:
                builder.annotate(Classified("annotation", line, annotations=before))
            builder.feed(classified)
        if after:
            builder.annotate(Classified("annotation", line, annotations=after))
    return root, builder.warnings


def build_transitory(lines: list[Line], zone: str) -> Node:
    """Transitory articles ("ARTÍCULO PRIMERO.", "PRIMERO.", "Artículo 1o.") under one container."""
    start = lines[0].number if lines else 1
    container = Node("transitorios", None, start, heading=lines[0].text if lines else None, zone=zone)
    current: Node | None = None
    for line in lines[1:]:
        text = line.text
        if not text:
            continue
        m = ARTICLE_WORD.match(text) or ARTICLE.match(text)
        if m:
            number = m.group("num")
            with contextlib.suppress(ValueError):
                number = str(ordinal_to_int(number)) if not number[:1].isdigit() else canonical_article_number(number)
            current = container.add(Node("transitorio", number, line.number, text=m.group("text").strip(), zone=zone))
            continue
        if current is not None and text[:1].islower():
            current.append_text(text, line.number)
        else:
            index = 1 + sum(1 for n in container.children if n.kind == "parrafo")
            current = None
            container.add(Node("parrafo", str(index), line.number, text=text, zone=zone))
        container.extend_to(line.number)
    return container
