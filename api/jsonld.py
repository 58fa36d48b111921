"""Negotiated REST bodies: JSON, or linked data in the ontology's own terms.

An entity item in JSON-LD, Turtle or N-Triples is the store's triples about it (``ld_entity_graph``),
compacted with the ontology's prefixes; a page of entities or documents is a ``hydra:Collection`` whose
members carry their ontology class and ``rdfs:label``. Fields with no RDF meaning (paging, ids) are
mapped to ``null`` so a JSON-LD processor drops them instead of minting terms.
"""

from __future__ import annotations

import json
from typing import Any

import rdflib
from fastapi import Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from pyoxigraph import NamedNode, RdfFormat, Triple, serialize

from api.errors import NotAcceptable
from api.negotiation import VARY, choose
from kg.errors import NotFound
from kg.model import EntityType
from kg.namespaces import PREFIXES, RDF, RDFS
from kg.sparql import load_query
from kg.store import GraphStore

JSON = "application/json"
JSONLD = "application/ld+json"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
HTML = "text/html"
BODY_TYPES = [JSON, JSONLD]
ITEM_TYPES = [JSON, JSONLD, TURTLE, NTRIPLES]
HYDRA = "http://www.w3.org/ns/hydra/core#"

NAMESPACES: dict[str, str] = {**PREFIXES, "hydra": HYDRA}
CONTEXT: dict[str, Any] = {
    **NAMESPACES,
    **{t.value: f"zone:{t.value}" for t in EntityType},
    "iri": "@id",
    "type": {"@id": "@type", "@type": "@vocab"},
    "items": {"@id": "hydra:member", "@container": "@set"},
    "total": "hydra:totalItems",
    "label": {"@id": RDFS.label.value, "@language": "zh"},
    "source_name": "zone:sourceName",
    "encoding": "zone:encoding",
    "content_hash": "zone:contentHash",
    **{name: None for name in ("id", "limit", "offset", "q", "normalised", "facts")},
}


def negotiate(request: Request, offers: list[str]) -> str:
    """The media type to answer with.

    Raises:
        NotAcceptable: the Accept header rules out every offer.
    """
    accept = request.headers.get("accept")
    chosen = choose(accept, offers)
    if chosen is None:
        raise NotAcceptable(f"cannot produce any of: {accept}; available: {', '.join(offers)}")
    return chosen


def respond(request: Request, body: BaseModel, *, ld_type: str = "hydra:Collection") -> JSONResponse:
    """The model as JSON, or as JSON-LD (a node of ``ld_type``) when the client prefers it."""
    data = body.model_dump(mode="json")
    if negotiate(request, BODY_TYPES) == JSONLD:
        node = {"@context": CONTEXT, "@id": str(request.url), "@type": ld_type, **data}
        return JSONResponse(node, media_type=JSONLD, headers=VARY)
    return JSONResponse(data, headers=VARY)


def entity_triples(store: GraphStore, entity_type: EntityType, item: NamedNode) -> list[Triple]:
    """The ontology's triples about one entity.

    Raises:
        NotFound: no entity of that type has this IRI.
    """
    triples = list(set(store.construct(load_query("ld_entity_graph"), bindings={"item": item})))
    if Triple(item, RDF.type, entity_type.iri) not in triples:
        raise NotFound(f"no {entity_type.value} {item.value}")
    return triples


def linked_data(triples: list[Triple], media_type: str) -> Response:
    """Triples as JSON-LD (compacted with the ontology's prefixes), Turtle or N-Triples."""
    if media_type == JSONLD:
        graph = rdflib.Graph()
        graph.parse(data=serialize(triples, format=RdfFormat.N_TRIPLES) or b"", format="nt")
        text = graph.serialize(format="json-ld", context=NAMESPACES, auto_compact=True)
        body = json.dumps(json.loads(text), ensure_ascii=False).encode("utf-8")
    else:
        fmt = RdfFormat.TURTLE if media_type == TURTLE else RdfFormat.N_TRIPLES
        body = serialize(sorted(triples, key=str), format=fmt, prefixes=PREFIXES if fmt == RdfFormat.TURTLE else None)
    return Response(body or b"", media_type=media_type, headers=VARY)
