"""The only place errors become HTTP: ``{"error": {"code", "message"}}``, never a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from starlette.exceptions import HTTPException as StarletteHTTPException

from orggraph.errors import (
    BadRequest,
    DatabaseUnavailable,
    NotFound,
    OrgGraphError,
    QueryRefused,
    QueryTimeout,
    Unauthorized,
)

log = logging.getLogger("orggraph.api")


# Most specific first: Unauthorized and QueryTimeout are kinds of QueryRefused.
STATUS_OF: list[tuple[type[OrgGraphError], int, str]] = [
    (NotFound, 404, "not_found"),
    (BadRequest, 400, "bad_request"),
    (Unauthorized, 401, "unauthorized"),
    (QueryTimeout, 408, "query_timeout"),
    (QueryRefused, 403, "query_refused"),
    (DatabaseUnavailable, 503, "database_unavailable"),
]


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": message}}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(OrgGraphError)
    async def _orggraph(_: Request, exc: OrgGraphError) -> JSONResponse:
        for kind, status, code in STATUS_OF:
            if isinstance(exc, kind):
                return JSONResponse(error_body(code, str(exc)), status_code=status)
        log.exception("unexpected orggraph error", exc_info=exc)
        return JSONResponse(error_body("internal_error", str(exc)), status_code=500)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'][1:]) or err['loc'][0]}: {err['msg']}" for err in exc.errors()
        )
        return JSONResponse(error_body("bad_request", problems), status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code)

    @app.exception_handler(ServiceUnavailable)
    @app.exception_handler(SessionExpired)
    async def _neo4j_down(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(error_body("database_unavailable", f"Neo4j is unavailable: {exc}"), status_code=503)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return JSONResponse(error_body("internal_error", "Internal server error; see the server log."), 500)
