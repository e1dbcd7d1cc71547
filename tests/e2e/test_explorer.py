"""The org-chart explorer in a real headless Chromium, over the real API and the seeded Neo4j.

Each test leaves screenshots in test-artifacts/screenshots/ (named after the test and the step).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Session

pytestmark = pytest.mark.browser

GUARDERIAS = "imss/unit/departamento-de-guarderias"
GUARDERIAS_CHAIN = [
    "Jefatura de Servicios de Salud en el Trabajo, Prestaciones Económicas y Sociales",
    "Órgano de Operación Administrativa Desconcentrada",
    "Instituto Mexicano del Seguro Social",
]
DIRECCION_GENERAL = "imss-bienestar/unit/direccion-general"
UNIDAD_JURIDICA = "imss-bienestar/unit/unidad-juridica"
CONTENCIOSO = "imss-bienestar/unit/coordinacion-de-lo-contencioso"
JURIDICA_CHILDREN = [
    "imss-bienestar/unit/coordinacion-de-asuntos-consultivos-y-normativos",
    "imss-bienestar/unit/coordinacion-de-convenios-contratos-y-regularizacion-inmobiliaria",
    CONTENCIOSO,
]
CONTENCIOSO_CHILDREN = [
    "imss-bienestar/unit/division-de-amparo-y-procedimientos-penales",
    "imss-bienestar/unit/division-de-procedimientos-juridicos",
    "imss-bienestar/unit/division-de-lo-laboral-civil-y-mercantil",
]
OFICINA_PARA_COBROS = "imss/unit/oficina-para-cobros"  # no power, no instrument, no governance line
PENSION_HOLDERS = [
    "imss/unit/departamento-de-supervision-de-prestaciones-economicas",
    "imss/unit/organo-de-operacion-administrativa-desconcentrada",
]


def in_chart_view(session: Session, unit_id: str) -> bool:
    """True when the unit's box lies inside the chart's visible area (not only in the DOM)."""
    box = session.node(unit_id).locator("rect.box").bounding_box()
    area = session.page.locator("#chart").bounding_box()
    assert box is not None and area is not None
    return (
        box["x"] >= area["x"] - 1
        and box["y"] >= area["y"] - 1
        and box["x"] + box["width"] <= area["x"] + area["width"] + 1
        and box["y"] + box["height"] <= area["y"] + area["height"] + 1
    )


def assert_no_overlap(session: Session) -> None:
    boxes = session.page.eval_on_selector_all(
        "g.node rect.box",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })",
    )
    for i, (x1, y1, w1, h1) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1 :]:
            apart = x1 + w1 <= x2 + 0.5 or x2 + w2 <= x1 + 0.5 or y1 + h1 <= y2 + 0.5 or y2 + h2 <= y1 + 0.5
            assert apart, f"Boxes overlap: {(x1, y1, w1, h1)} and {(x2, y2, w2, h2)}"


def click_toggle(session: Session, unit_id: str) -> None:
    """Clicks a unit's +/− toggle like a user would: after bringing the unit into view (focus pans to it)."""
    node = session.node(unit_id)
    node.focus()
    node.locator(".toggle").click()


def expand(session: Session, unit_id: str) -> None:
    node = session.node(unit_id)
    if node.get_attribute("aria-expanded") == "false":
        click_toggle(session, unit_id)
    expect(node).to_have_attribute("aria-expanded", "true")


