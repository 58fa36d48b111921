"""Entity IRIs resolve on the service: ``GET /resource/{kind}/{id}`` answers 303 See Other to the REST item
(JSON, JSON-LD, Turtle, N-Triples) or to the graph page focused on the entity (HTML), by ``Accept``.

The IRIs are minted under https://w3id.org/zonekg/resource/; a w3id redirect (or a proxy) that keeps the
path lands here.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Path, Request
from fastapi.responses import RedirectResponse

from api.entity_service import entity_iri_for
from api.jsonld import ITEM_TYPES, negotiate
from api.negotiation import VARY
from api.openapi_docs import errors
from kg.errors import NotFound
from kg.iri import doc_graph_iri, is_valid_doc_id
from kg.model import COLLECTIONS
from kg.namespaces import ZONE
from kg.sparql import load_query
from kg.store import GraphStore

router = APIRouter(tags=["linked data"])
HTML = "text/html"
COLLECTION_OF = {kind.value.lower(): (collection, kind) for collection, kind in COLLECTIONS.items()}
KINDS = sorted([*COLLECTION_OF, "doc"])
Kind = Annotated[str, Path(max_length=20, description=f"Kind segment of the IRI: {', '.join(KINDS)}.")]
Ident = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$", description="Last segment of the IRI.")]
SEE_OTHER = {
    303: {"description": "Where the entity is described: the REST item, or the graph page for a browser",
          "headers": {"Location": {"schema": {"type": "string"}}}},
}


def _exists(store: GraphStore, kind: str, ident: str) -> bool:
    if kind == "doc":
        if not is_valid_doc_id(ident):
            return False
        bindings = {"item": doc_graph_iri(ident), "type": ZONE.Document}
    else:
        entity_type = COLLECTION_OF[kind][1]
        bindings = {"item": entity_iri_for(entity_type, ident), "type": entity_type.iri}
    return store.ask(load_query("ld_entity_exists"), bindings=bindings)


@router.get("/resource/{kind}/{ident}", status_code=303, response_class=RedirectResponse,
            responses={**SEE_OTHER, **errors(404, 406, 422, 503)},
            summary="Dereference an entity IRI")
def resolve(request: Request, kind: Kind, ident: Ident) -> RedirectResponse:
    """303 to ``/{collection}/{id}`` (or ``/documents/{id}``) for data, to ``/graph?focus=<IRI>`` for a browser."""
    media_type = negotiate(request, [*ITEM_TYPES, HTML])
    if kind not in KINDS:
        raise NotFound(f"{kind!r} IRIs are not described on their own; resolvable kinds: {', '.join(KINDS)}")
    if not _exists(request.app.state.store, kind, ident):
        raise NotFound(f"no {kind} with id {ident!r}")
    collection = "documents" if kind == "doc" else COLLECTION_OF[kind][0]
    if media_type == HTML and kind != "doc":
        iri = entity_iri_for(COLLECTION_OF[kind][1], ident).value
        location = f"/graph?focus={quote(iri, safe='')}"
    else:
        location = f"/{collection}/{ident}"
    return RedirectResponse(location, status_code=303, headers=VARY)
