"""A statute whose article numbering starts again at 1 after its transitorios (issue 13, item 2): the
same text pasted twice is read once, with a note; another statute after the first is refused with
the line where it starts. Neither is merged as 'transitory' provisions of the first (1,201 of them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import load_file
from orggraph.errors import ParseError
from tests.conftest import SEEDS

STATUTE = SEEDS[[p.name for p in SEEDS].index("imss-bienestar-estatuto-organico-2023.txt")]
OTHER = Path(__file__).resolve().parents[2] / "data" / "corpus" / "sectur-reglamento-interior-2021.txt"


def test_the_same_statute_twice_is_read_once_with_a_note(tmp_path: Path) -> None:
    text = STATUTE.read_text(encoding="utf-8")
    twice = tmp_path / "twice.txt"
    twice.write_text(text + "\n" + text, encoding="utf-8")
    once, doubled = load_file(STATUTE), load_file(twice)
    assert doubled.model_dump(exclude={"document", "notes"}) == once.model_dump(exclude={"document", "notes"})
    second = len(text.splitlines()) + 1
    assert [(n.line, n.kind) for n in doubled.notes if n not in once.notes] == [(second, "repeated")]


def test_another_statute_after_the_first_is_refused_where_it_starts(tmp_path: Path) -> None:
    first = STATUTE.read_text(encoding="utf-8")
    both = tmp_path / "both.txt"
    other = OTHER.read_text(encoding="utf-8")
    both.write_text(first + "\n" + other, encoding="utf-8")
    with pytest.raises(ParseError, match="a second statute starts here") as refused:
        load_file(both)
    starts = len(first.splitlines()) + 2  # the other's first line; then its decree wrapper, then its title
    first_article = starts + next(i for i, ln in enumerate(other.splitlines()) if ln.startswith("Artículo 1."))
    assert refused.value.line is not None and starts <= refused.value.line < first_article


def test_a_reform_decree_numbering_its_own_articles_is_not_a_restart(tmp_path: Path) -> None:
    """'Artículo Primero.- Se reforma …' after the transitorios: a decree's few articles, read as before."""
    decree = "\n".join(
        ["", "DECRETO por el que se reforman diversas disposiciones del Estatuto", ""]
        + [f"Artículo {n}.- Se reforma el artículo {n + 10} del Estatuto." for n in range(1, 5)]
        + ["", "TRANSITORIO", "", "Único.- El presente Decreto entrará en vigor al día siguiente.", ""]
    )
    amended = tmp_path / "amended.txt"
    amended.write_text(STATUTE.read_text(encoding="utf-8") + decree, encoding="utf-8")
    parsed = load_file(amended)
    assert not [n for n in parsed.notes if n.kind == "repeated"]
    assert len(parsed.units) == len(load_file(STATUTE).units)
