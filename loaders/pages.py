"""Page noise: what a PDF's pages add to its text, found by position and repetition, and blanked.

Text extracted from a PDF carries, on every page, a page number ("5", "- 5 -", "Página 5 de 58"),
running headers and footers (the title, a registration box "No. de Registro: … Fecha de
elaboración: …"), none of which is law. Nothing here knows a document: the signals are

1. **page numbers**: lone-number lines whose values rise page after page (1, 2, 3 … with gaps),
   and "Página N de M" / "Pág. N" lines;
2. **running blocks**: lines found next to the page numbers on at least half of the pages, with
   their digits ignored (so "Página 3" and "Página 4" are one line); every other occurrence of
   such a line that touches another noise line goes too (the first page's header box);
3. **repeats of the title**: the document's first line repeated later, and a repeated
   "Última modificación/reforma …" line (a header glued to real text keeps the real text).

Every removed line keeps its number (the text is blanked, never deleted) and is listed with the
reason, for the reading report.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from loaders.text import Line, decode, read_lines
from orggraph.folding import fold

PAGE_NUMBER = re.compile(
    r"""^(?:-\s*)?
        (?:P[áa]g(?:ina|\.)?\s*)?           # "Página 5", "Pág. 5", "5"
        (?P<n>\d{1,4})
        (?:\s*(?:de|/)\s*\d{1,4})?          # "5 de 58", "5/58"
        (?:\s*-)?$""",
    re.IGNORECASE | re.VERBOSE,
)
PAGE_OF = re.compile(r"\bP[áa]gina\s+\d+\s+de\s+\d+\b|^\s*P[áa]g\.\s*\d+\s*$", re.IGNORECASE)
_LAST_CHANGE = re.compile(r"^(Última (?:modificación|reforma|adición)\b[^\d]*\d{1,2}[-/]\d{1,2}[-/]\d{4})\s*(.*)$")
MARGIN_COMMENT = re.compile(r"\s*\b(?:Comentado|Commented|Con formato|Formatted)\s*\[[A-Z]{1,6}\d{1,3}\]\s*:.*$")
_MONTH = (
    r"(?:ene(?:ro)?|feb(?:rero)?|mar(?:zo)?|abr(?:il)?|may(?:o)?|jun(?:io)?|jul(?:io)?|ago(?:sto)?|"
    r"sep(?:tiembre)?|oct(?:ubre)?|nov(?:iembre)?|dic(?:iembre)?)"
)
BOX_FIELD = re.compile(
    rf"""(?:No\.?\s+de\s+(?:Registro|Revisi[óo]n)|Fecha\s+de\s+(?:elaboraci[óo]n|revisi[óo]n|actualizaci[óo]n|
    autorizaci[óo]n|emisi[óo]n))\s*:?(?:\s*\d{{1,3}}\b)?
    |\b(?:\d{{1,2}}\s+de\s+)?{_MONTH}\.?,?\s+(?:de\s+)?\d{{4}}\b
    |(?<=\s)\d{{1,3}}\s*$  # the revision number, its label a line above""",
    re.IGNORECASE | re.VERBOSE,
)
WINDOW_AFTER = 10  # non-blank lines after a page number where a header box may sit
WINDOW_BEFORE = 6  # … and before it, for a footer


@dataclass
class Cleaned:
    """The lines with page noise blanked, and what was removed: (line number, text, reason)."""

    lines: list[Line]
    removed: list[tuple[int, str]] = field(default_factory=list)
    reasons: dict[int, str] = field(default_factory=dict)
    pages: int = 0  # page numbers found (0 when the text has none)

    @property
    def headers(self) -> list[str]:
        return [text for _, text in self.removed]

    def header_lines(self) -> list[tuple[int, str]]:
        """The removed header lines, without a header box's fields ("No. de Registro:", "Fecha de
        revisión: Marzo, 2018"), which ``pdftotext -layout`` prints on the lines of the title beside it
        ("Manual de Organización   Fecha de elaboración:" / "de la Dirección General  16 de Julio de 2014")."""
        out = []
        for number, text in sorted(self.removed):
            kept = re.sub(r"\s+", " ", BOX_FIELD.sub(" ", text)).strip()
            if kept:
                out.append((number, kept))
        return out

    def counts(self) -> dict[str, int]:
        return dict(Counter(self.reasons.values()))


