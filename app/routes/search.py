"""GET /search: ranked full-text search over units, powers, legal instruments and provisions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.deps import ReaderDep
from app.models import Search, SearchHit
from app.routes.params import Limit, Offset
from orggraph.questions import highlight, parse_search

router = APIRouter(tags=["search"])

TYPES = {"unit": "Unit", "power": "Power", "legal_instrument": "LegalInstrument", "provision": "Provision"}
NAMES = {v: k for k, v in TYPES.items()}


@router.get(
    "/search",
    response_model=Search,
    summary="Search units, powers, legal instruments and provisions (Spanish: accents and plurals folded)",
)
async def search(
    reader: ReaderDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find: juridica, pensión, dia …")],
    type: Annotated[list[str] | None, Query(description="unit, power, legal_instrument, provision")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Search:
    question = parse_search(q)
    labels = [TYPES[t] for t in type or [] if t in TYPES] or None
    fetch = min(offset + limit + 500, 5000)
    mode = "all"
    rows = await reader.rows("search", q=question.lucene, types=labels, fetch=fetch, offset=offset, limit=limit)
    if not rows and len(question.terms) > 1:
        mode = "any"
        rows = await reader.rows("search", q=question.lucene_any, types=labels, fetch=fetch, offset=offset, limit=limit)
    hits = []
    for row in rows:
        text = " ".join(
            filter(
                None, [row["title"] if row["label"] != "Power" else None, row["text"], " ".join(row["aliases"] or [])]
            )
        )
        hits.append(
            SearchHit(
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
            )
        )
    total = rows[0]["total"] if rows else 0
    return Search(query=q, mode=mode, total=total, limit=limit, offset=offset, items=hits)
