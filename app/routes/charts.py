"""Organizations and org charts: JSON for the explorer; SVG, PNG and PDF drawn on the server as the explorer
draws them (app/charts/svg.py)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import ConfigDict, Field

from app.charts.svg import render_pdf, render_png, render_svg
from app.deps import ReaderDep, SourcesDep
from app.errors import errors
from app.models import AnswerSources, Model, UnitPowers
from app.routes.params import At, Limit, Offset, OrganizationId, UnitId
from app.sources import Sources, cite
from app.timeframe import law_on, names_on
from loaders.identity import fold_chart
from orggraph.errors import NotFound

router = APIRouter(tags=["charts"])

Depth = Annotated[int | None, Query(ge=1, le=30, description="Levels below the root (all when omitted)")]


class ChartNode(Model):
    id: str
    name: str
    kind: str | None = None
    depth: int
    parent: str | None = None
    aliases: list[str] | None = None
    described: bool | None = None
    powers: int = 0
    label: str | None = Field(None, description="Unit, or Organization for a body with its own documents")
    organization: str | None = None
    same_as: list[str] = Field(
        [], description="The other nodes this unit is: the body its own documents are about, or another document's name"
    )
    documents: list[str] = Field([], description="The documents that place or describe it")
    parents: list[dict[str, Any]] | None = Field(
        None, description="Where the documents disagree about its parent: each parent, with the documents saying so"
    )


class ChartLine(Model):
    model_config = ConfigDict(populate_by_name=True, extra="ignore")

    from_: str = Field(alias="from")
    to: str
    kind: str | None = None


class OrgChart(Model):
    root: dict[str, Any]
    nodes: list[ChartNode]
    lines: list[ChartLine]
    organization: dict[str, Any] | None = Field(None, description="The organization the chart belongs to")
    documents: list[dict[str, Any]] = Field([], description="The documents that describe its units")
    sources: AnswerSources = None


class Organization(Model):
    organization: dict[str, Any]
    top_units: list[dict[str, Any]]
    units: int
    documents: list[dict[str, Any]]


@router.get(
    "/organizations",
    response_model=list[Organization],
    summary="Bodies with a described structure",
    responses=errors(503),
)
async def organizations(reader: ReaderDep) -> list[Organization]:
    return [Organization(**row) for row in await reader.rows("organizations")]


@router.get(
    "/organizations/{organization_id:path}/powers",
    response_model=UnitPowers,
    summary='The powers of an organization\'s own titular ("la persona Titular de la Secretaría")',
    responses=errors(400, 404, 503),
)
async def organization_powers(
    organization_id: OrganizationId, reader: ReaderDep, limit: Limit = 100, offset: Offset = 0
) -> UnitPowers:
    row = await reader.one("unit_powers", id=organization_id, basis=None, limit=limit, offset=offset, at=None)
    if row is None:
        raise NotFound(f"no organization {organization_id!r}")
    return UnitPowers(unit=row["unit"], total=row["total"], limit=limit, offset=offset, items=row["items"])


async def chart(
    reader: ReaderDep, root: str, depth: int | None, at: dt.date | None = None, sources: Sources | None = None
) -> OrgChart:
    """The subtree under ``root``, as the law stood ``at`` (None: today); with ``sources``, saying on what."""
    if "/unit/" in root:
        await law_on(reader, at, unit=root)
    else:
        await law_on(reader, at, organization=root)
    row = await reader.one("orgchart", root=root, depth=depth, at=at)
    if row is None:
        raise NotFound(f"No unit or organization with id {root!r}")
    folded = fold_chart(root, row["nodes"], row["lines"])  # each unit once, across documents
    if depth is not None:
        folded["nodes"] = [n for n in folded["nodes"] if n["depth"] <= depth]
        kept = {root} | {n["id"] for n in folded["nodes"]}
        folded["lines"] = [line for line in folded["lines"] if line["from"] in kept and line["to"] in kept]
    cited = await cite(sources, reader, at, ids=[d["id"] for d in row["documents"] if d.get("id")])
    return OrgChart(**await names_on(reader, at, {**row, **folded}), sources=cited)


@router.get(
    "/orgchart",
    response_model=OrgChart,
    summary="A subtree as nodes and lines (hierarchical and others)",
    responses=errors(400, 404, 503),
)
async def orgchart(
    reader: ReaderDep,
    root: Annotated[
        str,
        Query(
            max_length=300,
            description="A unit id or an organization id (imss-bienestar)",
            openapi_examples={"organization": {"value": "imss-bienestar"}},
        ),
    ],
    depth: Depth = None,
    at: At = None,
    sources: SourcesDep = None,
) -> OrgChart:
    return await chart(reader, root, depth, at, sources)


@router.get(
    "/units/{unit_id:path}/orgchart.svg",
    response_class=Response,
    summary="The subtree as an SVG chart",
    responses={200: {"content": {"image/svg+xml": {}}}, **errors(400, 404, 503)},
)
async def orgchart_svg(unit_id: UnitId, reader: ReaderDep, depth: Depth = None, at: At = None) -> Response:
    data = await chart(reader, unit_id, depth, at)
    return Response(render_svg(data.model_dump(by_alias=False)), media_type="image/svg+xml")


@router.get(
    "/units/{unit_id:path}/orgchart.png",
    response_class=Response,
    summary="The subtree as a PNG chart",
    responses={200: {"content": {"image/png": {}}}, **errors(400, 404, 503)},
)
async def orgchart_png(unit_id: UnitId, reader: ReaderDep, depth: Depth = None, at: At = None) -> Response:
    data = await chart(reader, unit_id, depth, at)
    return Response(render_png(data.model_dump(by_alias=False)), media_type="image/png")


@router.get(
    "/units/{unit_id:path}/orgchart.pdf",
    response_class=Response,
    summary="The subtree as a PDF chart, to print",
    responses={200: {"content": {"application/pdf": {}}}, **errors(400, 404, 503)},
)
async def orgchart_pdf(unit_id: UnitId, reader: ReaderDep, depth: Depth = None, at: At = None) -> Response:
    data = await chart(reader, unit_id, depth, at)
    name = unit_id.rstrip("/").rsplit("/", 1)[-1]
    return Response(
        render_pdf(data.model_dump(by_alias=False)),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="organigrama-{name}.pdf"'},
    )