_DIGITS = re.compile(r"\d+")
_SPACING = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    """A line as a running header repeats it: folded, digits and spacing ignored. Cached: the running
    blocks ask it of every line again on each pass."""
    return _SPACING.sub(" ", _DIGITS.sub("#", fold(text))).strip(" .,;:-")


def _is_title_case_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _page_of(text: str) -> bool:
    """A "Página N de M" / "Pág. N" line. Both forms hold "pag" or "pág" in any case, which an ``in`` finds
    faster than the pattern's search fails on the many lines without."""
    if not text:
        return False
    low = text.lower()
    return ("pag" in low or "pág" in low) and PAGE_OF.search(text) is not None


def page_number_lines(lines: list[Line]) -> list[int]:
    """Indexes of the lines that number the pages: the longest run of lone numbers that rises."""
    candidates = [(i, int(m.group("n"))) for i, ln in enumerate(lines) if (m := PAGE_NUMBER.match(ln.text))]
    candidates = candidates[:5000]
    best: list[int] = [1] * len(candidates)
    previous: list[int] = [-1] * len(candidates)
    for j, (_, value) in enumerate(candidates):
        for k in range(max(0, j - 50), j):
            step = value - candidates[k][1]
            if 1 <= step <= 3 and best[k] + 1 > best[j]:
                best[j], previous[j] = best[k] + 1, k
    if not candidates:
        return []
    end = max(range(len(candidates)), key=lambda j: best[j])
    if best[end] < 2:
        return []
    chain = []
    while end != -1:
        chain.append(candidates[end][0])
        end = previous[end]
    return sorted(chain)


def remove_page_noise(lines: list[Line]) -> Cleaned:
    out = list(lines)
    reasons: dict[int, str] = {}
    removed: list[tuple[int, str]] = []

    def blank_out(i: int, reason: str, keep: str = "") -> None:
        text = out[i].text[: len(out[i].text) - len(keep)].strip() if keep else out[i].text
        if text and i not in reasons:
            removed.append((out[i].number, text))
            reasons[i] = reason
        out[i] = replace(out[i], text=keep, bullet=False, indented=False)

    # 0. Margin comments a word processor printed into the PDF ("Comentado [FA1]: Homologar").
    for i, ln in enumerate(lines):
        m = MARGIN_COMMENT.search(ln.text) if "[" in ln.text else None  # "[" is in every comment: a cheap pre-check
        if m:
            keep = ln.text[: m.start()].rstrip()
            removed.append((ln.number, ln.text[m.start() :].strip()))
            reasons[i] = "margin-comment"
            out[i] = replace(out[i], text=keep)

    # 1. Page numbers.
    pages = page_number_lines(lines)
    for i in pages:
        blank_out(i, "page-number")
    page_of = [i for i, ln in enumerate(lines) if _page_of(ln.text)]  # steps 1 and 4
    for i in page_of:
        if len(lines[i].text) < 120:
            blank_out(i, "page-number")

    # 2. Running blocks next to the page numbers.
    if len(pages) >= 3:
        _running_blocks(out, pages, blank_out, reasons)

    # 3. The title and "Última modificación" repeated as running headers.
    repeats = Counter(fold(ln.text) for ln in lines if ln.text)
    first_index = next((i for i, ln in enumerate(lines) if ln.text), None)
    title_key = fold(lines[first_index].text) if first_index is not None else ""
    starting: dict[str, int] = {}  # prefix → lines that start with it: counted once per prefix, not per match

    def lines_starting(prefix: str) -> int:
        if prefix not in starting:
            starting[prefix] = sum(1 for x in lines if x.text.startswith(prefix))
        return starting[prefix]

    for i, ln in enumerate(lines):
        if not out[i].text or i == first_index:
            continue
        if len(title_key) > 20 and fold(ln.text) == title_key:
            blank_out(i, "running-header")
            continue
        m = _LAST_CHANGE.match(ln.text)
        if m and repeats[fold(m.group(1))] + lines_starting(m.group(1) + " ") >= 2:
            blank_out(i, "running-header", m.group(2))

    # 4. Capitalised lines just above a "Página N de M" footer, when they repeat in the document.
    for i in page_of:
        j, taken = i - 1, 0
        while j >= 0 and taken < 4 and i - j <= 8:
            if not out[j].text:
                j -= 1
                continue
            if _is_title_case_heading(out[j].text) and repeats[fold(out[j].text)] >= 2:
                blank_out(j, "running-header")
                taken += 1
                j -= 1
                continue
            break
    return Cleaned(out, removed, {lines[i].number: r for i, r in reasons.items()}, len(pages))


