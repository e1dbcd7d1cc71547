"""GET /who-may: every unit that may do X, how it holds the power, on what conditions and basis."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import TypeAdapter

from app.deps import ReaderDep, SourcesDep
from app.errors import errors
from app.models import HolderPower, WhoMay, WhoMayQuestion
from app.responses import json_of
from app.routes.params import At, Limit, Offset
from app.sources import cite
from app.timeframe import law_on, names_on
from questions.parsing import WHO_MAY_CAP, group_holders, matching, parse_who_may

router = APIRouter(tags=["powers"])

# Each field a holder's power shares with the other holders of the same power, validated by its own type.
_SHARED = {
    name: TypeAdapter(field.annotation)
    for name, field in HolderPower.model_fields.items()
    if name not in ("basis", "class_kind")
}


def validated_once(shared: dict[str, Any]) -> dict[str, Any]:
    """A power's basis, match, conditions … as models, once per power: each holder's ``HolderPower`` then
    takes them as they are (pydantic does not validate a model instance again), so a power held by seven
    units costs one validation of its legal basis, not seven."""
    return {name: _SHARED[name].validate_python(value) for name, value in shared.items()}


@router.get(
    "/who-may",
    response_model=WhoMay,
    summary="Who may do X: holders (own, class-wide, delegated, retained), conditions and legal basis",
    description="Ask in ordinary Spanish (`q=firmar resoluciones de pensiones`, `q=firma de pensiones`) or "
    "split it (`action=suscribir&object=convenios`). Accents and inflection do not matter; firmar and "
    "suscribir are the same action.\n\n"
    "**Required: at least one of `q`, `action`, `object`, not empty** (OpenAPI cannot say that one of several "
    "parameters is required, so it is said here): without one, or with no word to look for (stop words such as "
    "`de` alone), the answer is 400. Every word of `action` must "
    "be an action orggraph knows (an infinitive such as firmar, or a noun of one such as firma), else 400.",
    responses=errors(
        400,
        404,
        503,
        notes={
            400: "No question (none of q, action, object, or only stop words), an action orggraph does not know, "
            "or another invalid parameter (bad_request); the message says which",
            404: "A day (at) before the documents asked about speak",
        },
    ),
)
async def who_may(
    reader: ReaderDep,
    q: Annotated[
        str | None,
        Query(
            max_length=300,
            description="The question: an action and what it acts on. Required unless action or object is given.",
            openapi_examples={"question": {"value": "firmar resoluciones de pensiones"}},
        ),
    ] = None,
    action: Annotated[
        str | None,
        Query(max_length=60, description="An action orggraph knows: firmar, delegar, nombrar, firma … (else 400)"),
    ] = None,
    object: Annotated[
        str | None,
        Query(max_length=200, description="What it acts on: pensiones, convenios … Required unless q or action is."),
    ] = None,
    organization: Annotated[str | None, Query(max_length=300, description="Only this organization's powers")] = None,
    document: Annotated[str | None, Query(max_length=300, description="Only this document's powers")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    at: At = None,
    sources: SourcesDep = None,
) -> Response:
    question = parse_who_may(q, action, object)
    await law_on(reader, at, organization=organization, document=document)
    rows = await reader.rows(
        "who_may",
        actions=question.action_stems,
        objects=question.object_stems,
        organization=organization,
        document=document,
        at=at,
    )
    truncated = len(rows) >= WHO_MAY_CAP
    rows = matching(rows, question)
    await names_on(reader, at, {"rows": rows})  # before grouping: the holders share the rows' unit records
    holders = group_holders(rows, shared=validated_once)
    delegations = []
    if "delegar" in question.actions and not question.objects:
        # "Who may delegate" is also answered by the delegation statements, not only by powers to delegate.
        delegations = await reader.rows("delegators", organization=organization, document=document)
    page = holders[offset : offset + limit]
    return json_of(
        WhoMay(
            question=WhoMayQuestion(text=question.text, actions=question.actions, objects=question.objects),
            powers=len(rows),
            truncated=truncated,
            total=len(holders),
            limit=limit,
            offset=offset,
            items=page,
            delegations=delegations,
            sources=await cite(sources, reader, at, ids=documents_of(rows, delegations)),
        )
    )


def documents_of(rows: list[dict[str, Any]], delegations: list[dict[str, Any]]) -> list[str]:
    """The documents of the powers that answer (each who_may.cypher row's) and of the delegation statements."""
    ids = {row["document"]["id"] for row in rows if row.get("document")}
    return sorted(ids | {d["document"] for d in delegations if d.get("document")})
