"""What a loaded document was read from and by: its file's checksum and the reader's version.

A document whose file and reader are both unchanged since it was loaded would be written again as the
very same graph (loading is idempotent), so `orggraph load` skips it without parsing: re-running a
load over a folder of 1,000 documents rewrites only the ones that changed. The reader's version is a
checksum of the code and the write queries that turn a text into graph elements, so a new release of
orggraph reads every document again.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from orggraph.errors import ParseError

_LOADERS = Path(__file__).resolve().parent
_CYPHER = _LOADERS.parent / "cypher"
# The ground floor's part of the reading: Spanish folding and the lexicon (orggraph/, docs/architecture.md).
_GROUND = [_LOADERS.parent / "orggraph" / "folding.py", _LOADERS.parent / "orggraph" / "lexicon.py"]


@cache
def reader_version() -> str:
    """A checksum of the loaders' sources and the graph-writing Cypher files (computed once)."""
    digest = hashlib.sha256()
    sources = sorted(_LOADERS.rglob("*.py")) + _GROUND + sorted(_CYPHER.glob("write_*.cypher"))
    for source in sources:
        digest.update(source.relative_to(_LOADERS.parent).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def file_checksum(path: Path) -> str | None:
    """The sha256 a reading of this file records (``DocumentRecord.sha256``), or None when it cannot
    be read or is refused unread — a device such as /dev/zero, a FIFO, a file over ORGGRAPH_MAX_DOCUMENT_MB
    (the parser then says why, naming the file)."""
    from loaders import read_document  # the package's checks, not a second copy of them

    try:
        return hashlib.sha256(read_document(path)).hexdigest()
    except ParseError:
        return None
