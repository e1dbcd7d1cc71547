"""End-to-end fixtures: the app as a real HTTP server over the seeded Neo4j, and a real headless Chromium.

One server and one browser per module (starting them is the slow part); a fresh browser context per
test, with every request the page makes recorded. Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from neo4j import Driver
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, ViewportSize, sync_playwright

from app.main import create_app
from loaders.records import ParsedDocument
from orggraph.settings import PROJECT_ROOT
from tests.conftest import ensure_seeded, settings_for
from tests.support.live_server import serve
from tests.support.neo4j_target import Neo4jTarget

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
VIEWPORT: ViewportSize = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def explorer_url(driver: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument]) -> Iterator[str]:
    """The app on a free loopback port, in a thread, over a graph holding exactly the seeds."""
    ensure_seeded(driver, neo4j, seed_documents)
    with serve(create_app(settings_for(neo4j)), name="explorer-uvicorn") as base:
        yield base


@pytest.fixture(scope="module")
def playwright_session() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def chromium(playwright_session: Playwright) -> Iterator[Browser]:
    """Debian's Chromium (Playwright's own browser downloads are not used)."""
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.fail(f"No Chromium at {CHROMIUM}: install it with `apt-get install chromium`.", pytrace=False)
    executable = str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium"))
    browser = playwright_session.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()


@dataclass
class Session:
    """A page on the explorer and what it did: every request, uncaught errors, console errors."""

    page: Page
    base: str
    requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def open(self, path: str = "/") -> Page:
        self.page.goto(self.base + path)
        self.page.wait_for_selector("body[data-ready='true']", timeout=20_000)
        return self.page

    def node(self, unit_id: str):
        return self.page.locator(f'g.node[data-id="{unit_id}"]')

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture
def explorer(chromium: Browser, explorer_url: str) -> Iterator[Session]:
    context = chromium.new_context(viewport=VIEWPORT, locale="es-MX", reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(15_000)
    session = Session(page=page, base=explorer_url)

    def on_request(request: Request) -> None:
        session.requests.append(request.url)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            session.console_errors.append(message.text)

    context.on("request", on_request)
    page.on("pageerror", lambda error: session.page_errors.append(str(error)))
    page.on("console", on_console)
    try:
        yield session
    finally:
        context.close()
    assert not session.page_errors, f"Uncaught errors in the page: {session.page_errors}"
