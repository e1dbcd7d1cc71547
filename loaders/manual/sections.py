"""A manual's top-level sections, by their titles: numbered ("3. Marco Jurídico", "V. Estructura
Orgánica del Instituto …") or not ("INTRODUCCIÓN", "ESTRUCTURA ORGÁNICA DE LA OFICINA DEL …").

A numbered title opens a section when its number follows the previous one; an unnumbered title
when it stands as a heading (in capitals, alone on its line). What kind of section it is comes from
the first words of its title (``SECTION_KINDS``); nothing else here knows a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.numbering import is_roman, roman_to_int
from loaders.text import Line, upper_ratio

SECTION_KINDS: list[tuple[str, str]] = [
    ("history", r"introducci[oó]n|antecedentes(?:\s+hist[oó]ricos)?"),
    ("objective", r"objetivos?\b(?:\s+(?:general|del\s+manual))?(?!\s+y\s+funciones)"),
    (
        "legal",
        r"marco\s+(?:jur[ií]dico|normativo|legal)(?:\s*[–\-]\s*administrativo)?|base\s+legal|"
        r"fundamento\s+(?:jur[ií]dico|legal)",
    ),
    ("powers", r"atribuciones"),
    ("policies", r"pol[ií]ticas(?:\s+de\s+operaci[oó]n)?"),
    ("structure", r"estructura\s+org[aá]nica|estructura\s+(?:b[aá]sica|organizacional)|relaci[oó]n\s+de\s+puestos"),
    ("chart", r"organigrama"),
    (
        "functions",
        r"objetivos?\s+y\s+funciones|funciones(?:\s+sustantivas|\s+espec[ií]ficas|\s+generales)?|descripci[oó]n\s+de\s+funciones",
    ),
    # "Descripción de Puestos", or one post's: "VI. Descripción del Director General de Archivo Municipal".
    (
        "posts",
        r"descripci[oó]n\s+de\s+puestos|perfil(?:es)?\s+de\s+puestos|descripci[oó]n\s+(?:del|de\s+la)\s+(?=[A-ZÁÉÍÓÚÑ])",
    ),
    ("other", r"misi[oó]n|visi[oó]n|glosario|valores|autorizaci[oó]n|directorio|hoja\s+de\s+autorizaci[oó]n"),
]
_KINDS = "|".join(p for _, p in SECTION_KINDS)
NUMBERED = re.compile(rf"^(?P<num>\d{{1,2}}|[IVX]{{1,5}})\s*[.)]?\s+(?P<title>(?:{_KINDS})\b.{{0,90}})$", re.IGNORECASE)
UNNUMBERED = re.compile(rf"^(?P<title>(?:{_KINDS})\b.{{0,90}})$", re.IGNORECASE)


@dataclass
class Section:
    kind: str
    number: str
    title: str
    line: int
    lines: list[Line] = field(default_factory=list)


def section_kind(title: str) -> str:
    return next(k for k, pattern in SECTION_KINDS if re.match(pattern, title, re.IGNORECASE))


def number_value(number: str) -> int:
    return roman_to_int(number) if is_roman(number) and not number.isdigit() else int(number)


def _heading(line: Line, previous_blank: bool) -> tuple[str | None, str] | None:
    """(number or None, title) when ``line`` is a section title."""
    text = line.text
    if len(text) >= 110 or text.rstrip().endswith((";", ",")):
        return None
    m = NUMBERED.match(text)
    if m:
        return m.group("num").upper(), m.group("title").strip()
    m = UNNUMBERED.match(text)
    # Unnumbered: a heading stands out, in capitals or centred on its line ("Funciones:" at the margin
    # of a post's block is not a section).
    centred = len(line.raw) - len(line.raw.lstrip()) >= 8 and not text.rstrip().endswith(":")
    if m and (upper_ratio(text) > 0.8 or centred or (previous_blank and _bare_structure_heading(text))):
        return None, m.group("title").strip()
    return None


def _index_lines(lines: list[Line]) -> set[int]:
    """The table of contents: three or more section titles in a row, nothing but blank lines (or a
    page number) between them. Its titles are not the sections."""
    numbered = [i for i, ln in enumerate(lines) if ln.text and NUMBERED.match(ln.text) and len(ln.text) < 110]
    keys = [re.sub(r"\W+", " ", lines[i].text.lower()).strip() for i in numbered]
    # An index entry is printed again later, as the section's own title.
    headings = [i for n, i in enumerate(numbered) if keys[n] in keys[n + 1 :]]
    runs: list[list[int]] = []
    for i in headings:
        if runs:
            between = [ln for ln in lines[runs[-1][-1] + 1 : i] if ln.text]
            if len(between) <= 1:
                runs[-1].append(i)
                continue
        runs.append([i])
    return {i for run in runs if len(run) >= 3 for i in run}


def _bare_structure_heading(title: str) -> bool:
    return bool(re.fullmatch(r"(?:estructura\s+org[aá]nica|organigrama(?:\s+general)?)\s*:?", title.strip(), re.I))


def sections(lines: list[Line]) -> list[Section]:
    found: list[Section] = []
    previous_blank = True
    unnumbered = 0
    index = _index_lines(lines)
    # A manual that numbers its sections uses unnumbered capitals for sub-headings ("OBJETIVO:",
    # "FUNCIONES:" under each unit); only a manual that numbers none has unnumbered sections.
    numbered = any(
        NUMBERED.match(ln.text) and len(ln.text) < 110 for i, ln in enumerate(lines) if ln.text and i not in index
    )
    for position, line in enumerate(lines):
        heading = _heading(line, previous_blank) if line.text and position not in index else None
        # … except the structure and the chart, whose headings a manual sometimes leaves unnumbered
        # ("III. Misión y Visión" / "Estructura Orgánica" / "Organigrama" / "VI. Descripción del …").
        if heading is not None and heading[0] is None and numbered and not _bare_structure_heading(heading[1]):
            heading = None
        if heading is not None:
            number, title = heading
            kind = section_kind(title)
            if number is not None:
                numbered = [s for s in found if s.number[:1] != "u"]
                if not numbered or number_value(number) > number_value(numbered[-1].number):
                    found.append(Section(kind, number, title.rstrip(" .:"), line.number))
                    previous_blank = False
                    continue
            elif not found or found[-1].kind != kind or found[-1].lines:
                unnumbered += 1
                found.append(Section(kind, f"u{unnumbered}", title.rstrip(" .:"), line.number))
                previous_blank = False
                continue
        if found:
            found[-1].lines.append(line)
        previous_blank = not line.text
    return found
