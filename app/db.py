"""Reads through named Cypher files with the async driver: read routing, explicit database.

A read is one auto-commit query (RUN and PULL in one round trip): a managed transaction adds BEGIN and
COMMIT, a second round trip, for nothing a single read statement needs. The driver's retries are kept
for what they are for: a read that meets a transient error or a cluster member going away runs again as
a managed, retried transaction. Sessions share the driver's bookmark manager (the one ``execute_query``
uses), so in a cluster a read sees at least what an earlier read of this process saw.
"""

from __future__ import annotations

import asyncio
from typing import Any

from neo4j import READ_ACCESS, AsyncDriver, Record, RoutingControl
from neo4j.exceptions import ServiceUnavailable, SessionExpired, TransientError
from neo4j.time import Date, DateTime, Duration, Time

from orggraph.cypher import query
from orggraph.errors import DatabaseUnavailable

# What a client is told when Neo4j does not answer: not the address nor the socket error (the log has them).
UNAVAILABLE = "Neo4j does not answer; retry later."


class Reader:
    """Runs named read queries. One per request; the driver is the process's only one."""

    def __init__(self, driver: AsyncDriver, database: str, deadline: float | None = None) -> None:
        self.driver = driver
        self.database = database
        self.deadline = deadline  # seconds, retries included (ORGGRAPH_NEO4J_READ_DEADLINE_SECONDS)

    async def rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        try:
            records = await asyncio.wait_for(self._records(query(name), params), timeout=self.deadline)
        except (ServiceUnavailable, SessionExpired, OSError, TimeoutError) as exc:
            raise DatabaseUnavailable(UNAVAILABLE) from exc
        return [native(record.data()) for record in records]

    async def _records(self, text: str, params: dict[str, Any]) -> list[Record]:
        try:
            async with self.driver.session(
                database=self.database,
                default_access_mode=READ_ACCESS,
                bookmark_manager=self.driver.execute_query_bookmark_manager,
            ) as session:
                result = await session.run(text, params)
                return [record async for record in result]
        except (TransientError, SessionExpired):
            result = await self.driver.execute_query(
                text, parameters_=params, routing_=RoutingControl.READ, database_=self.database
            )
            return result.records

    async def one(self, name: str, **params: Any) -> dict[str, Any] | None:
        rows = await self.rows(name, **params)
        return rows[0] if rows else None


def native(value: Any) -> Any:
    """Neo4j temporal values → Python ones, recursively (pydantic and JSON know those)."""
    if isinstance(value, dict):
        return {k: native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [native(v) for v in value]
    if isinstance(value, (Date, DateTime, Time)):
        return value.to_native()
    if isinstance(value, Duration):
        return str(value)
    return value
