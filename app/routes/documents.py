"""GET /documents: what is loaded."""

from __future__ import annotations

from fastapi import APIRouter

from app.deps import ReaderDep
from app.models import Document

router = APIRouter(tags=["documents"])


@router.get("/documents", response_model=list[Document], summary="Loaded documents with their counts by label")
async def documents(reader: ReaderDep) -> list[Document]:
    rows = await reader.rows("documents")
    return [Document(**row["document"], counts=row["counts"]) for row in rows]
