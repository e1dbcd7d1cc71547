"""Typed FastAPI dependencies: settings, the process's one async driver, a named-query reader."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from neo4j import AsyncDriver

from app.db import Reader
from orggraph.settings import Settings


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_driver(request: Request) -> AsyncDriver:
    return request.app.state.driver  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_settings)]
DriverDep = Annotated[AsyncDriver, Depends(get_driver)]


def get_reader(driver: DriverDep, settings: SettingsDep) -> Reader:
    return Reader(driver, settings.neo4j_database, settings.neo4j_read_deadline_seconds)


ReaderDep = Annotated[Reader, Depends(get_reader)]
