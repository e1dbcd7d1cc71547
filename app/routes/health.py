"""GET /health: is the database answering, and which Neo4j is it."""

from __future__ import annotations

import logging
from typing import Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from neo4j import READ_ACCESS
from pydantic import BaseModel, Field

from app.db import UNAVAILABLE
from app.deps import DriverDep, SettingsDep
from app.errors import RETRY, RETRY_AFTER_HEADER, error_body
from app.models import ErrorBody
from orggraph.cypher import query

router = APIRouter(tags=["health"])
log = logging.getLogger("orggraph.api")


class Neo4jInfo(BaseModel):
    version: str
    edition: str
    database: str


class Health(BaseModel):
    status: str
    neo4j: Neo4jInfo
    uploads: bool = Field(False, description="POST /documents is on (ORGGRAPH_WRITE_TOKEN is set)")


class HealthUnavailable(ErrorBody):
    """The shared error body, with the status a probe reads."""

    status: Literal["unavailable"]


@router.get(
    "/health",
    response_model=Health,
    responses={
        503: {
            "model": HealthUnavailable,
            "description": "Neo4j does not answer (database_unavailable)",
            "headers": RETRY_AFTER_HEADER,
        }
    },
)
async def health(driver: DriverDep, settings: SettingsDep) -> Health | JSONResponse:
    # One auto-commit query, never retried: a probe wants the answer now, not after the driver's retries.
    try:
        async with driver.session(database=settings.neo4j_database, default_access_mode=READ_ACCESS) as session:
            result = await session.run(query("neo4j_version"))
            row = await result.single(strict=True)
    except Exception as exc:
        log.warning("health: Neo4j does not answer: %s", exc)
        body = error_body("database_unavailable", UNAVAILABLE)
        return JSONResponse({"status": "unavailable", **body}, status_code=503, headers=RETRY)
    return Health(
        status="ok",
        neo4j=Neo4jInfo(version=row["version"], edition=row["edition"], database=settings.neo4j_database),
        uploads=settings.write_token is not None,
    )
