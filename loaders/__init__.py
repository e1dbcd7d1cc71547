"""Loaders: legal documents → typed records (pure) → Neo4j (``loaders.writer``).

``load_file(path)`` reads a file once (text, or a PDF through ``loaders.pdf``), detects its genre (or
takes ``genre``) and parses it into a ``ParsedDocument``; ``write_document`` writes one in one
transaction.
"""

from __future__ import annotations

import gc
import hashlib
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from loaders.detect import Genre, detect_genre
from loaders.manual.parser import parse_manual
from loaders.pages import source_lines
from loaders.pdf import PdfText, is_pdf, pdf_text
from loaders.records import Note, ParsedDocument, Span
from loaders.statute.parser import parse_law, parse_statute
from loaders.validity import apply_validity
from orggraph.errors import OrgGraphError, ParseError
from orggraph.settings import get_settings

S = TypeVar("S", bound=Span)
PARSERS = {"statute": parse_statute, "manual": parse_manual, "law": parse_law}


def load_file(path: str | Path, genre: Genre | None = None) -> ParsedDocument:
    """Parse one document (text or PDF). Raises ``ParseError`` naming the file and line on bad input."""
    path = Path(path)
    data = read_document(path)
    with collector_paused():
        if is_pdf(data):
            pdf = pdf_text(path, data)
            return with_pages(_parse(path, pdf.text.encode("utf-8"), genre), pdf, data)
        return _parse(path, data, genre)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a document is parsed, then resumed as it was.

    A parse allocates tens of thousands of objects that live until it ends (records, edges, the
    structure tree); the collector's passes scanned them again and again as they were promoted, and
    each full pass scanned every imported module's objects too (pydantic's alone are 30,000): 9-10 %
    of parsing CPU on the synthetic and real documents. The only cycles a parse leaves are its
    structure tree's parent links (a quarter of what it allocates, freed by the first collection after
    it), so memory grows by no more than the parse itself holds. Only an enabled collector is paused:
    a caller that disabled it keeps it disabled, and a parse inside another finds it paused already."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def read_document(path: Path) -> bytes:
    """The file's bytes, once it is known to be a regular file within ORGGRAPH_MAX_DOCUMENT_MB: a device
    (/dev/zero) or a FIFO would be read until memory runs out or for ever, so both are refused unopened."""
    limit_mb = get_settings().max_document_mb
    limit = int(limit_mb * 1024 * 1024)
    too_large = f"larger than the limit of {limit_mb:g} MB (ORGGRAPH_MAX_DOCUMENT_MB)"
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ParseError("not a regular file (a device, a FIFO or a socket): refused", path)
        if info.st_size > limit:
            raise ParseError(f"the file has {info.st_size / 1024**2:.1f} MB, {too_large}", path)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # a file that grows while it is read stops at the limit too
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror}", path) from exc
    if len(data) > limit:
        raise ParseError(f"the file is {too_large}", path)
    return data


def _parse(path: Path, data: bytes, genre: Genre | None) -> ParsedDocument:
    cleaned = None
    if genre is None:
        cleaned = source_lines(path, data)
        genre = detect_genre(cleaned.lines, cleaned.headers)
        if genre is None:
            first = next((ln.number for ln in cleaned.lines if ln.text), 1)
            raise ParseError(
                "neither a statute (no 'Artículo N.' lines) nor a manual (no numbered sections such "
                "as 'Marco Jurídico' or 'Funciones'); use --genre to force one",
                path,
                first,
            )
    parser = PARSERS.get(genre)
    if parser is None:
        raise ParseError(f"unknown genre {genre!r} (statute, manual or law)", path)
    try:
        return apply_validity(parser(path, data, cleaned))
    except OrgGraphError:
        raise
    except Exception as exc:  # a reader bug must still name the file, never print a traceback
        raise ParseError(
            f"orggraph could not read this {genre} ({type(exc).__name__}: {exc}); please report it with the file",
            path,
        ) from exc


def with_pages(parsed: ParsedDocument, pdf: PdfText, original: bytes) -> ParsedDocument:
    """A PDF's reading: every record and edge keeps the pages its lines are on; the document says it
    came from a PDF of so many pages (its checksum is the PDF's), and image-only pages are noted."""

    def paged(record: S) -> S:
        return record.model_copy(
            update={"page_start": pdf.page_of(record.line_start), "page_end": pdf.page_of(record.line_end)}
        )

    document = parsed.document.model_copy(
        update={"source_format": "pdf", "pages": pdf.pages, "sha256": hashlib.sha256(original).hexdigest()}
    )
    notes = [
        *(n.model_copy(update={"page": pdf.page_of(n.line)}) for n in parsed.notes),
        *(
            Note(
                line=pdf.page_starts[page - 1],
                page=page,
                kind="page-noise",
                message=f"page {page} has no text layer (an image: OCR it)",
            )
            for page in pdf.empty_pages
        ),
        *(
            Note(
                line=pdf.page_starts[page - 1],
                page=page,
                kind="ocr",
                message=f"page {page} is a scanned image, read by OCR (Tesseract, Spanish, {seconds:.1f} s): "
                "its text may hold misreadings",
            )
            for page, seconds in pdf.ocr_pages.items()
        ),
    ]
    return parsed.model_copy(
        update={
            "document": document,
            "organizations": [paged(r) for r in parsed.organizations],
            "units": [paged(r) for r in parsed.units],
            "provisions": [paged(r) for r in parsed.provisions],
            "powers": [paged(r) for r in parsed.powers],
            "instruments": [paged(r) for r in parsed.instruments],
            "amendments": [paged(r) for r in parsed.amendments],
            "changes": [paged(r) for r in parsed.changes],
            "edges": [paged(r) for r in parsed.edges],
            "notes": notes,
        }
    )


__all__ = ["Genre", "ParsedDocument", "load_file", "with_pages"]
