"""Answering a question read by questions.ask through the API's own endpoints, with sentences and citations.

The reader gives words ("la unidad juridica"); here they become a unit, document or instrument of
the graph, found by the search engine and accepted only when its name is in the question (or, for
a partial name, when one unit alone has every word): a name that fits several is asked back (422),
never guessed. Each kind then calls the endpoint that answers it, so /ask says exactly what
/who-may, /units/{id}/superiors … say.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from fastapi.responses import Response

from app.db import Reader
from app.routes import amendments as amendments_route
from app.routes import units as units_route
from app.routes import who_may as who_may_route
from app.routes.search import find
from orggraph.folding import fold
from orggraph.lexicon import STOP_WORDS, content_stems, words
from questions import sentences
from questions.ask import Question, Unreadable, infinitive_of, read
from questions.equivalences import same_stem
from questions.parsing import parse_search

_LEADING = re.compile(r"^(?:(?:a|al|ante|en|de|del|sobre|para|por|con|la|el|los|las|lo|le|les|su|sus)\s+)+")


def strip_articles(phrase: str) -> str:
    return _LEADING.sub("", phrase.strip(" ,")).strip(" ,")


def _content(text: str) -> list[str]:
    return [fold(w).lower() for w in words(text) if fold(w).lower() not in STOP_WORDS]


def _contains(haystack: str, needle: str) -> bool:
    return bool(needle) and re.search(rf"(?<![a-z0-9]){re.escape(needle)}(?![a-z0-9])", haystack) is not None


async def resolve_unit(reader: Reader, phrase: str) -> tuple[dict[str, Any], str]:
    """The unit a phrase names, and what remains of the phrase once its name is taken out."""
    text = fold(phrase).lower()
    if not words(text):
        raise Unreadable(phrase, "The question names no unit.")
    _, hits = await find(reader, parse_search(text), ["Unit"], limit=50)
    named = []
    for hit in hits:
        for name in [hit["title"], *(hit.get("aliases") or [])]:
            folded = fold(name or "").lower()
            if _contains(text, folded):
                named.append((len(folded), folded, hit))
    if named:
        longest = max(n for n, _, _ in named)
        best = {h["id"]: (f, h) for n, f, h in named if n == longest}
        if len(best) > 1:
            # the same name in several organizations: the question may say which
            narrowed = {i: v for i, v in best.items() if _contains(text, fold(v[1].get("organization") or "").lower())}
            best = narrowed or best
        if len(best) == 1:
            folded, hit = next(iter(best.values()))
            rest = re.sub(rf"(?<![a-z0-9]){re.escape(folded)}(?![a-z0-9])", " ", text, count=1)
            rest = re.sub(rf"\s+(?:de|del)\s+{re.escape(fold(hit.get('organization') or '').lower())}\b", " ", rest)
            return _unit(hit), re.sub(r"\s+", " ", rest).strip()
        raise Unreadable(phrase, _ambiguous("unit", [h for _, h in best.values()]))
    wanted = _content(strip_articles(text))
    partial = [h for h in hits if wanted and all(w in _content(h["title"] or "") for w in wanted)]
    if len(partial) == 1:
        return _unit(partial[0]), ""
    if partial:
        raise Unreadable(phrase, _ambiguous("unit", partial))
    raise Unreadable(phrase, f"No unit named in {phrase!r}. Name it as the documents do (GET /units?q=…).")


def _unit(hit: dict[str, Any]) -> dict[str, Any]:
    return {"id": hit["id"], "name": hit["title"], "kind": hit.get("kind"), "organization": hit.get("organization")}


def _ambiguous(what: str, hits: list[dict[str, Any]]) -> str:
    names = "; ".join(f"{h['title']} ({h['id']})" for h in hits[:8])
    return f"The {what} named fits several: {names}. Say which, e.g. adding its organization."


async def titles(reader: Reader) -> dict[str, str]:
    return {row["document"]["id"]: row["document"]["title"] for row in await reader.rows("documents", id=None)}


def action_text(rest: str) -> str:
    """ "nombra al personal" → "nombrar personal": the first word as an infinitive, then the object."""
    rest = re.sub(
        r"^(?:(?:la|las|el|los)\s+)?(?:facultad|facultades|atribucion|atribuciones)\s+(?:de|para)\s+", "", rest
    )
    parts = strip_articles(rest).split(maxsplit=1)
    if not parts:
        return ""
    verb = parts[0]
    if not re.search(r"(?:ar|er|ir)$", verb) and (as_verb := infinitive_of(verb)) and len(verb) > 3:
        verb = as_verb
    return " ".join([verb, *parts[1:]])


# ----------------------------------------------------------------------------- the kinds


def _data(answer: Any) -> dict[str, Any]:
    """An endpoint's answer as data: the routes that serialize once (app/responses.py) return the JSON
    they wrote, the others their model."""
    if isinstance(answer, Response):
        return json.loads(answer.body)
    return answer.model_dump(by_alias=True)


async def _who_may(reader: Reader, q: Question, at: dt.date | None = None) -> dict[str, Any]:
    answer = await who_may_route.who_may(reader, q=str(q.slots["action"]), limit=500, offset=0, at=at)
    result = _data(answer)
    return {"endpoint": "/who-may", "result": result, "items": sentences.who_may(result["items"])}


async def _unit_powers(reader: Reader, q: Question, at: dt.date | None = None) -> dict[str, Any]:
    unit, _ = await resolve_unit(reader, str(q.slots["unit"]))
    answer = await units_route.powers(unit["id"], reader, basis=None, limit=500, offset=0, at=at)
    result = _data(answer)
    powers = result["items"]
    topic = q.slots.get("topic")
    if topic:
        wanted = content_stems(str(topic))
        powers = [
            p for p in powers if all(any(same_stem(w, s) for s in content_stems(p["power"]["text"])) for w in wanted)
        ]
        result = {**result, "items": powers, "total": len(powers)}
    return {
        "endpoint": f"/units/{unit['id']}/powers",
        "unit": unit,
        "result": result,
        "items": sentences.unit_powers(unit["name"], powers),
    }


async def _superiors(reader: Reader, q: Question, at: dt.date | None = None) -> dict[str, Any]:
    unit, _ = await resolve_unit(reader, str(q.slots["unit"]))
    answer = await units_route.superiors(unit["id"], reader, at=at)
    result = _data(answer)
    names = await titles(reader)
    items = sentences.superiors(unit["name"], result["chain"], names)
    items += sentences.other_lines(result["other_lines"], names)
    return {"endpoint": f"/units/{unit['id']}/superiors", "unit": unit, "result": result, "items": items}


async def _subordinates(reader: Reader, q: Question, at: dt.date | None = None) -> dict[str, Any]:
    unit, _ = await resolve_unit(reader, str(q.slots["unit"]))
    depth = None if q.slots.get("all") else 1
    answer = await units_route.subordinates(unit["id"], reader, depth=depth, limit=500, offset=0, at=at)
    result = _data(answer)
    edges = await reader.rows("ask_part_of", ids=[s["id"] for s in result["items"]])
    lines = {e["id"]: e for e in edges}
    items = sentences.subordinates(unit["name"], result["items"], lines, await titles(reader))
    endpoint = f"/units/{unit['id']}/subordinates" + ("" if depth is None else "?depth=1")
    return {"endpoint": endpoint, "unit": unit, "result": result, "items": items}


async def _unit_and_action(
    reader: Reader, q: Question, at: dt.date | None = None
) -> tuple[dict[str, Any], str, dict[str, Any]]:
    unit, rest = await resolve_unit(reader, str(q.slots["rest"]))
    action = action_text(rest)
    if not action:
        raise Unreadable(q.text, "Say what the unit does: ¿Con qué fundamento nombra la Junta de Gobierno al personal?")
    answer = await who_may_route.who_may(reader, q=action, limit=500, offset=0, at=at)
    result = _data(answer)
    held = next((h for h in result["items"] if h["unit"]["id"] == unit["id"]), None)
    return unit, action, {**result, "items": [held] if held else [], "total": 1 if held else 0}


async def _basis(reader: Reader, q: Question, at: dt.date | None = None) -> dict[str, Any]:
    unit, action, result = await _unit_and_action(reader, q, at)
    powers = result["items"][0]["powers"] if result["items"] else []
    items = [sentences.holder_power(unit["name"], p) for p in powers]
    return {"endpoint": "/who-may", "unit": unit, "action": action, "result": result, "items": items}


async def _delegation(reader: Reader, q: Question, at: dt.date | None = None) -> dict[str, Any]:
    unit, action, result = await _unit_and_action(reader, q, at)
    powers = result["items"][0]["powers"] if result["items"] else []
    return {
        "endpoint": "/who-may",
        "unit": unit,
        "action": action,
        "result": result,
        "items": sentences.delegated(unit["name"], powers),
    }


def _document(docs: list[dict[str, Any]], target: str) -> dict[str, Any] | None:
    wanted = _content(target)
    if not wanted:
        return None
    fits = []
    for row in docs:
        d = row["document"]
        known = set(_content(" ".join(filter(None, [d.get("title"), d.get("organization"), d.get("id")]))))
        if all(w in known for w in wanted):
            fits.append(d)
    if len(fits) > 1:
        raise Unreadable(target, _ambiguous("document", [{"title": d["title"], "id": d["id"]} for d in fits]))
    return fits[0] if fits else None


async def _changes(reader: Reader, q: Question, at: dt.date | None = None) -> dict[str, Any]:
    target = strip_articles(str(q.slots["target"]))
    docs = await reader.rows("documents", id=None)
    names = {row["document"]["id"]: row["document"]["title"] for row in docs}
    document = _document(docs, target)
    if document:
        page = await amendments_route.amendments(
            reader, date=None, authority=None, kind=None, document=document["id"], limit=500, offset=0, at=at
        )
        result = _data(page)
        return {
            "endpoint": f"/amendments?document={document['id']}",
            "document": {"id": document["id"], "title": document["title"]},
            "result": result,
            "items": sentences.amendments(result["items"], names),
        }
    unit, _ = await resolve_unit(reader, target)
    answer = await units_route.history(unit["id"], reader, at=at)
    result = _data(answer)
    items = sentences.history_events(unit["name"], result["events"], names)
    items += sentences.amendments(result["amendments"], names)
    return {"endpoint": f"/units/{unit['id']}/history", "unit": unit, "result": result, "items": items}


async def _citations(reader: Reader, q: Question, at: dt.date | None = None) -> dict[str, Any]:
    phrase = strip_articles(str(q.slots["instrument"]))
    row = await reader.one("instruments_list", type=None, q=fold(phrase).lower(), limit=50, offset=0)
    found = (row or {}).get("items") or []
    exact = [i for i in found if fold(i["title"]).lower() == fold(phrase).lower()]
    choice = exact or found
    if not choice:
        raise Unreadable(q.text, f"No legal instrument named {phrase!r} is cited (GET /legal-instruments?q=…).")
    if len(choice) > 1:
        raise Unreadable(q.text, _ambiguous("instrument", choice))
    instrument = choice[0]
    rows = await reader.rows("ask_citing_units", id=instrument["id"])
    result = {"instrument": instrument, "units": rows}
    return {
        "endpoint": f"/legal-instruments/{instrument['id']}",
        "instrument": instrument,
        "result": result,
        "items": sentences.citing_units(instrument["title"], rows),
    }


HANDLERS = {
    "who_may": _who_may,
    "unit_powers": _unit_powers,
    "superiors": _superiors,
    "subordinates": _subordinates,
    "basis": _basis,
    "delegation": _delegation,
    "changes": _changes,
    "citations": _citations,
}


async def answer(reader: Reader, text: str, at: dt.date | None = None) -> dict[str, Any]:
    """The kind read, its slots, the underlying endpoint's result (as the law stood ``at``; None: today) and
    one sentence per item."""
    question = read(text)
    out = await HANDLERS[question.kind](reader, question, at)
    return {"question": text, "kind": question.kind, "slots": question.slots, **out}