# ------------------------------------------------------------------------------------------ (a) chart
def test_the_page_loads_and_draws_the_first_organization(explorer: Session) -> None:
    page = explorer.open("/")
    select = page.locator("#org-select")
    expect(select.locator("option")).to_have_count(2)
    expect(select).to_have_value("imss")

    nodes = page.locator("g.node")
    expect(nodes.first).to_be_visible()
    assert nodes.count() >= 8
    root = explorer.node("imss")
    expect(root).to_have_attribute("aria-label", re.compile("^Instituto Mexicano del Seguro Social"))
    for unit_id in ("imss/unit/consejo-tecnico", "imss/unit/organo-de-operacion-administrativa-desconcentrada"):
        expect(explorer.node(unit_id)).to_be_visible()

    # Every node is a focusable tree item named after its unit.
    attributes = page.eval_on_selector_all(
        "g.node",
        "els => els.map(e => [e.getAttribute('tabindex'), e.getAttribute('role'), e.getAttribute('aria-label'), "
        "e.querySelector('text.name tspan').textContent])",
    )
    for tabindex, role, label, first_line in attributes:
        assert (tabindex, role) == ("0", "treeitem")
        assert label.startswith(first_line.rstrip("…"))
    assert page.locator("g.nodes[role='tree']").count() == 1

    # Solid hierarchical links (one per shown unit below the root), a legend; the selected unit's dashed lines.
    assert page.locator("path.link").count() == nodes.count() - 1
    explorer.node("imss/unit/jefatura-de-servicios-de-salud-en-el-trabajo-prestaciones-economicas-y-sociales").click()
    normative = page.locator("path.line.line-normative")
    expect(normative.first).to_be_attached()
    expect(normative.first.locator("title")).to_contain_text("Dirección de Prestaciones Económicas y Sociales")
    dash = page.eval_on_selector("path.line-normative", "e => getComputedStyle(e).strokeDasharray")
    assert dash not in ("", "none")
    legend = page.locator("#legend")
    expect(legend).to_be_visible()
    expect(legend).to_contain_text("Líneas")
    expect(legend).to_contain_text("jerárquica")
    expect(legend).to_contain_text("normativa")
    expect(page.locator("#chart-info")).to_contain_text("15 unidades")
    explorer.shot("a1-chart-imss")

    page.locator("#org-select").select_option("imss-bienestar")
    expect(explorer.node("imss-bienestar")).to_be_visible()
    expect(explorer.node("imss-bienestar/unit/junta-de-gobierno")).to_be_visible()
    expect(page.locator("#chart-info")).to_contain_text("53 unidades")
    assert "org=imss-bienestar" in page.url
    # A collapsed unit tells how many units it hides.
    dg = explorer.node(DIRECCION_GENERAL)
    if dg.get_attribute("aria-expanded") == "false":
        expect(dg.locator(".toggle-text")).to_have_text(re.compile(r"^\+\d+$"))
    explorer.shot("a2-chart-imss-bienestar")

    page.locator("#fit-button").click()
    page.locator("#expand-all").click()
    expect(page.locator("g.node")).to_have_count(54)
    for unit_id in CONTENCIOSO_CHILDREN:
        assert in_chart_view(explorer, unit_id)
    explorer.shot("a3-imss-bienestar-expanded-and-fitted")
    assert_no_overlap(explorer)


# ------------------------------------------------------------------------------------------ (b) expand
def test_expanding_a_collapsed_unit_shows_its_children(explorer: Session) -> None:
    page = explorer.open("/?org=imss-bienestar")
    expand(explorer, DIRECCION_GENERAL)
    juridica = explorer.node(UNIDAD_JURIDICA)
    expect(juridica).to_have_attribute("aria-expanded", "false")
    expect(juridica.locator(".toggle-text")).to_have_text("+6")
    for unit_id in JURIDICA_CHILDREN:
        expect(explorer.node(unit_id)).to_have_count(0)
    explorer.shot("b1-unidad-juridica-collapsed")

    click_toggle(explorer, UNIDAD_JURIDICA)
    expect(juridica).to_have_attribute("aria-expanded", "true")
    for unit_id in JURIDICA_CHILDREN:
        expect(explorer.node(unit_id)).to_be_visible()
        assert in_chart_view(explorer, unit_id), f"{unit_id} was drawn off screen"
    explorer.shot("b2-unidad-juridica-expanded")

    contencioso = explorer.node(CONTENCIOSO)
    expect(contencioso).to_have_attribute("aria-expanded", "false")
    click_toggle(explorer, CONTENCIOSO)
    for unit_id in CONTENCIOSO_CHILDREN:
        expect(explorer.node(unit_id)).to_be_visible()
    expect(page.locator("#chart-info")).to_contain_text("visibles")
    assert_no_overlap(explorer)
    explorer.shot("b3-contencioso-expanded")

    # Collapsing hides the whole subtree again.
    click_toggle(explorer, UNIDAD_JURIDICA)
    expect(juridica).to_have_attribute("aria-expanded", "false")
    for unit_id in JURIDICA_CHILDREN + CONTENCIOSO_CHILDREN:
        expect(explorer.node(unit_id)).to_have_count(0)


