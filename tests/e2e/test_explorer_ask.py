"""The explorer's "Pregunta" box (issue 15): any question goes to GET /ask, and the answer's units light up."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Session

pytestmark = pytest.mark.browser

DIRECCION_GENERAL = "imss-bienestar/unit/direccion-general"
JUNTA = "imss-bienestar/unit/junta-de-gobierno"
COORDINACIONES = [
    "imss-bienestar/unit/coordinacion-de-convenios-contratos-y-regularizacion-inmobiliaria",
    "imss-bienestar/unit/coordinacion-de-asuntos-consultivos-y-normativos",
    "imss-bienestar/unit/coordinacion-de-lo-contencioso",
]


def ask(explorer: Session, question: str) -> None:
    page = explorer.page
    page.locator("#who-may-input").fill(question)
    page.locator("#who-may-button").click()


def test_a_question_is_answered_with_cited_sentences_and_the_chart_highlighted(explorer: Session) -> None:
    page = explorer.open("/?org=imss")
    expect(page.locator("label[for=who-may-input]")).to_have_text("Pregunta")
    ask(explorer, "¿A quién reporta la Unidad Jurídica?")

    expect(page.locator("#org-select")).to_have_value("imss-bienestar")  # the answer's organization is drawn
    results = page.locator("#who-may-results")
    expect(results).to_contain_text("Pregunta leída: a quién reporta")
    first = results.locator("li.answer-item").first
    expect(first).to_have_text(re.compile(r"La Unidad Jurídica depende de la Dirección General"))
    expect(first.locator("cite")).to_contain_text("Estatuto Orgánico")
    expect(first.locator("cite")).to_contain_text("línea 402")
    for unit_id in (DIRECCION_GENERAL, JUNTA):
        expect(explorer.node(unit_id)).to_have_class(re.compile(r"\bholder\b"))
    highlighted = page.locator("g.node.holder").evaluate_all("els => els.map(e => e.dataset.id)")
    assert set(highlighted) <= {DIRECCION_GENERAL, JUNTA, "imss-bienestar"}  # the chain and nothing else
    expect(page).to_have_url(re.compile(r"who=.*reporta"))
    explorer.shot("ask1-superiors")

    ask(explorer, "¿Qué unidades dependen de la Unidad Jurídica?")
    expect(results.locator("li.answer-item")).to_have_count(3)
    expect(page.locator("g.node.holder")).to_have_count(3)
    for unit_id in COORDINACIONES:
        expect(explorer.node(unit_id)).to_have_class(re.compile(r"\bholder\b"))
    explorer.shot("ask2-subordinates")


def test_who_may_asked_as_a_question_keeps_the_holder_list(explorer: Session) -> None:
    page = explorer.open("/")
    ask(explorer, "¿Quién puede firmar contratos?")
    results = page.locator("#who-may-results")
    expect(results.locator("li.holder-item")).to_have_count(16)
    expect(page.locator("g.node.holder")).to_have_count(16)
    expect(results).to_contain_text("Pregunta leída: quién puede")


def test_a_question_it_cannot_read_says_what_it_can_answer(explorer: Session) -> None:
    page = explorer.open("/")
    ask(explorer, "¿Cuánto cuesta un café?")
    results = page.locator("#who-may-results")
    expect(results.locator(".ask-examples li").first).to_be_visible()
    expect(results).to_contain_text("¿Quién puede firmar contratos?")
    expect(page.locator("g.node.holder")).to_have_count(0)
