"""Loaders: legal documents → typed records (pure) → Neo4j (``loaders.writer``).

``load_file(path)`` reads a file once, detects its genre (or takes ``genre``) and parses it into a
``ParsedDocument``; ``write_document`` writes one in one transaction.
"""

from __future__ import annotations

from pathlib import Path

from loaders.detect import Genre, detect_genre
from loaders.manual.parser import parse_manual
from loaders.pages import source_lines
from loaders.records import ParsedDocument
from loaders.statute.parser import parse_statute
from orggraph.errors import OrgGraphError, ParseError

PARSERS = {"statute": parse_statute, "manual": parse_manual}


def load_file(path: str | Path, genre: Genre | None = None) -> ParsedDocument:
    """Parse one document. Raises ``ParseError`` naming the file and line on bad input."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror}", path) from exc
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
        raise ParseError(f"unknown genre {genre!r} (statute or manual)", path)
    try:
        return parser(path, data)
    except OrgGraphError:
        raise
    except Exception as exc:  # a reader bug must still name the file, never print a traceback
        raise ParseError(
            f"orggraph could not read this {genre} ({type(exc).__name__}: {exc}); please report it with the file",
            path,
        ) from exc


__all__ = ["Genre", "ParsedDocument", "load_file"]