# ------------------------------------------------------------------------------------------ (c) search
def test_search_finds_selects_and_explains_a_unit_in_another_organization(explorer: Session) -> None:
    page = explorer.open("/?org=imss-bienestar")
    page.locator("#search-input").fill("guarderias")
    option = page.locator(f'#search-results [role="option"][data-id="{GUARDERIAS}"]')
    expect(option).to_be_visible()
    expect(option).to_contain_text("Departamento de Guarderías")
    expect(page.locator("#search-input")).to_have_attribute("aria-expanded", "true")
    explorer.shot("c1-search-results")

    page.locator("#search-input").press("Enter")
    expect(page.locator("#org-select")).to_have_value("imss")
    node = explorer.node(GUARDERIAS)
    expect(node).to_have_class(re.compile(r"\bselected\b"))
    expect(node).to_have_attribute("aria-selected", "true")
    assert in_chart_view(explorer, GUARDERIAS)
    expect(page.locator("#search-results")).to_be_hidden()

    expect(page.locator("#panel-title")).to_have_text("Departamento de Guarderías")
    expect(page.locator("#panel-kind")).to_contain_text("Departamento")
    expect(page.locator("#chain .chain-name")).to_have_text(GUARDERIAS_CHAIN)
    assert f"unit={GUARDERIAS}" in page.url

    # Powers grouped by basis with their legal basis, paginated.
    own = page.locator('#powers .power-group[data-basis="own"]')
    expect(own.locator(".count")).to_have_text("29")
    expect(own.locator("li.power")).to_have_count(10)
    # Cited as lawyers do (issue 19, item 9); the source lines are under the citation.
    expect(own.locator("li.power").first).to_contain_text(
        "Fundamento: Numeral 7.1.2, función 1, Manual de Organización de IMSS"
    )
    expect(own.locator("li.power").first.locator(".citation")).to_have_attribute(
        "data-provision", "imss/manual-de-organizacion-3000-002-002/sec-7/7-1-2/fn-1"
    )
    own.locator("button.more").click()
    expect(own.locator("li.power")).to_have_count(20)
    expect(page.locator("#lines")).to_contain_text("Normativa")
    expect(page.locator("#history")).to_contain_text("Sin cambios registrados")
    expect(page.locator("#provenance")).to_contain_text("Manual de Organización")
    expect(page.locator("#panel-summary")).to_have_text("Atribuciones: 29 propias")
    # Its functions cite no instrument and it has no governance line: empty states, not errors.
    expect(page.locator("#instruments")).to_have_text("Sus atribuciones no citan instrumentos jurídicos.")
    expect(page.locator("#governance")).to_have_text("Nada registrado.")
    expect(page.locator("#panel .error")).to_have_count(0)
    explorer.shot("c2-guarderias-selected")

    # Each step of the chain of command leads to that unit.
    page.locator("#chain .chain-name", has_text="Órgano de Operación").click()
    expect(page.locator("#panel-title")).to_have_text("Órgano de Operación Administrativa Desconcentrada")
    expect(page.locator("#history")).to_contain_text("Delegación")
    expect(page.locator("#history")).to_contain_text("Cambio de denominación")
    expect(page.locator("#history")).to_contain_text("2022")
    expect(page.locator("#history")).to_contain_text("ACDO.SA2.HCT.310822/244.P.DA")
    expect(page.locator('#powers .power-group[data-basis="retained"] .count')).to_have_text("2")
    explorer.shot("c3-chain-step-ooad")


def test_former_names_find_the_current_unit(explorer: Session) -> None:
    page = explorer.open("/")
    page.locator("#search-input").fill("Delegación")
    option = page.locator('#search-results [data-id="imss/unit/organo-de-operacion-administrativa-desconcentrada"]')
    expect(option).to_contain_text("antes: Delegación")
    explorer.shot("c5-search-by-former-name")
    option.click()
    expect(page.locator("#panel-title")).to_have_text("Órgano de Operación Administrativa Desconcentrada")


