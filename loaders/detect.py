"""Which genre a text is: a statute (articles) or a manual (numbered sections with functions).

Decided on the genres' structure, never on a title alone: a statute has a run of "Artículo N."
lines; a manual has numbered section titles (Marco Jurídico, Funciones …) and, usually, a
"Manual de Organización" running header.
"""

from __future__ import annotations

import re
from typing import Literal

from loaders.manual.posts import POST_LABEL
from loaders.manual.sections import SECTION_KINDS
from loaders.manual.sections import sections as sections_of
from loaders.statute.structure import ARTICLE
from loaders.text import Line

# A law is a statute by its structure (articles); the statute parser tells it by its title (a "Ley …").
Genre = Literal["statute", "manual", "law"]
_MANUAL_SECTION = re.compile(
    r"^(?:\d{1,2}|[IVX]{1,4})\.?\s+(?:Introducci[óo]n|Antecedentes|Objetivo|Marco\s+(?:Jur[íi]dico|Normativo|Legal)|"
    r"Atribuciones|Pol[íi]ticas|Organigrama|Estructura\s+Org[áa]nica|Funciones)",
    re.IGNORECASE,
)


def detect_genre(lines: list[Line], headers: list[str]) -> Genre | None:
    articles = sum(1 for ln in lines if ARTICLE.match(ln.text))
    posts = sum(1 for ln in lines if POST_LABEL.match(ln.text))  # label_of's first label: "post"
    if posts >= 2 and posts * 10 >= articles:
        return "manual"  # one description per post: "Nombre del Puesto / A quien Reporta / Funciones"
    if articles >= 20 and articles > 4 * len(SECTION_KINDS):
        return "statute"  # the test below, for any number of section kinds: no need to read the sections
    sections = len({s.kind for s in sections_of(lines)})
    manual_header = any(re.match(r"^MANUAL\s+DE\s+ORGANIZACI", h, re.IGNORECASE) for h in headers) or any(
        re.match(r"^MANUAL\s+DE\s+ORGANIZACI", ln.text, re.IGNORECASE) for ln in lines[:5]
    )
    if articles >= 20 and articles > 4 * sections:
        return "statute"  # a long run of articles is a statute, even with an "Objetivo" heading or two
    if sections >= 3 or (manual_header and sections >= 2):
        return "manual"
    if articles >= 3:
        return "statute"
    return None
