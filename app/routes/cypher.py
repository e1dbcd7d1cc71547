"""POST /cypher: read-only ad-hoc Cypher for power users.

Defences, outermost first: off unless ORGGRAPH_CYPHER_TOKEN is set; a bearer token; then Neo4j itself
says what the query is — it is planned first (``EXPLAIN``, in the same read transaction), and only a read
(``query_type`` "r") on the configured database whose plan calls allow-listed procedures only, and no
administration operator (SHOW TRANSACTIONS, TERMINATE …) or LOAD CSV, runs. A query's text is never
inspected: backticks, comments or subqueries cannot hide a procedure from its plan. It runs with a
server-side timeout (the transaction's), a per-transaction memory limit (``db.memory.transaction.max``
in the local server's configuration) and a row limit; the answer comes by the timeout even when Neo4j
is slow to stop a query that does not check for termination.
"""

from __future__ import annotations

import asyncio
import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from neo4j import READ_ACCESS, AsyncDriver, ResultSummary
from neo4j.exceptions import ClientError, TransientError
from neo4j.graph import Node, Path, Relationship

from app.db import native
from app.deps import DriverDep, SettingsDep
from app.errors import errors
from app.models import CypherRequest, CypherResponse
from orggraph.errors import BadRequest, QueryRefused, QueryTimeout, Unauthorized
from orggraph.settings import Settings

router = APIRouter(tags=["cypher"])

# A security scheme, not a header parameter: the OpenAPI says "bearer token", and generated clients send it.
bearer = HTTPBearer(auto_error=False, description="ORGGRAPH_CYPHER_TOKEN")

ALLOWED_PROCEDURES = {
    "db.labels",
    "db.relationshiptypes",
    "db.propertykeys",
    "db.schema.visualization",
    "db.schema.nodetypeproperties",
    "db.schema.reltypeproperties",
    "db.index.fulltext.querynodes",
    "db.index.fulltext.queryrelationships",
}
# Plan operators that read the schema, not the server: every other SHOW … and TERMINATE … is refused.
ALLOWED_SHOW = {"ShowIndexes", "ShowConstraints", "ShowProcedures", "ShowFunctions"}
# Neo4j's answers when the query is an administration command it will not plan on this database.
ADMINISTRATION = ("UnsupportedAdministrationCommand", "NotSystemDatabaseError")
# How long past the server-side timeout the API waits for Neo4j to stop a query before answering 408.
GRACE_SECONDS = 1.0


