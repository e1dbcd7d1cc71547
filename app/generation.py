"""The graph's generation as this worker knows it, asked of Neo4j at most every few hundred ms.

Every load bumps it in the load's own transaction (cypher/write_generation.cypher), so it lives in
the database: every worker and every process sees the same one, and a cluster's members carry it
with the data. Reads run through the driver's shared bookmark manager, so a read that follows a
check sees at least the state the check saw, whichever member answers.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from app.db import Reader
from loaders.writer import GRAPH_STATE


class Generation:
    """The current generation's token (None: no load yet), re-read when older than ``interval`` seconds.

    Concurrent requests share one check (one query in flight per worker), and a request never uses a
    token older than ``interval``: that, plus the check's round trip, bounds how stale an answer may be.
    """

    def __init__(self, reader: Reader | None, interval: float) -> None:
        self.reader = reader
        self.interval = interval
        self.token: str | None = None
        self.number: int | None = None
        self.checked_at = -float("inf")
        self._check: asyncio.Future[str | None] | None = None

    def expire(self) -> None:
        """Ask again at the next request (this worker has just written the graph)."""
        self.checked_at = -float("inf")

    async def current(self) -> str | None:
        """The token to key answers by. Raises DatabaseUnavailable when Neo4j does not answer."""
        if time.monotonic() - self.checked_at < self.interval:
            return self.token
        if self._check is None:
            self._check = asyncio.ensure_future(self._ask())
        check = self._check
        try:
            return await asyncio.shield(check)
        finally:
            if self._check is check and check.done():
                self._check = None

    async def _ask(self) -> str | None:
        started = time.monotonic()  # the answer is at least this fresh
        assert self.reader is not None, "the app's lifespan sets the reader"
        row: dict[str, Any] | None = await self.reader.one("graph_generation", id=GRAPH_STATE)
        self.token = row["token"] if row else None
        self.number = row["generation"] if row else None
        self.checked_at = started
        return self.token
