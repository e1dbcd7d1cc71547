"""GET /documents/{id}/diff: what a reform changed, between two days (issue 16).

The comparison itself is orggraph.diff (pure, shared with ``orggraph diff``); here the document's timeline
is read through its named query and the answer given as JSON or Markdown.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BeforeValidator, Field

from app.deps import ReaderDep
from app.errors import errors
from app.models import Model
from app.responses import json_of
from app.routes.params import _id, _iso_day
from app.timeframe import law_on
from loaders.versions import load, version_day
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
    version: Annotated[
        str | None,
        Query(
            max_length=400,
            description="An earlier version's id (GET /documents/{id}/versions): compare that text, as it stood on "
            "its own last day, with the current text on `to` (`from` is then ignored)",
        ),
    ] = None,
) -> Response:
    row = await reader.one("document_timeline", document=document_id)
    if row is None:
        raise NotFound(f"No document {document_id!r}. List them with GET /documents.")
    earlier = None
    if version:
        kept = await reader.one("document_version", id=version, document=document_id)
        if kept is None:
            raise NotFound(f"No version {version!r} of {document_id!r}; see GET /documents/{document_id}/versions.")
        earlier, from_ = load(kept["timeline"]), kept["version"]["version_day"]
    start = from_ or row["document"].get("valid_from") or dt.date.min
    end = to or dt.date.today()
    for day in (start, end) if earlier is None else (end,):
        await law_on(reader, day if day != dt.date.min else None, document=document_id)
    result = diff(earlier, start, end, later=row) if earlier is not None else diff(row, start, end)
    if format == "markdown":
        return Response(markdown(result), media_type="text/markdown; charset=utf-8")
    return json_of(result)


class VersionInfo(Model):
    id: str = Field(description="The document's id for the current text; the version's id (id@day) for an earlier one")
    title: str | None = None
    published: dt.date | None = None
    last_modified: dt.date | None = None
    in_force: dt.date | None = None
    valid_from: dt.date | None = None
    version_day: dt.date | None = Field(None, description="Its last reform's day, else its start")
    sha256: str | None = None
    loaded_at: str | None = None
    superseded_at: str | None = Field(None, description="When a later text replaced it")
    source_file: str | None = None


class DocumentVersions(Model):
    document: str
    current: VersionInfo = Field(description="The text every other answer rests on")
    versions: list[VersionInfo] = Field(description="Earlier texts kept when a later one was loaded, oldest first")


@router.get(
    "/documents/{document_id:path}/versions",
    response_model=DocumentVersions,
    summary="The current text of a document and the earlier texts kept when later ones were loaded",
    description="Loading a later text of a loaded document (same organization and kind, a later reform, "
    "publication or entry into force) keeps the loaded one as a version; compare them with "
    "GET /documents/{id}/diff?version=. Every other answer rests on the current text.",
    responses=errors(404, 503),
)
async def document_versions(document_id: DocumentId, reader: ReaderDep) -> DocumentVersions:
    row = await reader.one("document_versions", document=document_id)
    if row is None:
        raise NotFound(f"No document {document_id!r}. List them with GET /documents.")
    current = {**row["current"], "version_day": version_day(row["current"])}
    return DocumentVersions(document=document_id, current=VersionInfo(**current), versions=row["versions"])
