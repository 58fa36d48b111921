"""Facet filters of the entity lists: project status, status year and minimum investment; honours held."""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode

from kg.model import ProjectStatus
from kg.namespaces import XSD, ZONE
from kg.sparql import load_query
from kg.store import GraphStore
from kg.store.terms import Term


@dataclass(frozen=True)
class Facets:
    """What an entity must have besides a matching name and zone; None leaves a facet open."""

    status: ProjectStatus | None = None
    year: int | None = None
    min_amount: float | None = None
    currency: str = "CNY"
    honour: NamedNode | None = None


def allowed_items(store: GraphStore, facets: Facets | None) -> set[str] | None:
    """IRIs of the entities that satisfy every given facet; None when no facet is given."""
    queries = _facet_queries(facets) if facets else []
    if not queries:
        return None
    return set.intersection(*(_items(store, name, bindings) for name, bindings in queries))


def _facet_queries(facets: Facets) -> list[tuple[str, dict[str, Term]]]:
    """(template, bindings) for each given facet; a status with a year must hold in that same event."""
    queries: list[tuple[str, dict[str, Term]]] = []
    status = {"status": ZONE[facets.status.value]} if facets.status else {}
    year = {"year": Literal(f"{facets.year:04d}", datatype=XSD.gYear)} if facets.year is not None else {}
    if status or year:
        name = "api_filter_status_year" if status and year else "api_filter_status" if status else "api_filter_year"
        queries.append((name, {**status, **year}))
    if facets.min_amount is not None:
        queries.append(("api_filter_amount", {"min": Literal(format(facets.min_amount, "f"), datatype=XSD.decimal),
                                              "currency": Literal(facets.currency)}))
    if facets.honour is not None:
        queries.append(("api_filter_honour", {"honour": facets.honour}))
    return queries


def _items(store: GraphStore, template: str, bindings: dict[str, Term]) -> set[str]:
    return {row["item"].value for row in store.select(load_query(template), bindings=bindings)}
