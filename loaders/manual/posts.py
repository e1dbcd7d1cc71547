"""Two ways manuals state their structure: a structure list or table, and one block per post.

* **Structure rows** (*Estructura Orgánica*): a list ("1. Dirección General" › "1.1. Dirección de …",
  or "I." › "a)") or a table whose rows carry a level code and a count of posts ("DGB  1.1.Dirección
  de Investigación  1", "PM  Presidente Municipal  1"). Dotted numbers give each row its parent;
  an unnumbered table gives names only.
* **Post blocks** ("Descripción del Puesto": *Nombre del Puesto / Área de Adscripción / A quien
  Reporta / A quien Supervisa / Funciones*): each names a post (its unit), whom it reports to, whom it
  supervises, and its list of functions.

Both are read into plain records here; ``loaders.manual.parser`` turns them into units and powers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.mentions import kind_of, name_like
from loaders.numbering import is_roman, roman_to_int
from loaders.text import Line
from orggraph.folding import fold
from orggraph.lexicon import POST_HEADS

# ----------------------------------------------------------------------------- structure rows
_CODE = re.compile(r"^[A-Z][A-Za-z/]{0,4}$")  # a level code: DGA, JD, SPr, COD
_GLUED_CODE = re.compile(r"^(?P<code>[A-Z]{2,5})\s(?P<rest>[A-ZÁÉÍÓÚÑ][a-záéíóúñ].*)$")  # "CDCC Coordinador …"
_COUNT = re.compile(r"^\d{1,3}(?:\s+\d{1,3})*$")  # posts per level (B, C columns)
_DOTTED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,5})\s*\.?\s*(?P<name>[^\d\s.].*)$")
_ROMAN = re.compile(r"^(?P<num>[IVX]{1,6})\s*[.)\-]+\s*(?P<name>\S.*)$")
_LETTER = re.compile(r"^(?P<num>[a-z])\s*[.)]\s*-?\s*(?P<name>\S.*)$")
_HEADER_WORDS = {
    "nivel",
    "plazas",
    "puesto",
    "puestos",
    "no",
    "de",
    "b",
    "c",
    "clave",
    "denominacion",
    "numero",
    "descripcion",
    "cargo",
}


@dataclass
class Row:
    name: str
    line: int
    number: str | None = None  # "1.2.1" for dotted numbering; a synthetic path for roman/letter lists
    parent_number: str | None = None
    code: str | None = None  # the table's level code ("AU", "DG"): rows of one code are posts of one rank


def _cells(line: Line) -> list[str]:
    raw = line.raw.replace("\t", "    ").strip()
    return [c.strip() for c in re.split(r"\s{2,}", raw) if c.strip()]


def structure_rows(lines: list[Line]) -> list[Row]:
    rows: list[Row] = []
    styles: list[str] = []  # roman/letter lists nest by the order their styles appear
    open_numbers: dict[int, str] = {}
    coded = 0  # rows that open with a level code ("DG", "CA"): a table of posts
    blanks = 0
    for line in lines:
        if not line.text:
            blanks += 1
            continue
        gap, blanks = blanks, 0
        cells = _cells(line) or [line.text]
        code = None
        if len(cells) > 1 and _CODE.match(cells[0]):
            code, cells = cells[0], cells[1:]
            coded += 1
        elif coded and (glued := _GLUED_CODE.match(cells[0])) and _heads_a_post(glued.group("rest")):
            # "CDCC Coordinador Call Center": a long code printed one space from the name
            code, cells = glued.group("code"), [glued.group("rest"), *cells[1:]]
            coded += 1
        elif coded >= 3 and gap >= 3:
            break  # the table is over; what follows (an organigrama drawn in text) is no list of rows
        while len(cells) > 1 and _COUNT.match(cells[-1]):
            cells = cells[:-1]  # the posts per level, one column each ("1    1")
        text = re.sub(r"\s+", " ", " ".join(cells)).strip()
        if not text:
            continue
        numbered = _DOTTED.match(text) or _ROMAN.match(text) or _LETTER.match(text) or line.bullet
        if rows and not numbered and (text[:1].islower() or fold(text.split()[0]) in ("de", "del", "y", "e")):
            rows[-1].name = f"{rows[-1].name} {text}"  # a name wrapped onto the next line
            continue
        number = parent = None
        m = _DOTTED.match(text)
        if m:
            # "1.1.0.0" is "1.1" (federal manuals pad their codes with zeros: "1.0.0.0" heads, "1.0.1" is
            # its staff)
            number, name = _unpadded(m.group("num")), m.group("name")
            parent = _unpadded(number.rsplit(".", 1)[0]) if "." in number else None
        else:
            style = None
            for candidate, pattern in (("roman", _ROMAN), ("letter", _LETTER)):
                mm = pattern.match(text)
                if mm and (candidate != "roman" or is_roman(mm.group("num"))):
                    style, name = candidate, mm.group("name")
                    break
            else:
                name = line.text if line.bullet else text
            if style:
                if style not in styles:
                    styles.append(style)
                depth = styles.index(style) + 1
                number = f"{style}{len(rows)}"
                open_numbers[depth] = number
                for deeper in [d for d in open_numbers if d > depth]:
                    del open_numbers[deeper]
                parent = open_numbers.get(depth - 1)
        # "Promoción de la Salud (Vacante)": a vacancy is the post's state, not part of its name.
        name = re.sub(r"\s*\((?:vacante|vacantes)\)", "", name, flags=re.IGNORECASE)
        name = re.sub(r"\s+", " ", name).strip(" .;,")
        words = {fold(w) for w in re.findall(r"[\wÁÉÍÓÚÑáéíóúñ]+", name)}
        if (
            not name
            or fold(name).startswith("manual de ")  # a page's header box printed inside the table
            or words <= _HEADER_WORDS
            or {"plazas", "nivel"} & words
            or not (name_like(name) or _post_like(name))
        ):
            continue  # the table's header row ("NIVEL … No. de Plazas B C")
        rows.append(Row(name, line.number, number, parent, code))
    return rows


def _unpadded(number: str) -> str:
    return re.sub(r"(?<=\d)(?:\.0)+$", "", number)


def _heads_a_post(name: str) -> bool:
    """ "Coordinador Call Center", "Dirección de …": a post's or a unit's head word opens the name."""
    head = fold(name.split()[0])
    return head in POST_HEADS or any(h.startswith(head) for h in POST_HEADS) or kind_of(name) is not None


def _post_like(name: str) -> bool:
    """A post's name may read like a sentence fragment ("Auxiliar General Giras, Eventos y Actos
    Cívicos", "Diseñador(a) Gráfico(a)"): capitalised, short, no verb."""
    words = name.split()
    return 1 <= len(words) <= 12 and words[0][:1].isupper() and not re.search(r"[;:]", name)


