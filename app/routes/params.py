"""Parameters several endpoints share."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import BeforeValidator
from starlette.convertors import Convertor, register_url_convertor

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


def _iso_day(value: object) -> object:
    """YYYY-MM-DD only, as the OpenAPI's `format: date` says: pydantic alone reads 0 as 1970-01-01."""
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError("a date is YYYY-MM-DD, e.g. 2023-09-14")
    return value


At = Annotated[
    dt.date | None,
    BeforeValidator(_iso_day),
    Query(
        description="The answer as the law stood on this day (YYYY-MM-DD): the units, lines and powers in force "
        "then, by the documents' dates and amendment notes, units named as they were then. Omitted: today. A day "
        "before the documents behind the answer speak is 404.",
        openapi_examples={"before the first reform": {"value": "2023-09-14"}},
    ),
]


class DocumentIdConvertor(Convertor[str]):
    """A document id in a path (slashes included) that is not one of its sub-resources: DELETE /documents/{id}
    must not match /documents/{id}/diff or /versions, else a 405 there would advertise DELETE."""

    regex = r".+?(?<!/diff)(?<!/versions)"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("document_id", DocumentIdConvertor())
DOCUMENT_ID_PATH = "{document_id:document_id}"
