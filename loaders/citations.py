"""How a citation finds the document it names, once that document is loaded.

A citation names an instrument by its title ("Reglamento Orgánico de la Administración Pública
Municipal de Torreón, Coahuila de Zaragoza") and maybe an article and fracciones ("artículo 34,
fracciones II y III"). The writer stores on each instrument a *citation key* — its title folded, without
articles, punctuation or the state the title ends with — and the same key for each loaded document's
title; equal keys mean the instrument is that document. Each citation also carries the provision paths
it names ("art-34/frac-ii"), built by ``loaders.ids`` as the cited document's own provisions are, so a
query can join them without knowing how ids are made.
"""

from __future__ import annotations

import re

from loaders import ids
from loaders.numbering import is_roman
from loaders.records import ParsedDocument
from orggraph.folding import fold

# Titles often end with the state ("… de Torreón, Coahuila de Zaragoza"); a citation often leaves it out.
_STATES = (
    "aguascalientes baja-california-sur baja-california campeche chiapas chihuahua coahuila-de-zaragoza coahuila "
    "coah colima durango guanajuato guerrero hidalgo jalisco mexico michoacan-de-ocampo michoacan morelos nayarit "
    "nuevo-leon oaxaca puebla queretaro quintana-roo san-luis-potosi sinaloa sonora tabasco tamaulipas tlaxcala "
    "veracruz yucatan zacatecas"
).replace("-", " ")
# A state's name, folded, longest first ("coahuila de zaragoza" before "coahuila").
STATE = "(?:" + "|".join(sorted((re.escape(s) for s in _STATES.split()), key=len, reverse=True)) + ")"
_TRAILING = re.compile(r"(?:\s+(?:del\s+estado\s+de|del\s+estado|estado\s+de|de|del))?\s+" + STATE + "$")


def citation_key(title: str) -> str:
    """ "El Reglamento Orgánico de la Administración Pública Municipal de Torreón, Coahuila de Zaragoza."
    → "reglamento organico de la administracion publica municipal de torreon"."""
    title = re.sub(r"\s*\([^()]*\)\s*[.;,]?\s*$", "", title)  # "… Torreón, Coahuila (SIMAS)"
    key = re.sub(r"\s+", " ", re.sub(r"[^a-z0-9ñ ]+", " ", fold(title))).strip()
    key = re.sub(r"^(?:el|la|los|las)\s+", "", key)
    while True:
        shorter = _TRAILING.sub("", key).strip()
        shorter = re.sub(r"\s+(?:de|del)$", "", shorter)
        if shorter == key or not shorter:
            return key
        key = shorter


def provision_paths(article: str | None, fraction: str | None) -> list[str]:
    """ "34", "II, III y IV" → ["art-34/frac-ii", "art-34/frac-iii", "art-34/frac-iv"]; "14 y 15" →
    ["art-14", "art-15"]. A citation's parts that are not numbers are left out (nothing to join)."""
    if not article:
        return []
    articles = []
    for raw in re.split(r"\s*(?:,|\by\b|\bo\b|\bal\b|\ba\b)\s*", article):
        try:
            articles.append(ids.article_part(raw))
        except ids.IdError:
            continue
    fractions = [f for f in re.split(r"\s*(?:,|\by\b|\bo\b)\s*", fraction or "") if f and is_roman(f.upper())]
    if len(articles) == 1 and fractions:
        return [f"{articles[0]}/{ids.fraction_part(f.upper())}" for f in fractions]
    return articles


def document_keys(parsed: ParsedDocument) -> list[str]:
    """The keys a citation of this document may have: its title's, and the title with its body named by
    acronym or by name ("Reglamento Interior del IMSS" / "… del Instituto Mexicano del Seguro Social")."""
    title = parsed.document.title
    keys = [citation_key(title)]
    org = next((o for o in parsed.organizations if o.id == parsed.document.organization), None)
    if org and org.acronym:
        for a, b in ((org.name, org.acronym), (org.acronym, org.name)):
            swapped = re.sub(re.escape(a), b, title, flags=re.IGNORECASE)
            if swapped != title:
                keys.append(citation_key(swapped))
    return list(dict.fromkeys(k for k in keys if k))
