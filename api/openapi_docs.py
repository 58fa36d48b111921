"""OpenAPI response blocks shared by the routers: the media types each route negotiates and the errors
it can answer, so the published description matches what the service sends."""

from __future__ import annotations

from typing import Any

from api.schemas import error_responses

RESULTS_TYPES = {
    "application/sparql-results+json": "SELECT/ASK results (default)",
    "application/sparql-results+xml": "SELECT/ASK results",
    "text/csv": "SELECT results",
    "text/tab-separated-values": "SELECT results",
}
GRAPH_TYPES = {
    "text/turtle": "CONSTRUCT/DESCRIBE results and the service description (default)",
    "application/n-triples": "CONSTRUCT/DESCRIBE results",
    "application/ld+json": "CONSTRUCT/DESCRIBE results",
    "application/rdf+xml": "CONSTRUCT/DESCRIBE results",
}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before retrying", "schema": {"type": "integer"}}}
VARY_HEADER = {"Vary": {"description": "Always `Accept`: the body depends on it", "schema": {"type": "string"}}}
ASK_EXAMPLE = {"head": {}, "boolean": True}

# Errors every store-reading route can answer: a remote store that does not answer is 503.
READ_ERRORS = (406, 422, 503)


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Error responses with their headers: 503 and 429 carry Retry-After, 406 carries Vary."""
    blocks = error_responses(*statuses)
    for status in (429, 503):
        if status in blocks:
            blocks[status]["headers"] = RETRY_AFTER
    if 406 in blocks:
        blocks[406]["headers"] = VARY_HEADER
    return blocks


def html_route_errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Errors of an HTML page: the JSON error body, except 409, which lists the choices as a page."""
    blocks = errors(*statuses)
    for block in blocks.values():
        block.pop("model", None)
        block["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
    blocks[409] = {"description": "The zone name is shared by several zones: a page links each of them",
                   "content": {"text/html": {"schema": {"type": "string"}}}}
    return blocks


def json_or_jsonld(*, rdf: bool = False, html: bool = False) -> dict[int | str, dict[str, Any]]:
    """A 200 that is the response model as JSON, or linked data by Accept (items also in Turtle/N-Triples);
    ``html``: a browser's Accept (preferring text/html) gets a page."""
    content: dict[str, Any] = {"application/ld+json": {"schema": {"type": "object"}}}
    if rdf:
        content |= {media: {"schema": {"type": "string"}} for media in ("text/turtle", "application/n-triples")}
    if html:
        content["text/html"] = {"schema": {"type": "string"}}
    description = "JSON, or linked data when Accept prefers it" + ("; a page for a browser" if html else "")
    return {200: {"description": description, "content": content,
                  "headers": VARY_HEADER}}


def sparql_responses(*, post: bool) -> dict[int | str, dict[str, Any]]:
    """What /sparql answers: results, graphs, the service description, the query page, and its errors;
    a POST may also carry an update (204, token errors) and a body (413, 415)."""
    content: dict[str, Any] = {media: {"schema": {"type": "string"}} for media in [*RESULTS_TYPES, *GRAPH_TYPES]}
    content["application/sparql-results+json"] = {"schema": {"type": "object"}, "example": ASK_EXAMPLE}
    content["text/html"] = {"schema": {"type": "string"}}
    ok = {"description": "Query results by Accept; without a query the service description, or for a browser "
                         "(Accept preferring text/html) the query page",
          "content": content,
          "headers": {"X-SPARQL-MaxRows": {"description": "Set when the row cap cut the result",
                                           "schema": {"type": "integer"}}, **VARY_HEADER}}
    if not post:
        return {200: ok, **errors(400, 406, 414, 422, 429, 503)}
    updated = {"description": "An update (token required) was applied"}
    return {200: ok, 204: updated, **errors(400, 401, 403, 406, 413, 414, 415, 422, 429, 503)}


USING_GRAPHS = {  # an update's dataset (refused with USING / USING NAMED / WITH in the update text)
    "using-graph-uri": {"type": "array", "items": {"type": "string", "format": "uri"}},
    "using-named-graph-uri": {"type": "array", "items": {"type": "string", "format": "uri"}},
}
SPARQL_FORM = {
    "type": "object",
    "properties": {
        "query": {"type": "string", "description": "SPARQL 1.1 query"},
        "update": {"type": "string", "description": "SPARQL 1.1 update (needs the bearer token)"},
        "default-graph-uri": {"type": "array", "items": {"type": "string", "format": "uri"}},
        "named-graph-uri": {"type": "array", "items": {"type": "string", "format": "uri"}},
        **USING_GRAPHS,
    },
}
SPARQL_BODY = {
    "requestBody": {
        "required": False,
        "content": {
            "application/x-www-form-urlencoded": {"schema": SPARQL_FORM,
                                                  "example": {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"}},
            "application/sparql-query": {"schema": {"type": "string"},
                                         "example": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"},
            "application/sparql-update": {"schema": {"type": "string"}},
        },
    }
}
UPDATE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {"schema": {"type": "object", "required": ["update"],
                                                             "properties": {"update": {"type": "string"},
                                                                            **USING_GRAPHS}}},
            "application/sparql-update": {"schema": {"type": "string"}},
        },
    }
}
