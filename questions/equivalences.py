"""Legal equivalences between acts (questions/equivalences.toml), and how a power's act matched a question.

The table is data, one commented row per equivalence, because whether two verbs are the same act is
a legal reading that a reader of an answer must be able to see and judge: every match says whether
the power uses the very verb asked for, or which row related them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from orggraph.lexicon import ACTION_NOUNS, content_stems, stem

TABLE = Path(__file__).with_name("equivalences.toml")


@dataclass(frozen=True)
class Equivalence:
    id: str
    acts: frozenset[str]
    objects: tuple[str, ...]  # stems; empty: whatever the act is about
    note: str

    def holds_for(self, object_stems: Iterable[str]) -> bool:
        """Whether the row applies to an act (or question) about ``object_stems``."""
        return not self.objects or any(same_stem(o, s) for o in self.objects for s in object_stems)


@lru_cache(maxsize=1)
def equivalences() -> tuple[Equivalence, ...]:
    rows = tomllib.loads(TABLE.read_text(encoding="utf-8"))["equivalence"]
    return tuple(
        Equivalence(
            id=row["id"],
            acts=frozenset(row["acts"]),
            objects=tuple(stem(o) for o in row.get("objects", [])),
            note=row["note"],
        )
        for row in rows
    )


def same_stem(a: str, b: str) -> bool:
    """The object test who_may.cypher applies: equal stems, or (five letters and more) one a prefix of the other."""
    return a == b or (len(a) >= 5 and len(b) >= 5 and (a.startswith(b) or b.startswith(a)))


def related(action: str, object_stems: Sequence[str]) -> dict[str, Equivalence | None]:
    """The verbs that answer a question about ``action``: itself (None) and each equivalent, with its row.

    A row limited to some objects counts only when the question names one of them or names no object.
    """
    found: dict[str, Equivalence | None] = {action: None}
    for row in equivalences():
        if action in row.acts and (not object_stems or row.holds_for(object_stems)):
            for verb in sorted(row.acts):
                found.setdefault(verb, row)
    return found


def question_stems(actions: Sequence[str], object_stems: Sequence[str]) -> list[str]:
    """The action stems to look for: every related verb's, and its nouns' ("firma", "suscripción")."""
    verbs = {verb for action in actions for verb in related(action, object_stems)}
    stems = {s for verb in verbs for s in content_stems(verb)}
    stems |= {stem(noun) for noun, verb in ACTION_NOUNS.items() if verb in verbs}
    stems |= {noun for noun, verb in ACTION_NOUNS.items() if verb in verbs}
    return sorted(stems)


def matches(
    actions: Sequence[str], object_stems: Sequence[str], power_actions: Sequence[str], power_objects: Sequence[str]
) -> list[dict[str, Any]]:
    """How a power answers the question: one entry per act whose verb is asked for or equivalent to it.

    Acts whose own object holds the question's objects come first (``object_matched``). A row limited
    to some objects must hold for the act's own object too: "celebrar convenios de colaboración;
    coordinar contratos" is not "firmar contratos".
    """
    out: list[dict[str, Any]] = []
    objects = list(power_objects) + [""] * (len(power_actions) - len(power_objects))
    related_to = [(action, related(action, object_stems)) for action in actions]  # once, not once per act
    for verb, phrase in zip(power_actions, objects, strict=False):
        act_stems = content_stems(phrase)
        for action, how in related_to:
            if verb not in how:
                continue
            row = how[verb]
            if row is not None and row.objects and not row.holds_for(act_stems):
                continue
            out.append(
                {
                    "action": verb,
                    "object": phrase,
                    "asked": action,
                    "how": "exact" if row is None else "equivalence",
                    "equivalence": None if row is None else {"id": row.id, "note": row.note},
                    "object_matched": all(any(same_stem(o, s) for s in act_stems) for o in object_stems),
                }
            )
            break
    out.sort(key=lambda m: (not m["object_matched"], m["how"] != "exact"))
    return out
