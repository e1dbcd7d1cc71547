"""What analysts asked for in issue 19 (items 9–11): citations as lawyers write them, linked to the
provision's text and status; a minimap and a focus view for large trees, with the dashed lines of the
selected unit only; exports that look like the screen."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Session

pytestmark = pytest.mark.browser

SVG = "{http://www.w3.org/2000/svg}"
UNIDAD_JURIDICA = "imss-bienestar/unit/unidad-juridica"
DIRECCION_GENERAL = "imss-bienestar/unit/direccion-general"
HOSPITALES = "imss-bienestar/unit/coordinacion-de-hospitales-de-alta-especialidad-y-programas-especiales"
JEFATURA = "imss/unit/jefatura-de-servicios-de-salud-en-el-trabajo-prestaciones-economicas-y-sociales"
GUARDERIAS = "imss/unit/departamento-de-guarderias"
ART_48_I = "imss-bienestar/estatuto-organico/art-48/frac-i"
ART_28_X = "imss-bienestar/estatuto-organico/art-28/frac-x"
ART_21_IX = "imss-bienestar/estatuto-organico/art-21/frac-ix"


def zoom_scale(session: Session) -> float:
    transform = session.page.locator("g.viewport").get_attribute("transform") or ""
    match = re.search(r"scale\(([\d.]+)\)", transform)
    return float(match.group(1)) if match else 1.0


# ------------------------------------------------------------------------------------------ item 9
def test_powers_are_cited_as_lawyers_do(explorer: Session) -> None:
    page = explorer.open(f"/?unit={UNIDAD_JURIDICA}")
    power = page.locator(f'#powers li.power[data-provision="{ART_48_I}"]')
    basis = power.locator(".power-basis")
    expect(basis).to_have_text("Fundamento: Art. 48, fracc. I, Estatuto Orgánico de IMSS-BIENESTAR")
    expect(basis).not_to_contain_text("línea")
    expect(basis).not_to_contain_text("art-48/frac-i")

    # The citation opens the provision: its text, its status and where it is in the source.
    citation = power.locator(".citation")
    expect(citation).to_have_attribute("aria-expanded", "false")
    citation.click()
    expect(citation).to_have_attribute("aria-expanded", "true")
    text = power.locator(".provision-text")
    expect(text).to_be_visible()
    expect(text.locator(".prov-quote")).to_contain_text(power.locator(".power-text").inner_text()[:40])
    expect(text.locator(".prov-status")).to_have_text("Vigente")
    expect(text.locator(".source")).to_contain_text(re.compile(r"líneas? \d+"))
    citation.click()
    expect(text).to_be_hidden()
    explorer.shot("i9-citation-open")


def test_an_amended_provision_says_so_where_it_is_cited(explorer: Session) -> None:
    page = explorer.open(f"/?unit={HOSPITALES}")
    power = page.locator(f'#powers li.power[data-provision="{ART_28_X}"]')
    expect(power.locator(".power-basis")).to_have_text(
        "Fundamento: Art. 28, fracc. X, Estatuto Orgánico de IMSS-BIENESTAR reformada JG 28-11-2023"
    )
    expect(power.locator(".status")).to_have_attribute(
        "title", "Reformada por la Junta de Gobierno el 28 de noviembre de 2023."
    )
    power.locator(".citation").click()
    expect(power.locator(".prov-status")).to_have_text(
        "Vigente · Reformada por la Junta de Gobierno el 28 de noviembre de 2023."
    )


def test_who_may_cites_as_lawyers_do_too(explorer: Session) -> None:
    page = explorer.open("/?who=acordar la regionalización operativa")
    holder = page.locator(f'#who-may-results li.holder-item[data-id="{HOSPITALES}"]')
    holder.locator("summary").click()
    basis = holder.locator(".power-basis")
    expect(basis).to_contain_text("Fundamento: Art. 28, fracc. X, Estatuto Orgánico de IMSS-BIENESTAR")
    expect(basis.locator(".status")).to_have_text("reformada JG 28-11-2023")
    holder.locator(".citation").click()
    expect(holder.locator(".prov-quote")).to_contain_text("regionalización operativa")


# ------------------------------------------------------------------------------------------ item 10
def test_dashed_lines_are_drawn_for_the_selected_unit_only(explorer: Session) -> None:
    page = explorer.open("/?org=imss")
    lines = page.locator("path.line")
    expect(explorer.node(JEFATURA)).to_be_visible()
    expect(lines).to_have_count(0)

    explorer.node(JEFATURA).click()
    expect(page.locator("#panel-title")).to_contain_text("Jefatura de Servicios de Salud en el Trabajo")
    expect(lines.first).to_be_attached()
    for title in lines.locator("title").all_text_contents():
        assert "Jefatura de Servicios de Salud en el Trabajo" in title
    dash = page.eval_on_selector("path.line-normative", "e => getComputedStyle(e).strokeDasharray")
    assert dash not in ("", "none")

    explorer.node(GUARDERIAS).click()
    expect(page.locator("#panel-title")).to_have_text("Departamento de Guarderías")
    expect(lines).to_have_count(0)

    # The legend can show them all.
    page.locator("#all-lines").check()
    expect(lines.first).to_be_attached()
    explorer.shot("j1-lines-all")


def test_a_minimap_shows_the_whole_tree_and_moves_the_view(explorer: Session) -> None:
    page = explorer.open("/?org=imss-bienestar")
    page.locator("#expand-all").click()
    expect(page.locator("g.node")).to_have_count(54)
    minimap = page.locator("#minimap")
    expect(minimap).to_be_visible()
    expect(minimap.locator("rect.mm-node")).to_have_count(54)
    page.locator("#reset-button").click()
    page.wait_for_timeout(100)
    view = minimap.locator("rect.mm-view")
    before = view.bounding_box()
    x_before = view.get_attribute("x") or ""
    box = minimap.bounding_box()
    assert before is not None and box is not None
    # Click the minimap's lower right corner: the view moves there.
    page.mouse.click(box["x"] + box["width"] - 6, box["y"] + box["height"] - 6)
    expect(view).not_to_have_attribute("x", x_before)
    after = view.bounding_box()
    assert after is not None and after["x"] > before["x"] and after["y"] > before["y"]
    explorer.shot("j2-minimap")


def test_the_focus_view_shows_a_subtree_and_its_breadcrumb(explorer: Session) -> None:
    page = explorer.open(f"/?unit={UNIDAD_JURIDICA}")
    page.locator("#focus-button").click()
    expect(page).to_have_url(re.compile(r"focus=imss-bienestar/unit/unidad-juridica"))
    expect(page.locator("g.node")).to_have_count(7)  # the Unidad Jurídica and its six units, all shown
    crumbs = page.locator("#breadcrumb .crumb")
    expect(crumbs).to_have_text(["IMSS-BIENESTAR", "Junta de Gobierno", "Dirección General", "Unidad Jurídica"])
    page.locator("#fit-button").click()
    page.wait_for_timeout(100)
    assert zoom_scale(explorer) >= 0.8, "a focused subtree is readable when fitted"
    name = page.locator(f'g.node[data-id="{UNIDAD_JURIDICA}"] text.name').bounding_box()
    assert name is not None and name["height"] >= 10
    explorer.shot("j3-focus-unidad-juridica")

    # A crumb focuses on that unit; the organization's crumb (or "Ver todo") leaves the focus view.
    crumbs.filter(has_text="Dirección General").click()
    expect(page).to_have_url(re.compile(r"focus=imss-bienestar/unit/direccion-general"))
    expect(page.locator(f'g.node[data-id="{DIRECCION_GENERAL}"]')).to_be_visible()
    expect(page.locator('g.node[data-id="imss-bienestar/unit/junta-de-gobierno"]')).to_have_count(0)
    page.go_back()
    expect(page.locator("g.node")).to_have_count(7)
    page.locator("#focus-exit").click()
    expect(page.locator("#breadcrumb")).to_be_hidden()
    expect(page.locator('g.node[data-id="imss-bienestar"]')).to_be_visible()
    assert "focus=" not in page.url

    # The focus view is a link too.
    page = explorer.open(f"/?unit={UNIDAD_JURIDICA}&focus={UNIDAD_JURIDICA}")
    expect(page.locator("g.node")).to_have_count(7)
    expect(page.locator("#breadcrumb .crumb").last).to_have_text("Unidad Jurídica")


# ------------------------------------------------------------------------------------------ item 11
SCREEN_BOXES = """() => Object.fromEntries([...document.querySelectorAll('g.node')].map((g) => {
  const m = /translate\\(([-\\d.e]+),\\s*([-\\d.e]+)\\)/.exec(g.getAttribute('transform'));
  return [g.dataset.id, [Number(m[1]), Number(m[2]), g.querySelector('rect.box').getAttribute('width')]];
}))"""


def svg_boxes(svg: str) -> dict[str, tuple[float, float, str]]:
    root = ET.fromstring(svg)
    out = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "unit":
            x, y = map(float, re.findall(r"[-\d.]+", g.get("transform") or "")[:2])
            box = next(r for r in g.iter(f"{SVG}rect") if r.get("class") == "box")
            out[g.get("data-id") or ""] = (x, y, box.get("width") or "")
    return out


def relative(boxes: dict, root: str) -> dict[str, tuple[float, float, float]]:
    rx, ry = boxes[root][0], boxes[root][1]
    return {k: (v[0] - rx, v[1] - ry, float(v[2])) for k, v in boxes.items()}


@pytest.mark.parametrize(
    ("path", "root"),
    [
        ("/?org=imss-bienestar", "imss-bienestar"),
        (f"/?unit={UNIDAD_JURIDICA}&focus={UNIDAD_JURIDICA}", UNIDAD_JURIDICA),
    ],
)
def test_exports_are_laid_out_as_on_screen(explorer: Session, path: str, root: str) -> None:
    page = explorer.open(path)
    page.locator("#expand-all").click()
    screen = relative(page.evaluate(SCREEN_BOXES), root)
    response = page.request.get(f"{explorer.base}/units/{root}/orgchart.svg")
    assert response.status == 200
    exported = relative(svg_boxes(response.text()), root)
    assert set(exported) == set(screen)
    moved = {
        k: (screen[k], exported[k])
        for k in screen
        if any(abs(a - b) > 0.5 for a, b in zip(screen[k], exported[k], strict=True))
    }
    assert moved == {}, "exported boxes sit where the explorer draws them (relative to the root)"


def test_the_panel_offers_a_pdf_to_print(explorer: Session) -> None:
    page = explorer.open(f"/?unit={UNIDAD_JURIDICA}")
    pdf = page.locator("#export-pdf")
    expect(pdf).to_have_attribute("href", f"/units/{UNIDAD_JURIDICA}/orgchart.pdf")
    response = page.request.get(explorer.base + (pdf.get_attribute("href") or ""))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
