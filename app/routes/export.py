"""GET /export/{format}: the organization charts as JSON-LD (W3C ORG), CSV or GraphML."""

from __future__ import annotations

import csv
import io
from enum import StrEnum
from typing import Annotated, Any
from xml.sax.saxutils import escape, quoteattr

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from app.deps import ReaderDep, SettingsDep
from app.errors import errors
from app.routes.params import At
from app.timeframe import law_on, names_on

router = APIRouter(tags=["export"])

ORG = "http://www.w3.org/ns/org#"


class Format(StrEnum):
    jsonld = "jsonld"
    csv = "csv"
    graphml = "graphml"


@router.get(
    "/export/{format}",
    summary="Units with their parents and reporting lines: JSON-LD (W3C ORG), CSV or GraphML",
    responses={
        200: {"content": {"application/ld+json": {}, "text/csv": {}, "application/graphml+xml": {}}},
        **errors(400, 404, 503),
    },
    description="With `at`, as they stood that day: the units in force then, their lines then, their names then.",
)
async def export(
    format: Format,
    reader: ReaderDep,
    settings: SettingsDep,
    organization: Annotated[str | None, Query(max_length=300, description="Only this organization")] = None,
    at: At = None,
) -> Response:
    await law_on(reader, at, organization=organization)
    rows = await reader.rows("export_units", organization=organization, at=at)
    if at is not None:
        await names_on(reader, at, {"rows": rows})
        names = {r["id"]: r["name"] for r in rows}
        for r in rows:  # the name it bore then is no other name of it then
            r["parent_name"] = names.get(r.get("parent"), r.get("parent_name"))
            r["aliases"] = [a for a in r.get("aliases") or [] if a != r["name"]]
    if format is Format.jsonld:
        return JSONResponse(jsonld(rows, settings.public_url.rstrip("/")), media_type="application/ld+json")
    if format is Format.csv:
        return Response(
            to_csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="orggraph-units.csv"'},
        )
    return Response(
        graphml(rows),
        media_type="application/graphml+xml",
        headers={"Content-Disposition": 'attachment; filename="orggraph.graphml"'},
    )


def _uri(base: str, row: dict[str, Any] | str, label: str | None = None) -> str:
    ident = row if isinstance(row, str) else row["id"]
    kind = label or (row["label"] if isinstance(row, dict) else "Unit")
    return f"{base}/{'organizations' if kind == 'Organization' else 'units'}/{ident}"


def jsonld(rows: list[dict[str, Any]], base: str) -> dict[str, Any]:
    labels = {r["id"]: r["label"] for r in rows}
    graph = []
    for r in rows:
        node: dict[str, Any] = {"@id": _uri(base, r), "skos:prefLabel": r["name"]}
        if r["label"] == "Organization":
            node["@type"] = "org:FormalOrganization"
            if r.get("acronym"):
                node["skos:notation"] = r["acronym"]
        else:
            node["@type"] = "org:OrganizationalUnit"
            node["orggraph:kind"] = r["kind"]
            node["org:unitOf"] = {"@id": _uri(base, r["organization"], "Organization")}
            if r.get("aliases"):
                node["skos:altLabel"] = r["aliases"]
            if r.get("parent"):
                node["org:subOrganizationOf"] = {"@id": _uri(base, r["parent"], labels.get(r["parent"], "Unit"))}
            if r.get("lines"):
                node["org:reportsTo"] = [
                    {"@id": _uri(base, line["id"], labels.get(line["id"], "Unit"))} for line in r["lines"]
                ]
        graph.append(node)
    return {
        "@context": {"org": ORG, "skos": "http://www.w3.org/2004/02/skos/core#", "orggraph": f"{base}/vocab#"},
        "@graph": graph,
    }


def to_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "name", "kind", "organization", "parent_id", "parent_name", "aliases", "documents"])
    for r in rows:
        if r["label"] != "Unit":
            continue
        writer.writerow(
            [
                r["id"],
                r["name"],
                r["kind"],
                r["organization"],
                r.get("parent") or "",
                r.get("parent_name") or "",
                "; ".join(r.get("aliases") or []),
                "; ".join(r["documents"]),
            ]
        )
    return out.getvalue()


def graphml(rows: list[dict[str, Any]]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
        '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
        '  <key id="organization" for="node" attr.name="organization" attr.type="string"/>',
        '  <key id="line" for="edge" attr.name="line" attr.type="string"/>',
        '  <graph id="orggraph" edgedefault="directed">',
    ]
    ids = {r["id"] for r in rows}
    for r in rows:
        lines.append(f"    <node id={quoteattr(r['id'])}>")
        for key in ("name", "kind", "label", "organization"):
            if r.get(key):
                lines.append(f'      <data key="{key}">{escape(str(r[key]))}</data>')
        lines.append("    </node>")
    n = 0
    for r in rows:
        targets = ([(r["parent"], "hierarchical")] if r.get("parent") else []) + [
            (line["id"], line["kind"] or "other") for line in r.get("lines") or []
        ]
        for target, kind in targets:
            if target in ids:
                n += 1
                lines.append(
                    f'    <edge id="e{n}" source={quoteattr(r["id"])} target={quoteattr(target)}>'
                    f'<data key="line">{escape(kind)}</data></edge>'
                )
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"
