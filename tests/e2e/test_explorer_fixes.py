"""The explorer's rough edges of issue 19 (items 4–8), each as a first-time analyst meets it in Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Session

pytestmark = pytest.mark.browser

GUARDERIAS = "imss/unit/departamento-de-guarderias"
SUBDELEGACION = "imss/unit/subdelegacion"
UNIDAD_JURIDICA = "imss-bienestar/unit/unidad-juridica"
HOSPITALES = "imss-bienestar/unit/coordinacion-de-hospitales-de-alta-especialidad-y-programas-especiales"
CONSEJO_TECNICO = "imss/unit/consejo-tecnico"
OOAD = "imss/unit/organo-de-operacion-administrativa-desconcentrada"
PENSIONES_SUBDELEGACIONES = "imss/unit/departamento-de-pensiones-en-subdelegaciones"
PENSIONES = "firmar resoluciones de pensiones"


def expect_query(session: Session, query: str) -> None:
    """Waits until the page's URL ends with exactly this query string."""
    expect(session.page).to_have_url(re.compile(re.escape("/?" + query) + "$"))


# ------------------------------------------------------------------------------------------ item 4
def test_the_panel_reads_as_spanish(explorer: Session) -> None:
    page = explorer.open(f"/?unit={UNIDAD_JURIDICA}")
    expect(page.locator("#panel-summary")).to_have_text("Atribuciones: 22 propias, 14 comunes a su tipo de unidad")
    governance = page.locator("#governance li")
    expect(governance.first).to_be_visible()
    texts = governance.all_inner_texts()
    for text in texts:
        assert not re.search(r"\b(a a|en a|de a) esta unidad", text), text
    joined = "\n".join(texts)
    assert "Consejería Jurídica del Ejecutivo Federal nombra a esta unidad" in joined
    assert "Dirección General delega facultades en esta unidad" in joined
    assert "Coordinación de lo Contencioso suple a esta unidad" in joined
    assert "Esta unidad delega facultades en Coordinación de lo Contencioso" in joined
    explorer.shot("fix4-panel-spanish")


# ------------------------------------------------------------------------------------------ item 5
def test_who_may_explains_each_holders_own_basis(explorer: Session) -> None:
    page = explorer.open(f"/?who={PENSIONES}")
    results = page.locator("#who-may-results")
    expect(results.locator("li.holder-item")).to_have_count(7)

    consejo = results.locator(f'li.holder-item[data-id="{CONSEJO_TECNICO}"]')
    consejo.locator("summary").click()
    own = consejo.locator("li.holder-power")
    expect(own).to_have_count(1)
    expect(own).to_contain_text("propia")
    expect(own).not_to_contain_text("Delegada por")
    expect(own).to_contain_text("La delega mediante")  # it is the one delegating, by its own acuerdo

    delegate = results.locator(f'li.holder-item[data-id="{PENSIONES_SUBDELEGACIONES}"]')
    delegate.locator("summary").click()
    expect(delegate.locator("li.holder-power")).to_contain_text("Delegada por: Acuerdo")

    ooad = results.locator(f'li.holder-item[data-id="{OOAD}"]')
    ooad.locator("summary").click()
    expect(ooad.locator("li.holder-power")).to_have_count(2)
    expect(ooad).not_to_contain_text("La conserva también")
    explorer.shot("fix5-who-may-bases")


# ------------------------------------------------------------------------------------------ item 6
def test_history_and_powers_show_amendments(explorer: Session) -> None:
    page = explorer.open(f"/?unit={HOSPITALES}")
    history = page.locator("#history")
    expect(history).not_to_contain_text("Sin cambios registrados")
    amendment = history.locator('.amendment[data-date="2023-11-28"]')
    expect(amendment).to_contain_text("28 de noviembre de 2023")
    expect(amendment).to_contain_text("Junta de Gobierno")
    expect(amendment).to_contain_text("Art. 28, fracc. X")
    expect(amendment).to_contain_text("reformada")

    power = page.locator('#powers li.power[data-provision="imss-bienestar/estatuto-organico/art-28/frac-x"]')
    expect(power).to_be_visible()
    expect(power.locator(".status")).to_have_text("reformada JG 28-11-2023")
    untouched = page.locator('#powers li.power[data-provision="imss-bienestar/estatuto-organico/art-28/frac-i"]')
    expect(untouched.locator(".status")).to_have_count(0)
    explorer.shot("fix6-history-amendments")


