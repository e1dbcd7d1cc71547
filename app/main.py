"""The FastAPI application: one async driver per process, owned by the lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from neo4j import AsyncGraphDatabase

from app.errors import install_error_handlers
from app.routes import amendments, cypher, documents, export, health, instruments, provisions, search, units, who_may
from orggraph import __version__
from orggraph.settings import Settings, get_settings

DESCRIPTION = """
Mexican organizational law (Estatutos Orgánicos, Reglamentos Interiores, Manuales de Organización)
as a graph: units, reporting lines, powers with their conditions and delegations, legal basis and
amendment history, each fact with its source document and lines.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        driver = AsyncGraphDatabase.driver(
            settings.neo4j_uri, auth=settings.neo4j_auth(), connection_acquisition_timeout=10
        )
        app.state.driver = driver
        try:
            yield
        finally:
            await driver.close()

    app = FastAPI(title="orggraph", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    install_error_handlers(app)
    for module in (health, documents, units, who_may, search, instruments, provisions, amendments, cypher, export):
        app.include_router(module.router)
    return app
