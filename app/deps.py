"""Typed FastAPI dependencies: settings, the process's one async driver, a named-query reader.

``async def`` on purpose: FastAPI runs a plain ``def`` dependency in its thread pool, and three thread
hops per request cost a tenth of a worker's time under load (docs/benchmarks.md, the profile).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from neo4j import AsyncDriver

from app.db import Reader
from app.sources import Sources
from orggraph.settings import Settings


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_driver(request: Request) -> AsyncDriver:
    return request.app.state.driver


SettingsDep = Annotated[Settings, Depends(get_settings)]
DriverDep = Annotated[AsyncDriver, Depends(get_driver)]


async def get_reader(request: Request) -> Reader:
    return request.app.state.reader


ReaderDep = Annotated[Reader, Depends(get_reader)]


async def get_sources(request: Request) -> Sources:
    return request.app.state.sources


# None when a route is called as a function (GET /ask calls the routes it answers through; it says its own sources).
SourcesDep = Annotated[Sources | None, Depends(get_sources)]
