"""The web surfaces users touch first, in a real headless Chromium, with no internet: the OpenAPI
consoles (/docs, /redoc) served from the app, and the Neo4j Browser loading orggraph's style and guide
from the API when it connects (its CORS requests answered)."""

from __future__ import annotations

import re
import threading
import time
import urllib.request
from collections.abc import Iterator

import pytest
import uvicorn
from neo4j import Driver
from playwright.sync_api import Browser, Page, expect

from app.main import create_app
from loaders.records import ParsedDocument
from loaders.writer import write_document
from orggraph.localserver import free_port
from tests.conftest import GraphState, settings_for, wipe
from tests.e2e.conftest import SCREENSHOTS, VIEWPORT
from tests.support.neo4j_target import Neo4jTarget

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(driver: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument]) -> Iterator[str]:
    """The app on the port the test Neo4j's Browser expects it on (its post-connect commands)."""
    if not GraphState.seeded:
        wipe(driver, neo4j)
        for document in seed_documents.values():
            write_document(driver, neo4j.database, document)
        GraphState.seeded = True
    http_port = int(neo4j.http_url.rstrip("/").rsplit(":", 1)[1]) if neo4j.http_url else 7474
    settings = settings_for(neo4j, neo4j_http_port=http_port)
    port = neo4j.api_port or free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="surfaces-uvicorn", daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/health", timeout=5):
                break
        except OSError:
            if not thread.is_alive() or time.monotonic() > deadline:
                server.should_exit = True
                pytest.fail(f"the app did not answer on {base}", pytrace=False)
            time.sleep(0.1)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:
    context = chromium.new_context(viewport=VIEWPORT)
    # No internet: anything that is not loopback fails, as on a machine without it.
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "data:"))
            else route.abort()
        ),
    )
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def test_docs_render_offline_and_try_it_out_works(page: Page, app_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(app_url + "/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("orggraph", timeout=15_000)
    operation = page.locator("#operations-health-health")  # tag "health", operationId "health"
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    live = operation.locator(".live-responses-table tbody .response-col_status")
    expect(live.first).to_contain_text("200", timeout=10_000)
    expect(operation.locator(".live-responses-table .highlight-code").first).to_contain_text("neo4j")
    page.screenshot(path=str(SCREENSHOTS / "s1-docs-try-it-out.png"))
    assert all(url.startswith("http://127.0.0.1") for url in requested), [u for u in requested if "127.0.0.1" not in u]


def test_redoc_renders_offline(page: Page, app_url: str) -> None:
    page.goto(app_url + "/redoc")
    expect(page.locator("h1").first).to_contain_text("orggraph", timeout=15_000)
    expect(page.get_by_text("/who-may").first).to_be_visible()


def test_cors_preflight_of_the_browser_headers_passes(app_url: str, neo4j: Neo4jTarget) -> None:
    origin = neo4j.http_url.rstrip("/") if neo4j.http_url else "http://127.0.0.1:7474"
    request = urllib.request.Request(
        app_url + "/neo4j-browser/orggraph.grass",
        method="OPTIONS",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "cache-control,pragma,sentry-trace",
        },
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 200
        assert response.headers["access-control-allow-origin"] == origin


def test_the_neo4j_browser_loads_the_style_and_the_guide(page: Page, app_url: str, neo4j: Neo4jTarget) -> None:
    if neo4j.kind != "local" or not neo4j.http_url:
        pytest.fail("this test needs the project's own Neo4j (its Browser is configured like `orggraph up`)")
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(neo4j.http_url.rstrip("/") + "/browser/")
    page.select_option("[data-testid=authenticationMethod]", label="No authentication")
    page.select_option("[data-testid=bolt-scheme-select]", "bolt://")
    page.fill("[data-testid=boltaddress]", neo4j.uri.split("://", 1)[1])
    page.click("[data-testid=connect]")
    # On connecting, the Browser runs `:style <api>/…/orggraph.grass; :guide <api>/…/guide.md`.
    style = page.locator("[data-testid=frame]", has_text=":style")
    expect(style).to_contain_text("node.Unit", timeout=30_000)
    guide = page.get_by_text("Example queries over the organizational law loaded by orggraph")
    expect(guide).to_be_visible(timeout=30_000)
    page.screenshot(path=str(SCREENSHOTS / "s2-browser-style-and-guide.png"))
    assert not any("Failed to fetch" in m or "CORS" in m for m in console), console
    # The guide's first query: to the editor, run, rows in the result.
    page.get_by_text("Next", exact=True).click()
    page.locator("pre", has_text="MATCH path").first.click()
    page.locator("[data-testid=editor-Run]").first.click()
    result = page.locator("[data-testid=frame]", has_text="MATCH path").first
    expect(result).to_contain_text(re.compile(r"Displaying [1-9]\d* nodes"), timeout=30_000)
    page.screenshot(path=str(SCREENSHOTS / "s3-browser-first-query.png"))
