"""The graph explorer: ``/`` and ``/graph`` pages, ``/graph.json``, entity details and bundled assets."""

from __future__ import annotations

from typing import Annotated, Any

import networkx as nx
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pyoxigraph import NamedNode

from api.entity_service import fullest
from api.jsonld import BODY_TYPES, JSONLD, negotiate
from api.linked_views import view_jsonld
from api.names import AmbiguousName, resolve
from api.negotiation import VARY
from api.openapi_docs import errors, html_route_errors, json_or_jsonld
from api.terms import make_ref
from kg.errors import NotFound
from kg.model import EntityType
from kg.sparql import load_query
from kg.store import GraphStore
from viz.cache import cached, store_cache
from viz.render import CSP, STATIC_FILES, neighbour_data, render_html, static_text
from viz.source import cached_view, evidence_json, store_view, zone_index
from viz.views import MAX_DEPTH, AmbiguousEntity, InvalidView, View

router = APIRouter(tags=["graph"])
DETAILS_PATH = "/graph/details"
NEIGHBOURS_PATH = "/graph/neighbours"
NEIGHBOUR_LIMIT = 300
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
}

ZoneParam = Annotated[str | None, Query(description="Only this zone (IRI, name or alias) and what links to it.")]
TypeParam = Annotated[list[EntityType] | None, Query(alias="type", description="Only these entity types.")]
FocusParam = Annotated[str | None, Query(description="Ego network around this entity (IRI, name or alias).")]
# The IRIs the service mints (scheme, host, path segments); anything else cannot be an entity here.
IriParam = Annotated[str, Query(pattern=r"^https?://[A-Za-z0-9.-]+(/[A-Za-z0-9._~-]*)*$", max_length=2000,
                                description="Entity IRI.", examples=["https://w3id.org/zonekg/resource/zone/0f3a9c2e7b1d4a56"])]
DepthParam = Annotated[int, Query(ge=1, le=MAX_DEPTH, description="Depth of the focus view.")]


def _store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


class AmbiguousFocus(AmbiguousName):
    """A focus name several entities carry (of any type)."""


def _focus_candidates(store: GraphStore, err: AmbiguousEntity) -> AmbiguousFocus:
    """The REST API's 409 for an ambiguous focus name: each candidate by its fullest name and class."""
    refs = []
    for iri in err.candidates:
        rows = store.select(load_query("viz_entity_names"), bindings={"item": NamedNode(iri)})
        refs.append(make_ref(iri, fullest([r["label"].value for r in rows]), {r["type"].value for r in rows}))
    refs.sort(key=lambda ref: (ref.label or "", ref.iri))
    names = "; ".join(f"{c.label} ({c.id})" for c in refs)
    return AmbiguousFocus(f"{len(refs)} entities are called {err.name!r}: {names}", refs)


def _view(store: GraphStore, zone: str | None, types: list[EntityType] | None, focus: str | None,
          depth: int) -> View:
    """The view; a zone is named as ``/enterprises?zone=`` names it, a focus entity by IRI, name or alias
    (a name several entities carry: 409 with the candidates)."""
    try:
        zone_iri = resolve(store, EntityType.ZONE, zone).value if zone else None
        wanted = [t.value for t in types] if types else None
        return cached_view(store, zone=zone_iri, types=wanted, focus=focus, depth=depth)
    except AmbiguousEntity as err:
        raise _focus_candidates(store, err) from err
    except NotFound as err:
        raise HTTPException(status_code=404, detail=str(err)) from err
    except InvalidView as err:
        raise HTTPException(status_code=400, detail=str(err)) from err


def _key(kind: str, zone: str | None, types: list[EntityType] | None, focus: str | None, depth: int) -> tuple:
    return kind, zone, tuple(sorted(t.value for t in types or ())), focus, depth


def page_html(store: GraphStore, zone: str | None = None, types: list[EntityType] | None = None,
              focus: str | None = None, depth: int = 1) -> str:
    """The explorer page of a view, kept per store generation; raises HTTPException or AmbiguousName."""
    def build() -> str:
        return _render(store, _view(store, zone, types, focus, depth), types, depth, {})

    return cached(store, _key("page", zone, types, focus, depth), build)


def _render(store: GraphStore, view: View, types: list[EntityType] | None, depth: int, extra: dict[str, Any]) -> str:
    wanted = sorted(t.value for t in types) if types else None
    return render_html(view, zones=zone_index(store), details_url=DETAILS_PATH, types=wanted, depth=depth,
                       extra={"neighboursUrl": NEIGHBOURS_PATH, **extra})