def test_the_panel_of_a_statute_unit_shows_its_sources_and_exports(explorer: Session) -> None:
    page = explorer.open(f"/?unit={UNIDAD_JURIDICA}")
    expect(page.locator("#panel-title")).to_have_text("Unidad Jurídica")
    expect(page.locator("#chain .chain-name")).to_have_text(
        [
            "Dirección General",
            "Junta de Gobierno",
            "Servicios de Salud del Instituto Mexicano del Seguro Social para el Bienestar",
        ]
    )
    expect(page.locator('#powers .power-group[data-basis="own"] .count')).to_have_text("22")
    expect(page.locator('#powers .power-group[data-basis="class"] .count')).to_have_text("14")
    expect(page.locator("#provenance")).to_contain_text("Estatuto Orgánico")
    expect(page.locator("#provenance")).to_contain_text("línea 402")
    expect(page.locator("#governance")).to_contain_text("Consejería Jurídica del Ejecutivo Federal")
    expect(page.locator("#children li")).to_have_count(3)
    expect(page.locator("#instruments")).not_to_contain_text("Cargando")
    explorer.shot("c4-panel-unidad-juridica")

    svg = page.locator("#export-svg")
    png = page.locator("#export-png")
    expect(svg).to_have_attribute("href", f"/units/{UNIDAD_JURIDICA}/orgchart.svg")
    expect(png).to_have_attribute("href", f"/units/{UNIDAD_JURIDICA}/orgchart.png")
    for link, media_type in ((svg, "image/svg+xml"), (png, "image/png")):
        response = page.request.get(explorer.base + (link.get_attribute("href") or ""))
        assert response.status == 200
        assert response.headers["content-type"].startswith(media_type)


def test_a_unit_with_nothing_to_list_shows_empty_states(explorer: Session) -> None:
    page = explorer.open(f"/?unit={OFICINA_PARA_COBROS}")
    expect(page.locator("#org-select")).to_have_value("imss")
    expect(page.locator("#panel-title")).to_have_text("Oficina para Cobros")
    expect(page.locator("#powers")).to_have_text("Sin atribuciones registradas.")
    expect(page.locator("#panel-summary")).to_have_text("Sin atribuciones registradas")
    expect(page.locator("#instruments")).to_have_text("Sus atribuciones no citan instrumentos jurídicos.")
    expect(page.locator("#governance")).to_have_text("Nada registrado.")
    expect(page.locator("#children")).to_have_text("Ninguna.")
    expect(page.locator("#panel .loading")).to_have_count(0)
    expect(page.locator("#panel .error")).to_have_count(0)
    explorer.shot("c6-panel-nothing-to-list")


def test_a_failed_unit_detail_shows_the_api_error(explorer: Session) -> None:
    """When GET /units/{id} fails, its sections say why; nothing is pieced together from other answers."""
    explorer.page.route(
        f"**/units/{GUARDERIAS}",
        lambda route: route.fulfill(
            status=503,
            json={"error": {"code": "unavailable", "message": "La base de datos no responde"}},
        ),
    )
    page = explorer.open("/?org=imss")
    page.locator("#search-input").fill("guarderias")
    page.locator(f'#search-results [data-id="{GUARDERIAS}"]').click()
    expect(page.locator("#panel-title")).to_have_text("Departamento de Guarderías")
    for section in ("#lines", "#children", "#governance", "#provenance"):
        expect(page.locator(section)).to_have_text("No disponible: La base de datos no responde")
    expect(page.locator("#panel-summary")).to_have_text("")
    # The other answers still fill their own sections.
    expect(page.locator("#chain .chain-name")).to_have_text(GUARDERIAS_CHAIN)
    expect(page.locator('#powers .power-group[data-basis="own"] .count')).to_have_text("29")
    expect(page.locator("#instruments")).to_have_text("Sus atribuciones no citan instrumentos jurídicos.")
    explorer.shot("c7-panel-detail-error")


