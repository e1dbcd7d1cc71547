"""Legal instruments: the laws, reglamentos, acuerdos … the documents cite, and who cites them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.deps import ReaderDep
from app.errors import errors
from app.models import InstrumentDetail, InstrumentSummary, Page
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