# ----------------------------------------------------------------------------- post blocks
POST_LABEL = re.compile(r"^nombre\s+del\s+puesto\b\s*:?\s*", re.IGNORECASE)
LABELS: list[tuple[str, re.Pattern[str]]] = [
    ("post", POST_LABEL),  # first: a line it matches is a post's, whatever else matches (loaders.detect)
    ("dependency", re.compile(r"^nombre\s+de\s+la\s+dependencia\b\s*:?\s*", re.IGNORECASE)),
    ("area", re.compile(r"^[áa]rea\s+de\s+adscripci[óo]n\b\s*:?\s*", re.IGNORECASE)),
    ("reports", re.compile(r"^a\s+quien\s+reporta\b\s*:?\s*", re.IGNORECASE)),
    ("supervises", re.compile(r"^a\s+quien\s+supervisa\b\s*:?\s*", re.IGNORECASE)),
    ("objective", re.compile(r"^objetivo\s+del\s+puesto\b\s*:?\s*", re.IGNORECASE)),
    ("chart", re.compile(r"^organigrama\s+del\s+puesto\b\s*:?\s*", re.IGNORECASE)),
    ("description", re.compile(r"^descripci[óo]n\s+del?\s+puesto\s*:?\s*$", re.IGNORECASE)),
    (
        "specs",
        re.compile(
            r"^(?:especificaci[óo]n(?:es)?\s+del\s+puesto|escolaridad|conocimientos|habilidades|experiencia|"
            r"competencias|perfil\s+del\s+puesto)\b\s*:?\s*",
            re.IGNORECASE,
        ),
    ),
    (
        "functions",
        re.compile(
            r"^(?:descripci[óo]n(?:es)?\s+de\s+(?:las\s+)?)?funciones(?:\s+(?:del|de)\s+puesto)?(?:\s+espec[íi]ficas|\s+generales)?"
            r"\s*:?\s*$",
            re.IGNORECASE,
        ),
    ),
]
POST_HEADING = re.compile(
    r"^(?:[IVXL]+\s*\.\s*)?DESC?R?IP?CI[ÓO]N\s+(?:DEL\s+PUESTO\s+DE(?:L|\s+LA)?\s+|DE\s+LA\s+|DEL\s+|DE\s+)"
    r"(?!(?:LAS\s+|LOS\s+)?(?:PUESTO|FUNCIONES|PUESTOS)\b)(?P<post>\S.*)$",
    re.IGNORECASE,
)
_NONE = re.compile(r"^(?:n/?a|ninguno|ninguna|no\s+aplica|-+)\.?$", re.IGNORECASE)


def label_of(text: str) -> tuple[str, str] | None:
    for kind, pattern in LABELS:
        m = pattern.match(text)
        if m:
            return kind, text[m.end() :].strip()
    return None


@dataclass
class PostBlock:
    post: str
    line: int  # the "Nombre del Puesto" line
    start: int  # first line of the block (its heading, when it has one)
    end: int
    heading: str | None = None
    area: str | None = None
    reports: list[tuple[str, int]] = field(default_factory=list)
    supervises: list[tuple[str, int]] = field(default_factory=list)
    function_lines: list[Line] = field(default_factory=list)
    functions_line: int | None = None
    # A second role's list under the same post ("Principales Funciones como Enlace de Transparencia"):
    # (heading line, heading, its lines).
    role_lists: list[tuple[int, str, list[Line]]] = field(default_factory=list)
    chart_lines: list[Line] = field(default_factory=list)  # the post's "Organigrama del Puesto", drawn in text


