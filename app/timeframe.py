"""``?at=YYYY-MM-DD``: answers as the law stood on a day (issue 16).

Every fact carries its window of validity (``valid_from``/``valid_to``, set by loaders.validity); the named
queries filter by ``$at``. What they cannot say is done here: a day before every document behind the answer
speaks (its publication, or an earlier event it tells) is a 404, not an empty answer, and so is a unit that
was not law that day; and units renamed since that day are given the name they bore then.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.db import Reader
from orggraph.errors import NotFound


async def law_on(
    reader: Reader,
    at: dt.date | None,
    *,
    unit: str | None = None,
    organization: str | None = None,
    document: str | None = None,
) -> None:
    """Raise NotFound when no document behind the answer speaks for ``at``, or the unit was not law then."""
    if at is None:
        return
    row = await reader.one("time_bounds", at=at, id=unit, organization=organization, document=document)
    documents = (row or {}).get("documents") or []
    scoped = unit or organization or document
    if not documents:
        if scoped:
            return  # an unknown id: the route answers its own 404
        raise NotFound(f"No loaded document speaks for {at.isoformat()}: every one is later. Ask for a later day.")
    since = row["since"] if row else None
    if since is not None and at < since:
        what = (
            f"unit {unit!r}" if unit else f"organization {organization!r}" if organization else f"document {document!r}"
        )
        raise NotFound(
            f"No answer for {at.isoformat()}: the documents of {what} speak from {since.isoformat()} "
            f"({', '.join(documents)}). Ask for {since.isoformat()} or later."
        )
    if unit and not row["unit_sources"]:
        start = row.get("unit_from")
        when = f"it is law from {start.isoformat()}" if start else "it was no longer law then"
        raise NotFound(f"Unit {unit!r} was not law on {at.isoformat()}: {when}.")


def _unit_ids(value: Any, out: set[str]) -> set[str]:
    if isinstance(value, dict):
        if isinstance(value.get("id"), str) and "/unit/" in value["id"]:
            out.add(value["id"])
        for v in value.values():
            _unit_ids(v, out)
    elif isinstance(value, list):
        for v in value:
            _unit_ids(v, out)
    return out


def _rename(value: Any, names: dict[str, str]) -> None:
    if isinstance(value, dict):
        if value.get("id") in names and "name" in value:
            value["name"] = names[value["id"]]
        for v in value.values():
            _rename(v, names)
    elif isinstance(value, list):
        for v in value:
            _rename(v, names)


async def names_on(reader: Reader, at: dt.date | None, answer: dict[str, Any]) -> dict[str, Any]:
    """The answer with every unit renamed since ``at`` named as it was then (in place; returned for chaining)."""
    if at is None:
        return answer
    ids = sorted(_unit_ids(answer, set()))
    if not ids:
        return answer
    rows = await reader.rows("unit_names_at", ids=ids, at=at)
    _rename(answer, {r["id"]: r["name"] for r in rows})
    return answer
