"""Store statistics."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from api.openapi_docs import errors
from api.schemas import StatsOut
from kg.stats import compute_stats

router = APIRouter(tags=["stats"])


@router.get("/stats", response_model=StatsOut, responses=errors(503))
def stats(store: StoreDep) -> StatsOut:
    """Quads, documents and entities per class."""
    return StatsOut(**compute_stats(store))
