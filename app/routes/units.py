"""Units: list, detail, chain of command, subordinates, powers, history.

Unit ids contain slashes ("imss/unit/departamento-de-guarderias"); the routes take them as paths,
so the sub-resources are declared before the plain detail route.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.deps import ReaderDep, SourcesDep
from app.errors import errors
from app.models import (
    Page,
    Subordinates,
    Superiors,
    UnitDetail,
    UnitHistory,
    UnitInstruments,
    UnitPowers,
    UnitSummary,
)
from app.responses import json_of
from app.routes.params import At, Limit, Offset, UnitId, folded
from app.routes.search import find
from app.sources import cite
from app.timeframe import law_on, names_on
from orggraph.errors import NotFound
from questions.parsing import parse_search, searchable

router = APIRouter(prefix="/units", tags=["units"])

Basis = Annotated[str | None, Query(pattern="^(own|class|delegated|retained)$", description="Only this basis")]


async def _unit_or_404(reader: ReaderDep, name: str, unit_id: str, at: dt.date | None = None, **params: object) -> dict:
    """The named query's row for the unit, as the law stood ``at`` (its names too); 404 for an unknown unit,
    a day before its documents speak, or a day it was not law."""
    await law_on(reader, at, unit=unit_id)
    row = await reader.one(name, id=unit_id, at=at, **params)
    if row is None:
        raise NotFound(f"No unit with id {unit_id!r}. List them with GET /units?q=…")
    return await names_on(reader, at, row)


@router.get(
    "",
    response_model=Page[UnitSummary],
    summary="Units; q searches names and former names",
    responses=errors(400, 404, 503, notes={404: "A day (at) before the documents asked about speak"}),
)
async def list_units(
    reader: ReaderDep,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Words of a name or former name, the last one possibly incomplete (jurid); accents "
            "optional. Ranked by the search engine of GET /search. Empty: every unit; without a letter (0): none.",
        ),
    ] = None,
    kind: Annotated[str | None, Query(max_length=40, description="unidad, coordinacion, departamento …")] = None,
    document: Annotated[str | None, Query(max_length=300)] = None,
    organization: Annotated[str | None, Query(max_length=300)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    at: At = None,
) -> Response:
    await law_on(reader, at, organization=organization, document=document)
    rank = None
    if q and q.strip():
        hits: list[dict] = []
        if searchable(q):  # a q without a word (0, punctuation) is a filter nothing passes, not a 400
            _, hits = await find(reader, parse_search(q), ["Unit"], prefix=True, limit=5000)
        rank = {hit["id"]: i for i, hit in enumerate(hits)}
    row = await reader.one(
        "units_list",
        rank=rank,
        kind=folded(kind),
        document=document,
        organization=organization,
        limit=limit,
        offset=offset,
        at=at,
    )
    assert row is not None
    await names_on(reader, at, row)
    return json_of(Page[UnitSummary](total=row["total"], limit=limit, offset=offset, items=row["items"]))


@router.get(
    "/{unit_id:path}/superiors",
    response_model=Superiors,
    summary="Chain of command, nearest first",
    responses=errors(400, 404, 503),
)
async def superiors(unit_id: UnitId, reader: ReaderDep, at: At = None, sources: SourcesDep = None) -> Response:
    row = await _unit_or_404(reader, "unit_superiors", unit_id, at)
    return json_of(Superiors(**row, sources=await cite(sources, reader, at, row)))


@router.get(
    "/{unit_id:path}/subordinates",
    response_model=Subordinates,
    summary="Every unit below, with its depth",
    responses=errors(400, 404, 503),
)
async def subordinates(
    unit_id: UnitId,
    reader: ReaderDep,
    depth: Annotated[int | None, Query(ge=1, le=30, description="Only down to this depth")] = None,
    limit: Limit = 200,
    offset: Offset = 0,
    at: At = None,
    sources: SourcesDep = None,
) -> Response:
    row = await _unit_or_404(reader, "unit_subordinates", unit_id, at, depth=depth, limit=limit, offset=offset)
    return json_of(
        Subordinates(
            unit=row["unit"],
            total=row["total"],
            limit=limit,
            offset=offset,
            items=row["items"],
            sources=await cite(sources, reader, at, ids=[i["document"] for i in row["items"] if i.get("document")]),
        )
    )


@router.get(
    "/{unit_id:path}/powers",
    response_model=UnitPowers,
    summary="Own, class-wide, delegated and retained powers, each with its basis",
    responses=errors(400, 404, 503),
)
async def powers(
    unit_id: UnitId,
    reader: ReaderDep,
    basis: Basis = None,
    limit: Limit = 100,
    offset: Offset = 0,
    at: At = None,
    sources: SourcesDep = None,
) -> Response:
    row = await _unit_or_404(reader, "unit_powers", unit_id, at, basis=basis, limit=limit, offset=offset)
    return json_of(
        UnitPowers(
            unit=row["unit"],
            total=row["total"],
            limit=limit,
            offset=offset,
            items=row["items"],
            sources=await cite(
                sources, reader, at, ids=[i["document"]["id"] for i in row["items"] if i.get("document")]
            ),
        )
    )


@router.get(
    "/{unit_id:path}/history",
    response_model=UnitHistory,
    summary="Former names and restructurings, with dates and instruments",
    description="With `at`, the history as it stood that day: the events effective and the amendments dated on or "
    "before it, the unit under the name it bore then.",
    responses=errors(400, 404, 503),
)
async def history(unit_id: UnitId, reader: ReaderDep, at: At = None, sources: SourcesDep = None) -> Response:
    row = await _unit_or_404(reader, "unit_history", unit_id, at)
    unit = row["unit"]
    return json_of(
        UnitHistory(
            unit=unit,
            former_names=former_names(unit, row["events"], at),
            events=row["events"],
            amendments=row["amendments"],
            sources=await cite(sources, reader, at, row, ids=row["documents"]),
        )
    )


def former_names(unit: dict[str, Any], events: list[dict[str, Any]], at: dt.date | None) -> list[str]:
    """Its other names; with ``at``, the names it had left by that day (the renames read for that day: a name it
    took later is no former name then)."""
    if at is None:
        return unit.get("aliases") or []
    left = [e["from_name"] for e in events if e.get("kind") == "renamed" and e.get("from_name")]
    return [n for n in dict.fromkeys(left) if n != unit.get("name")]


@router.get(
    "/{unit_id:path}/instruments",
    response_model=UnitInstruments,
    summary="Legal instruments the unit's powers rest on",
    description="With `at`, those of the powers it held that day.",
    responses=errors(400, 404, 503),
)
async def instruments(unit_id: UnitId, reader: ReaderDep, at: At = None, sources: SourcesDep = None) -> Response:
    row = await _unit_or_404(reader, "unit_instruments", unit_id, at)
    return json_of(UnitInstruments(**row, sources=await cite(sources, reader, at, ids=row["documents"])))


@router.get(
    "/{unit_id:path}",
    response_model=UnitDetail,
    summary="A unit, its lines, children, power counts, governance and provenance",
    responses=errors(400, 404, 503),
)
async def unit(unit_id: UnitId, reader: ReaderDep, at: At = None, sources: SourcesDep = None) -> Response:
    row = await _unit_or_404(reader, "unit_detail", unit_id, at)
    row["unit"].setdefault("documents", [p["document"] for p in row["provenance"]])
    cited = await cite(sources, reader, at, ids=row["unit"]["documents"])
    return json_of(UnitDetail(**row, conflicts=parent_conflicts(row["parents"]), sources=cited))


def parent_conflicts(parents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Two documents that place the unit under different parents disagree; one document giving a
    unit two parents (a structure list and a sentence) is its own reading, not a conflict."""
    by_document: dict[str | None, set[str]] = {}
    for parent in parents:
        by_document.setdefault(parent.get("document"), set()).add(parent["id"])
    if len(by_document) < 2 or len({frozenset(ids) for ids in by_document.values()}) < 2:
        return []
    statements = [
        {
            "value": {key: parent.get(key) for key in ("id", "name", "kind", "label")},
            "document": parent.get("document"),
            "line_start": parent.get("line_start"),
            "line_end": parent.get("line_end"),
        }
        for parent in sorted(parents, key=lambda p: (p.get("document") or "", p["id"]))
    ]
    return [{"about": "parent", "statements": statements}]
