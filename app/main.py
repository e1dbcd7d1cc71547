"""The FastAPI application: one async driver per process, owned by the lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from neo4j import AsyncGraphDatabase

from app.cache import ResponseCache
from app.db import Reader
from app.errors import install_error_handlers, without_default_422
from app.generation import Generation
from app.middleware import HeadAsGet, JsonCORSMiddleware, NormalizeNFC, SecurityHeaders, UrlLengthLimit
from app.routes import (
    amendments,
    ask,
    charts,
    cypher,
    documents,
    explorer,
    export,
    health,
    instruments,
    provisions,
    search,
    timeline,
    units,
    who_may,
)
from app.sources import Sources
from orggraph import __version__
from orggraph.settings import Settings, get_settings

DESCRIPTION = """
Mexican organizational law (Estatutos Orgánicos, Reglamentos Interiores, Manuales de Organización)
as a graph: units, reporting lines, powers with their conditions and delegations, legal basis and
amendment history, each fact with its source document and lines.

Errors are JSON, `{"error": {"code", "message"}}`, with the statuses each operation lists: 400 for an
invalid parameter or body, 404 for an unknown id, 503 when Neo4j does not answer. `HEAD` works wherever
`GET` does; a 405 lists the allowed methods in `Allow`.
"""


# The groups of /docs, in the order a reader meets them (not the routes' order, which is the matching order).
OPENAPI_TAGS = [
    {"name": "health", "description": "Whether the API and Neo4j answer"},
    {"name": "documents", "description": "The loaded documents: list, upload, remove, versions and their differences"},
    {"name": "charts", "description": "Organizations, their titulars' powers, org charts (JSON, SVG, PNG, PDF)"},
    {"name": "units", "description": "Units: detail, chain of command, subordinates, powers, history, legal basis"},
    {"name": "powers", "description": "Who may do X, and on what basis"},
    {"name": "questions", "description": "Questions in ordinary Spanish, answered through the other operations"},
    {"name": "search", "description": "Full-text search over units, powers, provisions and instruments"},
    {"name": "legal instruments", "description": "Laws, reglamentos, acuerdos … cited, and what rests on them"},
    {"name": "provisions", "description": "Articles, fractions and items, with what depends on them"},
    {"name": "amendments", "description": "Amendments the documents record, by date, authority and kind"},
    {"name": "cypher", "description": "Read-only ad-hoc Cypher, for power users"},
    {"name": "export", "description": "The organization charts as JSON-LD (W3C ORG), CSV or GraphML"},
]


def operation_id(route: APIRoute) -> str:
    """The route's function name (superiors, who_may): what generated clients call their functions."""
    return route.name


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # No notifications: Neo4j's warnings about a query ("property page_start does not exist" on a graph
        # without PDFs) are the same at every request; logging them cost a worker more than the answer.
        driver = AsyncGraphDatabase.driver(
            settings.neo4j_uri,
            auth=settings.neo4j_auth(),
            notifications_min_severity="OFF",
            **settings.driver_options(),
        )
        app.state.driver = driver
        app.state.reader = Reader(
            driver,
            settings.neo4j_database,
            settings.neo4j_read_deadline_seconds,
            causal=bool(settings.response_cache_entries),
        )
        # The generation's check is one tiny read: when Neo4j takes longer than its connection timeout to
        # answer it, the request goes on to its route (uncached) instead of waiting two deadlines.
        check_deadline = min(settings.neo4j_read_deadline_seconds, settings.neo4j_timeout_seconds)
        generation.reader = checks = Reader(driver, settings.neo4j_database, check_deadline)
        try:
            yield
        finally:
            await app.state.reader.close()
            await checks.close()
            await driver.close()

    # /docs and /redoc are served by the explorer router with assets from web/node_modules (no CDN).
    app = FastAPI(
        title="orggraph",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=operation_id,
        openapi_tags=OPENAPI_TAGS,
    )
    app.state.settings = settings
    generation = Generation(None, settings.generation_check_seconds)  # its reader comes with the driver
    app.state.generation = generation
    app.state.sources = Sources(generation)  # the documents' texts answers cite, per generation
    install_error_handlers(app)
    without_default_422(app)
    if settings.response_cache_entries:  # innermost: keyed by the normalized GET a route sees
        app.add_middleware(ResponseCache, generation=generation, entries=settings.response_cache_entries)
    # The Neo4j Browser (another origin) fetches the style and the guide from here when it connects.
    # Browser 5 sends its own headers (sentry-trace, cache-control, pragma) with those requests: any
    # header may come, since the answers are public, read-only and carry no credentials.
    app.add_middleware(
        JsonCORSMiddleware,
        allow_origins=settings.browser_origins(),
        allow_methods=["GET", "HEAD"],
        allow_headers=["*"],
        allow_credentials=False,
    )
    app.add_middleware(HeadAsGet)
    app.add_middleware(NormalizeNFC)
    app.add_middleware(UrlLengthLimit)
    app.add_middleware(SecurityHeaders)  # outermost: error answers carry the headers too
    app.mount("/static", StaticFiles(directory=explorer.STATIC), name="static")
    # Routes are matched in the order they are included, and each router that is passed costs a walk of its
    # routes (FastAPI 0.16x keeps included routers as branches): the questions asked most come first. charts
    # stays before units: "/units/{id}/orgchart.svg" must not be read as a unit id ending in "orgchart.svg".
    for module in (
        who_may,
        search,
        charts,
        units,
        ask,
        instruments,
        provisions,
        amendments,
        health,
        timeline,
        documents,
        cypher,
        export,
        explorer,
    ):
        app.include_router(module.router)
    return app