# ------------------------------------------------------------------------------------------ item 7
def test_the_search_box_uses_the_search_engine(explorer: Session) -> None:
    page = explorer.open("/")
    expected = [
        UNIDAD_JURIDICA,
        "imss-bienestar/unit/jefatura-de-servicios-juridicos",
        "imss-bienestar/unit/division-de-procedimientos-juridicos",
    ]
    for typed in ("juridica", "jurid"):
        page.locator("#search-input").fill(typed)
        options = page.locator("#search-results .search-option")
        expect(options).to_have_count(3)
        assert sorted(options.evaluate_all("els => els.map(e => e.dataset.id)")) == sorted(expected)
    expect(options.first).to_have_attribute("data-id", UNIDAD_JURIDICA)
    expect(options.first.locator(".opt-name mark")).to_have_text("Juríd")  # the typed beginning, accents as written
    assert any("/search?" in url and "type=unit" in url for url in explorer.requests)
    assert not any("/units?" in url for url in explorer.requests)
    explorer.shot("fix7-search-engine")


# ------------------------------------------------------------------------------------------ item 8
def test_an_unknown_unit_is_explained_in_spanish(explorer: Session) -> None:
    page = explorer.open("/?unit=imss/unit/no-existe")
    toast = page.locator("#toast")
    expect(toast).to_contain_text("No existe ninguna unidad «imss/unit/no-existe»")
    expect(toast).not_to_contain_text("No unit with id")
    expect(toast).not_to_contain_text("GET /units")
    expect(explorer.node("imss")).to_be_visible()


def test_a_question_without_answer_stays_in_the_url(explorer: Session) -> None:
    page = explorer.open("/?org=imss")
    page.locator("#who-may-input").fill("firmar contratos de xilófonos")
    page.locator("#who-may-button").click()
    expect(page.locator("#who-may-results")).to_contain_text("Ninguna unidad tiene una atribución que coincida")
    expect(page).to_have_url(re.compile(r"who=firmar"))
    page.reload()
    page.wait_for_selector("body[data-ready='true']")
    expect(page.locator("#who-may-input")).to_have_value("firmar contratos de xilófonos")
    expect(page.locator("#who-may-results")).to_contain_text("Ninguna unidad tiene una atribución que coincida")


def test_back_returns_to_the_previous_view(explorer: Session) -> None:
    page = explorer.open(f"/?unit={GUARDERIAS}")
    expect(page.locator("#panel-title")).to_have_text("Departamento de Guarderías")
    explorer.node(SUBDELEGACION).click()
    expect(page.locator("#panel-title")).to_have_text("Subdelegación")
    page.locator("#org-select").select_option("imss-bienestar")
    expect(page.locator("#org-select")).to_have_value("imss-bienestar")
    expect_query(explorer, "org=imss-bienestar")

    page.go_back()
    expect(page.locator("#org-select")).to_have_value("imss")
    expect(page.locator("#panel-title")).to_have_text("Subdelegación")
    expect_query(explorer, f"unit={SUBDELEGACION}")
    page.go_back()
    expect(page.locator("#panel-title")).to_have_text("Departamento de Guarderías")
    expect_query(explorer, f"unit={GUARDERIAS}")
    expect(explorer.node(GUARDERIAS)).to_have_class(re.compile(r"\bselected\b"))
    page.go_forward()
    expect(page.locator("#panel-title")).to_have_text("Subdelegación")
    expect_query(explorer, f"unit={SUBDELEGACION}")


def test_the_toolbar_fits_a_phone(explorer: Session) -> None:
    page = explorer.page
    page.set_viewport_size({"width": 390, "height": 844})
    explorer.open("/")
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for selector in ("#org-select", "#search-input", "#who-may-input", "#who-may-button"):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, (selector, box)
    toolbar = page.locator(".toolbar")
    assert toolbar.evaluate("e => e.scrollWidth <= e.clientWidth")
    chart = page.locator("#chart").bounding_box()
    assert chart is not None and chart["width"] >= width - 2 and chart["height"] >= 200
    page.locator("#who-may-input").fill(PENSIONES)
    page.locator("#who-may-button").click()
    expect(page.locator("#who-may-results li.holder-item").first).to_be_visible()
    explorer.shot("fix8-phone")
