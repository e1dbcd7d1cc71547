"""Query parameters several endpoints share."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from loaders.text import fold

Limit = Annotated[int, Query(ge=1, le=500, description="Page size (1-500)")]
Offset = Annotated[int, Query(ge=0, le=100_000, description="Items to skip")]


def folded(q: str | None) -> str | None:
    """Accent- and case-insensitive form of a filter, or None when empty."""
    return fold(q.strip()) if q and q.strip() else None
