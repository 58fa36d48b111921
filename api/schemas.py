"""Pydantic models of every JSON body the REST API returns."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Ref(BaseModel):
    """A pointer to an entity: its id (last IRI segment), IRI, type and label."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"id": "0f3a9c2e7b1d4a56", "iri": "https://w3id.org/zonekg/resource/zone/0f3a9c2e7b1d4a56", "type": "Zone",
         "label": "青岚高新技术产业开发区"}
    ]})

    id: str
    iri: str
    type: str | None = None
    label: str | None = None


class Evidence(BaseModel):
    """A sentence that states a fact, with its character span in the original document."""

    document: str
    text: str
    start: int
    end: int
    url: str | None = None
    """The document view with this sentence highlighted."""


PropertyValue = Ref | float | int | str


class FactNode(BaseModel):
    """An n-ary fact (investment, status event, award, role, indicator) with its attributes."""

    predicate: str
    direction: Literal["out", "in"]
    node: str
    kind: str | None = None
    properties: dict[str, list[PropertyValue]] = Field(default_factory=dict)
    holder: Ref | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Link(BaseModel):
    """A binary fact between two entities, seen from one of them."""

    predicate: str
    direction: Literal["out", "in"]
    target: Ref
    evidence: list[Evidence] = Field(default_factory=list)
    target_facts: list[FactNode] = Field(default_factory=list)
    """For a project target: its investments and status events."""


class EntityDetail(BaseModel):
    """One entity with its names, documents, links and n-ary facts."""

    id: str
    iri: str
    type: str
    types: list[str]
    label: str | None
    aliases: list[str]
    documents: list[str]
    links: list[Link]
    facts: list[FactNode]


class EntityPage(BaseModel):
    """A page of entities."""

    total: int
    limit: int
    offset: int
    items: list[Ref]


class SearchResult(BaseModel):
    """Entities whose name or alias contains the query (matched in simplified script)."""

    q: str
    normalised: str
    items: list[Ref]


class DocumentOut(BaseModel):
    """A stored document and how many evidence sentences it contributed."""

    id: str
    iri: str
    source_name: str | None = None
    encoding: str | None = None
    content_hash: str | None = None
    facts: int = 0


class DocumentPage(BaseModel):
    """A page of documents."""

    total: int
    limit: int
    offset: int
    items: list[DocumentOut]


class IngestOut(BaseModel):
    """What an upload wrote."""

    id: str
    source_name: str
    graph: str
    triples: int
    chars: int
    encoding: str


class StatsOut(BaseModel):
    """Counts of what the store holds."""

    quads: int
    documents: int
    classes: dict[str, int]


class ErrorOut(BaseModel):
    """Every error body: a stable code and a human-readable detail."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"error": "not_found", "detail": "no Enterprise with id 'nobody'"},
        {"error": "query_timeout", "detail": "query ran over 10 s"},
    ]})

    error: str
    detail: str


class AmbiguousOut(ErrorOut):
    """409: a name several entities carry, with each of them (pass its id or IRI instead)."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"error": "ambiguous_name", "detail": "2 Zone entities are called '高新区': ...",
         "candidates": [{"id": "0f3a9c2e7b1d4a56", "iri": "https://w3id.org/zonekg/resource/zone/0f3a9c2e7b1d4a56",
                         "type": "Zone", "label": "青岚高新区"}]}
    ]})

    candidates: list[Ref]


ERROR_DESCRIPTIONS = {
    400: "Bad request: a parameter or the query is malformed, or the query uses a refused feature",
    401: "The bearer token is missing or wrong",
    403: "Updates are disabled (no API token configured)",
    404: "No such entity, document or path",
    406: "Nothing the Accept header allows can be produced",
    409: "A name matches several entities: the body lists them, pass an id or an IRI instead",
    413: "The request body is over the size limit",
    414: "The request URL is over the size limit",
    415: "Unsupported request content type",
    422: "A parameter failed validation",
    429: "This client used up its query time or error budget for the minute (see Retry-After)",
    503: "Query timed out, the store is unavailable, or the client has too many queries running (see Retry-After)",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI ``responses`` entries for these error statuses, all with the one error body."""
    return {
        status: {"model": AmbiguousOut if status == 409 else ErrorOut, "description": ERROR_DESCRIPTIONS[status]}
        for status in statuses
    }