def json_body(store: GraphStore, zone: str | None = None, types: list[EntityType] | None = None,
              focus: str | None = None, depth: int = 1) -> bytes:
    """``/graph.json``'s answer (UTF-8 JSON), kept per store generation; raises HTTPException or AmbiguousName."""
    def build() -> bytes:
        view = _view(store, zone, types, focus, depth)
        data: dict[str, Any] = nx.node_link_data(view.graph, edges="links")
        data.update(total_nodes=view.total_nodes, truncated=view.truncated, note=view.note)
        return JSONResponse(data).body

    return cached(store, _key("json", zone, types, focus, depth), build)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
@router.get("/graph", response_class=HTMLResponse, summary="Interactive graph explorer page",
            responses=html_route_errors(400, 404, 409, 422, 503))
def graph_page(
    request: Request, zone: ZoneParam = None, types: TypeParam = None, focus: FocusParam = None, depth: DepthParam = 1
) -> HTMLResponse:
    """The explorer page for the whole graph or a zone/type/focus view of it.

    A zone name several zones carry answers 409 with the page of the graph without the zone cut,
    offering the candidate zones as choices; a focus name several entities carry likewise (the page
    without the focus, offering the entities with their kind).
    """
    store = _store(request)
    try:
        return HTMLResponse(page_html(store, zone, types, focus, depth), headers=SECURITY_HEADERS)
    except AmbiguousFocus as err:
        # The view without the focus (the zone, if one was named, kept), offering the entities as choices.
        view = _ambiguous_fallback(store, zone, types, depth)
        choices = _choices("focus", focus or "", err)
        choices["ambiguous"]["depth"] = depth
        html = _render(store, view, types, depth, choices)
        return HTMLResponse(html, status_code=409, headers=SECURITY_HEADERS)
    except AmbiguousName as err:
        html = _render(store, _view(store, None, types, focus, depth), types, depth, _choices("zone", zone or "", err))
        return HTMLResponse(html, status_code=409, headers=SECURITY_HEADERS)


def _choices(param: str, name: str, err: AmbiguousName) -> dict[str, Any]:
    return {"ambiguous": {"param": param, "name": name, "choices": [
        {"id": c.iri, "label": c.label or c.id, "key": c.id, "type": c.type or ""} for c in err.candidates]}}


def _ambiguous_fallback(store: GraphStore, zone: str | None, types: list[EntityType] | None, depth: int) -> View:
    try:
        return _view(store, zone, types, None, depth)
    except AmbiguousName:  # the zone is ambiguous too: the whole graph, the focus choices first
        return _view(store, None, types, None, depth)


@router.get("/graph.json", summary="The graph (or a view of it) as NetworkX node-link JSON, or JSON-LD",
            response_model=dict[str, Any], responses={**json_or_jsonld(), **errors(400, 404, 406, 409, 422, 503)})
def graph_json(
    request: Request, zone: ZoneParam = None, types: TypeParam = None, focus: FocusParam = None, depth: DepthParam = 1
) -> Response:
    """Node-link data of the same views the page shows, plus whether the size cap cut it; as JSON-LD
    (``Accept: application/ld+json``) a ``hydra:Collection`` of the view's entities and their links."""
    if negotiate(request, BODY_TYPES) == JSONLD:
        view = _view(_store(request), zone, types, focus, depth)
        return JSONResponse(view_jsonld(view, str(request.url)), media_type=JSONLD, headers=VARY)
    body = json_body(_store(request), zone, types, focus, depth)
    return Response(body, media_type="application/json", headers=VARY)


@router.get(DETAILS_PATH, summary="Source sentences behind an entity, for the details panel",
            responses=errors(400, 422, 503))
def entity_details(request: Request, iri: IriParam) -> dict[str, Any]:
    """Evidence sentences and their documents for one entity."""
    try:
        return evidence_json(_store(request), iri)
    except InvalidView as err:
        raise HTTPException(status_code=400, detail=str(err)) from err


@router.get(NEIGHBOURS_PATH, summary="An entity's neighbours as the graph page draws them (click to expand)",
            responses=errors(404, 422, 503))
def entity_neighbours(request: Request, iri: IriParam) -> dict[str, Any]:
    """The entity's direct neighbours (at most :data:`NEIGHBOUR_LIMIT`, most connected first) and their edges."""
    try:
        store = _store(request)
        view = store_view(store, focus=iri, depth=1, limit=NEIGHBOUR_LIMIT, cache=store_cache(store))
    except NotFound as err:
        raise HTTPException(status_code=404, detail=str(err)) from err
    return neighbour_data(view, view.focus or iri)


@router.get("/static/viz/{name}", include_in_schema=False)
def static_asset(name: str) -> Response:
    """A bundled JavaScript or CSS file (fixed list, no paths)."""
    if name not in STATIC_FILES:
        raise HTTPException(status_code=404, detail="no such asset")
    headers = {"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"}
    return Response(static_text(name), media_type=f"{STATIC_FILES[name]}; charset=utf-8", headers=headers)
