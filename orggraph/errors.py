"""One exception root for the whole project.

Errors are raised with messages a person can act on; they become HTTP errors or CLI exit codes
only at the edges (``app.errors``, ``cli.commands``).
"""

from __future__ import annotations

from pathlib import Path


class OrgGraphError(Exception):
    """Root of every error orggraph raises on purpose."""


class ConfigurationError(OrgGraphError):
    """A setting is missing or wrong."""


class DatabaseUnavailable(OrgGraphError):
    """Neo4j does not answer (down, unreachable, wrong credentials)."""


class Neo4jHarnessError(OrgGraphError):
    """The local Neo4j server could not be fetched, started or stopped."""


class ParseError(OrgGraphError):
    """A source document cannot be parsed; names the file and the line."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.reason = message
        where = self.path or "<text>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


class NotFound(OrgGraphError):
    """An id the caller gave does not exist in the graph."""


class BadRequest(OrgGraphError):
    """A parameter the caller gave is invalid."""


class TooLarge(BadRequest):
    """An uploaded document past the configured size."""


class Conflict(OrgGraphError):
    """The request would undo what the graph holds and was not confirmed (a reload that shrinks a document)."""


class QueryRefused(OrgGraphError):
    """An ad-hoc Cypher query was refused (writes, files, network, no token)."""


class Unauthorized(QueryRefused):
    """No or wrong credential for an endpoint that needs one."""


class QueryTimeout(QueryRefused):
    """A query ran past its timeout and was stopped."""
