"""The graph views as they were read before the per-view fetch of viz.source: the baseline of bench_graph_views.

Each view counts its candidates (``viz_members_*``), ranks them over every entity's degree when there are
more than the page shows, then reads every triple of the chosen entities and their fact nodes with
``SELECT DISTINCT ?s ?p ?o`` (all predicates but evidence and mentions). The query texts are kept here as
they were, so the bench measures the old path against the new one on the same store in the same run.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, Triple

from kg.model import EntityType
from kg.sparql import load_query
from kg.store import GraphStore
from viz.graph import to_networkx
from viz.source import resolve_entity
from viz.views import DEFAULT_NODE_LIMIT, View, cap, check_depth, check_types, cut_view

MEMBERS_MARK = "#MEMBERS"
DEGREE_MARK = "#DEGREE"
QUERIES = Path(__file__).resolve().parent / "graph_views_baseline_queries"
"""The old templates (view_count/rank/triples, degree cuts, members of all and of a type), as they were."""


def template(name: str) -> str:
    """An old template: from the baseline folder, else (members of zone and focus views, unchanged) kg/queries."""
    path = QUERIES / f"{name}.rq"
    return path.read_text(encoding="utf-8") if path.is_file() else load_query(name)


@cache
def view_query(shape: str, members: str, degree: str | None = None) -> str:
    """The old ``viz_view_<shape>`` template with the ``viz_members_<members>`` pattern (and degree cut)."""
    parts = {MEMBERS_MARK: template(f"viz_members_{members}")}
    if degree:
        parts[DEGREE_MARK] = template(f"viz_degree_{degree}")
    lines = template(f"viz_view_{shape}").splitlines()
    return "\n".join(parts.get(line.strip(), line) for line in lines)


def _select(store: GraphStore, query: str, anchors: list[NamedNode | None], extra: dict[str, Any]) -> list[Any]:
    rows: list[Any] = []
    for anchor in anchors:
        rows += store.select(query, bindings={**extra, **({"anchor": anchor} if anchor else {})})
    return rows


def candidates(store: GraphStore, members: str, anchors: list[NamedNode | None],
               limit: int = DEFAULT_NODE_LIMIT) -> tuple[Any, int, bool]:
    """The old candidate graph, its total and whether it was cut."""
    total = sum(int(r["total"].value) for r in _select(store, view_query("count", members), anchors, {}))
    degree, extra = None, {}
    if total > limit and anchors != [None]:
        ranked = _select(store, view_query("rank", members), anchors, {})
        degrees = sorted((int(r["degree"].value) for r in ranked), reverse=True)
        extra = {"mindegree": Literal(degrees[min(limit, len(degrees)) - 1] if degrees else 0)}
        degree = "at_least"
    elif total > limit:
        degree = "top"
    rows = _select(store, view_query("triples", members, degree), anchors, extra)
    return to_networkx(Triple(r["s"], r["p"], r["o"]) for r in rows), total, total > limit


def old_store_view(store: GraphStore, *, zone: str | None = None, types: Iterable[str] | None = None,
                   focus: str | None = None, depth: int = 1, limit: int = DEFAULT_NODE_LIMIT) -> View:
    """The view as the old viz.source.store_view read it."""
    wanted = check_types(types) if types else None
    check_depth(depth)
    zone_node = resolve_entity(store, zone) if zone else None
    focus_node = resolve_entity(store, focus) if focus else None
    if zone_node:
        graph, total, truncated = candidates(store, "zone", [NamedNode(zone_node)])
    elif focus_node:
        graph, total, truncated = candidates(store, f"focus{depth}", [NamedNode(focus_node)])
    elif wanted:
        graph, total, truncated = candidates(store, "type", [EntityType(t).iri for t in sorted(wanted)])
    else:
        graph, total, truncated = candidates(store, "all", [None])
    view = cut_view(graph, zone=zone_node, types=wanted, focus=focus_node, depth=depth)
    total = total if truncated else view.number_of_nodes()
    shown = cap(view, limit)
    return View(shown, total, shown.number_of_nodes() < total, focus=focus_node, zone=zone_node)
