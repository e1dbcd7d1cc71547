"""PDF → text lines with their pages: stage 0 of the pipeline, before ``text.read_lines``.

Two engines, the same contract — the page texts, in reading order, laid out as printed (columns of a
table stay apart by runs of spaces, which the manual reader relies on):

* poppler's ``pdftotext -layout`` when it is installed: fast, and what the corpus's text twins were
  made with;
* ``pypdfium2`` otherwise (a wheel, always installed): each character's box, lines rebuilt by their
  baseline and words spaced by the gaps between them.

Pages are kept as the line number each page starts on, so that every record's lines map to pages
(``pages_of``). Image-only pages (no text layer) are reported, not guessed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from orggraph.errors import ParseError

PDF_MAGIC = b"%PDF-"
ENGINES = ("pdftotext", "pdfium")


@dataclass(frozen=True)
class PdfText:
    """A PDF's text: the pages joined with newlines, and the 1-based line each page starts on."""

    text: str
    page_starts: list[int]
    engine: str
    empty_pages: list[int]  # pages with no text layer (scanned images): OCR is needed to read them

    @property
    def pages(self) -> int:
        return len(self.page_starts)

    def page_of(self, line: int) -> int:
        """The page a line is on (1-based)."""
        page = 1
        for number, start in enumerate(self.page_starts, start=1):
            if start > line:
                break
            page = number
        return page


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC)


def pdf_text(path: str | Path, data: bytes, engine: str | None = None) -> PdfText:
    """The text of every page. ``engine`` (or ``ORGGRAPH_PDF_ENGINE``) forces one; by default poppler
    when installed, pdfium otherwise."""
    engine = engine or os.environ.get("ORGGRAPH_PDF_ENGINE") or ("pdftotext" if shutil.which("pdftotext") else "pdfium")
    if engine not in ENGINES:
        raise ParseError(f"unknown PDF engine {engine!r} (pdftotext or pdfium)", path)
    pages = _pdftotext_pages(path, data) if engine == "pdftotext" else _pdfium_pages(path, data)
    lines: list[str] = []
    starts: list[int] = []
    empty: list[int] = []
    for number, page in enumerate(pages, start=1):
        starts.append(len(lines) + 1)
        page_lines = page.rstrip("\n").split("\n") if page.strip() else []
        if not page_lines:
            empty.append(number)
        lines.extend(page_lines)
        lines.append("")  # a page ends a line, as a blank would
    if not lines or len(empty) == len(pages):
        raise ParseError(
            "this PDF has no text layer (a scanned image): run OCR on it first (e.g. `ocrmypdf -l spa`)", path
        )
    return PdfText("\n".join(lines), starts, engine, empty)


def _pdftotext_pages(path: str | Path, data: bytes) -> list[str]:
    try:
        done = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"],
            input=data,
            capture_output=True,
            check=False,
            timeout=300,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ParseError(f"pdftotext could not read this PDF ({exc})", path) from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["unknown error"]
        raise ParseError(f"not a readable PDF: {message[0]}", path)
    pages = done.stdout.decode("utf-8", "replace").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def _pdfium_pages(path: str | Path, data: bytes) -> list[str]:
    import pypdfium2 as pdfium  # imported here: the poppler path does not need it

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ParseError(f"not a readable PDF: {exc}", path) from exc
    try:
        return [_layout(pdf[i]) for i in range(len(pdf))]
    finally:
        pdf.close()


def _layout(page) -> str:
    """A page's characters as lines: grouped by baseline, ordered left to right, a gap of a few
    character widths kept as a run of spaces (so table columns stay apart)."""
    textpage = page.get_textpage()
    chars = []
    for i in range(textpage.count_chars()):
        char = textpage.get_text_range(i, 1)
        if not char or char in "\r\n":
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)  # font-wide: a line shares one box
        chars.append((round(bottom, 1), left, right, top - bottom, char))
    textpage.close()
    if not chars:
        return ""
    chars.sort(key=lambda c: (-c[0], c[1]))
    rows: list[list[tuple[float, float, float, float, str]]] = []
    for char in chars:
        if rows and abs(rows[-1][0][0] - char[0]) <= max(2.0, 0.3 * char[3]):
            rows[-1].append(char)
        else:
            rows.append([char])
    page_left = min(c[1] for c in chars)
    widths = sorted(c[2] - c[1] for c in chars if c[4].strip() and c[2] > c[1])
    unit = widths[len(widths) // 2] if widths else 5.0  # a typical character width
    out: list[str] = []
    previous_top = None
    for row in rows:
        row.sort(key=lambda c: c[1])
        text = " " * int((row[0][1] - page_left) / unit)
        end = row[0][1]
        space = False  # a space char seen since the last glyph (pdfium's own, often zero-width)
        for _, left, right, height, char in row:
            if char == " ":
                space = True
                continue
            gap = left - end
            # A gap as wide as a few characters is a table's column gap: kept as that many spaces. Tight
            # titles print a space as a gap of a twelfth of the type size; kerning is tighter.
            spaces = round(gap / unit) if gap > 0 else 0
            if space or gap > max(0.8, 0.08 * height):
                spaces = max(1, spaces)
            text += " " * (spaces if text else 0) + char
            end = max(end, right)
            space = False
        top = row[0][0]
        if previous_top is not None and previous_top - top > 2.2 * max(c[3] for c in row):
            out.append("")  # a blank line where the page leaves one
        previous_top = top
        out.append(text.rstrip())
    return "\n".join(out) + "\n"
