"""GET /ask: a question in Spanish, read by rules, answered by the endpoint that answers its kind."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.ask import answer
from app.deps import ReaderDep, SourcesDep
from app.errors import errors
from app.models import Answer
from app.routes.params import At
from app.sources import cite
from questions.ask import KINDS

router = APIRouter(tags=["questions"])

EXAMPLES = "\n".join(f"- `{kind}`: " + " · ".join(examples) for kind, examples in KINDS.items())


@router.get(
    "/ask",
    response_model=Answer,
    summary="Ask in Spanish: who may X, what may U do, to whom U reports, what depends on U, on what basis …",
    description="A rule-based reader of Spanish questions (accents, case, ¿?, articles and courtesy words "
    "optional): it recognises the kind and its slots, answers through the endpoint of that kind, and says each "
    "item in one Spanish sentence with its citation. A question it cannot read, or a name that fits several "
    "units, is answered 422 with the kinds it knows: never a guess.\n\nKinds and examples:\n" + EXAMPLES,
    responses=errors(400, 404, 422, 503),
)
async def ask(
    reader: ReaderDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=300,
            description="The question, in Spanish",
            openapi_examples={"who_may": {"value": "¿Quién puede firmar contratos?"}},
        ),
    ],
    at: At = None,
    sources: SourcesDep = None,
) -> Answer:
    out = await answer(reader, q, at)
    return Answer(**out, sources=await cite(sources, reader, at, out))
