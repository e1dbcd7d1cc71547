"""Settings from the environment (and an optional ``.env``), with pydantic-settings.

The Neo4j connection uses the conventional ``NEO4J_*`` names so the same variables work for the
local harness, ``docker compose``, a Neo4j cluster (``neo4j://``) or a hosted Neo4j
(``neo4j+s://``). Everything else is prefixed ``ORGGRAPH_``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ORGGRAPH_", env_file=".env", extra="ignore")

    # --- Neo4j connection (standard names, no prefix) ---
    neo4j_uri: str = Field("bolt://127.0.0.1:7687", validation_alias=AliasChoices("NEO4J_URI"))
    neo4j_user: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_USER", "NEO4J_USERNAME"))
    neo4j_password: SecretStr | None = Field(None, validation_alias=AliasChoices("NEO4J_PASSWORD"))
    neo4j_database: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_DATABASE"))
    # How long to wait for Neo4j to connect, for a pooled connection and for retries before giving up: a
    # stopped server is a 503 in about this time, not after the driver's default 30 s of retries.
    neo4j_timeout_seconds: float = Field(2.0, gt=0)
    # The longest an API read may wait for Neo4j, retries included, before it is answered 503: under load
    # while Neo4j restarts, a request could otherwise outwait its client (bench/soak.py found 30 s waits).
    neo4j_read_deadline_seconds: float = Field(20.0, gt=0)

    # --- Response cache (app/cache.py) ---
    # Answers kept per (path, query, graph generation), least recently used dropped first; 0 turns it off.
    response_cache_entries: int = Field(4096, ge=0)
    # How often a worker asks Neo4j for the graph's generation: an answer is at most this stale after a load
    # (plus one round trip), in every worker and behind a cluster. At most 1 s, the documented bound.
    generation_check_seconds: float = Field(0.25, gt=0, le=1.0)

    # --- HTTP API ---
    host: str = "127.0.0.1"
    port: int = 8000
    # uvicorn worker processes for `orggraph serve` (--workers): one process uses one core.
    workers: int = Field(1, ge=1)
    # Token for POST /cypher; the endpoint is off when unset.
    cypher_token: SecretStr | None = None
    cypher_timeout_seconds: float = 5.0
    cypher_row_limit: int = 1000
    # Token for POST /documents (uploads write the graph); the endpoint is off when unset. Separate from
    # the Cypher token: reading ad hoc and writing are different permissions.
    write_token: SecretStr | None = None
    upload_max_mb: float = 20.0
    # The largest document `orggraph check`/`load` reads (checked before reading; devices and FIFOs refused).
    max_document_mb: float = Field(50.0, gt=0)
    # Public base URL of the API, used in links handed to the Neo4j Browser (style, guide).
    public_url: str = "http://localhost:8000"

    # --- Local Neo4j harness (no Docker needed) ---
    neo4j_home: Path = PROJECT_ROOT / ".neo4j"
    neo4j_bolt_port: int = 7687
    neo4j_http_port: int = 7474
    neo4j_heap: str = "1g"
    neo4j_pagecache: str = "512m"
    # db.memory.transaction.max: one query (or one document's load) may hold at most this much.
    neo4j_transaction_memory: str = "512m"
    neo4j_start_timeout: float = 180.0

    # --- Sample data loaded by `orggraph up` ---
    documents_dir: Path = PROJECT_ROOT / "data" / "documents"

    @field_validator("host")
    @classmethod
    def _host_not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("ORGGRAPH_HOST must not be empty")
        return value

    @field_validator("cypher_token", "write_token", "neo4j_password", mode="before")
    @classmethod
    def _empty_secret_is_unset(cls, value: object) -> object:
        # `VAR=` in a shell or compose file means "not configured", not "the empty password".
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def password_file(self) -> Path:
        return self.neo4j_home / "password"

    def resolved_password(self) -> str | None:
        """NEO4J_PASSWORD when set, else the password the local harness generated, else None."""
        if self.neo4j_password is not None:
            return self.neo4j_password.get_secret_value()
        if self.password_file.is_file():
            return self.password_file.read_text(encoding="utf-8").strip()
        return None

    def browser_origins(self) -> list[str]:
        """Where the Neo4j Browser runs (the local server's HTTP port), for CORS on its style and guide."""
        return [f"http://{host}:{self.neo4j_http_port}" for host in ("127.0.0.1", "localhost")]

    def driver_options(self) -> dict[str, float]:
        """The driver's time limits (``neo4j_timeout_seconds``), for every driver the API and the CLI open."""
        seconds = self.neo4j_timeout_seconds
        return {
            "connection_timeout": seconds,
            "connection_acquisition_timeout": seconds,
            "max_transaction_retry_time": seconds,
        }

    def neo4j_auth(self) -> tuple[str, str] | None:
        password = self.resolved_password()
        return (self.neo4j_user, password) if password else None


@lru_cache
def get_settings() -> Settings:
    return Settings()
