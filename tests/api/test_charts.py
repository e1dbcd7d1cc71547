"""Server-side org charts: the SVG parses, shows every unit of the subtree once, no boxes overlap,
and it stays so for a few hundred units; the PNG is a PNG. The Neo4j Browser's style and guide are
served where the server's configuration points the Browser."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from app.charts.svg import render_svg
from cli.commands import browser_settings
from orggraph.settings import Settings

SVG = "{http://www.w3.org/2000/svg}"


def boxes(svg: str) -> dict[str, tuple[float, float, float, float]]:
    root = ET.fromstring(svg)
    out: dict[str, tuple[float, float, float, float]] = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "unit":
            continue
        x, y = map(float, re.match(r"translate\(([\d.]+),([\d.]+)\)", group.get("transform", "")).groups())
        rect = group.find(f"{SVG}rect")
        unit = group.get("data-id") or ""
        assert unit not in out, f"{unit} drawn twice"
        out[unit] = (x, y, x + float(rect.get("width")), y + float(rect.get("height")))
    return out


def overlapping(rects: dict[str, tuple[float, float, float, float]]) -> list[tuple[str, str]]:
    items = sorted(rects.items(), key=lambda kv: (kv[1][0], kv[1][1]))
    bad = []
    for i, (a, (ax1, ay1, ax2, ay2)) in enumerate(items):
        for b, (bx1, by1, bx2, by2) in items[i + 1 :]:
            if bx1 >= ax2:
                break
            if ax1 < bx2 and bx1 < ax2 and ay1 < by2 and by1 < ay2:
                bad.append((a, b))
    return bad


def test_svg_of_a_real_subtree(api: TestClient) -> None:
    response = api.get("/units/imss-bienestar/unit/junta-de-gobierno/orgchart.svg")
    assert response.headers["content-type"].startswith("image/svg+xml")
    drawn = boxes(response.text)
    subtree = api.get("/units/imss-bienestar/unit/junta-de-gobierno/subordinates", params={"limit": 500}).json()
    assert set(drawn) == {"imss-bienestar/unit/junta-de-gobierno"} | {u["id"] for u in subtree["items"]}
    assert len(drawn) == 1 + subtree["total"] == 52  # all 53 statute units but the Órgano de Vigilancia
    assert overlapping(drawn) == []
    assert "Coordinación de Normatividad y" in response.text  # long names are wrapped over lines


def test_svg_draws_both_kinds_of_line_with_a_legend(api: TestClient) -> None:
    svg = api.get("/units/imss/unit/organo-de-operacion-administrativa-desconcentrada/orgchart.svg").text
    assert 'class="legend"' in svg and "jerárquica" in svg and "normativa" in svg
    assert svg.count('class="line hierarchical"') == 8  # 3 under the OOAD + 5 under the Jefatura
    chart = api.get("/orgchart", params={"root": "imss"}).json()
    whole = api.get("/units/imss/unit/organo-de-operacion-administrativa-desconcentrada/orgchart.svg").text
    assert chart["lines"] == [
        {
            "from": "imss/unit/jefatura-de-servicios-de-salud-en-el-trabajo-prestaciones-economicas-y-sociales",
            "to": "imss/unit/direccion-de-prestaciones-economicas-y-sociales",
            "kind": "normative",
        }
    ]
    assert whole  # the normative target is outside this subtree, so it is not drawn here …
    org_svg = render_svg({**chart, "lines": chart["lines"]})
    assert 'class="line normative"' in org_svg  # … but it is in the organization's chart


def test_depth_limits_the_subtree_and_png_is_a_png(api: TestClient) -> None:
    shallow = boxes(api.get("/units/imss-bienestar/unit/unidad-juridica/orgchart.svg", params={"depth": 1}).text)
    assert len(shallow) == 1 + 3
    png = api.get("/units/imss-bienestar/unit/unidad-juridica/orgchart.png")
    assert png.headers["content-type"] == "image/png" and png.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert api.get("/units/imss/unit/nope/orgchart.svg").status_code == 404


@pytest.mark.parametrize("units", [40, 350])
def test_no_overlap_for_hundreds_of_units(units: int) -> None:
    rng = random.Random(units)
    nodes = []
    for i in range(1, units + 1):
        parent = "root" if i <= 6 else f"u{rng.randint(1, i - 1)}"
        depth = 1 if parent == "root" else next(n["depth"] for n in nodes if n["id"] == parent) + 1
        name = " ".join(
            rng.choice(
                [
                    "Coordinación",
                    "de",
                    "Planeación",
                    "Estratégica",
                    "Jurídica",
                    "y",
                    "Normativa",
                    "Infraestructura",
                    "Departamento",
                    "Recursos",
                ]
            )
            for _ in range(rng.randint(2, 14))
        )
        nodes.append({"id": f"u{i}", "name": name, "kind": "coordinacion", "depth": depth, "parent": parent})
    svg = render_svg(
        {
            "root": {"id": "root", "name": "Organismo de prueba", "label": "Organization"},
            "nodes": nodes,
            "lines": [{"from": "u7", "to": "u3", "kind": "normative"}],
        }
    )
    drawn = boxes(svg)
    assert len(drawn) == units + 1
    assert overlapping(drawn) == []


def test_browser_style_and_guide_are_served_where_the_server_points(api: TestClient) -> None:
    conf = browser_settings(Settings(public_url="http://localhost:8000"))
    commands = [c.strip() for c in conf["browser.post_connect_cmd"].split(";")]
    assert [c.split()[0] for c in commands] == ["style", "guide"]
    assert "localhost" in conf["browser.remote_content_hostname_whitelist"].split(",")
    for command in commands:
        url = command.split()[1]
        path = url.removeprefix("http://localhost:8000")
        response = api.get(path, headers={"Origin": "http://127.0.0.1:7474"})
        assert response.status_code == 200, url
        assert response.headers["access-control-allow-origin"] == "http://127.0.0.1:7474"
    guide = api.get("/neo4j-browser/guide.md").text
    assert guide.count("```cypher") == 5 and guide.count("\n---\n") == 5
    grass = api.get("/neo4j-browser/orggraph.grass").text
    assert "node.Unit {" in grass and 'caption: "{name}";' in grass
