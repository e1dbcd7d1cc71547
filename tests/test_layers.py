"""The floors of the house (docs/architecture.md): each package imports only the floors below it.

orggraph   the ground floor: errors, settings, the Cypher registry, the schema, the local Neo4j,
           Spanish folding and the lexicon. Imports nothing else of the project.
loaders    pure parsing and the one writer, on the ground floor.
questions  the question reader, on the ground floor.
app        the API and the explorer, over loaders and questions.
cli        the command line, on top.
bench      the benchmarks, beside the command line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {
    "orggraph": {"orggraph"},
    "loaders": {"orggraph", "loaders"},
    "questions": {"orggraph", "questions"},
    "app": {"orggraph", "loaders", "questions", "app"},
    "cli": {"orggraph", "loaders", "questions", "app", "cli"},
    "bench": {"orggraph", "loaders", "questions", "app", "cli", "bench"},
}


def imported_packages(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found & set(FLOORS)


@pytest.mark.parametrize("package", sorted(FLOORS))
def test_no_import_runs_back_up(package: str) -> None:
    allowed = FLOORS[package]
    above = {
        f"{path.relative_to(ROOT)}: {sorted(imported_packages(path) - allowed)}"
        for path in sorted((ROOT / package).rglob("*.py"))
        if imported_packages(path) - allowed
    }
    assert above == set()