def operators(plan: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Every operator of a plan as (operator, database, details), children included."""
    name, _, database = str(plan.get("operatorType", "")).partition("@")
    out = [(name, database, str(plan.get("args", {}).get("Details", "")))]
    for child in plan.get("children", []):
        out += operators(child)
    return out


def refuse_unless_read(summary: ResultSummary, database: str) -> None:
    """Raise QueryRefused unless the plan is a read of ``database`` calling allow-listed procedures only."""
    if summary.query_type != "r":
        kind = {"w": "a write", "rw": "a write", "s": "a schema or administration command"}
        raise QueryRefused(
            f"Refused: Neo4j plans this query as {kind.get(str(summary.query_type), 'not a read')}; "
            "POST /cypher runs reads only."
        )
    for operator, on, details in operators(summary.plan or {}):
        if on and on != database:
            raise QueryRefused(f"Refused: the query reads the database {on!r}; POST /cypher reads {database!r} only.")
        if operator == "LoadCSV":
            raise QueryRefused("LOAD CSV is not allowed: POST /cypher reads the graph only.")
        if operator.startswith(("Show", "Terminate")) and operator not in ALLOWED_SHOW:
            raise QueryRefused(f"Refused: {operator} is an administration command; POST /cypher reads the graph.")
        if operator == "ProcedureCall":
            procedure = details.split("(", 1)[0].strip()
            if procedure.lower() not in ALLOWED_PROCEDURES:
                raise QueryRefused(
                    f"Procedure {procedure} is not allowed; allowed: {', '.join(sorted(ALLOWED_PROCEDURES))}"
                )


def _json(value: Any) -> Any:
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": native(dict(value))}
    if isinstance(value, Relationship):
        return {
            "type": value.type,
            "properties": native(dict(value)),
            "start": value.start_node.get("id") if value.start_node else None,
            "end": value.end_node.get("id") if value.end_node else None,
        }
    if isinstance(value, Path):
        return {"nodes": [_json(n) for n in value.nodes], "relationships": [_json(r) for r in value.relationships]}
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    return native(value)


@router.post(
    "/cypher",
    response_model=CypherResponse,
    summary="Read-only Cypher (token required; off unless ORGGRAPH_CYPHER_TOKEN is set)",
    description="`query` must be Cypher that Neo4j parses (else 400, with Neo4j's message): JSON Schema cannot "
    "say that. Neo4j plans it first: only a read of the configured database runs, in a read transaction with a "
    "server-side timeout, a memory limit and a row limit; writes, administration commands (SHOW TRANSACTIONS, "
    "TERMINATE …), LOAD CSV, other databases and procedures outside a read-only allow-list are refused (403).",
    responses=errors(
        400,
        401,
        403,
        408,
        503,
        notes={
            400: "Neo4j cannot run the query (a syntax error, a missing parameter …), or the body is invalid "
            "(bad_request)",
            403: "The endpoint is disabled (ORGGRAPH_CYPHER_TOKEN unset), or the query was refused: a write, "
            "an administration command, LOAD CSV, another database, a procedure not allowed, more memory than a "
            "query may use (query_refused)",
        },
    ),
)
async def run_cypher(
    body: CypherRequest,
    driver: DriverDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> CypherResponse:
    if settings.cypher_token is None:
        raise QueryRefused("POST /cypher is disabled: set ORGGRAPH_CYPHER_TOKEN to enable it.")
    token = settings.cypher_token.get_secret_value()
    # HTTPBearer answers None unless the scheme is Bearer: a bare token is no credential.
    given = credentials.credentials.strip() if credentials and credentials.scheme.lower() == "bearer" else ""
    if not given or not secrets.compare_digest(given.encode(), token.encode()):
        raise Unauthorized("POST /cypher needs the header 'Authorization: Bearer <ORGGRAPH_CYPHER_TOKEN>'.")
    timeout = settings.cypher_timeout_seconds
    try:
        columns, rows, truncated = await asyncio.wait_for(run(driver, settings, body), timeout + GRACE_SECONDS)
    except TimeoutError as exc:
        raise QueryTimeout(f"The query ran past {timeout:g}s and was stopped.") from exc
    except TransientError as exc:
        if "MemoryPool" in (exc.code or ""):
            raise QueryRefused(
                "Refused: the query needs more memory than one query may use (db.memory.transaction.max)."
            ) from exc
        raise
    except ClientError as exc:
        code = exc.code or ""
        if "AccessMode" in code or "ForbiddenDueToTransactionType" in code:
            raise QueryRefused(f"The database refused a write in this read-only transaction: {exc.message}") from exc
        if "TransactionTimedOut" in code or "Terminated" in code:
            raise QueryTimeout(f"The query ran past {timeout:g}s and was stopped.") from exc
        if code.endswith("ProcedureNotFound"):
            raise QueryRefused(f"Procedure not allowed: {exc.message}") from exc
        if any(kind in code for kind in ADMINISTRATION):
            raise QueryRefused(
                f"Refused: an administration command; POST /cypher reads the graph. ({exc.message})"
            ) from exc
        raise BadRequest(f"Neo4j refused the query: {exc.message}") from exc
    return CypherResponse(columns=columns, rows=rows, truncated=truncated, row_limit=settings.cypher_row_limit)


async def run(driver: AsyncDriver, settings: Settings, body: CypherRequest) -> tuple[list[str], list[list[Any]], bool]:
    """Plan, check, then run, in one read transaction with the server-side timeout; never retried (a retry
    would double a runaway query's cost, and Neo4j's memory refusal is 'transient')."""
    limit = settings.cypher_row_limit
    async with driver.session(database=settings.neo4j_database, default_access_mode=READ_ACCESS) as session:
        tx = await session.begin_transaction(timeout=settings.cypher_timeout_seconds)
        try:
            planned = await tx.run("EXPLAIN " + body.query, body.parameters)
            refuse_unless_read(await planned.consume(), settings.neo4j_database)
            result = await tx.run(body.query, body.parameters)
            columns = list(result.keys())
            rows: list[list[Any]] = []
            async for record in result:
                if len(rows) == limit:
                    return columns, rows, True
                rows.append([_json(v) for v in record.values()])
            return columns, rows, False
        finally:
            await tx.close()
