"""POST /cypher: read-only ad-hoc Cypher for power users.

Defences, outermost first: off unless ORGGRAPH_CYPHER_TOKEN is set; a bearer token; LOAD CSV and
every procedure outside a short read-only allow-list refused before the query is sent; then the
query runs in a READ transaction (the server itself refuses writes) with a timeout and a row limit.
The local server also refuses file URLs in LOAD CSV (dbms.security.allow_csv_import_from_file_urls).
"""

from __future__ import annotations

import re
import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from neo4j import READ_ACCESS, AsyncManagedTransaction, unit_of_work
from neo4j.exceptions import ClientError
from neo4j.graph import Node, Path, Relationship

from app.db import native
from app.deps import DriverDep, SettingsDep
from app.errors import errors
from app.models import CypherRequest, CypherResponse
from orggraph.errors import BadRequest, QueryRefused, QueryTimeout, Unauthorized

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
    "dbms.components",
}


def _strip_literals(query: str) -> str:
    """The query without comments and string literals, so that keywords inside strings do not count."""
    query = re.sub(r"/\*.*?\*/", " ", query, flags=re.DOTALL)
    query = re.sub(r"//[^\n]*", " ", query)
    return re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", query)


def check(query: str) -> None:
    """Refuse what reads outside the graph: LOAD CSV, procedures not on the allow-list, USE."""
    bare = _strip_literals(query)
    if re.search(r"\bLOAD\s+CSV\b", bare, re.IGNORECASE):
        raise QueryRefused("LOAD CSV is not allowed: POST /cypher reads the graph only.")
    if re.search(r"^\s*USE\b|\bUSE\s+[`\w]", bare, re.IGNORECASE | re.MULTILINE):
        raise QueryRefused("USE is not allowed: POST /cypher reads the configured database only.")
    for name in re.findall(r"\bCALL\s+(?!\{|\()([A-Za-z_][\w.`]*)", bare, re.IGNORECASE):
        if name.replace("`", "").lower() not in ALLOWED_PROCEDURES:
            raise QueryRefused(f"Procedure {name} is not allowed; allowed: {', '.join(sorted(ALLOWED_PROCEDURES))}")


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
    "say that. It runs in a read transaction with a timeout and a row limit; writes, LOAD CSV, USE and procedures "
    "outside a read-only allow-list are refused (403).",
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
            "LOAD CSV, USE, a procedure not allowed (query_refused)",
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
    given = credentials.credentials.strip() if credentials else ""
    if not given or not secrets.compare_digest(given.encode(), token.encode()):
        raise Unauthorized("POST /cypher needs the header 'Authorization: Bearer <ORGGRAPH_CYPHER_TOKEN>'.")
    check(body.query)
    limit = settings.cypher_row_limit

    @unit_of_work(timeout=settings.cypher_timeout_seconds)
    async def work(tx: AsyncManagedTransaction) -> tuple[list[str], list[list[Any]], bool]:
        result = await tx.run(body.query, body.parameters)
        columns = list(result.keys())
        rows: list[list[Any]] = []
        async for record in result:
            if len(rows) == limit:
                return columns, rows, True
            rows.append([_json(v) for v in record.values()])
        return columns, rows, False

    try:
        async with driver.session(database=settings.neo4j_database, default_access_mode=READ_ACCESS) as session:
            columns, rows, truncated = await session.execute_read(work)
    except ClientError as exc:
        code = exc.code or ""
        if "AccessMode" in code or "ForbiddenDueToTransactionType" in code:
            raise QueryRefused(f"The database refused a write in this read-only transaction: {exc.message}") from exc
        if "TransactionTimedOut" in code or "Terminated" in code:
            raise QueryTimeout(f"The query ran past {settings.cypher_timeout_seconds:g}s and was stopped.") from exc
        raise BadRequest(f"Neo4j refused the query: {exc.message}") from exc
    return CypherResponse(columns=columns, rows=rows, truncated=truncated, row_limit=limit)
