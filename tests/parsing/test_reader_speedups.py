"""The readers' fast paths answer what their plain forms answer: a pattern searched only where a match
can be, on every sample, corpus and held-out text and on random strings of the characters that matter."""

from __future__ import annotations

import random
import re
from pathlib import Path

from loaders.front import _NAMED_ACRONYM, _named_acronyms

DATA = Path(__file__).resolve().parents[2] / "data"


def _texts() -> list[str]:
    return [
        p.read_text(encoding="utf-8").replace("\n", " ")
        for folder in ("documents", "corpus", "heldout")
        for p in (DATA / folder).glob("*.txt")
    ]


def _random(pieces: list[str], n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(n)]


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


def test_named_acronyms_are_the_patterns_matches() -> None:
    pieces = ["(", ")", " ", "  ", "A", "É", "a", "-", "(IMSS)", "(A B)", "Instituto Nacional ", "((", "(AB", "x" * 40]
    texts = _texts() + _random(pieces, 20_000)
    found = 0
    for text in texts:
        expected = _spans(list(_NAMED_ACRONYM.finditer(text)))
        assert _spans(list(_named_acronyms(text))) == expected, text[:200]
        found += len(expected)
    assert found > 1_000
