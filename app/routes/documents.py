"""GET /documents: what is loaded. POST /documents: load one more; DELETE /documents/{id}: take one out
(both with a write token; off by default).

An upload is read exactly as ``orggraph load`` reads a file — text or PDF, genre detected —, in one
transaction, and answered with its reading report. Defences, outermost first: off unless
ORGGRAPH_WRITE_TOKEN is set; a bearer token (not the Cypher one: reading and writing are different
permissions); a size limit read before parsing; a name ending .pdf, .txt or .md whose bytes agree (a PDF
starts with %PDF-); then the loader's own refusal of what is not a document.
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from neo4j import GraphDatabase

from app.deps import ReaderDep, SettingsDep
from app.errors import errors
from app.models import Document, DocumentLoaded, Reading
from app.routes.params import DOCUMENT_ID_PATH
from loaders import load_file
from loaders.pdf import is_pdf
from loaders.report import reading_report
from loaders.writer import ShrinkingReload, WriteError, remove_document, write_document
from orggraph.errors import BadRequest, Conflict, NotFound, ParseError, QueryRefused, TooLarge, Unauthorized
from orggraph.settings import Settings

router = APIRouter(tags=["documents"])

writer_bearer = HTTPBearer(auto_error=False, scheme_name="WriteToken", description="ORGGRAPH_WRITE_TOKEN")
SUFFIXES = (".pdf", ".txt", ".md")


@router.get(
    "/documents",
    response_model=list[Document],
    summary="Loaded documents with their counts by label",
    responses=errors(503),
)
async def documents(reader: ReaderDep) -> list[Document]:
    rows = await reader.rows("documents", id=None)
    return [_document(row) for row in rows]


def _document(row: dict) -> Document:
    fields = dict(row["document"])
    figures = {k.removeprefix("read_"): fields.pop(k) for k in list(fields) if k.startswith("read_")}
    core = {k: v for k, v in figures.items() if k not in ("pages_without_text", "pages_by_ocr")}  # (older loads)
    reading = (
        Reading(**{k: v for k, v in figures.items() if v is not None})
        if all(v is not None for v in core.values())
        else None
    )
    return Document(**{k: v for k, v in fields.items() if v is not None}, counts=row["counts"], reading=reading)


@router.post(
    "/documents",
    response_model=DocumentLoaded,
    status_code=201,
    summary="Load a document (PDF or text) into the graph (write token; off unless ORGGRAPH_WRITE_TOKEN is set)",
    description="`file` is a Reglamento, Estatuto or Manual de Organización as a PDF with a text layer, plain "
    "text or markdown, named `.pdf`, `.txt` or `.md`; the genre is detected unless `genre` says it. The "
    "document is written in one transaction, replacing an earlier load of the same document, and the "
    "answer is its reading report. A file that is not such a document (an image-only PDF, a letter) is "
    "refused with 400 and nothing is written. A reload that would remove most of the units, provisions or "
    "powers loaded for the same document (a file cut short) is refused with 409 and the figures, unless "
    "`replace` is true.",
    responses=errors(
        400,
        401,
        403,
        409,
        413,
        503,
        notes={
            400: "Not a document of these genres, a name or content that does not agree, or an invalid form "
            "(bad_request); the message names the file and line",
            403: "Uploads are disabled: ORGGRAPH_WRITE_TOKEN is unset (query_refused)",
            409: "The document would lose most of what is loaded of it (units, provisions or powers before → "
            "after in the message); send replace=true if the new file is right (conflict)",
        },
    ),
)
async def upload(
    request: Request,
    settings: SettingsDep,
    reader: ReaderDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(writer_bearer)],
    file: Annotated[UploadFile, File(description="The document: .pdf, .txt or .md")],
    genre: Annotated[str | None, Form(pattern="^(statute|manual|law)$", description="statute, manual or law")] = None,
    replace: Annotated[
        bool, Form(description="Load even if the new reading would remove most of the loaded document")
    ] = False,
) -> DocumentLoaded:
    _authorize(settings, credentials, "POST /documents")
    name = Path(file.filename or "").name
    if not name.lower().endswith(SUFFIXES):
        raise BadRequest(f"{name or 'the upload'}: name it .pdf, .txt or .md, as its content is")
    limit = int(settings.upload_max_mb * 1024 * 1024)
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"{name}: larger than {settings.upload_max_mb:g} MB (ORGGRAPH_UPLOAD_MAX_MB)")
    named_pdf = name.lower().endswith(".pdf")
    if named_pdf != is_pdf(data):
        raise BadRequest(f"{name}: the name says {'PDF' if named_pdf else 'text'}, the bytes do not")
    report = await run_in_threadpool(_load, settings, name, data, genre, replace)
    request.app.state.generation.expire()  # this worker's next answers come from the new generation at once
    rows = await reader.rows("documents", id=report[0])
    return DocumentLoaded(document=_document(rows[0]), reading_notes=report[1])


@router.delete(
    f"/documents/{DOCUMENT_ID_PATH}",
    status_code=204,
    summary="Remove a loaded document and what only it said (write token; off unless ORGGRAPH_WRITE_TOKEN is set)",
    description="One transaction: the document's provisions, powers, amendments and the facts it sourced go; "
    "units, organizations and instruments other documents also speak of stay. Citations of it in other "
    "documents are unresolved again.",
    responses=errors(401, 403, 404, 503, notes={403: "Writing is disabled: ORGGRAPH_WRITE_TOKEN is unset"}),
)
async def remove(
    document_id: str,
    request: Request,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(writer_bearer)],
) -> Response:
    _authorize(settings, credentials, "DELETE /documents")
    if not await run_in_threadpool(_remove, settings, document_id):
        raise NotFound(f"No loaded document with id {document_id!r} (GET /documents lists them)")
    request.app.state.generation.expire()
    return Response(status_code=204)


def _authorize(settings: Settings, credentials: HTTPAuthorizationCredentials | None, what: str) -> None:
    if settings.write_token is None:
        raise QueryRefused(f"{what} is disabled: set ORGGRAPH_WRITE_TOKEN to enable it.")
    given = credentials.credentials.strip() if credentials else ""
    if not given or not secrets.compare_digest(given.encode(), settings.write_token.get_secret_value().encode()):
        raise Unauthorized(f"{what} needs the header 'Authorization: Bearer <ORGGRAPH_WRITE_TOKEN>'.")


def _remove(settings: Settings, document_id: str) -> bool:
    with GraphDatabase.driver(settings.neo4j_uri, auth=settings.neo4j_auth(), **settings.driver_options()) as driver:
        return remove_document(driver, settings.neo4j_database, document_id)


def _load(settings: Settings, name: str, data: bytes, genre: str | None, replace: bool) -> tuple[str, list[str]]:
    """Parse the upload under its own name (the document's source_file) and write it in one transaction."""
    with tempfile.TemporaryDirectory(prefix="orggraph-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            parsed = load_file(path, genre)  # type: ignore[arg-type]
        except ParseError as exc:  # named as the client named it, not by the server's temporary path
            raise BadRequest(f"{name}{f':{exc.line}' if exc.line else ''}: {exc.reason}") from exc
    with GraphDatabase.driver(settings.neo4j_uri, auth=settings.neo4j_auth(), **settings.driver_options()) as driver:
        try:
            write_document(driver, settings.neo4j_database, parsed, replace=replace)
        except ShrinkingReload as exc:
            raise Conflict(str(exc).replace("--replace (the API: replace=true)", "replace=true")) from exc
        except WriteError as exc:
            raise BadRequest(f"{name}: {exc}") from exc
    notes = [f"{n.line}: {n.kind}: {n.message}" for n in reading_report(parsed).notes]
    return parsed.document.id, notes
