"""The two questions people bring, read from ordinary Spanish: "who may do X" and "find X".

Pure functions shared by the API and the CLI: they turn a question into query parameters (stems,
a Lucene query) and the rows of the named Cypher queries into answers. Accent- and
inflection-insensitive: "firmar pension", "firma de pensiones" and "suscribir convenios" all work.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from orggraph.cypher import query
from orggraph.errors import BadRequest
from orggraph.folding import fold, fold_keep_length
from orggraph.lexicon import STOP_WORDS, query_action, stem, words
from questions.equivalences import matches, question_stems

# ----------------------------------------------------------------------------- who may


@dataclass(frozen=True)
class WhoMayQuery:
    text: str
    actions: list[str]  # infinitives as understood
    objects: list[str]  # the words the object must contain
    action_stems: list[str]
    object_stems: list[str]


def parse_who_may(q: str | None = None, action: str | None = None, obj: str | None = None) -> WhoMayQuery:
    """ "firmar resoluciones de pensiones" → actions [firmar], objects [resoluciones, pensiones]."""
    if not (q or action or obj):
        raise BadRequest("Say what to look for: q='firmar resoluciones de pensiones', or action= and object=.")
    actions: list[str] = []
    objects: list[str] = []
    if q:
        for word in words(q):
            verb = query_action(word) if not actions else None
            if verb:
                actions.append(verb)
            elif fold(word) not in STOP_WORDS and len(word) > 2:
                objects.append(word)
    if action:
        for word in words(action):
            verb = query_action(word)
            if verb is None:
                raise BadRequest(f"'{word}' is not an action orggraph knows (try an infinitive such as firmar).")
            actions.append(verb)
    if obj:
        objects += [w for w in words(obj) if fold(w) not in STOP_WORDS and len(w) > 2]
    if not (actions or objects):
        # Stop words, blanks or symbols alone ask nothing: answering would list every power (or none).
        raise BadRequest(
            f"The question {(q or obj or '').strip()!r} has no word to look for: say an action or an object."
        )
    object_stems = [stem(o) for o in objects]
    return WhoMayQuery(
        text=q or " ".join(filter(None, [action, obj])),
        actions=actions,
        objects=objects,
        action_stems=question_stems(actions, object_stems),
        object_stems=object_stems,
    )


# The most powers who_may.cypher returns (its LIMIT): an answer of that many is said to be truncated.
WHO_MAY_CAP = int(re.findall(r"\bLIMIT\s+(\d+)", query("who_may"))[-1])

BASIS_ORDER = {"own": 0, "class": 1, "delegated": 2, "retained": 3}


def matching(rows: list[dict[str, Any]], question: WhoMayQuery) -> list[dict[str, Any]]:
    """who_may.cypher rows that answer the question, each with how its acts matched (``match``).

    The query finds powers by stems; a power whose only equivalent act is one the table limits to
    other objects ("celebrar convenios de colaboración" for "firmar contratos") is left out here.
    """
    out = []
    for row in rows:
        power = row["power"]
        how = matches(question.actions, question.object_stems, power.get("actions") or [], power.get("objects") or [])
        if question.actions and not how:
            continue
        out.append({**row, "match": how})
    return out


def group_holders(
    rows: list[dict[str, Any]], shared: Callable[[dict[str, Any]], dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """who_may.cypher rows (one per power) → one entry per holder with every power it holds and how.

    A power held by several units is told once per holder, with the same basis: ``shared`` (the API's
    validation) turns that common part into its final form once per power, not once per holder.
    """
    holders: dict[str, dict[str, Any]] = {}
    for row in rows:
        power = row["power"]
        basis_common = {
            "power": {k: power.get(k) for k in ("id", "text", "actions", "objects", "kind")},
            "match": row.get("match", []),
            "conditions": [{"kind": c["kind"], "party": c["party"]} for c in row["conditions"]],
            "cooperation": [{"kind": c["kind"], "party": c["party"]} for c in row["cooperation"]],
            "retained_by": row["retainers"],
            "legal_basis": {
                "provision": row["provision"],
                "document": row["document"],
                "instruments": row["cites"],
                "delegated_by": row["delegated_by"],
            },
        }
        if shared is not None:
            basis_common = shared(basis_common)
        entries = [(h["unit"], h["basis"], h.get("class_kind")) for h in row["holders"]]
        entries += [(u, "retained", None) for u in row["retainers"]]
        for unit, basis, class_kind in entries:
            holder = holders.setdefault(unit["id"], {"unit": unit, "bases": set(), "powers": []})
            holder["bases"].add(basis)
            order = (BASIS_ORDER.get(basis, 9), power["id"])
            holder["powers"].append((order, {"basis": basis, "class_kind": class_kind, **basis_common}))
    out = []
    for holder in holders.values():
        holder["bases"] = sorted(holder["bases"], key=lambda b: BASIS_ORDER.get(b, 9))
        holder["powers"] = [entry for _, entry in sorted(holder["powers"], key=lambda p: p[0])]
        out.append(holder)
    out.sort(
        key=lambda h: (
            h["unit"].get("organization") or "",
            BASIS_ORDER.get(h["bases"][0], 9),
            fold(h["unit"]["name"]),
            h["unit"]["id"],
        )
    )
    return out


# ----------------------------------------------------------------------------- search

_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')


@dataclass(frozen=True)
class SearchQuery:
    text: str
    terms: list[str]  # folded words
    lucene: str
    lucene_any: str


def parse_search(q: str) -> SearchQuery:
    """Folded, escaped Lucene queries: every word (AND), and, as a fallback, any word (OR).

    Stop words are left out while other words remain; a query of stop words only keeps them, as a lone
    stop word always was (the index drops them, so it finds nothing, but a word being typed still completes).
    """
    folded = [fold(w) for w in words(q)]
    if not folded:
        raise BadRequest("The search needs at least one word (a letter).")
    terms = [t for t in folded if t not in STOP_WORDS] or folded
    escaped = [_LUCENE_SPECIAL.sub(r"\\\1", t) for t in terms]
    return SearchQuery(text=q, terms=terms, lucene=" AND ".join(escaped), lucene_any=" OR ".join(escaped))


def searchable(q: str) -> bool:
    """Whether ``q`` has a word to search for (parse_search refuses it otherwise)."""
    return bool(words(q))


@lru_cache(maxsize=8192)
def _light_stem(word: str) -> str:
    """Close to Lucene's SpanishLightStemmer, used only to decide what to highlight."""
    if len(word) < 5:
        return word
    for suffix in ("eses", "ces", "es", "os", "as", "s", "o", "a", "e"):
        if word.endswith(suffix):
            return word[: -len(suffix)] + ("z" if suffix == "ces" else "")
    return word


