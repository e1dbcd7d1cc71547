"""The governance reader and the power semantics search a text with a pattern only when it holds one of
the pattern's trigger words: every match of those patterns, in every sample, corpus and synthetic
document, holds one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.synthetic import write
from loaders import governance, semantics
from loaders.governance import triggered
from loaders.text import keyed, sentences

DATA = Path(__file__).resolve().parents[2] / "data"
RULES: dict[str, tuple[re.Pattern[str], ...]] = {
    "appointments": (governance.RELATIVE, governance.PASSIVE),
    "substitution": (governance.IN_ABSENCE_OF, governance.ABSENCE, governance.SUPPLY),
    "delegation": (governance.DELEGATE, governance.DELEGABLE),
    "subordination": (governance.SUBORDINATE, governance.ALIGN),
    "invitees": (governance.INVITEES,),
    "levels": (governance.LEVELS,),
}

SEMANTICS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (semantics.CONDITION, semantics.CONDITION_WORDS),
    (semantics.COOPERATION, semantics.COOPERATION_WORDS),
    (semantics.RETENTION, semantics.RETENTION_WORDS),
)


def test_every_rule_has_its_triggers() -> None:
    assert RULES.keys() == governance.TRIGGERS.keys()


def test_every_match_holds_a_trigger_word(tmp_path: Path) -> None:
    texts = [
        p.read_text(encoding="utf-8")
        for folder in ("documents", "corpus", "heldout")
        for p in (DATA / folder).glob("*.txt")
    ]
    write(200, tmp_path / "reglamento.txt")
    texts.append((tmp_path / "reglamento.txt").read_text(encoding="utf-8"))
    matched = 0
    for text in texts:
        for paragraph in text.split("\n"):
            for sentence in sentences(paragraph):
                keys = keyed(sentence)
                for reader, patterns in RULES.items():
                    if any(p.search(sentence) for p in patterns):
                        matched += 1
                        assert triggered(keys, reader), (reader, sentence)
                for pattern, words in SEMANTICS:
                    if pattern.search(sentence):
                        matched += 1
                        assert any(w in keys for w in words), (pattern.pattern[:40], sentence)
    assert matched > 50


@pytest.mark.parametrize(
    ("sentence", "reader"),
    [
        ("SERÁ NOMBRADO POR EL TITULAR", "appointments"),
        ("En su auſencia", "substitution"),  # re.IGNORECASE takes the long s for an s
        ("Son İNVITADOS PERMANENTES", "invitees"),  # and the dotted capital I for an i
        ("estarán JERÁRQUICAMENTE subordinados", "subordination"),
    ],
)
def test_triggers_ignore_case_as_the_patterns_do(sentence: str, reader: str) -> None:
    assert triggered(keyed(sentence), reader)
