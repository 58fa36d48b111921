"""Documents: list, inspect, upload (token) and delete (token)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from api import document_view
from api.auth import require_token
from api.deps import SettingsDep, StoreDep, WriterDep
from api.document_service import get_document, ingest_out, list_documents
from api.errors import PayloadTooLarge
from api.jsonld import BODY_TYPES, HTML, negotiate, respond
from api.openapi_docs import READ_ERRORS, errors, json_or_jsonld
from api.schemas import DocumentOut, DocumentPage, IngestOut

router = APIRouter(tags=["documents"])
DocId = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$", description="Document id.")]
Authorization = Annotated[str | None, Header(description="Bearer <ZONEKG_API_TOKEN>")]
WRITE_ERRORS = (401, 403, 413, 422, 503)  # and 400 for a malformed upload


@router.get("/documents", response_model=DocumentPage, responses={**json_or_jsonld(), **errors(*READ_ERRORS)})
def documents(
    request: Request,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> JSONResponse:
    """Stored documents with source name, encoding and fact count."""
    return respond(request, list_documents(store, limit=limit, offset=offset))


SpanEdge = Annotated[int | None, Query(ge=0, le=1_000_000_000, description="For a browser: a character offset "
                                       "of the original text (an evidence span's start or end) to highlight.")]


@router.get("/documents/{doc_id}", response_model=DocumentOut,
            responses={**json_or_jsonld(html=True), **errors(404, *READ_ERRORS)})
def document(request: Request, store: StoreDep, doc_id: DocId, s: SpanEdge = None, e: SpanEdge = None) -> Response:
    """One stored document; a browser (Accept preferring text/html) gets its text with the facts it states and
    the evidence span ``s``..``e`` highlighted."""
    if negotiate(request, [*BODY_TYPES, HTML]) == HTML:
        return document_view.render(document_view.load_view(store, doc_id), s, e)
    return respond(request, get_document(store, doc_id), ld_type="zone:Document")


@router.post("/documents", response_model=IngestOut, status_code=201, responses=errors(400, *WRITE_ERRORS))
async def upload(
    file: UploadFile, settings: SettingsDep, writer: WriterDep, authorization: Authorization = None
) -> IngestOut:
    """Ingest one uploaded document (txt, html, pdf, docx); replaces an earlier version of it."""
    require_token(authorization, settings)
    data = await file.read(settings.max_document_bytes + 1)
    if len(data) > settings.max_document_bytes:
        raise PayloadTooLarge(f"document over {settings.max_document_bytes} bytes")
    result = await run_in_threadpool(writer.ingest, data, file.filename or "upload.txt")
    return ingest_out(result)


@router.delete("/documents/{doc_id}", status_code=204, responses=errors(404, *WRITE_ERRORS))
def delete(doc_id: DocId, settings: SettingsDep, writer: WriterDep, authorization: Authorization = None) -> Response:
    """Remove a document and everything extracted from it."""
    require_token(authorization, settings)
    writer.delete_document(doc_id)
    return Response(status_code=204)
