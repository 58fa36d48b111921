"""Store statistics."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.deps import StoreDep
from api.jsonld import BODY_TYPES, JSONLD, negotiate
from api.linked_views import stats_jsonld
from api.negotiation import VARY
from api.openapi_docs import errors, json_or_jsonld
from api.schemas import StatsOut
from kg.stats import compute_stats

router = APIRouter(tags=["stats"])


@router.get("/stats", response_model=StatsOut, responses={**json_or_jsonld(), **errors(406, 503)})
def stats(request: Request, store: StoreDep) -> JSONResponse:
    """Quads, documents and entities per class; as JSON-LD a VoID dataset description."""
    media_type = negotiate(request, BODY_TYPES)
    counts = StatsOut(**compute_stats(store)).model_dump(mode="json")
    if media_type == JSONLD:
        return JSONResponse(stats_jsonld(counts, str(request.url)), media_type=JSONLD, headers=VARY)
    return JSONResponse(counts, headers=VARY)
