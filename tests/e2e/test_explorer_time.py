"""The explorer in time (issue 16): the date control (?at=) and the Cambios view, in a real Chromium over the
sample documents. The estatuto was published on 13 September 2023 and its Título Quinto (the Coordinaciones
Estatales) added on 27 September 2023; the manual's Delegación became the Órgano de Operación Administrativa
Desconcentrada in 2017."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Session

pytestmark = pytest.mark.browser

BEFORE = "2023-09-14"
DOC = "imss-bienestar/estatuto-organico"
MANUAL = "imss/manual-de-organizacion-3000-002-002"
ESTATAL = "imss-bienestar/unit/coordinacion-estatal"
JURIDICA = "imss-bienestar/unit/unidad-juridica"
ORGANO = "imss/unit/organo-de-operacion-administrativa-desconcentrada"
SLOW = 20_000  # a changed day asks the server everything again (cold queries, two cores shared)


def asked(explorer: Session, path: str) -> list[dict[str, list[str]]]:
    """The query strings of the requests the page made to ``path``."""
    return [parse_qs(urlparse(u).query) for u in explorer.requests if urlparse(u).path == path]


def drawn(explorer: Session) -> set[str]:
    return set(explorer.page.locator("g.node").evaluate_all("els => els.map(e => e.dataset.id)"))


def test_the_day_in_the_url_draws_the_chart_as_it_stood(explorer: Session) -> None:
    page = explorer.open(f"/?org=imss-bienestar&at={BEFORE}")
    expect(page.locator("#at-input")).to_have_value(BEFORE)
    expect(page.locator("#at-today")).to_be_visible()
    assert {"root": ["imss-bienestar"], "at": [BEFORE]} in asked(explorer, "/orgchart")
    page.locator("#expand-all").click()
    then = drawn(explorer)
    assert JURIDICA in then and ESTATAL not in then
    page = explorer.open("/?org=imss-bienestar")
    expect(page.locator("#at-input")).to_have_value("")
    page.locator("#expand-all").click()
    now = drawn(explorer)
    assert ESTATAL in now and then < now
    explorer.shot("time1-before-the-reform")


def test_the_date_control_asks_everything_for_that_day(explorer: Session) -> None:
    page = explorer.open(f"/?unit={JURIDICA}")
    expect(page.locator("#panel-title")).to_have_text("Unidad Jurídica")
    page.locator("#at-input").fill(BEFORE)
    expect(page).to_have_url(re.compile(rf"at={BEFORE}"), timeout=SLOW)
    expect(page).to_have_url(re.compile(r"unit=imss-bienestar/unit/unidad-juridica"))
    expect(page.locator("#powers li.power").first).to_be_visible(timeout=SLOW)
    for path in (f"/units/{JURIDICA}", f"/units/{JURIDICA}/superiors", f"/units/{JURIDICA}/powers", "/orgchart"):
        assert any(q.get("at") == [BEFORE] for q in asked(explorer, path)), path

    page.locator("#who-may-input").fill("¿Quién puede firmar contratos?")
    page.locator("#who-may-button").click()
    expect(page.locator("#who-may-results li.holder-item").first).to_be_visible(timeout=SLOW)
    assert any(q.get("at") == [BEFORE] for q in asked(explorer, "/ask"))
    expect(page).to_have_url(re.compile(rf"who=.*at={BEFORE}"))

    page.locator("#at-today").click()
    expect(page).not_to_have_url(re.compile(r"at="), timeout=SLOW)
    expect(page.locator("#at-input")).to_have_value("")
    expect(page.locator("#at-today")).to_be_hidden()
    page.go_back()  # Back returns to the day
    expect(page.locator("#at-input")).to_have_value(BEFORE, timeout=SLOW)


def test_a_day_before_the_law_is_said_not_drawn(explorer: Session) -> None:
    page = explorer.open("/?org=imss-bienestar&at=2020-01-01")
    info = page.locator("#chart-info")
    expect(info).to_have_text(re.compile(r"Sin organigrama para el 1 de enero de 2020.*13 de septiembre de 2023"))
    expect(info).to_have_class(re.compile(r"chart-info-error"))
    expect(page.locator("g.node")).to_have_count(0)
    explorer.shot("time2-before-the-law")
    page.locator("#at-input").fill(BEFORE)
    expect(page.locator("g.node").first).to_be_visible(timeout=SLOW)
    expect(info).not_to_have_class(re.compile(r"chart-info-error"))
    assert "imss-bienestar/unit/direccion-general" in drawn(explorer)


def test_cambios_colours_what_the_reform_added_and_changed(explorer: Session) -> None:
    page = explorer.open("/?org=imss-bienestar")
    page.locator("#changes-button").click()
    expect(page.locator("#changes-document")).to_have_value(DOC)
    page.locator("#changes-from").fill(BEFORE)
    page.locator("#changes-submit").click()
    legend = page.locator("#changes-legend")
    expect(legend).to_contain_text("añadida (11)", timeout=SLOW)

    diff = page.request.get(f"{explorer.base}/documents/{DOC}/diff?from={BEFORE}").json()
    added = {c["id"] for g in diff["groups"] for c in g["changes"] if (c["subject"], c["change"]) == ("unit", "added")}
    touched = {g["unit"]["id"] for g in diff["groups"] if g["unit"]} - added
    coloured = page.locator("g.node[data-change]").evaluate_all("els => els.map(e => [e.dataset.id, e.dataset.change])")
    kinds = dict(coloured)
    assert len(added) == 11 and added == {i for i, k in kinds.items() if k == "added"}  # every one drawn, expanded
    assert {k for i, k in kinds.items() if i in touched} == {"powers"}
    assert kinds.get(JURIDICA) == "powers" and kinds[ESTATAL] == "added"
    assert "imss-bienestar/unit/junta-de-gobierno" not in kinds  # the reform left it alone
    items = page.locator("#changes-list li")
    expect(items).to_have_count(len(added | touched))
    expect(page.locator(f'#changes-list li[data-id="{ESTATAL}"]')).to_have_attribute("data-kind", "added")
    expect(page).to_have_url(re.compile(rf"cambios=imss-bienestar/estatuto-organico&desde={BEFORE}"))
    explorer.shot("time3-cambios")

    page.locator(f'#changes-list li[data-id="{ESTATAL}"] a.unit-link').click()
    expect(page.locator("#panel-title")).to_have_text("Coordinación Estatal", timeout=SLOW)
    page.locator("#changes-close").click()
    expect(page.locator("g.node[data-change]")).to_have_count(0)
    expect(page).not_to_have_url(re.compile(r"cambios="))


def test_cambios_is_a_link_and_shows_renames(explorer: Session) -> None:
    page = explorer.open(f"/?org=imss&cambios={MANUAL}&desde=2016-12-31")
    expect(page.locator("#changes-list li").first).to_be_visible(timeout=SLOW)
    expect(explorer.node(ORGANO)).to_have_attribute("data-change", "renamed")
    row = page.locator(f'#changes-list li[data-id="{ORGANO}"]')
    expect(row).to_contain_text("renombrada (antes: Delegación)")
    expect(page.locator("#changes-legend")).to_contain_text("renombrada (2)")
    expect(page.locator("#changes-period")).to_contain_text("Del 31 de diciembre de 2016")
    early = page.locator("#changes-from")
    early.fill("1990-01-01")  # before the manual speaks: said in the box, the chart untouched
    page.locator("#changes-submit").click()
    expect(page.locator("#changes-status")).to_contain_text("rige desde", timeout=SLOW)
    expect(page.locator("g.node").first).to_be_visible()
