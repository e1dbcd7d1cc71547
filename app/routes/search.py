"""GET /search: ranked full-text search over units, powers, legal instruments and provisions.

The one search engine of the API: GET /units?q= ranks units with ``find`` as well, so the explorer's
search box, /units and /search always agree.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.deps import ReaderDep, SourcesDep
from app.errors import errors
from app.models import Search, SearchHit
from app.responses import json_of
from app.routes.params import LETTER, At, Limit, Offset
from app.sources import cite
from app.timeframe import law_on
from questions.parsing import SearchQuery, highlight, parse_search

router = APIRouter(tags=["search"])

TYPES = {"unit": "Unit", "power": "Power", "legal_instrument": "LegalInstrument", "provision": "Provision"}
NAMES = {v: k for k, v in TYPES.items()}
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')


def lucene(question: SearchQuery, *, prefix: bool, any_word: bool = False) -> str:
    """The Lucene query: every word (or any word); with ``prefix``, the last word may be incomplete."""
    if not prefix:
        return question.lucene_any if any_word else question.lucene
    escaped = [_LUCENE_SPECIAL.sub(r"\\\1", t) for t in question.terms]
    # A wildcard term is not analysed: keep the whole word too, so that stemming still finds plurals.
    escaped[-1] = f"({escaped[-1]} OR {escaped[-1]}*)"
    return (" OR " if any_word else " AND ").join(escaped)


async def find(
    reader: ReaderDep,
    question: SearchQuery,
    labels: list[str] | None,
    *,
    prefix: bool = False,
    offset: int = 0,
    limit: int = 20,
    at: dt.date | None = None,
) -> tuple[str, list[dict[str, Any]]]:
    """Ranked hits: every word first; when nothing has them all, any word. Returns (mode, rows)."""
    fetch = min(offset + limit + 500, 5000)
    params = {"types": labels, "fetch": fetch, "offset": offset, "limit": limit, "at": at}
    for mode, any_word in (("all", False), ("any", True)):
        text = lucene(question, prefix=prefix, any_word=any_word)
        rows = await reader.rows("search", q=text, **params)
        if not rows and offset > 0:
            # Past the last page: no row carries the total, so ask for the first hit only (its total).
            rows = await reader.rows("search", q=text, **{**params, "offset": 0, "limit": 1})
            rows = [{**rows[0], "past_the_end": True}] if rows else []
        if rows or len(question.terms) < 2 or any_word:
            return mode, rows
    return "any", []


@router.get(
    "/search",
    response_model=Search,
    summary="Search units, powers, legal instruments and provisions (Spanish: accents and plurals folded)",
    description="`q` must contain a word, that is a letter: `q=0` is answered 400. Stop words (de, la, y …) are "
    "left out while other words remain; a query of stop words only is searched as it is and finds nothing "
    "(200, `total` 0), except that `prefix=true` still completes its last word.",
    responses=errors(
        400,
        404,
        503,
        notes={
            400: "An invalid parameter (bad_request): a q without a letter, a limit …",
            404: "A day (at) before every loaded document speaks",
        },
    ),
)
async def search(
    reader: ReaderDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            pattern=LETTER,
            description="Words to find: juridica, pensión, dia … At least one letter.",
            openapi_examples={"words": {"value": "resoluciones de pensiones"}},
        ),
    ],
    type: Annotated[
        list[Literal["unit", "power", "legal_instrument", "provision"]] | None,
        Query(description="Only these kinds of hit (repeat the parameter for several)"),
    ] = None,
    prefix: Annotated[
        bool, Query(description="The last word may be incomplete (type-ahead): jurid finds Jurídica")
    ] = False,
    limit: Limit = 20,
    offset: Offset = 0,
    at: At = None,
    sources: SourcesDep = None,
) -> Response:
    question = parse_search(q)
    labels = [TYPES[t] for t in type or []] or None
    await law_on(reader, at)
    mode, rows = await find(reader, question, labels, prefix=prefix, offset=offset, limit=limit, at=at)
    found = [row for row in rows if not row.get("past_the_end")]
    hits = [hit(row, question) for row in found]
    total = rows[0]["total"] if rows else 0
    cited = await cite(sources, reader, at, ids=[d for row in found for d in row["documents"] if d])
    return json_of(Search(query=q, mode=mode, total=total, limit=limit, offset=offset, items=hits, sources=cited))


def hit(row: dict[str, Any], question: SearchQuery) -> SearchHit:
    text = " ".join(
        filter(None, [row["title"] if row["label"] != "Power" else None, row["text"], " ".join(row["aliases"] or [])])
    )
    return SearchHit(
        type=NAMES[row["label"]],
        id=row["id"],
        title=row["title"] or (row["text"] or "")[:80],
        snippet=highlight(text, question.terms).snippet,
        score=row["score"],
        document=row["document"],
        holders=row["holders"] or [],
        provision=row["provision"],
        line_start=row["line_start"],
        line_end=row["line_end"],
        kind=row["kind"],
        organization=row["organization"],
        aliases=row["aliases"],
    )
