"""Exported charts look like the explorer's: its colours, its layout (checked in Chromium by
tests/e2e/test_explorer_analysts.py), a title, the source documents and the date; and a PDF to print."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from fastapi.testclient import TestClient

from app.charts.svg import spanish_date

SVG = "{http://www.w3.org/2000/svg}"
JURIDICA = "imss-bienestar/unit/unidad-juridica"
STATIC = Path(__file__).resolve().parents[2] / "app" / "explorer" / "static"


def css_colours() -> dict[str, str]:
    css = (STATIC / "explorer.css").read_text(encoding="utf-8")
    return dict(re.findall(r"--(normative|functional|operational|hier):\s*(#[0-9a-fA-F]{6})", css))


def js_kind_colours() -> dict[str, str]:
    js = (STATIC / "js" / "constants.js").read_text(encoding="utf-8")
    block = re.search(r"const KIND_COLORS = \{(.*?)\};", js, re.S)
    assert block is not None
    return dict(re.findall(r"(\w+): \"(#[0-9a-fA-F]{6})\"", block.group(1)))


def test_exports_use_the_screens_colours(api: TestClient) -> None:
    colours = css_colours()
    kinds = js_kind_colours()
    svg = api.get("/units/imss/orgchart.svg").text
    root = ET.fromstring(svg)
    normative = [p for p in root.iter(f"{SVG}path") if p.get("class") == "line normative"]
    assert normative and {p.get("stroke") for p in normative} == {colours["normative"]}
    hierarchical = [p for p in root.iter(f"{SVG}path") if p.get("class") == "line hierarchical"]
    assert hierarchical and {p.get("stroke") or "" for p in hierarchical} <= {colours["hier"], ""}
    assert f'stroke="{colours["hier"]}"' in svg
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "legend")
    samples = {p.get("data-line"): p.get("stroke") for p in legend.iter(f"{SVG}path")}
    assert samples == {
        "hierarchical": colours["hier"],
        "normative": colours["normative"],
        "functional": colours["functional"],
        "operational": colours["operational"],
    }
    stripes = {
        g.get("data-kind"): next(r.get("fill") for r in g.iter(f"{SVG}rect") if r.get("class") == "stripe")
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "unit" and g.get("data-kind") != "organization"
    }
    assert stripes and all(colour == kinds.get(kind, "#64748b") for kind, colour in stripes.items())


def test_dashed_lines_run_under_the_boxes(api: TestClient) -> None:
    svg = api.get("/units/imss/orgchart.svg").text
    assert svg.index('class="other-lines"') < svg.index('class="unit"')  # never across a box's text


def test_exports_carry_a_title_the_source_and_the_date(api: TestClient) -> None:
    svg = api.get(f"/units/{JURIDICA}/orgchart.svg").text
    root = ET.fromstring(svg)
    texts = {t.get("class"): " ".join(t.itertext()) for t in root.iter(f"{SVG}text") if t.get("class")}
    assert texts["title"] == "Organigrama: Unidad Jurídica"
    assert texts["subtitle"] == "Servicios de Salud del Instituto Mexicano del Seguro Social para el Bienestar"
    assert texts["source"].startswith("Fuente: Estatuto Orgánico de Servicios de Salud del Instituto Mexicano")
    assert "publicado el 13-09-2023" in texts["source"] and "última reforma 28-12-2023" in texts["source"]
    assert texts["date"] == f"Elaborado el {spanish_date(dt.date.today())} con orggraph"
    org = ET.fromstring(api.get("/units/imss/orgchart.svg").text)
    texts = {t.get("class"): " ".join(t.itertext()) for t in org.iter(f"{SVG}text") if t.get("class")}
    assert texts["title"] == "Organigrama: Instituto Mexicano del Seguro Social"
    assert "subtitle" not in texts  # the organization's own chart: its name is the title
    assert texts["source"].startswith("Fuente: Manual de Organización de la Jefatura de Servicios de Salud")
    assert "vigente desde 01-09-2022" in texts["source"]


def test_spanish_dates() -> None:
    assert spanish_date(dt.date(2023, 11, 28)) == "28 de noviembre de 2023"
    assert spanish_date(dt.date(2024, 1, 1)) == "1 de enero de 2024"


def test_pdf_export_for_printing(api: TestClient) -> None:
    response = api.get(f"/units/{JURIDICA}/orgchart.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert 'filename="organigrama-unidad-juridica.pdf"' in response.headers["content-disposition"]
    body = response.content
    assert body.startswith(b"%PDF-") and body.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page\b", body)) == 1
    assert api.get("/units/imss/unit/nope/orgchart.pdf").status_code == 404
    assert "/units/{unit_id}/orgchart.pdf" in api.get("/openapi.json").json()["paths"]
