"""JSON-LD views of the REST bodies: the same JSON plus a ``@context`` that maps it onto the ontology."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from kg.namespaces import RDFS, RESOURCE_IRI, SKOS, ZONE_IRI

JSONLD = "application/ld+json"

CONTEXT: dict[str, Any] = {
    "@vocab": ZONE_IRI,
    "zr": RESOURCE_IRI,
    "iri": "@id",
    "type": {"@id": "@type", "@type": "@vocab"},
    "items": "@graph",
    "label": {"@id": RDFS.label.value, "@language": "zh"},
    "aliases": {"@id": SKOS.altLabel.value, "@language": "zh"},
    "target": {"@type": "@id"},
    "node": {"@type": "@id"},
    "id": None,
}


def wants_jsonld(request: Request) -> bool:
    """True when the client asks for JSON-LD."""
    return JSONLD in request.headers.get("accept", "").lower()


def respond(request: Request, body: BaseModel) -> JSONResponse:
    """The model as JSON, or as JSON-LD when the client asks for it."""
    data = body.model_dump(mode="json")
    if wants_jsonld(request):
        return JSONResponse({"@context": CONTEXT, **data}, media_type=JSONLD)
    return JSONResponse(data)
