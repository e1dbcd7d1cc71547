"""GET /provisions/{id}: a piece of legal text with its status, amendments and children; and what
rests on it (GET /provisions/{id}/dependents)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter

from app.deps import ReaderDep, SourcesDep
from app.errors import errors
from app.models import Dependents, ProvisionDetail, holders_of
from app.routes.params import At, ProvisionId
from app.sources import cite
from app.timeframe import law_on
from orggraph.errors import NotFound

router = APIRouter(tags=["provisions"])


@router.get(
    "/provisions/{provision_id:path}/dependents",
    response_model=Dependents,
    summary="What rests on a provision: citations of it in other documents, their powers and units",
    responses=errors(404, 503),
)
async def dependents(provision_id: ProvisionId, reader: ReaderDep) -> Dependents:
    """Registered before the provision itself: a provision's id never ends in "/dependents"."""
    row = await reader.one("provision_dependents", id=provision_id)
    if row is None:
        raise NotFound(f"No provision with id {provision_id!r}")
    return Dependents(**row, units=holders_of(row["powers"]))


@router.get(
    "/provisions/{provision_id:path}",
    response_model=ProvisionDetail,
    summary="Text, status, amendments, children, citations and the power it defines",
    description="With `at`, as it stood that day: its status then, the amendments dated on or before it, the "
    "children in force then; a provision added later is 404, saying from when.",
    responses=errors(400, 404, 503),
)
async def provision(
    provision_id: ProvisionId, reader: ReaderDep, at: At = None, sources: SourcesDep = None
) -> ProvisionDetail:
    row = await reader.one("provision_detail", id=provision_id)
    if row is None:
        raise NotFound(
            f"No provision with id {provision_id!r} (ids look like "
            "imss-bienestar/estatuto-organico/art-54-bis-1/frac-iii)"
        )
    if at is not None:
        await law_on(reader, at, document=row["document"]["id"])
        start = row["provision"].get("valid_from")
        if start is not None and at < start:
            raise NotFound(f"Provision {provision_id!r} was not law on {at.isoformat()}: it is from {start}.")
        row = as_of(row, at)
    return ProvisionDetail(**row, sources=await cite(sources, reader, at, ids=[row["document"]["id"]]))


def as_of(row: dict[str, Any], at: dt.date) -> dict[str, Any]:
    """The provision as it stood on ``at``: its status then, the amendments made by then, the children in force."""

    def status(p: dict[str, Any]) -> str | None:
        end = p.get("valid_to")
        if p.get("status") is None:
            return None
        return "derogated" if end is not None and end <= at else "in_force"

    def born(p: dict[str, Any]) -> bool:
        return p.get("valid_from") is None or p["valid_from"] <= at

    return {
        **row,
        "provision": {**row["provision"], "status": status(row["provision"])},
        "amendments": [a for a in row["amendments"] if a["date"] <= at],
        "children": [{**c, "status": status(c)} for c in row["children"] if born(c)],
    }