# ------------------------------------------------------------------------------------------ (d) who may
def test_who_may_highlights_the_holders(explorer: Session) -> None:
    page = explorer.open("/?org=imss-bienestar")
    page.locator("#who-may-input").fill("firmar resoluciones de pensiones")
    page.locator("#who-may-button").click()

    expect(page.locator("#org-select")).to_have_value("imss")
    results = page.locator("#who-may-results")
    expect(results.locator("li.holder-item")).to_have_count(7)
    expect(results).to_contain_text("Departamento de Supervisión de Prestaciones Económicas")
    expect(results).to_contain_text("delegada")
    holders = page.locator("g.node.holder")
    expect(holders).to_have_count(7)
    ids = holders.evaluate_all("els => els.map(e => e.dataset.id)")
    for unit_id in PENSION_HOLDERS:
        assert unit_id in ids
        expect(explorer.node(unit_id)).to_be_visible()
        assert in_chart_view(explorer, unit_id)
    expect(explorer.node("imss/unit/departamento-de-guarderias")).not_to_have_class(re.compile(r"\bholder\b"))
    assert "who=firmar" in page.url
    explorer.shot("d1-who-may-pensiones")

    # The legal basis of each holder is one click away.
    item = results.locator(f'li.holder-item[data-id="{PENSION_HOLDERS[0]}"]')
    item.locator("summary").click()
    expect(item).to_contain_text("Fundamento")
    expect(item).to_contain_text("Ley del Seguro Social")
    explorer.shot("d2-who-may-basis")

    page.locator("#who-may-clear").click()
    expect(page.locator("g.node.holder")).to_have_count(0)
    expect(results).to_be_hidden()


def test_who_may_reports_an_api_error(explorer: Session) -> None:
    page = explorer.open("/")
    page.locator("#who-may-input").fill("   ")
    page.locator("#who-may-button").click()
    expect(page.locator("#toast")).to_be_visible()
    expect(page.locator("#toast")).to_contain_text("firmar resoluciones de pensiones")


# ------------------------------------------------------------------------------------------ (e) deep links
def test_a_deep_link_opens_the_unit(explorer: Session) -> None:
    page = explorer.open(f"/?unit={GUARDERIAS}")
    expect(page.locator("#org-select")).to_have_value("imss")
    node = explorer.node(GUARDERIAS)
    expect(node).to_have_class(re.compile(r"\bselected\b"))
    assert in_chart_view(explorer, GUARDERIAS)
    expect(page.locator("#panel-title")).to_have_text("Departamento de Guarderías")
    expect(page.locator("#chain .chain-name")).to_have_text(GUARDERIAS_CHAIN)
    explorer.shot("e1-deep-link-unit")

    # Selecting another unit keeps the URL in step.
    explorer.node("imss/unit/subdelegacion").click()
    expect(page.locator("#panel-title")).to_have_text("Subdelegación")
    assert page.url.endswith("/?unit=imss/unit/subdelegacion")

    page = explorer.open("/?org=imss-bienestar")
    expect(page.locator("#org-select")).to_have_value("imss-bienestar")
    expect(explorer.node("imss-bienestar")).to_be_visible()
    # The organization's own box opens its panel (top units, documents, the whole chart as SVG/PNG).
    explorer.node("imss-bienestar").click()
    expect(page.locator("#panel-title")).to_have_text(
        "Servicios de Salud del Instituto Mexicano del Seguro Social para el Bienestar"
    )
    expect(page.locator("#panel")).to_contain_text("Junta de Gobierno")
    expect(page.locator("#export-svg")).to_have_attribute("href", "/units/imss-bienestar/orgchart.svg")
    assert page.url.endswith("/?org=imss-bienestar")
    explorer.shot("e2-deep-link-org")


def test_a_deep_link_to_an_unknown_unit_says_so(explorer: Session) -> None:
    page = explorer.open("/?unit=imss/unit/no-such-unit")
    expect(page.locator("#toast")).to_contain_text("No existe ninguna unidad «imss/unit/no-such-unit»")
    expect(page.locator("#org-select")).to_have_value("imss")
    expect(explorer.node("imss")).to_be_visible()
    explorer.shot("e3-deep-link-unknown")