def _running_blocks(out: list[Line], pages: list[int], blank_out, reasons: dict[int, str]) -> None:
    """Lines that sit next to most page numbers are the pages' header and footer boxes."""

    def block(p: int, step: int, limit: int) -> list[int]:
        """The first run of lines from a page number in one direction; a header box's fields may stand
        a blank line or two apart ("No. de Registro:" / "" / "Fecha de elaboración:")."""
        found: list[int] = []
        i = p + step
        while 0 <= i < len(out) and not out[i].text and abs(i - p) <= 4:
            i += step
        while 0 <= i < len(out) and out[i].text and len(found) < limit:
            found.append(i)
            i += step
            gap = 0
            while 0 <= i < len(out) and not out[i].text and gap < 2:
                i += step
                gap += 1
        return found

    def window(p: int) -> list[int]:
        return block(p, -1, WINDOW_BEFORE) + block(p, 1, WINDOW_AFTER)

    seen_on: dict[str, set[int]] = defaultdict(set)
    for page, p in enumerate(pages):
        for i in window(p):
            seen_on[_key(out[i].text)].add(page)
    needed = max(3, (len(pages) + 1) // 2)
    frequent = {k for k, on in seen_on.items() if len(on) >= needed and k}
    if not frequent:
        return
    # Walk out from each page number over the contiguous run of frequent lines.
    for p in pages:
        for step in (1, -1):
            i = p + step
            while 0 <= i < len(out):
                if not out[i].text:
                    i += step
                    continue
                if _key(out[i].text) not in frequent:
                    break
                blank_out(i, "running-header")
                i += step
    # Elsewhere (the first page's box, a page whose number was lost): a frequent line that touches
    # noise, or a long one, is noise too.
    first = next((i for i, ln in enumerate(out) if ln.text), -1)  # the title stays, as in step 3
    changed = True
    while changed:
        changed = False
        for i, ln in enumerate(out):
            if not ln.text or i == first or _key(ln.text) not in frequent:
                continue
            near = [j for j in range(max(0, i - 2), min(len(out), i + 3)) if j != i and j in reasons]
            if near or len(_key(ln.text)) >= 30:
                blank_out(i, "running-header")
                changed = True


# The name the first loaders used; kept for callers that strip a list of lines.
strip_running_headers = remove_page_noise


def source_lines(path: str | Path, data: bytes | None = None, *, before_line: int | None = None) -> Cleaned:
    """Stage 1 whole: a file (or its bytes) → numbered, cleaned lines without page noise; only the lines
    before ``before_line`` when given (a text pasted twice is read as its first copy alone)."""
    raw = Path(path).read_bytes() if data is None else data
    lines = read_lines(decode(raw, path))
    return remove_page_noise(lines if before_line is None else lines[: before_line - 1])
