"""Answers to repeated questions without Neo4j: a response cache keyed by the graph's generation.

The graph changes only when a document is loaded, and every load bumps the generation
(app/generation.py). An answer is kept per (path, query string, generation) in a bounded LRU; once the
generation moves, older entries are never served again and age out. Every cached kind of answer carries
an ``ETag`` (a hash of its body, so every worker gives the same one) and ``Cache-Control: no-cache``:
clients may keep it but ask again, and an ``If-None-Match`` that still matches is answered 304 without
a body. Staleness after a load is bounded by ORGGRAPH_GENERATION_CHECK_SECONDS plus one round trip.

Only GETs of the graph's read routes are cached (HEAD arrives here as a GET, app.middleware.HeadAsGet),
and only 200s: errors, /health, uploads and the explorer's files pass through.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.generation import Generation
from orggraph.errors import DatabaseUnavailable

# The read routes whose answers depend on the graph only (and on the URL).
CACHED_PREFIXES = (
    "/units",
    "/who-may",
    "/search",
    "/legal-instruments",
    "/provisions",
    "/amendments",
    "/documents",
    "/organizations",
    "/orgchart",
    "/export",
)
# Drawn charts print the day they were drawn ("Elaborado el …"): not only the graph's.
UNCACHED_SUFFIXES = (".svg", ".png", ".pdf")
CACHE_CONTROL = b"no-cache"
MAX_ENTRY_BYTES = 1 << 20  # a larger answer (a big export) is served, not kept
MAX_TOTAL_BYTES = 64 << 20  # and the kept bodies of a worker together, whatever their number


@dataclass(frozen=True)
class Entry:
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


def etag_of(body: bytes) -> bytes:
    return b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'


def matches(if_none_match: bytes, etag: bytes) -> bool:
    """RFC 9110 §13.1.2: weak comparison, a list of tags or ``*``."""
    tags = [t.strip().removeprefix(b"W/") for t in if_none_match.split(b",")]
    return b"*" in tags or etag in tags


class ResponseCache:
    """ASGI middleware; ``entries`` bounds how many answers are kept (and MAX_TOTAL_BYTES their bodies)."""

    def __init__(self, app: ASGIApp, generation: Generation, entries: int) -> None:
        self.app = app
        self.generation = generation
        self.entries = entries
        self.store: OrderedDict[tuple[str | None, str, bytes], Entry] = OrderedDict()
        self.size = 0  # bytes of the kept bodies
        self.token: str | None = None  # the generation the kept answers are of

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith(CACHED_PREFIXES)
            or scope["path"].endswith(UNCACHED_SUFFIXES)
        ):
            await self.app(scope, receive, send)
            return
        try:
            token = await self.generation.current()
        except DatabaseUnavailable:  # no generation, no promise about freshness: ask the route
            await self.app(scope, receive, send)
            return
        if token != self.token:  # a load: nothing kept can be served again
            self.store.clear()
            self.size = 0
            self.token = token
        key = (token, scope["path"], scope.get("query_string", b""))
        if_none_match = next((v for k, v in scope["headers"] if k == b"if-none-match"), None)
        entry = self.store.get(key)
        if entry is not None:
            self.store.move_to_end(key)
            await self._answer(entry, if_none_match, send)
            return
        await self._fill(scope, receive, send, key, if_none_match)

    @staticmethod
    async def _answer(entry: Entry, if_none_match: bytes | None, send: Send) -> None:
        if if_none_match is not None and matches(if_none_match, entry.etag):
            headers = [(b"etag", entry.etag), (b"cache-control", CACHE_CONTROL)]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": entry.headers})
        await send({"type": "http.response.body", "body": entry.body})

    async def _fill(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        key: tuple[str | None, str, bytes],
        if_none_match: bytes | None,
    ) -> None:
        """Run the route; keep a complete 200 of a reasonable size and answer it as a hit would be."""
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        passing = False  # not kept: messages go straight through

        async def capture(message: Message) -> None:
            nonlocal start, size, passing
            if passing:
                await send(message)
            elif message["type"] == "http.response.start":
                start = message
                passing = message["status"] != 200
                if passing:
                    await send(message)
            elif message["type"] == "http.response.body":
                body = message.get("body", b"")
                chunks.append(body)
                size += len(body)
                if message.get("more_body", False) and size <= MAX_ENTRY_BYTES:
                    return
                if message.get("more_body", False):  # too large to keep: stream it on as it comes
                    passing = True
                    await send(start)  # type: ignore[arg-type]
                    await send({"type": "http.response.body", "body": b"".join(chunks), "more_body": True})
                    return
                await self._keep(start, b"".join(chunks), key, if_none_match, send)  # type: ignore[arg-type]

        await self.app(scope, receive, capture)

    async def _keep(
        self, start: Message, body: bytes, key: tuple[str | None, str, bytes], if_none_match: bytes | None, send: Send
    ) -> None:
        etag = etag_of(body)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in (b"etag", b"cache-control")] + [
            (b"etag", etag),
            (b"cache-control", CACHE_CONTROL),
        ]
        entry = Entry(headers, body, etag)
        if len(body) <= MAX_ENTRY_BYTES and key[0] == self.token and key not in self.store:
            self.store[key] = entry
            self.size += len(body)
            while len(self.store) > self.entries or self.size > MAX_TOTAL_BYTES:
                _, dropped = self.store.popitem(last=False)
                self.size -= len(dropped.body)
        await self._answer(entry, if_none_match, send)
