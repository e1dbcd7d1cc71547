"""Parameters several endpoints share."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path, Query

from orggraph.folding import fold

# A letter orggraph.lexicon.words() reads: a search with none has no word to look for (OpenAPI pattern, unanchored).
LETTER = "[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]"

Limit = Annotated[int, Query(ge=1, le=500, description="Page size (1-500)")]
Offset = Annotated[int, Query(ge=0, le=100_000, description="Items to skip")]


def _id(what: str, example: str) -> Any:
    """A path id: slashes included (the routes take it as a path), with an example from the sample documents,
    so that the docs, generated clients and schemathesis know that an id looks like a path."""
    return Path(description=f"{what}; slashes included", openapi_examples={"sample": {"value": example}})


UnitId = Annotated[str, _id("A unit id", "imss/unit/departamento-de-pensiones-en-subdelegaciones")]
OrganizationId = Annotated[str, _id("An organization id", "imss-bienestar")]
InstrumentId = Annotated[str, _id("A legal instrument id", "mx/ley/ley-general-de-archivos")]
ProvisionId = Annotated[str, _id("A provision id", "imss-bienestar/estatuto-organico/art-54-bis-1/frac-iii")]


def folded(q: str | None) -> str | None:
    """Accent- and case-insensitive form of a filter, or None when empty."""
    return fold(q.strip()) if q and q.strip() else None
