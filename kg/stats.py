"""Counts that describe what the store holds."""

from __future__ import annotations

from typing import Any

from pyoxigraph import Literal

from kg.iri import doc_id_from_graph
from kg.namespaces import ZONE_IRI
from kg.sparql import load_query
from kg.store import GraphStore


def compute_stats(store: GraphStore) -> dict[str, Any]:
    """Quads, documents and entities per class."""
    by_class: dict[str, int] = {}
    for row in store.select(load_query("stats_by_class")):
        count = row["n"]
        assert isinstance(count, Literal)
        by_class[row["class"].value.removeprefix(ZONE_IRI)] = int(count.value)
    documents = [d for g in store.graphs() if (d := doc_id_from_graph(g)) is not None]
    return {"quads": store.quad_count(), "documents": len(documents), "classes": by_class}
