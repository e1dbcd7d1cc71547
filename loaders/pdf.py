"""PDF → text lines with their pages: stage 0 of the pipeline, before ``text.read_lines``.

Two engines, the same contract — the page texts, in reading order, laid out as printed (columns of a
table stay apart by runs of spaces, which the manual reader relies on):

* poppler's ``pdftotext -layout`` when it is installed: fast, and what the corpus's text twins were
  made with;
* ``pypdfium2`` otherwise (a wheel, always installed): each character's box, lines rebuilt by their
  baseline and words spaced by the gaps between them.

Pages are kept as the line number each page starts on, so that every record's lines map to pages
(``pages_of``). Image-only pages (no text layer, a scan) are read by Tesseract OCR in Spanish when it is
installed (Debian: ``tesseract-ocr tesseract-ocr-spa``), each such page noted; without it they are
reported, not guessed, and a PDF with no text at all is refused naming what to install.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from loaders.numbering import ROMAN_RE
from orggraph.errors import ParseError

PDF_MAGIC = b"%PDF-"
ENGINES = ("pdftotext", "pdfium")


@dataclass(frozen=True)
class PdfText:
    """A PDF's text: the pages joined with newlines, and the 1-based line each page starts on."""

    text: str
    page_starts: list[int]
    engine: str
    empty_pages: list[int]  # pages with no text layer (scanned images) left unread: no OCR here
    ocr_pages: dict[int, float] = field(default_factory=dict)  # page → seconds Tesseract took to read it

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
    scanned = [number for number, page in enumerate(pages, start=1) if not page.strip()]
    ocr = _ocr_pages(path, data, scanned) if scanned and ocr_available() else {}
    for number, (text, _) in ocr.items():
        pages[number - 1] = text
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
            "this PDF has no text layer (a scanned image) and no OCR is installed: install Tesseract with its "
            "Spanish data (Debian: apt-get install tesseract-ocr tesseract-ocr-spa) or run `ocrmypdf -l spa` "
            "on it first",
            path,
        )
    return PdfText("\n".join(lines), starts, engine, empty, {n: seconds for n, (_, seconds) in ocr.items()})


OCR_LANGUAGE = "spa"
OCR_DPI = 300
# Tesseract reads the ordinal sign of "Artículo 1º.-" as %, ?, ", “, ” or °: put the sign back.
_OCR_ORDINAL = re.compile(r"(?<=\b(?:ART[ÍI]CULO|Art[íi]culo) )(\d+)\s?[%?\"“”°*]\s?(?=[.\-–:])")


# …and a fracción's roman numeral at the start of a line with I as l, 1, T, [ or |: "IT. -" is "II.-".
_OCR_FRACTION = re.compile(r"^(?P<indent>\s*)(?P<num>[IVXlT1\[|]{1,6})\s?\.?\s?(?P<dash>-|–)", re.M)
_AS_I = str.maketrans("lT1[|", "IIIII")


def _ocr_fixes(text: str) -> str:
    """What Tesseract misreads in the genre's numbering, put back; nothing else of the text is touched."""
    text = _OCR_ORDINAL.sub(r"\1º", text)

    def fraction(m: re.Match[str]) -> str:
        numeral = m.group("num").translate(_AS_I)
        if not re.fullmatch(ROMAN_RE, numeral):
            return m.group(0)
        return f"{m.group('indent')}{numeral}.{m.group('dash')}"

    return _OCR_FRACTION.sub(fraction, text)


def _with_progress(numbers: list[int], name: str) -> Iterator[int]:
    """The pages to OCR, with a progress bar on a terminal (seconds a page: worth watching)."""
    if not sys.stderr.isatty():
        yield from numbers
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn(f"OCR {name}"), BarColumn(), MofNCompleteColumn(), TextColumn("pages"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("ocr", total=len(numbers))
        for number in numbers:
            yield number
            progress.advance(task)


@lru_cache(maxsize=1)
def ocr_available() -> bool:
    """Tesseract on PATH with its Spanish data."""
    if not shutil.which("tesseract"):
        return False
    try:
        done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return OCR_LANGUAGE in done.stdout.decode("utf-8", "replace").split()


def _ocr_pages(path: str | Path, data: bytes, numbers: list[int]) -> dict[int, tuple[str, float]]:
    """Each scanned page rendered at 300 dpi and read by Tesseract in Spanish, keeping the spaces that
    separate a table's columns: page → (text, seconds)."""
    import pypdfium2 as pdfium

    out: dict[int, tuple[str, float]] = {}
    pdf = pdfium.PdfDocument(data)
    try:
        for number in _with_progress(numbers, Path(path).name):
            started = time.perf_counter()
            image = pdf[number - 1].render(scale=OCR_DPI / 72).to_pil().convert("L")
            png = io.BytesIO()
            image.save(png, format="PNG")
            command = ["tesseract", "stdin", "stdout", "-l", OCR_LANGUAGE, "--dpi", str(OCR_DPI)]
            command += ["-c", "preserve_interword_spaces=1"]
            try:
                done = subprocess.run(command, input=png.getvalue(), capture_output=True, check=False, timeout=300)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise ParseError(f"Tesseract could not read page {number} ({exc})", path) from exc
            if done.returncode != 0:
                message = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["unknown error"]
                raise ParseError(f"Tesseract could not read page {number}: {message[0]}", path)
            text = _ocr_fixes(done.stdout.decode("utf-8", "replace"))
            out[number] = (text, time.perf_counter() - started)
    finally:
        pdf.close()
    return out


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
