"""Reads through named Cypher files with the async driver: read routing, explicit database."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver, RoutingControl
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from orggraph.cypher import query
from orggraph.errors import DatabaseUnavailable


class Reader:
    """Runs named read queries. One per request; the driver is the process's only one."""

    def __init__(self, driver: AsyncDriver, database: str) -> None:
        self.driver = driver
        self.database = database

    async def rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        try:
            result = await self.driver.execute_query(
                query(name), parameters_=params, routing_=RoutingControl.READ, database_=self.database
            )
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise DatabaseUnavailable(f"Neo4j is unavailable: {exc}") from exc
        return [record.data() for record in result.records]

    async def one(self, name: str, **params: Any) -> dict[str, Any] | None:
        rows = await self.rows(name, **params)
        return rows[0] if rows else None
