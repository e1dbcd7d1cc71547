"""GET /documents: what is loaded."""

from __future__ import annotations

from fastapi import APIRouter

from app.deps import ReaderDep
from app.errors import errors
from app.models import Document, Reading

router = APIRouter(tags=["documents"])


@router.get(
    "/documents",
    response_model=list[Document],
    summary="Loaded documents with their counts by label",
    responses=errors(503),
)
async def documents(reader: ReaderDep) -> list[Document]:
    rows = await reader.rows("documents")
    return [_document(row) for row in rows]


def _document(row: dict) -> Document:
    fields = dict(row["document"])
    figures = {k.removeprefix("read_"): fields.pop(k) for k in list(fields) if k.startswith("read_")}
    reading = Reading(**figures) if all(v is not None for v in figures.values()) else None
    return Document(**fields, counts=row["counts"], reading=reading)
