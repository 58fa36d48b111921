"""SPARQL 1.1 Protocol endpoint (queries) and the token-guarded update endpoint."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request, Response

from api.errors import ApiError
from api.openapi_docs import SPARQL_BODY, UPDATE_BODY, errors, sparql_responses
from api.routers.workbench import wants_workbench, workbench_page
from api.sparql_protocol import read_request
from api.sparql_service import answer, update, using_dataset

router = APIRouter(tags=["sparql"])

QUERY_DOC = "SPARQL 1.1 query (without it, GET returns the service description)."
EXAMPLE = ("PREFIX zone: <https://w3id.org/zonekg/ontology#> "
           "SELECT DISTINCT ?company ?zone WHERE { ?company zone:locatedIn ?zone } LIMIT 10")


@router.get("/sparql", response_class=Response, operation_id="sparql_get", responses=sparql_responses(post=False))
@router.post("/sparql", response_class=Response, operation_id="sparql_post", responses=sparql_responses(post=True),
             openapi_extra=SPARQL_BODY)
async def sparql(
    request: Request, query: str | None = Query(None, description=QUERY_DOC, examples=[EXAMPLE])
) -> Response:
    """SPARQL 1.1 Protocol: GET ?query=, form POST, POST application/sparql-query; updates need the token.

    A browser's GET without a query (Accept preferring text/html) gets the query page instead."""
    if wants_workbench(request):
        return workbench_page(request)
    response = await answer(request, await read_request(request))
    if response.status_code != 204:  # results and the service description are chosen by Accept
        response.headers["Vary"] = "Accept"
    return response


@router.post("/sparql/update", response_class=Response, status_code=204, openapi_extra=UPDATE_BODY,
             responses=errors(400, 401, 403, 413, 415, 503))
async def sparql_update(request: Request) -> Response:
    """SPARQL 1.1 Update (form ``update=`` or application/sparql-update); needs ``Authorization: Bearer``."""
    parsed = await read_request(request)
    text = parsed.update if parsed.update is not None else parsed.query
    if text is None:
        raise ApiError("no update text: send update= or an application/sparql-update body")
    return await update(request, text, using_dataset(parsed))
