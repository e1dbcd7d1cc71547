"""GET /amendments: what changed, provision by provision."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BeforeValidator

from app.deps import ReaderDep
from app.errors import errors
from app.models import AmendmentItem, Page
from app.routes.params import At, Limit, Offset
from app.timeframe import law_on

router = APIRouter(tags=["amendments"])


def iso_date(value: object) -> object:
    """YYYY-MM-DD only, as the OpenAPI's `format: date` says: pydantic alone reads 0 as 1970-01-01."""
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError("a date is YYYY-MM-DD, e.g. 2023-11-28")
    return value


@router.get(
    "/amendments",
    response_model=Page[AmendmentItem],
    summary="Amendments by date, authority and kind",
    description="With `at`, the amendments made on or before that day (the later ones had not happened).",
    responses=errors(400, 404, 503, notes={404: "A day (at) before the documents asked about speak"}),
)
async def amendments(
    reader: ReaderDep,
    date: Annotated[dt.date | None, BeforeValidator(iso_date), Query(description="YYYY-MM-DD, e.g. 2023-11-28")] = None,
    authority: Annotated[str | None, Query(max_length=10, description="DOF, JG …")] = None,
    kind: Annotated[str | None, Query(pattern="^(added|modified|derogated|relocated|clarified)$")] = None,
    document: Annotated[str | None, Query(max_length=300)] = None,
    limit: Limit = 100,
    offset: Offset = 0,
    at: At = None,
) -> Page[AmendmentItem]:
    await law_on(reader, at, document=document)
    row = await reader.one(
        "amendments_list",
        date=date.isoformat() if date else None,
        authority=authority.upper() if authority else None,
        kind=kind,
        document=document,
        limit=limit,
        offset=offset,
        at=at,
    )
    assert row is not None
    return Page[AmendmentItem](total=row["total"], limit=limit, offset=offset, items=row["items"])
