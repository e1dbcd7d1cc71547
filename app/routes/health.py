"""GET /health: is the database answering, and which Neo4j is it."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from neo4j import RoutingControl
from pydantic import BaseModel

from app.deps import DriverDep, SettingsDep
from app.errors import error_body
from app.models import ErrorBody

router = APIRouter(tags=["health"])


class Neo4jInfo(BaseModel):
    version: str
    edition: str
    database: str


class Health(BaseModel):
    status: str
    neo4j: Neo4jInfo


class HealthUnavailable(ErrorBody):
    """The shared error body, with the status a probe reads."""

    status: Literal["unavailable"]


@router.get(
    "/health",
    response_model=Health,
    responses={503: {"model": HealthUnavailable, "description": "Neo4j does not answer (database_unavailable)"}},
)
async def health(driver: DriverDep, settings: SettingsDep) -> Health | JSONResponse:
    try:
        result = await driver.execute_query(
            "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition",
            routing_=RoutingControl.READ,
            database_=settings.neo4j_database,
        )
        row = result.records[0]
    except Exception as exc:
        body = error_body("database_unavailable", f"Neo4j at {settings.neo4j_uri} does not answer: {exc}")
        return JSONResponse({"status": "unavailable", **body}, status_code=503)
    return Health(
        status="ok",
        neo4j=Neo4jInfo(version=row["version"], edition=row["edition"], database=settings.neo4j_database),
    )
