"""``OPTIONS`` on any route answers 204 with ``Allow``; a 405 names every method the path allows.

Starlette answers OPTIONS with 405 and, when several routes share a path (``/sparql``
has a GET and a POST route), names only the last route's methods in ``Allow``.
"""

from __future__ import annotations

from starlette.routing import Match
from starlette.types import ASGIApp, Receive, Scope, Send

METHODS = ("DELETE", "GET", "HEAD", "PATCH", "POST", "PUT")


def allowed_methods(scope: Scope) -> list[str]:
    """Every method some route of the app fully matches on this request's path (plus OPTIONS); [] if none.

    Each method is tried as a whole request scope, so routes nested in included routers count too.
    """
    routes = getattr(scope.get("app"), "routes", ())
    methods = [
        method
        for method in METHODS
        if any(route.matches({**scope, "method": method})[0] == Match.FULL for route in routes)
    ]
    return [*methods, "OPTIONS"] if methods else []


class OptionsMiddleware:
    """Answer ``OPTIONS`` for a known path with 204 and its ``Allow`` header (unknown paths fall through: 404)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "OPTIONS" or not (allowed := allowed_methods(scope)):
            await self.app(scope, receive, send)
            return
        headers = [(b"allow", ", ".join(allowed).encode()), (b"content-length", b"0")]
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
