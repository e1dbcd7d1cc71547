"""Reads through named Cypher files with the async driver: read routing, explicit database.

A read is one auto-commit query (RUN and PULL in one round trip): a managed transaction adds BEGIN and
COMMIT, a second round trip, for nothing a single read statement needs. The driver's retries are kept
for what they are for: a read that meets a transient error or a cluster member going away runs again as
a managed, retried transaction. With the response cache on, sessions share the driver's bookmark manager
(the one ``execute_query`` uses), so in a cluster a read sees at least what an earlier read of this
process saw.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from neo4j import READ_ACCESS, AsyncDriver, AsyncSession, Record, RoutingControl
from neo4j.exceptions import ServiceUnavailable, SessionExpired, TransientError
from neo4j.graph import Node, Path, Relationship
from neo4j.time import Date, DateTime, Duration, Time

from orggraph.cypher import query
from orggraph.errors import DatabaseUnavailable

# What a client is told when Neo4j does not answer: not the address nor the socket error (the log has them).
UNAVAILABLE = "Neo4j does not answer; retry later."


class Reader:
    """Runs named read queries; one per app, shared by its requests (the driver is the process's only one).

    Sessions are kept between reads (a session runs one query at a time; each read takes an idle one or
    opens one): opening a session builds its configuration anew, a fifth of a short read's time in the
    client. ``causal`` reads share the driver's bookmark manager, which the response cache needs in a
    cluster (app/generation.py); without the cache, reads skip it.
    """

    def __init__(
        self, driver: AsyncDriver, database: str, deadline: float | None = None, *, causal: bool = True
    ) -> None:
        self.driver = driver
        self.database = database
        self.deadline = deadline  # seconds, retries included (ORGGRAPH_NEO4J_READ_DEADLINE_SECONDS)
        self.bookmarks = driver.execute_query_bookmark_manager if causal else None
        self.idle: list[AsyncSession] = []

    async def rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        try:
            async with asyncio.timeout(self.deadline):
                records = await self._records(query(name), params)
        except (ServiceUnavailable, SessionExpired, OSError, TimeoutError) as exc:
            raise DatabaseUnavailable(UNAVAILABLE) from exc
        return rows_of(records)

    async def _records(self, text: str, params: dict[str, Any]) -> list[Record]:
        session = self.idle.pop() if self.idle else self._session()
        try:
            result = await session.run(text, params)
            records = [record async for record in result]
        except (TransientError, SessionExpired):
            await self._discard(session)
            retried = await self.driver.execute_query(
                text, parameters_=params, routing_=RoutingControl.READ, database_=self.database
            )
            return retried.records
        except asyncio.CancelledError:  # the deadline: drop the connection at once, no I/O with Neo4j
            session.cancel()
            raise
        except BaseException:  # a failed read may leave the session mid-answer: never reuse it
            await self._discard(session)
            raise
        if len(self.idle) < IDLE_SESSIONS:
            self.idle.append(session)
        else:
            await session.close()
        return records

    def _session(self) -> AsyncSession:
        return self.driver.session(
            database=self.database, default_access_mode=READ_ACCESS, bookmark_manager=self.bookmarks
        )

    @staticmethod
    async def _discard(session: AsyncSession) -> None:
        with contextlib.suppress(Exception):
            await asyncio.shield(session.close())

    async def close(self) -> None:
        """Close the idle sessions (before the driver)."""
        while self.idle:
            await self._discard(self.idle.pop())

    async def one(self, name: str, **params: Any) -> dict[str, Any] | None:
        rows = await self.rows(name, **params)
        return rows[0] if rows else None


# Sessions kept idle between reads: about the most reads one worker runs at once.
IDLE_SESSIONS = 128
_SCALARS = frozenset({str, int, float, bool, type(None)})


def rows_of(records: list[Record]) -> list[dict[str, Any]]:
    """Records → plain dicts, in one walk. Not ``record.data()`` (a transform of every value first) nor
    ``record.items()``: a Record is a tuple, but its own ``__iter__`` and ``items`` are Python generators,
    three times the cost of the tuple's C iterator on a 20-row answer (a fifth of a millisecond)."""
    if not records:
        return []
    keys = records[0].keys()  # every record of one answer has the same keys
    values = tuple.__iter__
    return [
        {
            key: value if type(value) in _SCALARS else native(value)
            for key, value in zip(keys, values(record), strict=True)
        }
        for record in records
    ]


def native(value: Any) -> Any:
    """Neo4j temporal values → Python ones, recursively (pydantic and JSON know those). Exact type tests
    first: the walk meets every value of every answer, nearly all of them strings, numbers and None."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is dict:  # scalars inline: a call per value is most of the walk's cost
        return {k: v if type(v) in _SCALARS else native(v) for k, v in value.items()}
    if kind is list:
        return [v if type(v) in _SCALARS else native(v) for v in value]
    if isinstance(value, (Node, Relationship, Path)):  # the shapes record.data() gives graph elements
        return native(Record([("value", value)]).data()["value"])
    if isinstance(value, dict):
        return {k: native(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [native(v) for v in value]
    if isinstance(value, (Date, DateTime, Time)):
        return value.to_native()
    if isinstance(value, Duration):
        return str(value)
    return value
