"""REST resources for every entity collection: ``/zones``, ``/enterprises``, ... and ``/{collection}/{id}``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from api.deps import StoreDep
from api.entity_service import entity_iri_for, get_entity, list_entities
from api.facets import Facets
from api.jsonld import HTML, ITEM_TYPES, JSON, entity_triples, linked_data, negotiate, respond
from api.names import resolve
from api.negotiation import VARY
from api.openapi_docs import READ_ERRORS, errors, json_or_jsonld
from api.schemas import EntityDetail, EntityPage
from api.text import to_simplified
from kg.model import COLLECTIONS, EntityType, ProjectStatus

router = APIRouter(tags=["entities"])

ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
Limit = Annotated[int, Query(ge=1, le=1000, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
NameFilter = Annotated[str, Query(max_length=100, description="Part of a name or alias, either script.",
                                  examples=["高新"])]
NAMED_BY = "id, IRI, or name or alias in either script (a name several carry answers 409 with them)"
ZoneFilter = Annotated[str | None, Query(min_length=1, max_length=300, description=f"Only entities tied to this zone: "
                                         f"its {NAMED_BY}.", examples=["0f3a9c2e7b1d4a56"])]
EntityId = Annotated[str, Path(pattern=ID_PATTERN, description="Last segment of the entity IRI.")]


StatusFilter = Annotated[ProjectStatus | None, Query(description="Only projects with a status event of this value.")]
YEAR_HELP = "Only projects with a status event in this year (given a status: that same event)."
YearFilter = Annotated[int | None, Query(ge=1900, le=2100, description=YEAR_HELP)]
MinAmount = Annotated[float | None, Query(ge=0, le=1e15, description="Only projects investing at least this much.")]
Currency = Annotated[str, Query(pattern=r"^[A-Z]{3}$", description="Currency of min_amount (ISO 4217).")]
HonourFilter = Annotated[str | None, Query(min_length=1, max_length=300,
                                           description=f"Only holders of this honour: its {NAMED_BY}.")]


def _page(request: Request, store: StoreDep, entity_type: EntityType, q: str, zone: str | None, limit: int,
          offset: int, facets: Facets | None = None) -> JSONResponse:
    zone_iri = resolve(store, EntityType.ZONE, zone) if zone is not None else None
    page = list_entities(store, entity_type, q=to_simplified(q), zone=zone_iri, limit=limit, offset=offset,
                         facets=facets)
    return respond(request, page)


def _list_route(entity_type: EntityType) -> Callable[..., JSONResponse]:
    def route(
        request: Request, store: StoreDep, limit: Limit = 50, offset: Offset = 0, q: NameFilter = "",
        zone: ZoneFilter = None,
    ) -> JSONResponse:
        return _page(request, store, entity_type, q, zone, limit, offset)

    def project_route(
        request: Request, store: StoreDep, limit: Limit = 50, offset: Offset = 0, q: NameFilter = "",
        zone: ZoneFilter = None, status: StatusFilter = None, year: YearFilter = None, min_amount: MinAmount = None,
        currency: Currency = "CNY",
    ) -> JSONResponse:
        facets = Facets(status=status, year=year, min_amount=min_amount, currency=currency)
        return _page(request, store, entity_type, q, zone, limit, offset, facets)

    def holder_route(
        request: Request, store: StoreDep, limit: Limit = 50, offset: Offset = 0, q: NameFilter = "",
        zone: ZoneFilter = None, honour: HonourFilter = None,
    ) -> JSONResponse:
        honour_iri = resolve(store, EntityType.HONOUR, honour) if honour is not None else None
        return _page(request, store, entity_type, q, zone, limit, offset, Facets(honour=honour_iri))

    if entity_type is EntityType.PROJECT:
        return project_route
    return holder_route if entity_type in (EntityType.ENTERPRISE, EntityType.ZONE) else route


def _item_route(entity_type: EntityType) -> Callable[..., Response]:
    offers = [*ITEM_TYPES, HTML] if entity_type is EntityType.ZONE else ITEM_TYPES

    def route(request: Request, store: StoreDep, ident: EntityId) -> Response:
        media_type = negotiate(request, offers)
        if media_type == HTML:
            from api.routers.zone_profile import profile_page  # it imports this module

            return profile_page(request, store, ident)
        if media_type == JSON:
            return JSONResponse(get_entity(store, entity_type, ident).model_dump(mode="json"), headers=VARY)
        return linked_data(entity_triples(store, entity_type, entity_iri_for(entity_type, ident)), media_type)

    return route


for _collection, _type in COLLECTIONS.items():
    router.add_api_route(
        f"/{_collection}",
        _list_route(_type),
        methods=["GET"],
        response_model=EntityPage,
        responses={**json_or_jsonld(), **errors(404, 409, *READ_ERRORS)},
        summary=f"List {_collection}",
        description=f"Page of {_type.value} entities (JSON, or JSON-LD on request).",
        operation_id=f"list_{_collection}",
    )
    router.add_api_route(
        f"/{_collection}/{{ident}}",
        _item_route(_type),
        methods=["GET"],
        response_model=EntityDetail,
        responses={**json_or_jsonld(rdf=True, html=_type is EntityType.ZONE), **errors(404, *READ_ERRORS)},
        summary=f"One of the {_collection}",
        description=f"One {_type.value} with aliases, links, n-ary facts and evidence sentences."
        + (" A browser (Accept preferring text/html) gets the zone's profile page." if _type is EntityType.ZONE
           else ""),
        operation_id=f"get_{_collection}",
    )
