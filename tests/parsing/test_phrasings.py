"""Every named phrasing recognises the real sentences it was written for (its examples), and the
tables do not claim sentences of another kind."""

from __future__ import annotations

import pytest

from loaders import phrasings
from loaders.phrasings import (
    POWER_INTROS,
    Phrasing,
    any_of,
)

# Every table the module defines, so that a new one is checked without being listed here.
TABLES = {
    name: value
    for name, value in vars(phrasings).items()
    if isinstance(value, list) and value and all(isinstance(p, Phrasing) for p in value)
}
assert {"STRUCTURE_INTROS", "POWER_INTROS", "HEAD_STATEMENTS", "REPORTS_TO"} <= set(TABLES)
ROWS = [(table, p) for table, rows in TABLES.items() for p in rows]


@pytest.mark.parametrize(("table", "row"), ROWS, ids=[f"{t}:{p.name}" for t, p in ROWS])
def test_each_phrasing_matches_its_examples(table: str, row: Phrasing) -> None:
    assert row.examples, f"{table}:{row.name} has no example"
    for example in row.examples:
        assert row.search(example), f"{table}:{row.name} does not match its example {example!r}"


def test_names_are_unique_within_a_table() -> None:
    for table, rows in TABLES.items():
        names = [p.name for p in rows]
        assert len(names) == len(set(names)), table


@pytest.mark.parametrize(
    "sentence",
    [
        "Para ser Comisario General se requiere:",
        "La actuación de los policías y demás personal que integran la Comisaría, se rigen por los siguientes principios:",
        "Para los efectos de este reglamento, se entiende por:",
    ],
)
def test_requirements_principles_and_definitions_are_not_power_lists(sentence: str) -> None:
    assert not (any_of(POWER_INTROS, sentence) and not phrasings.NOT_POWERS.search(sentence))


@pytest.mark.parametrize(
    ("title", "wrapper"),
    [
        ("DECRETO por el que se expide el Reglamento Interior de la Comisión Nacional de Energía", True),
        ("REGLAMENTO INTERIOR DE LA SECRETARÍA DE TURISMO", False),
    ],
)
def test_decree_wrappers(title: str, wrapper: bool) -> None:
    assert bool(phrasings.DECREE_WRAPPER.search(title)) is wrapper
