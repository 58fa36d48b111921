"""Map zonekg errors to HTTP status codes and one JSON shape: ``{"error": code, "detail": text}``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.methods import allowed_methods
from api.query_pool import QueryBusy
from kg.errors import (
    DatasetConflict,
    DocumentRejected,
    KgError,
    NotFound,
    QueryNotAllowed,
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
    StoreUnavailable,
)
from kg.sparql_guard import FeatureNotAllowed

log = logging.getLogger(__name__)


class ApiError(KgError):
    """An HTTP-level refusal that carries its own status and code."""

    status = 400
    code = "bad_request"

    def extra(self) -> dict[str, object]:
        """More fields of the error body (besides ``error`` and ``detail``)."""
        return {}


class TokenRequired(ApiError):
    status, code = 401, "token_required"


class UpdatesDisabled(ApiError):
    status, code = 403, "updates_disabled"


class NotAcceptable(ApiError):
    status, code = 406, "not_acceptable"


class PayloadTooLarge(ApiError):
    status, code = 413, "payload_too_large"


class UriTooLong(ApiError):
    status, code = 414, "uri_too_long"


class UnsupportedMediaType(ApiError):
    status, code = 415, "unsupported_media_type"


# Most specific first: the first class the error is an instance of decides.
STATUS: list[tuple[type[KgError], int, str]] = [
    (QueryTimeout, 503, "query_timeout"),
    (QueryBusy, 503, "query_busy"),
    (StoreUnavailable, 503, "store_unavailable"),
    (QuerySyntaxError, 400, "query_syntax"),
    (DatasetConflict, 400, "dataset_conflict"),
    (QueryNotAllowed, 403, "not_allowed"),
    (NotFound, 404, "not_found"),
    (DocumentRejected, 422, "document_rejected"),
    (StoreError, 500, "store_error"),
]


def status_and_code(exc: KgError) -> tuple[int, str]:
    """The HTTP status and error code of one error."""
    if isinstance(exc, ApiError):
        return exc.status, exc.code
    if isinstance(exc, FeatureNotAllowed):
        return 400, exc.code
    for cls, status, code in STATUS:
        if isinstance(exc, cls):
            return status, code
    return 500, "internal_error"


async def handle_kg_error(request: Request, exc: Exception) -> JSONResponse:
    """Render any :class:`KgError` as the JSON error body."""
    assert isinstance(exc, KgError)
    status, code = status_and_code(exc)
    if status >= 500:
        log.warning("%s %s -> %s: %s", request.method, request.url.path, code, exc)
    retry_after = getattr(exc, "retry_after", 5 if status == 503 else None)
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if status == 406:
        headers["Vary"] = "Accept"
    body: dict[str, object] = {"error": code, "detail": str(exc)}
    if isinstance(exc, ApiError):
        body.update(exc.extra())
    return JSONResponse(body, status_code=status, headers=headers)


async def handle_validation_error(request: Request, exc: Exception) -> JSONResponse:
    """Render a parameter that failed validation in the same JSON shape (422)."""
    assert isinstance(exc, RequestValidationError)
    detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
    return JSONResponse({"error": "invalid_request", "detail": detail}, status_code=422)


HTTP_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}


async def handle_http_error(request: Request, exc: Exception) -> JSONResponse:
    """Render Starlette's own HTTP errors (unknown path, wrong method, body limit) in the same JSON shape."""
    assert isinstance(exc, StarletteHTTPException)
    body = {"error": HTTP_CODES.get(exc.status_code, "http_error"), "detail": str(exc.detail)}
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request.scope)) or headers.get("Allow", "")
    return JSONResponse(body, status_code=exc.status_code, headers=headers)


def install(app: FastAPI) -> None:
    """Register the handlers on an app."""
    app.add_exception_handler(KgError, handle_kg_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.add_exception_handler(StarletteHTTPException, handle_http_error)
