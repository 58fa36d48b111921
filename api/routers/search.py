"""Name search over labels and aliases in either script."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from api.deps import StoreDep
from api.entity_service import search_entities
from api.jsonld import respond
from api.openapi_docs import READ_ERRORS, errors, json_or_jsonld
from api.schemas import SearchResult
from api.text import to_simplified

router = APIRouter(tags=["search"])


@router.get("/search", response_model=SearchResult, responses={**json_or_jsonld(), **errors(*READ_ERRORS)})
def search(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=100, description="Part of a name, simplified or traditional.")],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> JSONResponse:
    """Entities whose label or alias contains ``q`` (traditional input is folded to simplified)."""
    normalised = to_simplified(q)
    items = search_entities(store, normalised, limit) if normalised else []
    return respond(request, SearchResult(q=q, normalised=normalised, items=items))
