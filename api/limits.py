"""Request body cap for the whole app, answered in the API's JSON error shape."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import PayloadTooLarge


class BodyLimitMiddleware:
    """Refuse bodies over ``max_bytes``: at once from Content-Length, else while they stream in."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        overflow: list[bool] = []
        await self.app(scope, self._counting(receive, overflow), self._guarded(send, overflow))

    def _counting(self, receive: Receive, overflow: list[bool]) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                overflow.append(True)
                raise PayloadTooLarge(f"request body over {self.max_bytes} bytes")
            return message

        return counted

    def _guarded(self, send: Send, overflow: list[bool]) -> Send:
        """Answer 413 once the body overflowed, whatever the body parser made of the error (multipart: 400)."""
        replaced = False

        async def guarded(message: Message) -> None:
            nonlocal replaced
            if overflow and message["type"] == "http.response.start" and not replaced:
                replaced = True
                await self._refuse(send)
            elif not replaced:
                await send(message)

        return guarded

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"error": "payload_too_large", "detail": f"request body over {self.max_bytes} bytes"})
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body.encode()})
