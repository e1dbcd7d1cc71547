"""The explorer's upload (issue 12, item 4): with a write token on the server, "Cargar documento" sends a
file and the token to POST /documents, shows the reading's figures and the new organization; a reload
that would shrink the document, and a wrong token, are shown with their reasons. Without a token the
button is not there (tests/e2e/test_explorer.py's server has none)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver
from playwright.sync_api import Browser

from app.main import create_app
from loaders.records import ParsedDocument
from tests.conftest import GraphState, ensure_seeded, settings_for
from tests.corpus.scoring import CORPUS
from tests.e2e.conftest import Session
from tests.support.live_server import serve
from tests.support.neo4j_target import Neo4jTarget

TOKEN = "e2e-write-token"
SIMAS = CORPUS / "torreon-simas-reglamento-interior-1993.txt"


@pytest.fixture(scope="module")
def explorer_url(driver: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument]) -> Iterator[str]:
    ensure_seeded(driver, neo4j, seed_documents)
    try:
        with serve(create_app(settings_for(neo4j, write_token=TOKEN)), name="upload-uvicorn") as base:
            yield base
    finally:
        GraphState.seeded = False  # the uploads changed the graph


def upload(session: Session, path: Path, token: str = TOKEN, replace: bool = False) -> str:
    page = session.page
    if not page.locator("#upload-dialog").is_visible():
        page.click("#upload-button")
    page.set_input_files("#upload-file", str(path))
    page.fill("#upload-token", token)
    if replace:
        page.check("#upload-replace")
    page.click("#upload-submit")
    page.wait_for_selector("#upload-status[data-state='done'], #upload-status[data-state='error']")
    return page.locator("#upload-status").inner_text()


def test_a_document_uploaded_from_the_explorer_is_read_and_shown(
    explorer: Session, chromium: Browser, tmp_path: Path
) -> None:
    page = explorer.open("/")
    assert page.locator("#upload-button").is_visible()
    said = upload(explorer, SIMAS)
    assert said.startswith("Cargado:") and "13 unidades" in said and "atribuciones" in said
    assert page.locator("#org-select option[value='simas']").count() == 1
    assert page.locator("#org-select").input_value() == "simas"
    page.wait_for_selector("g.node[data-id='simas/unit/gerente-general']", state="attached")

    cut = tmp_path / SIMAS.name
    cut.write_bytes(SIMAS.read_bytes()[: SIMAS.stat().st_size // 4])
    refused = upload(explorer, cut)
    assert "No se cargó" in refused and "Reemplazar" in refused and "powers" in refused

    wrong = upload(explorer, SIMAS, token="not-the-token")
    assert "No se cargó" in wrong and "credencial" in wrong
    page.click("#upload-cancel")
    assert not page.locator("#upload-dialog").is_visible()
