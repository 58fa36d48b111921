"""Views of the entity graph: whole, by zone, by type, a focus ego network, and a size cap."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import chain

import networkx as nx
import opencc

from kg.errors import KgError, NotFound
from kg.model import EntityType

DEFAULT_NODE_LIMIT = 2000
MAX_DEPTH = 3


class InvalidView(KgError):
    """The view parameters are out of range (depth, type)."""


class AmbiguousEntity(KgError):
    """A name several entities carry; ``candidates`` holds their IRIs (labels before aliases)."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        super().__init__(f"{len(candidates)} entities are called {name!r}: {', '.join(candidates)}")
        self.name = name
        self.candidates = candidates


@dataclass(frozen=True)
class View:
    """A subgraph to show, and how it was cut from the whole graph."""

    graph: nx.MultiDiGraph
    total_nodes: int
    truncated: bool
    focus: str | None = None
    zone: str | None = None

    @property
    def note(self) -> str:
        """One line telling the reader what part of the graph is shown."""
        shown = self.graph.number_of_nodes()
        if self.truncated:
            return f"显示连接最多的 {shown} 个节点（共 {self.total_nodes} 个）"
        return f"{shown} 个节点，{self.graph.number_of_edges()} 条关系"


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def fold_name(text: str) -> str:
    """Comparison key for names: simplified script, no spaces, lower case.

    >>> fold_name("東辰 科技")
    '东辰科技'
    """
    return _t2s().convert("".join(text.split())).lower()


def find_node(g: nx.MultiDiGraph, ref: str) -> str:
    """Node of ``g`` named by an IRI, a label or an alias (either script); raises NotFound or AmbiguousEntity."""
    if ref in g:
        return ref
    key = fold_name(ref)
    found = [str(node) for node, data in g.nodes(data=True)
             if any(fold_name(n) == key for n in [data.get("label", ""), *data.get("aliases", "").split("|")] if n)]
    if not found:
        raise NotFound(f"no entity named {ref!r} in the graph")
    if len(found) > 1:
        raise AmbiguousEntity(ref, sorted(found))
    return found[0]


def check_depth(depth: int) -> int:
    """``depth`` if it is a focus depth the page offers; raises InvalidView."""
    if not 1 <= depth <= MAX_DEPTH:
        raise InvalidView(f"depth must be between 1 and {MAX_DEPTH}, not {depth}")
    return depth


def check_types(types: Iterable[str]) -> set[str]:
    """The set of EntityType values asked for; raises InvalidView on any other name."""
    wanted = set(types)
    unknown = wanted - {t.value for t in EntityType}
    if unknown:
        raise InvalidView(f"unknown entity type(s): {', '.join(sorted(unknown))}")
    return wanted


def neighbours(g: nx.MultiDiGraph, node: str) -> Iterable[str]:
    """Nodes linked to ``node`` in either direction."""
    return chain(g.successors(node), g.predecessors(node))


def induced(g: nx.MultiDiGraph, nodes: set[str]) -> nx.MultiDiGraph:
    """The subgraph of ``g`` on ``nodes`` (``g`` itself when that is every node)."""
    return g if len(nodes) == g.number_of_nodes() else g.subgraph(nodes).copy()


def ego_view(g: nx.MultiDiGraph, node: str, depth: int) -> nx.MultiDiGraph:
    """Entities within ``depth`` hops of ``node``, whatever the edge direction."""
    check_depth(depth)
    members, frontier = {node}, {node}
    for _ in range(depth):
        frontier = {n for f in frontier for n in neighbours(g, f)} - members
        members |= frontier
    return induced(g, members)


def adjacency(g: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Each node's neighbours in either direction (for many walks over one graph)."""
    return {n: set(g._succ[n]) | set(g._pred[n]) for n in g}  # noqa: SLF001


def zone_members(g: nx.MultiDiGraph, zone: str, near: Mapping[str, set[str]] | None = None) -> set[str]:
    """The zone and what links to it, within two hops that do not pass through another zone; ``near``: the
    :func:`adjacency` of ``g``, when many zones are walked."""
    members, frontier = {zone}, {zone}
    for _ in range(2):
        step = {n for f in frontier for n in (near[f] if near is not None else neighbours(g, f)) if n not in members}
        step = {n for n in step if g.nodes[n].get("type") != EntityType.ZONE.value}
        members |= step
        frontier = step
    return members


def by_types(g: nx.MultiDiGraph, types: Iterable[str]) -> nx.MultiDiGraph:
    """Only entities of the given types (EntityType values)."""
    wanted = check_types(types)
    return induced(g, {n for n, t in g.nodes(data="type") if t in wanted})


def cap(g: nx.MultiDiGraph, limit: int) -> nx.MultiDiGraph:
    """The most connected part of ``g`` with at most ``limit`` nodes (largest components, then degree)."""
    if g.number_of_nodes() <= limit:
        return g
    rank: dict[str, tuple[int, int]] = {}
    for component in nx.weakly_connected_components(g):
        for node in component:
            rank[node] = (len(component), g.degree(node))
    keep = sorted(rank, key=lambda n: (rank[n][0], rank[n][1], n), reverse=True)[:limit]
    return g.subgraph(keep).copy()


def cut_view(
    g: nx.MultiDiGraph,
    *,
    zone: str | None = None,
    types: Iterable[str] | None = None,
    focus: str | None = None,
    depth: int = 1,
) -> nx.MultiDiGraph:
    """Zone, type and focus filters in that order, on nodes already found in ``g``."""
    view = g
    if zone:
        view = induced(g, zone_members(g, zone))
    if types:
        view = by_types(view, types)
    if focus:
        if focus not in view:
            raise NotFound(f"{focus!r} is not in the selected view")
        view = ego_view(view, focus, depth)
    return view


def select_view(
    g: nx.MultiDiGraph,
    *,
    zone: str | None = None,
    types: Iterable[str] | None = None,
    focus: str | None = None,
    depth: int = 1,
    limit: int = DEFAULT_NODE_LIMIT,
) -> View:
    """Apply zone, type and focus filters in that order, then the size cap."""
    zone_node = find_node(g, zone) if zone else None
    focus_node = find_node(g, focus) if focus else None
    view = cut_view(g, zone=zone_node, types=types, focus=focus_node, depth=depth)
    total = view.number_of_nodes()
    shown = cap(view, limit)
    return View(shown, total, shown.number_of_nodes() < total, focus=focus_node, zone=zone_node)
