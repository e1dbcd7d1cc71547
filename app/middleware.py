"""ASGI middleware: HEAD wherever GET, and every string a client sends in Unicode NFC.

FastAPI routes answer only the methods they declare, and RFC 9110 §9.3.2 wants a HEAD to get the GET's
status and headers without its body. The graph and the search index hold NFC text (loaders.text), while
macOS and some browsers send accents decomposed (NFD): "jurídica" as "juri" + U+0301 would find nothing.
"""

from __future__ import annotations

import contextlib
import unicodedata
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import error_body


class HeadAsGet:
    """Answers a HEAD as the GET of the same URL, body dropped. Kept out of the OpenAPI (HEAD is implied)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        # Content-Length stays the GET's, as RFC 9110 §8.6 allows for HEAD.
        await self.app({**scope, "method": "GET"}, receive, without_body)


def nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


class NormalizeNFC:
    """Query parameters, the path (its ids) and JSON bodies in NFC, before any route reads them. Multipart
    uploads are documents, read by the loaders, which normalize their own text."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw_query: bytes = scope.get("query_string", b"")
        if b"%" in raw_query or not raw_query.isascii() or not scope["path"].isascii():
            # ASCII without escapes is NFC already: most requests skip the parsing
            scope = dict(scope)
            query = raw_query.decode("latin-1")
            pairs = parse_qsl(query, keep_blank_values=True)
            if any(nfc(k) != k or nfc(v) != v for k, v in pairs):
                scope["query_string"] = urlencode([(nfc(k), nfc(v)) for k, v in pairs]).encode("ascii")
            scope["path"] = nfc(scope["path"])
        if scope["method"] not in ("GET", "HEAD"):  # only bodies that routes read
            headers = dict(scope.get("headers", []))
            if headers.get(b"content-type", b"").split(b";")[0].strip() == b"application/json":
                receive = await self._json_in_nfc(receive)
        await self.app(scope, receive, send)

    @staticmethod
    async def _json_in_nfc(receive: Receive) -> Receive:
        """The whole body, read once and normalized: JSON's syntax is ASCII, which NFC leaves as it is."""
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return _replay(message, receive)
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        with contextlib.suppress(UnicodeDecodeError):  # not UTF-8: the route answers 400 as it would have
            body = nfc(body.decode("utf-8")).encode("utf-8")
        return _replay({"type": "http.request", "body": body, "more_body": False}, receive)


def _replay(first: Message, then: Receive) -> Receive:
    """A receive that hands ``first`` once, then what the client sends next (its disconnect)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return first
        return await then()

    return receive


# The explorer loads its script, styles, d3 and data from this origin only (README: nothing from a CDN).
# Scripts are strict; style attributes are allowed inline, as the explorer (and d3) sets some on elements.
EXPLORER_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


class SecurityHeaders:
    """On every answer: no MIME sniffing (an uploaded name or a JSON string is never run as HTML) and no
    Referer leaking ids to other sites; on the explorer page, a Content-Security-Policy of this origin only.
    /docs and /redoc run FastAPI's inline bootstrap scripts, so they keep the browser's defaults."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
        if scope["path"] == "/":
            extra.append((b"content-security-policy", EXPLORER_CSP.encode()))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


class JsonCORSMiddleware(CORSMiddleware):
    """Starlette's CORS, whose refused preflights (an origin or a method not allowed) answer with the API's
    JSON error shape instead of plain text, like every other error."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-length", "content-type")}
        message = bytes(response.body).decode("utf-8", "replace")
        return JSONResponse(error_body("bad_request", message), status_code=response.status_code, headers=headers)


MAX_URL_BYTES = 8192


class UrlLengthLimit:
    """A URL longer than any question needs (8 KB) is answered 414 in the API's error shape before routing.
    Past about 64 KB uvicorn refuses the request line itself, in plain text, before any app sees it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            size = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b""))
            if size > MAX_URL_BYTES:
                message = f"The URL is {size:,} bytes long; at most {MAX_URL_BYTES:,} are read."
                body = error_body("uri_too_long", message)
                await JSONResponse(body, status_code=414)(scope, receive, send)
                return
        await self.app(scope, receive, send)
