"""Citing as lawyers cite: "Estatuto Orgánico …, art. 45, fracc. VIII, línea 1241", and naming units in a sentence.

Pure: the provisions and documents the named queries return, turned into the citation an answer
carries and into the Spanish words a sentence needs ("la Unidad Jurídica", "el Consejo Técnico").
"""

from __future__ import annotations

from typing import Any

from orggraph.folding import fold

LABELS = {
    "articulo": "art.",
    "fraccion": "fracc.",
    "inciso": "inciso",
    "parrafo": "párrafo",
    "numeral": "numeral",
    "transitorio": "transitorio",
    "seccion_manual": "sección",
    "funcion": "función",
    "marco_juridico": "Marco Jurídico, núm.",
    "politica": "política",
    "referencia": "referencia",
}


_ID_STEPS = {
    "art": "art.",
    "frac": "fracc.",
    "inc": "inciso",
    "par": "párrafo",
    "tit": "título",
    "cap": "capítulo",
    "sec": "sección",
}


def _label_from_id(provision_id: str) -> str:
    """ "…/art-54-bis-1/frac-iii" → "art. 54 Bis 1, fracc. III": for provisions given without their ``within``."""
    parts = []
    for segment in provision_id.split("/")[2:]:
        head, _, rest = segment.partition("-")
        if head in _ID_STEPS and rest:
            number = " ".join(w.upper() if head in ("frac", "cap") else w.title() for w in rest.split("-"))
            parts.append(f"{_ID_STEPS[head]} {number}")
    return ", ".join(parts)


def provision_label(provision: dict[str, Any] | None) -> str:
    """ "art. 45, fracc. VIII" from a provision and what encloses it (its ``within``, outermost first)."""
    if not provision:
        return ""
    if "within" not in provision and provision.get("id") and provision.get("kind") != "funcion":
        by_id = _label_from_id(provision["id"])
        if by_id:
            return by_id
    steps = [*(provision.get("within") or []), provision]
    if any(s.get("kind") == "seccion_manual" for s in steps):
        # a manual's numbering is nested (7, 7.1): the innermost section says it all
        sections = [s for s in steps if s.get("kind") == "seccion_manual"]
        steps = [sections[-1], *[s for s in steps if s.get("kind") != "seccion_manual"]]
    parts = [f"{LABELS[s['kind']]} {s['number']}" for s in steps if s.get("kind") in LABELS and s.get("number")]
    return ", ".join(dict.fromkeys(parts))


def lines_label(start: int | None, end: int | None, page_start: int | None = None, page_end: int | None = None) -> str:
    if start is None:
        return ""
    text = f"línea {start}" if end in (None, start) else f"líneas {start}–{end}"
    if page_start is not None:
        text += f", pág. {page_start}" if page_end in (None, page_start) else f", págs. {page_start}–{page_end}"
    return text


def citation(
    document: dict[str, Any] | str | None,
    provision: dict[str, Any] | None = None,
    *,
    titles: dict[str, str] | None = None,
    lines: tuple[int | None, int | None] | None = None,
    pages: tuple[int | None, int | None] | None = None,
) -> dict[str, Any]:
    """Where an answer comes from: document, provision (article, fracción), lines and pages, and the text."""
    doc_id = document.get("id") if isinstance(document, dict) else document
    title = (document.get("title") if isinstance(document, dict) else None) or (titles or {}).get(doc_id or "", doc_id)
    provision = provision or {}
    start, end = lines or (provision.get("line_start"), provision.get("line_end"))
    page_start, page_end = pages or (provision.get("page_start"), provision.get("page_end"))
    label = provision_label(provision)
    text = ", ".join(filter(None, [title, label, lines_label(start, end, page_start, page_end)]))
    return {
        "document": doc_id,
        "document_title": title,
        "provision": provision.get("id"),
        "provision_label": label or None,
        "line_start": start,
        "line_end": end,
        "page_start": page_start,
        "page_end": page_end,
        "text": text,
    }


_FEMININE_HEADS = {
    "ley",
    "constitucion",
    "norma",
    "unidad",
    "junta",
    "oficina",
    "jefatura",
    "subdelegacion",
    "delegacion",
    "secretaria",
    "tesoreria",
}
_FEMININE_ENDINGS = ("cion", "sion", "dad", "ria", "ia", "a")
_MASCULINE_HEADS = {"dia", "programa", "sistema", "consejo", "comite", "departamento", "organo"}


def article(name: str) -> str:
    """The definite article a unit's name takes: "la" Unidad Jurídica, "el" Consejo Técnico, "los" Servicios."""
    head = fold(name.split()[0]).lower() if name.split() else ""
    if head.endswith("as"):
        return "las"
    if head.endswith(("os", "es")) and not head.endswith(("ones", "des")):
        return "los"
    if head.endswith(("ones", "des")):
        return "las"
    if head in _MASCULINE_HEADS:
        return "el"
    return "la" if head in _FEMININE_HEADS or head.endswith(_FEMININE_ENDINGS) else "el"


def the(name: str) -> str:
    """ "la Unidad Jurídica"; with "de"/"a" the caller contracts ("del", "al") through ``of``/``to``."""
    return f"{article(name)} {name}"


def of(name: str) -> str:
    return f"del {name}" if article(name) == "el" else f"de {the(name)}"


def to(name: str) -> str:
    return f"al {name}" if article(name) == "el" else f"a {the(name)}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text
