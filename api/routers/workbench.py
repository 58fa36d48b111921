"""The SPARQL workbench's assets (the page itself is what ``GET /sparql`` gives a browser)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from api import workbench
from api.errors import ApiError
from api.negotiation import VARY, choose
from api.static_assets import serve_asset

router = APIRouter(tags=["sparql"])
# Same policy as the graph page: scripts and connections to this host only.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PROTOCOL_PARAMS = {"query", "update", "format", "output", "default-graph-uri", "named-graph-uri"}
# What a bare GET /sparql can answer; a tie goes to the service description (machines send */*).
OFFERS = ["text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml", "text/html"]


class WorkbenchUnavailable(ApiError):
    status, code = 503, "workbench_not_installed"


def wants_workbench(request: Request) -> bool:
    """A browser's GET of /sparql without a query: it prefers HTML to every RDF format."""
    if request.method != "GET" or PROTOCOL_PARAMS & set(request.query_params):
        return False
    return choose(request.headers.get("accept"), OFFERS) == "text/html"


def workbench_page(request: Request) -> HTMLResponse:
    """The query page for this endpoint."""
    endpoint = str(request.url.replace(query=""))
    headers = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
               **VARY}
    return HTMLResponse(workbench.page(endpoint), headers=headers)


@router.get(workbench.ASSET_PATH + "/{name}", include_in_schema=False)
def asset(name: str) -> Response:
    """A file of the workbench page (fixed list, no paths)."""
    return serve_asset(workbench.asset, name, WorkbenchUnavailable)
