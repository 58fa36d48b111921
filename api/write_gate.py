"""Check the bearer token of an upload before its body is read.

FastAPI parses a multipart body before the endpoint (or any dependency) runs,
so without this an unauthenticated client could make the server read a
20 MB upload only to be told 401.  The middleware answers from the headers
alone; the endpoint still checks the token itself.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send

from api.auth import require_token
from api.errors import status_and_code
from kg.errors import KgError
from kg.settings import Settings

GATED = {("POST", "/documents")}


class TokenBeforeBodyMiddleware:
    """Refuse a gated request whose Authorization header fails, without reading its body."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (scope["method"], scope["path"]) in GATED:
            authorization = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1")
            try:
                require_token(authorization or None, self.settings)
            except KgError as exc:
                await _refuse(send, exc)
                return
        await self.app(scope, receive, send)


async def _refuse(send: Send, exc: KgError) -> None:
    status, code = status_and_code(exc)
    body = json.dumps({"error": code, "detail": str(exc)}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),  # the unread body is not waited for
    ]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