@lru_cache(maxsize=1024)
def _candidates(stems: frozenset[str]) -> re.Pattern[str]:
    """The words of a folded text that may match one of ``stems``, found by the regex engine: a word
    matches when it starts with a stem (a prefix) or stems to one, and either way it starts with the stem
    less its last letter ("luces" stems to "luz"). Each is still checked as before; the others, most of a
    long text, are skipped in C."""
    heads = sorted({s[:-1] if len(s) > 1 else s for s in stems}, key=len, reverse=True)
    return re.compile("(?<![a-z0-9ñ])(?:" + "|".join(map(re.escape, heads)) + ")[a-z0-9ñ]*")


class _Folds(dict[int, str]):
    """orggraph.folding.fold_keep_length as a str.translate table, filled as characters are met: one C-speed
    pass over a hit's text instead of a Python call per character (search spent a third of its time there)."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = fold_keep_length(chr(code))
        return folded


_FOLDS = _Folds()


@dataclass
class Highlighted:
    snippet: str
    matches: list[str] = field(default_factory=list)  # the matching words the snippet shows


def highlight(text: str, terms: list[str], *, width: int = 220) -> Highlighted:
    """The part of ``text`` around the first match, with every matching word wrapped in <mark>."""
    if not text:
        return Highlighted("")
    folded = text.translate(_FOLDS)
    stems = {_light_stem(t) for t in terms}
    prefixes = tuple(s for s in stems if len(s) >= 4)  # str.startswith tries them all in C
    spans: list[tuple[int, int]] = []
    start, end = 0, min(width, len(text))
    for m in _candidates(frozenset(stems)).finditer(folded):
        if spans and m.start() >= end:  # past the snippet: the rest of a long text is not shown
            break
        token = m.group(0)
        if (prefixes and token.startswith(prefixes)) or _light_stem(token) in stems:
            if not spans:  # the first match places the snippet
                start = max(m.start() - width // 3, 0)
                end = min(start + width, len(text))
                if start > 0:
                    start = text.rfind(" ", 0, start) + 1
            spans.append(m.span())
    pieces, cursor = [], start
    for a, b in spans:
        if a < start or b > end:
            continue
        pieces.append(_escape(text[cursor:a]))
        pieces.append(f"<mark>{_escape(text[a:b])}</mark>")
        cursor = b
    pieces.append(_escape(text[cursor:end]))
    snippet = ("…" if start > 0 else "") + "".join(pieces) + ("…" if end < len(text) else "")
    return Highlighted(snippet, [text[a:b] for a, b in spans])


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
