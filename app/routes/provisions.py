"""GET /provisions/{id}: a piece of legal text with its status, amendments and children; and what
rests on it (GET /provisions/{id}/dependents)."""

from __future__ import annotations

from fastapi import APIRouter

from app.deps import ReaderDep
from app.errors import errors
from app.models import Dependents, ProvisionDetail, holders_of
from app.routes.params import ProvisionId
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
    responses=errors(404, 503),
)
async def provision(provision_id: ProvisionId, reader: ReaderDep) -> ProvisionDetail:
    row = await reader.one("provision_detail", id=provision_id)
    if row is None:
        raise NotFound(
            f"No provision with id {provision_id!r} (ids look like "
            "imss-bienestar/estatuto-organico/art-54-bis-1/frac-iii)"
        )
    return ProvisionDetail(**row)
