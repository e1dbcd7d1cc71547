"""GET /documents/{id}/diff: what a reform changed, between two days (issue 16).

The comparison itself is orggraph.diff (pure, shared with ``orggraph diff``); here the document's timeline
is read through its named query and the answer given as JSON or Markdown.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BeforeValidator

from app.deps import ReaderDep
from app.errors import errors
from app.responses import json_of
from app.routes.params import _id, _iso_day
from app.timeframe import law_on
from orggraph.diff import DocumentDiff, diff, markdown
from orggraph.errors import NotFound

router = APIRouter(tags=["documents"])

Day = Annotated[dt.date | None, BeforeValidator(_iso_day)]
DocumentId = Annotated[str, _id("A document id", "imss-bienestar/estatuto-organico")]


@router.get(
    "/documents/{document_id:path}/diff",
    response_model=DocumentDiff,
    summary="What changed in a document between two days: units, powers, provisions, reporting lines",
    description="Units added, removed, renamed or moved; powers added, removed or reworded; provisions added, "
    "modified or derogated (the outermost of each: a Título added is one change with the articles inside it); "
    "reporting lines added or removed. Grouped by the unit concerned, each with its provision and the "
    "amendment notes dated between the two days. The document prints only the text as modified, so a reworded "
    "power has no earlier text. `format=markdown` answers a readable Markdown rendering. A day before the "
    "document speaks is 404.",
    responses={200: {"content": {"text/markdown": {}}}, **errors(400, 404, 503)},
)
async def document_diff(
    document_id: DocumentId,
    reader: ReaderDep,
    from_: Annotated[
        Day,
        Query(
            alias="from",
            description="The earlier day (YYYY-MM-DD); omitted: the day the document became law",
            openapi_examples={"before the first reform": {"value": "2023-09-14"}},
        ),
    ] = None,
    to: Annotated[Day, Query(description="The later day (YYYY-MM-DD); omitted: today")] = None,
    format: Annotated[Literal["json", "markdown"], Query(description="json, or a Markdown rendering")] = "json",
) -> Response:
    row = await reader.one("document_timeline", document=document_id)
    if row is None:
        raise NotFound(f"No document {document_id!r}. List them with GET /documents.")
    start = from_ or row["document"].get("valid_from") or dt.date.min
    end = to or dt.date.today()
    for day in (start, end):
        await law_on(reader, day if day != dt.date.min else None, document=document_id)
    result = diff(row, start, end)
    if format == "markdown":
        return Response(markdown(result), media_type="text/markdown; charset=utf-8")
    return json_of(result)
