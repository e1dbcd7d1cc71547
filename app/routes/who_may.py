"""GET /who-may: every unit that may do X, how it holds the power, on what conditions and basis."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.deps import ReaderDep
from app.models import WhoMay, WhoMayQuestion
from app.routes.params import Limit, Offset
from orggraph.questions import group_holders, parse_who_may

router = APIRouter(tags=["powers"])


@router.get(
    "/who-may",
    response_model=WhoMay,
    summary="Who may do X: holders (own, class-wide, delegated, retained), conditions and legal basis",
    description="Ask in ordinary Spanish (`q=firmar resoluciones de pensiones`, `q=firma de pensiones`) or "
    "split it (`action=suscribir&object=convenios`). Accents and inflection do not matter; firmar and "
    "suscribir are the same action.",
)
async def who_may(
    reader: ReaderDep,
    q: Annotated[str | None, Query(max_length=300, description="The question: an action and what it acts on")] = None,
    action: Annotated[str | None, Query(max_length=60, description="An action: firmar, delegar, nombrar …")] = None,
    object: Annotated[str | None, Query(max_length=200, description="What it acts on: pensiones, convenios …")] = None,
    organization: Annotated[str | None, Query(max_length=300, description="Only this organization's powers")] = None,
    document: Annotated[str | None, Query(max_length=300, description="Only this document's powers")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> WhoMay:
    question = parse_who_may(q, action, object)
    rows = await reader.rows(
        "who_may",
        actions=question.action_stems,
        objects=question.object_stems,
        organization=organization,
        document=document,
    )
    holders = group_holders(rows)
    delegations = []
    if "delegar" in question.actions and not question.objects:
        # "Who may delegate" is also answered by the delegation statements, not only by powers to delegate.
        delegations = await reader.rows("delegators", organization=organization, document=document)
    return WhoMay(
        question=WhoMayQuestion(text=question.text, actions=question.actions, objects=question.objects),
        powers=len(rows),
        total=len(holders),
        limit=limit,
        offset=offset,
        items=holders[offset : offset + limit],
        delegations=delegations,
    )
