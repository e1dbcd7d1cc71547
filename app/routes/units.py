"""Units: list, detail, chain of command, subordinates, powers, history.

Unit ids contain slashes ("imss/unit/departamento-de-guarderias"); the routes take them as paths,
so the sub-resources are declared before the plain detail route.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.deps import ReaderDep
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
from app.routes.params import Limit, Offset, UnitId, folded
from app.routes.search import find
from orggraph.errors import NotFound
from questions.parsing import parse_search, searchable

router = APIRouter(prefix="/units", tags=["units"])

Basis = Annotated[str | None, Query(pattern="^(own|class|delegated|retained)$", description="Only this basis")]


async def _unit_or_404(reader: ReaderDep, name: str, unit_id: str, **params: object) -> dict:
    row = await reader.one(name, id=unit_id, **params)
    if row is None:
        raise NotFound(f"No unit with id {unit_id!r}. List them with GET /units?q=…")
    return row


@router.get(
    "",
    response_model=Page[UnitSummary],
    summary="Units; q searches names and former names",
    responses=errors(400, 503),
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
) -> Response:
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
    )
    assert row is not None
    return json_of(Page[UnitSummary](total=row["total"], limit=limit, offset=offset, items=row["items"]))


@router.get(
    "/{unit_id:path}/superiors",
    response_model=Superiors,
    summary="Chain of command, nearest first",
    responses=errors(404, 503),
)
async def superiors(unit_id: UnitId, reader: ReaderDep) -> Response:
    return json_of(Superiors(**await _unit_or_404(reader, "unit_superiors", unit_id)))


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
) -> Response:
    row = await _unit_or_404(reader, "unit_subordinates", unit_id, depth=depth, limit=limit, offset=offset)
    return json_of(Subordinates(unit=row["unit"], total=row["total"], limit=limit, offset=offset, items=row["items"]))


@router.get(
    "/{unit_id:path}/powers",
    response_model=UnitPowers,
    summary="Own, class-wide, delegated and retained powers, each with its basis",
    responses=errors(400, 404, 503),
)
async def powers(
    unit_id: UnitId, reader: ReaderDep, basis: Basis = None, limit: Limit = 100, offset: Offset = 0
) -> Response:
    row = await _unit_or_404(reader, "unit_powers", unit_id, basis=basis, limit=limit, offset=offset)
    return json_of(UnitPowers(unit=row["unit"], total=row["total"], limit=limit, offset=offset, items=row["items"]))


@router.get(
    "/{unit_id:path}/history",
    response_model=UnitHistory,
    summary="Former names and restructurings, with dates and instruments",
    responses=errors(404, 503),
)
async def history(unit_id: UnitId, reader: ReaderDep) -> Response:
    row = await _unit_or_404(reader, "unit_history", unit_id)
    unit = row["unit"]
    return json_of(
        UnitHistory(
            unit=unit, former_names=unit.get("aliases") or [], events=row["events"], amendments=row["amendments"]
        )
    )


@router.get(
    "/{unit_id:path}/instruments",
    response_model=UnitInstruments,
    summary="Legal instruments the unit's powers rest on",
    responses=errors(404, 503),
)
async def instruments(unit_id: UnitId, reader: ReaderDep) -> Response:
    return json_of(UnitInstruments(**await _unit_or_404(reader, "unit_instruments", unit_id)))


@router.get(
    "/{unit_id:path}",
    response_model=UnitDetail,
    summary="A unit, its lines, children, power counts, governance and provenance",
    responses=errors(404, 503),
)
async def unit(unit_id: UnitId, reader: ReaderDep) -> Response:
    row = await _unit_or_404(reader, "unit_detail", unit_id)
    row["unit"].setdefault("documents", [p["document"] for p in row["provenance"]])
    return json_of(UnitDetail(**row))
