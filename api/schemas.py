"""Pydantic models of every JSON body the REST API returns."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Ref(BaseModel):
    """A pointer to an entity: its id (last IRI segment), IRI, type and label."""

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

    error: str
    detail: str
