"""Named Cypher queries, one file each in ``cypher/``, read once.

The API, the loaders and the CLI refer to queries by name (``query("unit_superiors")``), so the
text a request runs is always a file a person can open, EXPLAIN and edit. Parameters only:
no query text is ever built from user input.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from orggraph.errors import ConfigurationError
from orggraph.settings import PROJECT_ROOT

CYPHER_DIR = PROJECT_ROOT / "cypher"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def path_of(name: str) -> Path:
    if not _NAME.match(name):
        raise ConfigurationError(f"Invalid Cypher query name {name!r}")
    return CYPHER_DIR / f"{name}.cypher"


@cache
def query(name: str) -> str:
    """The text of ``cypher/<name>.cypher``."""
    path = path_of(name)
    if not path.is_file():
        raise ConfigurationError(f"Missing Cypher file {path}")
    return path.read_text(encoding="utf-8").strip()


def statements(name: str) -> list[str]:
    """The statements of a multi-statement file (each ends with ``;`` at the end of a line)."""
    lines = [ln for ln in query(name).splitlines() if not ln.lstrip().startswith("//")]
    parts = re.split(r";\s*$", "\n".join(lines), flags=re.MULTILINE)
    return [p.strip() for p in parts if p.strip()]


def all_names() -> list[str]:
    return sorted(p.stem for p in CYPHER_DIR.glob("*.cypher"))
