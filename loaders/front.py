"""Who a document is about: its title, the organization it organizes, its acronym, its kind, and the
body above it — read from the genre's front matter, never from one document's first line.

A title is optional. Decree wrappers ("DECRETO por el que se expide el Reglamento Interior de …"),
DOF and gazette preambles, promulgation text ("El Lic. …, Presidente …, les hace saber: …") and
running headers come before the real title; the reader takes the last title-like line before the
body that names a body, and, when there is none, the body the text itself names ("El presente
Reglamento tiene por objeto establecer la organización … de la Secretaría de Energía").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.pages import BOX_FIELD
from loaders.phrasings import (
    DECENTRALIZED_BY_LAW,
    DECREE_WRAPPER,
    ORGANIZATION_KIND_WORDS,
    ORGANIZATION_KINDS,
    SECTOR_HEADS,
    SELF_DESCRIPTION,
    SELF_NAMING,
    SUPERIOR_AFTER_KIND,
    TITLE_START,
)
from loaders.text import Line, keyed, upper_ratio
from orggraph.folding import fold, fold_keep_length
from orggraph.lexicon import BODY_HEADS, UNIT_KINDS, title_case

# The instrument's own name, as titles spell it, longest first ("Reglamento Interior", "Manual de
# Organización General", "Estatuto Orgánico").
INSTRUMENT_NAME = re.compile(
    r"""^(?:el\s+|la\s+)?
    (?P<instrument>
        (?:reglamento|estatuto|manual|ley|c[óo]digo|acuerdo|lineamientos|decreto|bases|normas?)
        (?:\s+(?:interior|interno|org[áa]nic[oa]|general|espec[íi]fico|de\s+organizaci[óo]n(?:\s+y\s+funcionamiento)?|
            de\s+funcionamiento|de\s+operaci[óo]n|de\s+procedimientos))*
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
_CONNECTOR = r"(?:de\s+la|de\s+las|de\s+los|de\s+el|del|de)"
_STOP_WORDS = {"de", "del", "la", "las", "los", "el", "y", "e", "para", "en", "a", "al"}
_PLACE_TAIL = re.compile(
    r",\s*(?:Coahuila|Jalisco|Nuevo\s+Le[óo]n|Estado\s+de\s+\w+|M[ée]xico|Ciudad\s+de\s+M[ée]xico)\b.*$", re.IGNORECASE
)
_PLACE_WORD = re.compile(
    r"^(?:Coahuila|Jalisco|Nuevo|Estado|M[ée]xico|Zaragoza|Ciudad|Baja|Quintana|San|Sinaloa|Sonora|Chihuahua|Durango|Puebla|Oaxaca|Veracruz|Yucat[áa]n|Tamaulipas|Zacatecas|Guanajuato|Michoac[áa]n|Morelos|Hidalgo|Tabasco|Campeche|Chiapas|Colima|Nayarit|Aguascalientes|Quer[ée]taro|Tlaxcala|Guerrero)$"
)
# Where a body sits above another in a name: "… de la Presidencia del Tribunal …", "… del Municipio de …".
PARENT_HEADS = (
    "presidencia",
    "tribunal",
    "poder",
    "municipio",
    "ayuntamiento",
    "republicano ayuntamiento",
    "gobierno",
    "administracion publica",
    "secretaria",
    "consejo de la judicatura",
)


@dataclass(frozen=True)
class ReadKind:
    kind: str
    basis: str  # one of loaders.records.KIND_BASES
    superior: str | None = None  # the body it belongs to, as its description says ("… de la Secretaría de Energía")


def kind_fields(read: ReadKind | None) -> dict[str, str | None]:
    """An OrganizationRecord's kind and kind_basis, from what the front read (or nothing)."""
    return {"kind": read.kind if read else None, "kind_basis": read.basis if read else None}


@dataclass
class Front:
    title: str | None = None
    title_line: int = 1
    instrument: str | None = None  # "Reglamento Interior", "Manual de Organización" …
    body: str | None = None  # the organization's full name
    acronym: str | None = None
    kind: ReadKind | None = None
    parent: str | None = None  # the body above it
    aliases: list[str] = field(default_factory=list)  # short names the text gives it
    references: list[str] = field(default_factory=list)  # every way the text refers to it (aliases included)
    notes: list[tuple[int, str, str]] = field(default_factory=list)  # (line, kind, message)


def _joined_title(lines: list[Line], i: int) -> tuple[str, int]:
    """A title and the lines it wraps onto ("REGLAMENTO INTERIOR DE LA CONTRALORIA DEL MUNICIPIO" /
    "DE TORREÓN."): following non-blank lines in capitals, or that go on mid-phrase."""
    parts, end = [lines[i].text], i
    upper = upper_ratio(lines[i].text) > 0.7
    j = i + 1
    while j < len(lines) and len(parts) < 5:
        text = lines[j].text
        if not text and len(parts) == 1 and INSTRUMENT_NAME.fullmatch(parts[0].strip()):
            # "MANUAL DE ORGANIZACIÓN" / blank / "DEL ARCHIVO MUNICIPAL": the body follows the blank.
            k = next((k for k in range(j + 1, min(j + 3, len(lines))) if lines[k].text), None)
            if k is not None and re.match(r"^(?:DE|DEL|De|Del)\s", lines[k].text):
                j = k
                continue
        if not text or parts[-1].rstrip().endswith((".", ":")):
            break
        if re.match(r"^(?:T[ÍI]TULO|CAP[ÍI]TULO|EXPOSICI[ÓO]N|CONSIDERANDO|ART[ÍI]CULO|Art[íi]culo|[ÍI]NDICE)\b", text):
            break
        continues = (
            text[:1].islower() or fold(text.split()[0]) in _STOP_WORDS or fold(parts[-1].split()[-1]) in _STOP_WORDS
        )
        if (upper and upper_ratio(text) > 0.7 and len(text) < 120) or continues:
            parts.append(text)
            end = j
            j += 1
            continue
        break
    return re.sub(r"\s+", " ", " ".join(parts)).strip(), end


def name_phrase(text: str, start: int = 0) -> str:
    """The proper name that begins at ``start``: capitalised words and the connectors between them,
    up to punctuation or a lower-case word ("Sistema Municipal de Aguas y Saneamiento de Torreón")."""
    words = re.findall(r"[\wÁÉÍÓÚÑáéíóúñü\-]+|[^\w\s]", text[start:])
    out: list[str] = []
    for k, word in enumerate(words):
        if (
            word == ","
            and out
            and k + 1 < len(words)
            and words[k + 1][:1].isupper()
            and not _PLACE_WORD.match(words[k + 1])
        ):
            out[-1] += ","  # "Archivo General, Archivos Regionales y Distritales …" goes on
            continue
        if not re.match(r"[\wÁÉÍÓÚÑáéíóúñü]", word):
            break
        if word[:1].isupper() or word.isdigit() or (fold(word) in _STOP_WORDS and out):
            out.append(word)
        else:
            break
    while out and fold(out[-1]) in _STOP_WORDS:
        out.pop()
    return " ".join(out)


def body_of(title: str) -> str | None:
    """The body a title names: after the instrument's name and any topic ("Reglamento Interno y de
    Carrera Policial de la Comisaría de …"), at the first connector followed by a body's head word."""
    text = title_case(title) if upper_ratio(title) > 0.7 else title
    text = re.sub(r"\s+", " ", text).strip()
    m = INSTRUMENT_NAME.match(text)
    rest_at = m.end() if m else 0
    right_after = re.match(r"\s+([A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)", text[rest_at:])
    if m and right_after and fold(right_after.group(1)) not in _STOP_WORDS:
        # "MANUAL DE ORGANIZACIÓN OFICINA DEL PRESIDENTE MUNICIPAL": the body right after the instrument.
        return _clean_body(name_phrase(text, rest_at + right_after.start(1)))
    connectors = [
        c
        for c in re.finditer(rf"\b{_CONNECTOR}\s+(?=[A-ZÁÉÍÓÚÑ])", text[rest_at:], re.IGNORECASE)
        if not re.search(r"\by\s+$", text[rest_at:][: c.start()])  # "… y de Carrera Policial" is a topic
    ]
    for c in connectors:
        at = rest_at + c.end()
        head = fold(text[at:].split(" ", 1)[0])
        if head in BODY_HEADS or head in UNIT_KINDS:
            return _clean_body(name_phrase(text, at))
    if connectors:  # a body whose head word the lexicon lacks ("de la Visitaduría")
        return _clean_body(name_phrase(text, rest_at + connectors[0].end()))
    # "MANUAL DE ORGANIZACIÓN INSTITUTO MUNICIPAL DE PLANEACIÓN": the body right after the instrument.
    for w in re.finditer(r"[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+", text[rest_at:]):
        if fold(w.group(0)) in BODY_HEADS:
            return _clean_body(name_phrase(text, rest_at + w.start()))
    return None


def _clean_body(name: str) -> str | None:
    name = _PLACE_TAIL.sub("", name).strip(" ,.;")
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()
    return name or None


def acronym_in(text: str) -> str | None:
    """ "(IMSS-BIENESTAR)", "(S I M A S)" → the acronym, spaces between letters removed."""
    m = re.search(r"\((?P<acr>[A-ZÁÉÍÓÚÑ](?:[A-ZÁÉÍÓÚÑ0-9\-]|\s(?=[A-ZÁÉÍÓÚÑ]\b)){1,20})\)", text)
    if not m:
        return None
    acronym = m.group("acr").replace(" ", "") if re.fullmatch(r"(?:[A-Z]\s)+[A-Z]", m.group("acr")) else m.group("acr")
    return acronym if len(acronym) >= 2 else None


def parent_of(name: str) -> str | None:
    """ "Secretaría Técnica … de la Presidencia del Tribunal Superior …" → "Presidencia del Tribunal …";
    "Contraloría del Municipio de Torreón" → "Municipio de Torreón"; "Administración Pública Municipal de
    Torreón" → "Municipio de Torreón" (the municipality's administration is part of it)."""
    administration = re.match(r"^Administraci[óo]n\s+P[úu]blica\s+Municipal\s+de\s+(?P<place>[A-ZÁÉÍÓÚÑ].*)$", name)
    if administration:
        return f"Municipio de {administration.group('place')}"
    for m in re.finditer(rf"\s{_CONNECTOR}\s+", name):
        tail = name[m.end() :]
        folded = fold(tail)
        if m.start() > 0 and any(folded.startswith(h + " ") or folded == h for h in PARENT_HEADS):
            return tail
    return None


def municipality_of(body: str, text: str) -> str | None:
    """A municipal body named after its place ("Instituto Municipal de la Mujer de Torreón", "Tribunal de
    Justicia Municipal Administrativa de Torreón") is part of that municipality — when the text names the
    municipality so ("Municipio de Torreón", "Ayuntamiento de Torreón"); "Dirección Municipal de Protección
    Civil" names no place."""
    if not re.search(r"\bmunicipal\b", fold(body)):
        return None
    said = {m["place"] for m in _MUNICIPALITY_NAMED.finditer(text)}
    named = {p for p in said if not any(p.startswith(q + " ") for q in said)}  # "Torreón Coahuila" is Torreón
    place = re.search(r"\s(?:de|del)\s+(?P<place>[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)?)$", body)
    if place and place["place"] in named:
        return f"Municipio de {place['place']}"
    if len(named) == 1:  # "Archivo Municipal", in a text that names one municipality only
        return f"Municipio de {named.pop()}"
    return None


_MUNICIPALITY_NAMED = re.compile(
    r"\b(?:Municipio|Ayuntamiento)\s+(?:del\s+Municipio\s+)?de\s+(?P<place>[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)?)"
)


def _acronym_matches(acronym: str, name: str) -> bool:
    """Is ``acronym`` made of the starts of ``name``'s words, in order (IMPLAN, SIMAS, DIF)?"""
    words = [fold(w) for w in re.findall(r"[\wÁÉÍÓÚÑáéíóúñ]+", name) if fold(w) not in _STOP_WORDS]
    target = fold(acronym).replace("-", "")

    def match(t: int, w: int, used: int) -> bool:
        if t == len(target):
            return used >= min(3, len(target))
        for k in range(w, len(words)):
            word = words[k]
            n = 1
            while n <= len(word) and t + n <= len(target) and word[:n] == target[t : t + n]:
                if match(t + n, k + 1, used + 1):
                    return True
                n += 1
        return False

    return len(target) >= 2 and match(0, 0, 0)


def read_front(
    lines: list[Line],
    body_start: int | None = None,
    removed: list[tuple[int, str]] = (),
    title_start: re.Pattern[str] = TITLE_START,
) -> Front:
    """Read who the document is about from the lines before its body (``body_start`` is the index
    of the body's first line; None reads the first 200 lines). ``title_start`` says what a title of
    this genre begins with."""
    front = Front()
    limit = body_start if body_start is not None else min(len(lines), 200)
    candidates: list[tuple[str, int]] = []
    for i in range(limit):
        text = lines[i].text
        if not text or not text[:1].isupper() or not title_start.match(text) or len(text) > 300:
            continue
        if DECREE_WRAPPER.search(text):
            front.notes.append((lines[i].number, "title", f"decree wrapper before the title: {text[:80]!r}"))
            continue
        previous = next((lines[k].text for k in range(i - 1, -1, -1) if lines[k].text), "")
        if previous and upper_ratio(text) < 0.7 and not re.search(r"[.:;]\s*$", previous):
            continue  # a line inside a paragraph that happens to begin with "Reglamento"
        title, _ = _joined_title(lines, i)
        title = re.sub(r"\s+", " ", BOX_FIELD.sub(" ", title)).strip()  # "Manual de organización   Febrero, 2018"
        after = INSTRUMENT_NAME.match(title)
        rest = title[after.end() :].split() if after else []
        if rest and rest[0][:1].islower() and fold(rest[0]) not in _STOP_WORDS:
            continue  # "Reglamento publicado en el Periódico Oficial …" is a sentence, not a title
        if DECREE_WRAPPER.search(title):
            front.notes.append((lines[i].number, "title", f"decree wrapper before the title: {title[:80]!r}"))
            continue
        if body_of(title):
            candidates.append((title, lines[i].number))
    # A title in a running header (a manual's page header, maybe over two lines) counts too.
    removed = sorted(removed)
    for k, (number, text) in enumerate(removed):
        if candidates or not title_start.match(text):
            continue
        parts = [text]
        for more_number, more in removed[k + 1 : k + 4]:
            # "Manual de Organización de la" / "Dirección General de Servicios" / "Públicos Municipales"
            words = more.split()
            named = len(words) <= 6 and all(w[:1].isupper() or fold(w) in _STOP_WORDS for w in words)
            if (
                more_number != number + len(parts)
                or not (more.isupper() or named)
                or re.search(r"P[ÁA]GINA|CLAVE", more)
            ):
                break
            parts.append(more)
        joined = " ".join(parts)
        if body_of(joined):
            candidates.append((joined, number))
    if candidates:
        # The title nearest the body (DOF and gazette texts print the issuer and the decree first), or
        # an earlier printing of the same title that also gives the acronym.
        # Several title-like lines (a cover, a page box, the title before the body): the one naming the
        # most specific body the text goes on to use, the later one on a tie.
        everything = fold(" ".join(ln.text for ln in lines if ln.text))

        def used(candidate: tuple[str, int]) -> tuple[bool, int, int]:
            body = fold(body_of(candidate[0]) or "")
            return everything.count(body) >= 2, len(body.split()), candidate[1]

        title, line = max(candidates, key=used)
        same = [c for c in candidates if fold(body_of(c[0]) or "") == fold(body_of(title) or "")]
        title, line = next((c for c in same if acronym_in(c[0])), (title, line))
        # "(S I M A S)": an acronym printed with its letters spaced is one word.
        title = re.sub(r"\(((?:[A-ZÁÉÍÓÚÑ]\s)+[A-ZÁÉÍÓÚÑ])\)", lambda m: f"({m.group(1).replace(' ', '')})", title)
        front.title = title_case(title) if upper_ratio(title) > 0.7 else title
        front.title = re.sub(r"^(?:El|La)\s+", "", re.sub(r"\s*\.$", "", front.title))
        front.title_line = line
        m = INSTRUMENT_NAME.match(front.title)
        front.instrument = title_case(m.group("instrument")) if m else None
        front.body = body_of(title)
        front.acronym = acronym_in(title)
    text = " ".join(ln.text for ln in lines[: min(len(lines), (body_start or 0) + 400)] if ln.text)
    if front.body is None:
        m = SELF_NAMING.search(text)
        if m:
            front.body = _clean_body(name_phrase(text, m.end()))
            line = next((ln.number for ln in lines if ln.text and front.body and front.body.split()[0] in ln.text), 1)
            front.title_line = line
            front.notes.append((line, "title", f"no title line; the organization read from the text: {front.body!r}"))
        else:
            front.notes.append((1, "title", "no title line and no sentence naming the organization"))
    if front.body:
        front.body = restore_accents(front.body, text)
        if front.title:
            front.title = restore_accents(front.title, text)
        front.acronym = front.acronym or _acronym_from_text(text, front.body)
        front.kind = organization_kind(front.body, front.acronym, text)
        superior = front.kind.superior if front.kind else None  # "… desconcentrado de la Secretaría de Energía"
        front.parent = parent_of(front.body) or municipality_of(front.body, text) or superior
        front.aliases = _aliases(text, front.body)
        front.references = self_references(front, text)
    return front


def restore_accents(name: str, text: str) -> str:
    """Titles in capitals often drop accents ("CONTRALORIA"): give each word the accents the text
    itself spells it with most often ("Contraloría")."""
    spellings = _accented_spellings(text)

    def accent(match: re.Match[str]) -> str:
        word = match.group(0)
        if not word.isascii():
            return word
        options = spellings.get(fold(word))
        if not options:
            return word
        best = max(options.items(), key=lambda kv: kv[1])[0]
        return "".join(b.upper() if a.isupper() else b for a, b in zip(word, best, strict=False))

    return re.sub(r"[A-Za-z]{4,}", accent, name)


@lru_cache(maxsize=2)
def _accented_spellings(text: str) -> dict[str, dict[str, int]]:
    """Each accented word of ``text`` (4 letters or more), folded → its lower-case spellings and their
    counts. Cached: the front restores the accents of its body's name and of its title from one text.
    Read only (the cache hands the same dict to every caller)."""
    spellings: dict[str, dict[str, int]] = {}
    for word in re.findall(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]{4,}", text):
        if not word.isascii():  # the cheaper test first: an ASCII word is never counted
            folded = fold(word)
            if word != folded:
                counts = spellings.setdefault(folded, {})
                counts[word.lower()] = counts.get(word.lower(), 0) + 1
    return spellings


def self_references(front: Front, text: str) -> list[str]:
    """How a document refers to its own body: its head word ("la Comisaría", "el Sistema"), its name
    without the place ("Comisaría de Seguridad Ciudadana"), "Contraloría Municipal" for the
    "Contraloría del Municipio", "el Organismo", its acronym and the short names it defines. A
    composed name counts only when the text uses it."""
    name = front.body or ""
    words = name.split()
    if not words:
        return []
    candidates = []
    place = re.match(r"^(?P<core>.+?)\s+(?:de|del)\s+(?P<place>[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)$", name)
    if place and fold(place.group("place")) not in BODY_HEADS and len(place.group("core").split()) >= 2:
        candidates.append(place.group("core"))
    if re.match(r"^\w+\s+del\s+(?:Municipio|Ayuntamiento)\b", name):
        candidates.append(f"{words[0]} Municipal")
    if len(words) >= 2 and words[1][:1].isupper() and fold(words[1]) not in _STOP_WORDS:
        candidates.append(" ".join(words[:2]))
    candidates += _first_of_coordinated(name)
    folded_text = fold(text)
    used = [c for c in candidates if re.search(rf"\b{re.escape(fold(c))}\b", folded_text)]
    references = [words[0], *used, *front.aliases]
    if front.kind and front.kind.kind == "organismo_descentralizado":
        references.append("Organismo")
    if front.acronym:
        references.append(front.acronym)
    return list(dict.fromkeys(references))


def _first_of_coordinated(name: str) -> list[str]:
    """ "Archivo General, Archivos Regionales y Distritales del Poder Judicial del Estado": a title that
    names several bodies sharing one complement; the first is the body itself ("Archivo General del
    Poder Judicial", "… del Poder Judicial del Estado"), shorter complements first."""
    m = re.match(r"^(?P<first>[A-ZÁÉÍÓÚÑ][^,]+?),\s+[^,]+?\s+y\s+[^,]+?\s(?P<rest>(?:de|del)\s+[A-ZÁÉÍÓÚÑ].+)$", name)
    if not m:
        return []
    pieces = re.split(r"\s+(?=(?:de|del)\s+[A-ZÁÉÍÓÚÑ])", m.group("rest"))
    return [f"{m.group('first')} {' '.join(pieces[:n])}" for n in range(1, len(pieces) + 1)]


# "Instituto Municipal de Planeación (IMPLAN)": a name, then an acronym in parentheses.
_NAMED_ACRONYM = re.compile(r"(?P<name>[A-ZÁÉÍÓÚÑ][^()]{5,150}?)\s*\((?P<acr>[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ\s\-]{1,20})\)")
_ACRONYM_IN_PARENS = re.compile(r"\([A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ\s\-]{1,20}\)")


def _named_acronyms(text: str) -> Iterator[re.Match[str]]:
    """``_NAMED_ACRONYM.finditer(text)``, searched only where a match can start. Its name holds no
    parenthesis, so a match starting at p ends at the first "(" after p, which must open an acronym:
    each "(ACR)" is searched for from the parenthesis before it. Scanning the whole text tried the
    name's lazy 150 characters at every capital letter, ~8 ms a 20 KB front, for usually no match."""
    for paren in _ACRONYM_IN_PARENS.finditer(text):
        before = paren.start()
        start = max(text.rfind("(", 0, before), text.rfind(")", 0, before)) + 1
        m = _NAMED_ACRONYM.search(text, start, paren.end())
        if m is not None:
            yield m


def _acronym_from_text(text: str, body: str) -> str | None:
    """ "Instituto Municipal de Planeación y Competitividad de Torreón (IMPLAN)", "DIF: Sistema para …",
    or a capitalised word used several times that spells the body's name (IMPLAN)."""
    core = fold(body.split(",")[0])
    for m in _named_acronyms(text):
        name = fold(m.group("name"))
        acronym = acronym_in(f"({m.group('acr')})")
        if acronym and (core[-40:] in name or name[-30:] in core) and _acronym_matches(acronym, body):
            return acronym
    for m in re.finditer(
        r"\b(?P<acr>[A-ZÁÉÍÓÚÑ]{2,12})\s*[:.]\s*-?\s*(?:El|La)?\s*(?P<name>[A-ZÁÉÍÓÚÑ][^;.]{5,150})", text
    ):
        if fold(m.group("name")).startswith(core[:25]) and _acronym_matches(m.group("acr"), body):
            return m.group("acr")
    counts: dict[str, int] = {}
    for word in re.findall(r"\b[A-ZÁÉÍÓÚÑ]{3,12}\b", text):
        counts[word] = counts.get(word, 0) + 1
    for word, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        # ("DIRECTOR" in a heading is a word in capitals: the text writes it "Director" too). That search
        # of the whole text comes last: only a word that spells the body's name needs it.
        if (
            n >= 2
            and _acronym_matches(word, body)
            and fold(word) not in fold(body).split()
            and re.search(rf"\b{word[:1]}{word[1:].lower()}\b", text) is None
        ):
            return word
    return None


# A text a municipal government issues names its own offices ("el Presidente Municipal", "el
# Ayuntamiento", "la Gaceta Municipal"); federal, state and judicial texts hardly ever do.
MUNICIPAL_GOVERNMENT = re.compile(
    r"\b(?:presidente\s+municipal|ayuntamiento|cabildo|gaceta\s+municipal|municipio\s+de)\b", re.IGNORECASE
)
# A body's name goes on after its head word in capitals and connectors: "Instituto Nacional de Vivienda
# Rural", "Centro Nacional de Energías Limpias (CENEL)", "Sistema …, Coahuila".
_NAME_TAIL = re.compile(
    r"^(?:\s*(?:[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ\-]*|de|del|la|las|los|el|y|e|para|en|a|,|\(|\)))*\s*,?\s*$"
)


def organization_kind(body: str, acronym: str | None, text: str) -> ReadKind | None:
    """What kind of body it is: what the text says of itself, else what the law makes of a body with its
    own governing body and patrimony, else what its name says, else a body of a municipal government's
    text is one of its dependencias."""
    start = text[:20000]
    described = self_description(body, acronym, start)
    if described:
        kind, end = described
        return ReadKind(kind, "says_so", _superior_after(start, end))
    names = _ways_named(body, acronym)  # "del Instituto", "del IMPLAN"
    if all(any(fold(m.group("head")) in names for m in p.pattern.finditer(start)) for p in DECENTRALIZED_BY_LAW):
        return ReadKind("organismo_descentralizado", "governing_body_and_patrimony")
    folded = fold(body)
    by_name = None
    if "administracion publica municipal" in folded:
        by_name = "administracion_municipal"
    elif "municipio" in folded or "municipal" in folded or "ayuntamiento" in folded:
        by_name = "dependencia_municipal"
    elif any(w in folded for w in ("poder judicial", "tribunal", "judicatura")):
        by_name = "organo_judicial"
    elif fold(body.split()[0]) in ("secretaria", "subsecretaria"):
        by_name = "secretaria"
    if by_name:
        return ReadKind(by_name, "name")
    if len(MUNICIPAL_GOVERNMENT.findall(start)) >= 3:
        return ReadKind("dependencia_municipal", "municipal_text")
    return None


def self_description(body: str, acronym: str | None, text: str) -> tuple[str, int] | None:
    """The first kind the body gives itself, and where its phrase ends: "La Comisión Nacional de Energía es
    un órgano administrativo desconcentrado", "el Decreto … que crea el Organismo Público Descentralizado
    …", "del Instituto …, organismo descentralizado". A glossary's "VII. Órgano desconcentrado: Es …" or
    "las dependencias centralizadas y organismos descentralizados" speak of other bodies and do not count."""
    keys = keyed(text)
    if not any(word in keys for word in ORGANIZATION_KIND_WORDS):
        return None
    for m in ORGANIZATION_KINDS.finditer(text):
        before = text[max(0, m.start() - 300) : m.start()]
        for link in SELF_DESCRIPTION:
            found = link.search(before)
            if found and (
                link.name != "is-a" or _names_the_body(found.group("subject"), body, acronym, found.group(0))
            ):
                return m.lastgroup, m.end()
    return None


def _superior_after(text: str, end: int) -> str | None:
    """The body a description places it in: "… desconcentrado de la Secretaría de Energía", "…,
    sectorizado a la Secretaría de Salud"; a Secretaría or another head of a sector, not "de la
    Administración Pública Federal"."""
    m = SUPERIOR_AFTER_KIND.match(text, end)
    if m is None:
        return None
    name = name_phrase(text, m.end())
    return name if fold(name).split(" ", 1)[0] in SECTOR_HEADS and len(name.split()) >= 3 else None


def _ways_named(body: str, acronym: str | None) -> set[str]:
    """The words a sentence names the body by, folded: its head word ("el Instituto") and its acronym."""
    return {fold(body.split()[0])} | ({fold(acronym)} if acronym else set())


def _names_the_body(subject: str, body: str, acronym: str | None, link: str) -> bool:
    """Whether the subject of "… es un", "… como" names the body: its acronym, its head word alone ("La
    Secretaría es la …") or a name the body's own begins with or extends ("del Tribunal de Justicia
    Municipal como …"), not another body with the same head ("La Dirección de Catastro es …"). Before an
    apposition's comma ("del Instituto Nacional de Vivienda Rural, organismo …") that name ends it."""
    apposition = link.rstrip().endswith(",")
    name = fold(body)
    head = name.split()[0]
    folded = fold_keep_length(subject)
    for word in _ways_named(body, acronym):
        for m in re.finditer(rf"\b{re.escape(word)}\b", folded):
            said = fold(name_phrase(subject, m.start()))
            if said not in (head, word) and not name.startswith(said) and not said.startswith(name):
                continue
            if not apposition or _NAME_TAIL.match(subject[m.end() :]):
                return True
    return False


def _aliases(text: str, body: str) -> list[str]:
    """Short names the text gives the body: "la Secretaría de Turismo, en adelante la Secretaría",
    a glossary entry "Comisaría: La Comisaría de …", "se denominará … Contraloría Municipal"."""
    aliases: list[str] = []
    core = fold(body)[:30]
    for m in re.finditer(
        r"\b(?:en\s+adelante|en\s+lo\s+sucesivo|se\s+le\s+denominar[áa]|se\s+denominar[áa](?:,?\s*indistintamente,?)?|"
        r"denominad[oa])\s*,?\s*(?:como\s+)?[\"“”']?(?:el|la|los|las)?\s*[\"“”']?(?P<alias>[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ\s\-]{1,60}?)"
        r"[\"“”']?(?=[,.;:)]|\s+u\s+|\s+o\s+|\s+y\s+|$)",
        text,
    ):
        before = fold(text[max(0, m.start() - 250) : m.start()])
        if core[:20] in before or fold(body.split()[0]) in before:
            alias = m.group("alias").strip()
            aliases.append(alias)
            rest = text[m.end() : m.end() + 80]
            more = re.match(r"\s+(?:u|o)\s+(?P<x>[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ\s]{2,60}?)(?=[,.;:]|$)", rest)
            if more:
                aliases.append(more.group("x").strip())
    for m in re.finditer(
        r"(?:^|\s)(?P<term>[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+){0,3})\s*[:.]\s*-?\s*(?:El|La)\s+", text
    ):
        after = fold(text[m.end() : m.end() + len(body) + 10])
        if after.startswith(fold(body)[: max(12, len(body) - 12)]):
            aliases.append(m.group("term"))
    return list(dict.fromkeys(a for a in aliases if fold(a) != fold(body) and len(a) >= 3))
