"""The only place errors become HTTP: ``{"error": {"code", "message"}}``, never a stack trace."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import ServiceUnavailable, SessionExpired, TransientError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from app.db import UNAVAILABLE
from app.models import ErrorBody
from orggraph.errors import (
    BadRequest,
    Conflict,
    DatabaseUnavailable,
    NotFound,
    OrgGraphError,
    QueryRefused,
    QueryTimeout,
    TooLarge,
    Unauthorized,
)
from questions.ask import Unreadable

log = logging.getLogger("orggraph.api")


# Most specific first: Unauthorized and QueryTimeout are kinds of QueryRefused.
STATUS_OF: list[tuple[type[OrgGraphError], int, str]] = [
    (NotFound, 404, "not_found"),
    (TooLarge, 413, "too_large"),
    (Conflict, 409, "conflict"),
    (BadRequest, 400, "bad_request"),
    (Unauthorized, 401, "unauthorized"),
    (QueryTimeout, 408, "query_timeout"),
    (QueryRefused, 403, "query_refused"),
    (DatabaseUnavailable, 503, "database_unavailable"),
    (Unreadable, 422, "unreadable_question"),
]


# What each error status means, for the OpenAPI; each route lists those it can answer with ``errors(...)``.
MEANING: dict[int, str] = {
    400: "A parameter or the body is invalid (bad_request); the message names it",
    401: "No or wrong bearer token (unauthorized)",
    403: "Refused (query_refused)",
    404: "No such id (not_found)",
    408: "The query ran past its timeout (query_timeout)",
    409: "The request would undo what the graph holds and was not confirmed (conflict)",
    413: "The upload is larger than ORGGRAPH_UPLOAD_MAX_MB (too_large)",
    414: "The URL is longer than 8 KB (uri_too_long)",
    422: "A question orggraph cannot read, or whose unit, document or instrument fits several (unreadable_question); "
    "the body lists the kinds of question it knows, with examples",
    503: "Neo4j does not answer (database_unavailable)",
}
# RFC 9110 §11.6.1: a 401 says which scheme would do.
CHALLENGE = {"WWW-Authenticate": "Bearer"}
# RFC 9110 §10.2.3: a 503 says when to come back; a restarting Neo4j answers within seconds.
RETRY_AFTER_SECONDS = 5
RETRY = {"Retry-After": str(RETRY_AFTER_SECONDS)}
HEADERS_OF = {401: CHALLENGE, 503: RETRY}


RETRY_AFTER_HEADER = {"Retry-After": {"description": "Seconds to wait before retrying", "schema": {"type": "integer"}}}


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": message}}


def errors(*statuses: int, notes: Mapping[int, str] | None = None) -> dict[int | str, dict[str, Any]]:
    """A route's ``responses=``: the errors it can answer, all with the shared ErrorBody, so that generated
    clients parse them instead of treating them as unexpected. ``notes`` say more than MEANING for one route."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        out[status] = {"model": ErrorBody, "description": (notes or {}).get(status, MEANING[status])}
        if status == 401:
            out[status]["headers"] = {"WWW-Authenticate": {"description": "Bearer", "schema": {"type": "string"}}}
        if status == 503:
            out[status]["headers"] = RETRY_AFTER_HEADER
    return out


def without_default_422(app: FastAPI) -> None:
    """Drop the 422 FastAPI documents on every route with parameters: invalid requests are answered with 400
    and ErrorBody (below), which the routes document themselves; and say that any URL may be too long (414)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        schema = generate()
        for operations in schema["paths"].values():
            for operation in operations.values():
                default = operation["responses"].get("422", {})
                if "HTTPValidationError" in str(default.get("content", {})):
                    operation["responses"].pop("422")
                # any URL may be too long (app.middleware.UrlLengthLimit answers before routing)
                operation["responses"]["414"] = {
                    "description": MEANING[414],
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}},
                }
        for name in ("HTTPValidationError", "ValidationError"):
            schema.get("components", {}).get("schemas", {}).pop(name, None)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def allowed(request: Request, headers: Mapping[str, str] | None) -> dict[str, str]:
    """A 405's headers. Starlette's Allow names the methods of the first route matching the path only; a path
    served by several routes (GET and POST /documents) allows every method some route fully matches, and HEAD
    wherever GET (app.middleware.HeadAsGet answers it)."""
    out = dict(headers or {})
    methods = {m.strip() for m in out.get("Allow", "").split(",") if m.strip()}
    for method in _METHODS:
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
            methods.add(method)
    if "GET" in methods:
        methods.add("HEAD")
    if methods:
        out["Allow"] = ", ".join(sorted(methods))
    return out


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(OrgGraphError)
    async def _orggraph(_: Request, exc: OrgGraphError) -> JSONResponse:
        for kind, status, code in STATUS_OF:
            if isinstance(exc, kind):
                headers = HEADERS_OF.get(status)
                body: dict[str, Any] = error_body(code, str(exc))
                if isinstance(exc, Unreadable):
                    body["error"]["kinds"] = [{"kind": k, "examples": v} for k, v in exc.kinds.items()]
                return JSONResponse(body, status_code=status, headers=headers)
        log.exception("unexpected orggraph error", exc_info=exc)
        return JSONResponse(error_body("internal_error", str(exc)), status_code=500)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'][1:]) or err['loc'][0]}: {err['msg']}" for err in exc.errors()
        )
        return JSONResponse(error_body("bad_request", problems), status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        # RFC 9110 §15.5.6: a 405 carries Allow, which Starlette puts in the exception's headers.
        headers = allowed(request, exc.headers) if exc.status_code == 405 else exc.headers
        return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code, headers=headers)

    # Neo4j stopped or unreachable; its database shutting down or starting (a DatabaseUnavailable, met by the
    # soak, bench/soak.py, while Neo4j restarts); or any error Neo4j itself calls transient once the
    # driver's retries are spent: all of them say "try again later", never "the server is broken".
    @app.exception_handler(ServiceUnavailable)
    @app.exception_handler(SessionExpired)
    @app.exception_handler(TransientError)
    async def _neo4j_down(_: Request, exc: Exception) -> JSONResponse:
        log.warning("Neo4j does not answer: %s", exc)
        return JSONResponse(error_body("database_unavailable", UNAVAILABLE), status_code=503, headers=RETRY)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return JSONResponse(error_body("internal_error", "Internal server error; see the server log."), 500)
