"""The question set (tests/fixtures/questions.toml): questions with their exact answers and evidence lines.

Shared by the test that asks them all through HTTP and by bench.questions, which measures /who-may
on the same set. An answer is a set of keys, one per item of GET /ask's answer, by kind: the unit
for who may, superiors, subordinates and citations; the provision for a unit's powers, a basis and a
delegation; "date kind provision" for changes.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

QUESTIONS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "questions.toml"
UNIT_KINDS = {"who_may", "superiors", "subordinates", "citations"}


def load(path: Path = QUESTIONS) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def keys(answer: dict[str, Any]) -> set[str]:
    """The keys of a GET /ask answer, to compare with a question's expected set."""
    kind = answer["kind"]
    if kind in UNIT_KINDS:
        return {item["unit"] for item in answer["items"] if item.get("unit")}
    if kind == "changes":
        return {f"{item['date']} {item['citation']['provision']}" for item in answer["items"] if item.get("date")}
    return {item["citation"]["provision"] for item in answer["items"]}
