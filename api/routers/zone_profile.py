"""The zone profile: ``/zones/{id}/profile`` as JSON; ``/zones/{id}`` gives a browser the page
(see :mod:`api.routers.entities`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from api.deps import StoreDep
from api.negotiation import VARY
from api.openapi_docs import READ_ERRORS, errors
from api.routers.entities import EntityId
from api.zone_profile import build_profile
from api.zone_profile_model import ZoneProfile
from api.zone_profile_page import render

router = APIRouter(tags=["entities"])


@router.get("/zones/{ident}/profile", response_model=ZoneProfile, responses=errors(404, *READ_ERRORS))
def zone_profile(store: StoreDep, ident: EntityId) -> JSONResponse:
    """A zone's key figures by period, projects with their status pipeline and investment by year and stage,
    honours of its companies, platforms, policies, industries and people, each fact with its evidence; the
    counts are those of the REST lists with ``?zone=<id>``."""
    return JSONResponse(build_profile(store, ident).model_dump(mode="json"), headers=VARY)


def profile_page(request: Request, store: StoreDep, ident: str) -> HTMLResponse:
    """The profile page (the zone item's answer to a browser)."""
    return render(build_profile(store, ident))
