"""Legal instruments: the laws, reglamentos, acuerdos … the documents cite, and who cites them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.deps import ReaderDep
from app.errors import errors
from app.models import InstrumentDependents, InstrumentDetail, InstrumentSummary, Page, holders_of
from app.routes.params import InstrumentId, Limit, Offset, folded
from orggraph.errors import NotFound

router = APIRouter(prefix="/legal-instruments", tags=["legal instruments"])


@router.get(
    "",
    response_model=Page[InstrumentSummary],
    summary="Legal instruments by type and title",
    responses=errors(400, 503),
)
async def list_instruments(
    reader: ReaderDep,
    type: Annotated[
        str | None,
        Query(
            max_length=40,
            description="constitucion, ley-general, ley-federal, ley, codigo, "
            "reglamento, decreto, acuerdo, norma, lineamientos, politicas, manual …",
        ),
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="Part of the title; accents optional")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[InstrumentSummary]:
    row = await reader.one("instruments_list", type=folded(type), q=folded(q), limit=limit, offset=offset)
    assert row is not None
    return Page[InstrumentSummary](total=row["total"], limit=limit, offset=offset, items=row["items"])


@router.get(
    "/{instrument_id:path}/dependents",
    response_model=InstrumentDependents,
    summary="What rests on an instrument: what cites it, what refers to that, their powers and units",
    responses=errors(400, 404, 503),
)
async def instrument_dependents(
    instrument_id: InstrumentId,
    reader: ReaderDep,
    limit: Annotated[int, Query(ge=1, le=2000, description="At most this many referring elements")] = 500,
) -> InstrumentDependents:
    """Registered before the instrument itself: an instrument's id never ends in "/dependents"."""
    row = await reader.one("instrument_dependents", id=instrument_id, limit=limit)
    if row is None:
        raise NotFound(f"No legal instrument with id {instrument_id!r}. List them with GET /legal-instruments")
    return InstrumentDependents(**row, units=holders_of(row["powers"]))


@router.get(
    "/{instrument_id:path}",
    response_model=InstrumentDetail,
    summary="An instrument and who cites it: documents, provisions, units whose powers rest on it",
    responses=errors(404, 503),
)
async def instrument(instrument_id: InstrumentId, reader: ReaderDep) -> InstrumentDetail:
    row = await reader.one("instrument_detail", id=instrument_id)
    if row is None:
        raise NotFound(f"No legal instrument with id {instrument_id!r}. List them with GET /legal-instruments")
    return InstrumentDetail(**row)