def post_blocks(lines: list[Line], stops: set[int] | frozenset[int] = frozenset()) -> list[PostBlock]:
    """``stops``: the line numbers of section headings (another structure table, the functions): a
    block ends there even when no other block follows."""
    names = [i for i, ln in enumerate(lines) if ln.text and (lb := label_of(ln.text)) and lb[0] == "post"]
    if not names:
        return []
    headings = [i for i, ln in enumerate(lines) if ln.text and POST_HEADING.match(ln.text)]
    starts: list[int] = []
    previous = -1
    for i in names:
        before = [h for h in headings if previous < h < i]
        starts.append(before[-1] if before else i)
        previous = i
    blocks = []
    for n, (start, name_at) in enumerate(zip(starts, names, strict=True)):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        end = next((i for i in range(name_at + 1, end) if lines[i].number in stops), end)
        value = label_of(lines[name_at].text)[1]  # type: ignore[index]
        following = [ln for ln in lines[name_at + 1 : name_at + 3] if ln.text]
        if not value:
            value = next((ln.text for ln in following if not label_of(ln.text)), "")
        elif (
            following
            and not label_of(following[0].text)
            and (re.search(r"\b(?:de|del|la|el|los|las|y|e|en|a)$", value) or following[0].text[:1].islower())
        ):
            value = f"{value} {following[0].text}"  # a post's name wrapped onto the next line
        heading = POST_HEADING.match(lines[start].text) if start != name_at else None
        block = PostBlock(
            post=_clean_entry(value),
            line=lines[name_at].number,
            start=lines[start].number,
            end=lines[end - 1].number,
            heading=heading.group("post").strip() if heading else None,
        )
        _read_fields(block, lines[name_at:end])
        block.chart_lines = _chart_lines(lines[start:end])
        blocks.append(block)
    return blocks


def _chart_lines(lines: list[Line]) -> list[Line]:
    """The lines under a block's "Organigrama del Puesto" label, up to the next label."""
    at = next((i for i, ln in enumerate(lines) if ln.text and (lb := label_of(ln.text)) and lb[0] == "chart"), None)
    if at is None:
        return []
    out: list[Line] = []
    for line in lines[at + 1 :]:
        if line.text and label_of(line.text):
            break
        out.append(line)
    return out


def _clean_entry(text: str) -> str:
    text = re.sub(r"^(?:C\.|Lic\.|Ing\.)\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip(" .;,")


ROLE_FUNCTIONS = re.compile(
    r"^(?:principales\s+)?funciones\s+(?:como|en\s+(?:su\s+)?(?:calidad|car[áa]cter)\s+de)\s+\S", re.IGNORECASE
)


def _read_fields(block: PostBlock, lines: list[Line]) -> None:
    """The fields after "Nombre del Puesto", then the functions list."""
    current: str | None = None
    values: dict[str, list[tuple[str, int]]] = {}
    for line in lines:
        text = line.text
        if not text:
            continue
        found = label_of(text)
        if found:
            current, value = found
            if current == "functions":
                block.functions_line = line.number
            elif value:
                values.setdefault(current, []).append((value, line.number))
            continue
        if current == "functions" and ROLE_FUNCTIONS.match(text):
            block.role_lists.append((line.number, text.rstrip(" :"), []))
        elif current == "functions" and block.role_lists:
            block.role_lists[-1][2].append(line)
        elif current == "functions":
            block.function_lines.append(line)
        elif current in ("reports", "supervises", "area", "post"):
            # A list printed under "A quien Reporta" before its own "A quien Supervisa" label belongs to
            # the supervised posts: one reports to one post.
            # ("… de Comunicación Social e" / "Imagen" is one name wrapped, not a list.)
            reports = values.get("reports")
            wrapped = bool(reports) and _goes_on(reports[-1][0], text)
            key = "supervises" if current == "reports" and reports and not wrapped else current
            values.setdefault(key, []).append((text, line.number))
    if block.functions_line is not None and not block.function_lines:
        block.function_lines = []
    block.area = " ".join(t for t, _ in values.get("area", [])) or None
    block.reports = _entries(values.get("reports", []))[:1]
    block.supervises = _entries(values.get("supervises", []))


def _goes_on(previous: str, text: str) -> bool:
    """``text`` continues ``previous`` mid-phrase ("… Comunicación Social e" / "Imagen")."""
    return text[:1].islower() or bool(re.search(r"\b(?:de|del|la|el|los|las|y|e|a)$", previous))


def _entries(values: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """One post per line; a line that goes on mid-phrase joins the previous one."""
    out: list[tuple[str, int]] = []
    for text, line in values:
        if out and _goes_on(out[-1][0], text):
            out[-1] = (f"{out[-1][0]} {text}", out[-1][1])
            continue
        out.append((text, line))
    cleaned = [(_clean_entry(t), n) for t, n in out]
    return [(t, n) for t, n in cleaned if t and not _NONE.match(t) and len(t.split()) <= 12]


def roman_value(token: str) -> int:
    return roman_to_int(token)
