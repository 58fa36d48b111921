"""The graph views as main read them before the live index: the baseline of bench_graph_views.

Each store generation read the entity index again (``viz_entity_classes`` and ``viz_entity_links`` as they
were), and each view read the names and folded facts of its entities (``viz_view_entities``,
``viz_view_facts``) and built its graph from those triples. The query texts are kept here as they were, so
the bench measures the old path against the new one on the same store in the same run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
from pyoxigraph import NamedNode

from kg.namespaces import RDF, RDFS, SKOS, ZONE
from kg.store import GraphStore
from viz.graph import FOLDED, to_networkx
from viz.index import BINARY_NAMES, BINARY_PREDICATES, EntityIndex, build_index
from viz.records import FACT_PREDICATES
from viz.source import resolve_entity, view_members
from viz.templates import values_block
from viz.views import DEFAULT_NODE_LIMIT, View, cap, check_depth, check_types, cut_view

QUERIES = Path(__file__).resolve().parent / "graph_views_baseline_queries"
NAME_PREDICATES = (RDF.type, RDFS.label, SKOS.altLabel)


def fill(name: str, parts: dict[str, str]) -> str:
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    return "\n".join(parts.get(line.strip(), line) for line in text.splitlines())


def predicate_filter(predicates: tuple[NamedNode, ...]) -> str:
    numbered = "-1"
    for position, predicate in reversed(list(enumerate(predicates))):
        numbered = f"IF(?p = {predicate}, {position}, {numbered})"
    return f"FILTER(?p IN ({', '.join(map(str, predicates))}))\n  BIND({numbered} AS ?k)"


def old_entity_index(store: GraphStore) -> EntityIndex:
    """The index as main read it for every store generation (two queries)."""
    classes: dict[str, set[str]] = defaultdict(set)
    for row in store.select(fill("viz_entity_classes", {})):
        classes[row["e"].value].add(row["class"].value)
    rows = " ".join(f"({p} {k})" for k, p in enumerate(BINARY_PREDICATES))
    out: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for row in store.select(fill("viz_entity_links", {"#LINKS": f"VALUES (?p ?k) {{ {rows} }}"})):
        out[row["a"].value].add((int(row["k"].value), row["b"].value))
    return build_index({e: frozenset(c) for e, c in classes.items()}, {a: tuple(sorted(s)) for a, s in out.items()})


def old_entity_graph(store: GraphStore, entities: list[str], index: EntityIndex) -> nx.MultiDiGraph:
    """The view's graph from its entities' triples, read for the view."""
    if not entities:
        return nx.MultiDiGraph()
    chosen = set(entities)
    edges = [(a, BINARY_NAMES[k], b) for a in entities for k, b in index.out.get(a, ()) if k >= 0 and b in chosen]
    skip = {"award"} if not index.has_class(entities, "Honour") else set()
    skip |= {"role"} if not index.has_class(entities, "Person") else set()
    folded = tuple(ZONE[f] for f in FOLDED if f not in skip)
    nodes, links = values_block("e", entities), f"FILTER(?link IN ({', '.join(map(str, folded))}))"
    triples: list[tuple[Any, NamedNode, Any]] = []
    for template, predicates, subject in (("viz_view_entities", NAME_PREDICATES + folded, "e"),
                                          ("viz_view_facts", FACT_PREDICATES, "f")):
        query = fill(template, {"#NODES": nodes, "#LINKS": links, "#PREDICATES": predicate_filter(predicates)})
        triples += [(r[subject], predicates[int(r["k"].value)], r["o"]) for r in store.select(query)]
    return to_networkx(triples, edges)


def old_store_view(store: GraphStore, *, zone: str | None = None, types: Iterable[str] | None = None,
                   focus: str | None = None, depth: int = 1, limit: int = DEFAULT_NODE_LIMIT,
                   index: EntityIndex | None = None) -> View:
    """The view as main's viz.source.store_view read it (``index``: read for it when not given)."""
    wanted = check_types(types) if types else None
    check_depth(depth)
    zone_node = resolve_entity(store, zone) if zone else None
    focus_node = resolve_entity(store, focus) if focus else None
    index = index or old_entity_index(store)
    members = view_members(index, zone_node, focus_node, wanted, depth)
    truncated = len(members) > limit
    chosen = index.most_connected(members, limit, keep=zone_node or focus_node) if truncated else members
    view = cut_view(old_entity_graph(store, chosen, index), zone=zone_node, types=wanted, focus=focus_node,
                    depth=depth)
    total = len(members) if truncated else view.number_of_nodes()
    shown = cap(view, limit)
    return View(shown, total, shown.number_of_nodes() < total, focus=focus_node, zone=zone_node)