# ------------------------------------------------------------------------------------------ (f) keyboard
def test_keyboard_focus_enter_and_arrows(explorer: Session) -> None:
    page = explorer.open("/?org=imss-bienestar")
    page.locator("#changes-button").focus()  # the toolbar's last control (the upload button is hidden)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('data-id')")
    assert focused == "imss-bienestar", "Tab after the toolbar reaches the chart's first node"
    ring = page.eval_on_selector("g.node[data-id='imss-bienestar'] .focus-ring", "e => getComputedStyle(e).opacity")
    assert ring == "1", "the focused node shows a focus ring"

    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('data-id')") == "imss-bienestar/unit/junta-de-gobierno"
    explorer.shot("f1-keyboard-focus")
    page.keyboard.press("Enter")
    expect(page.locator("#panel-title")).to_have_text("Junta de Gobierno")
    expect(page.locator("#panel-title")).to_be_focused()
    expect(explorer.node("imss-bienestar/unit/junta-de-gobierno")).to_have_attribute("aria-selected", "true")

    # Escape goes back to the node; arrows expand and collapse.
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.getAttribute('data-id')") == "imss-bienestar/unit/junta-de-gobierno"
    dg = explorer.node(DIRECCION_GENERAL)
    dg.focus()
    if dg.get_attribute("aria-expanded") == "true":
        page.keyboard.press("ArrowLeft")
        expect(dg).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("ArrowRight")
    expect(dg).to_have_attribute("aria-expanded", "true")
    expect(explorer.node(UNIDAD_JURIDICA)).to_be_visible()
    assert page.evaluate("document.activeElement.getAttribute('data-id')") == DIRECCION_GENERAL
    page.keyboard.press("ArrowRight")  # on an expanded unit: to its first child
    assert page.evaluate("document.activeElement.getAttribute('data-id')").startswith("imss-bienestar/unit/")
    assert page.evaluate("document.activeElement.getAttribute('data-id')") != DIRECCION_GENERAL
    page.keyboard.press(" ")
    expect(page.locator("#panel-title")).not_to_have_text("Junta de Gobierno")
    explorer.shot("f2-keyboard-expand-and-select")

    # Every form control has a label.
    unlabelled = page.eval_on_selector_all(
        "input, select",
        "els => els.filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id)",
    )
    assert unlabelled == []


# ------------------------------------------------------------------------------------------ (g) offline
def test_every_request_stays_on_the_app(explorer: Session) -> None:
    page = explorer.open("/")
    page.locator("#search-input").fill("juridica")
    page.locator('#search-results [data-id="imss-bienestar/unit/unidad-juridica"]').click()
    expect(page.locator("#panel-title")).to_have_text("Unidad Jurídica")
    page.locator("#who-may-input").fill("firmar resoluciones de pensiones")
    page.locator("#who-may-button").click()
    expect(page.locator("g.node.holder").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    explorer.shot("g1-offline-session")

    assert any(url == explorer.base + "/vendor/d3.min.js" for url in explorer.requests)
    assert any(url.startswith(explorer.base + "/static/explorer.") for url in explorer.requests)
    # data: URLs (the empty favicon) never leave the page; everything else must go to the app.
    foreign = [
        url for url in explorer.requests if not url.startswith(explorer.base + "/") and not url.startswith("data:")
    ]
    assert foreign == []


def test_the_explorer_runs_under_its_content_security_policy(explorer: Session) -> None:
    """Issue 13, item 11: the page is served with a CSP of its own origin only, and everything it does (the
    chart, a unit's panel, who-may, search) runs under it: Chromium reports any violation as a console error."""
    response = explorer.page.goto(explorer.base + f"/?unit={UNIDAD_JURIDICA}")
    assert response is not None
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    explorer.page.wait_for_selector("body[data-ready='true']", timeout=20_000)
    expect(explorer.node(UNIDAD_JURIDICA)).to_be_visible()
    explorer.open("/?who=firmar%20resoluciones%20de%20pensiones")
    explorer.page.wait_for_timeout(1000)
    violations = [e for e in explorer.console_errors if "Content Security Policy" in e]
    assert not violations, violations
