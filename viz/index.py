"""The skeleton of the entity graph, read once per store generation: which entities there are, their classes,
who neighbours whom. Every view chooses its entities from it in Python (types, a zone's members, a focus
entity's ego network, the most connected when there are too many) before anything else is read.

Two queries, each returning as few terms as it can (decoding terms is most of a query's cost on the
on-disk store): ``viz_entity_classes`` (entity IRI and class local name) and ``viz_entity_links`` (the
distinct pairs of entities one step of the entity graph apart: a binary fact, or an award or role folded
through its n-ary node, as viz.graph draws them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg.model import EntityType, Predicate
from kg.namespaces import ZONE
from kg.sparql import load_query
from kg.store import GraphStore
from viz.cache import GenerationCache
from viz.graph import EDGE_LABELS, entity_type_of

ENTITY_INDEX_KEY = ("entity-index",)
"""The index's key in viz.cache."""
BINARY_NAMES = tuple(p for p in EDGE_LABELS if p != Predicate.ROLE.value)
"""The binary facts drawn as edges (a role is drawn through its n-ary node), by local name."""
BINARY_PREDICATES = tuple(ZONE[p] for p in BINARY_NAMES)


@dataclass(frozen=True)
class EntityIndex:
    """Every entity's classes (local names), undirected neighbours and degree."""

    classes: dict[str, frozenset[str]]
    neighbours: dict[str, frozenset[str]]
    degree: dict[str, int]
    """Distinct neighbours over binary facts in either direction: the rank of the most connected."""
    edges: dict[str, tuple[tuple[int, str], ...]]
    """Binary facts from each entity: (position in BINARY_PREDICATES, object)."""

    def of_types(self, types: Iterable[str]) -> list[str]:
        """Entities typed with any of the classes named."""
        wanted = set(types)
        return [e for e, classes in self.classes.items() if classes & wanted]

    def is_zone(self, entity: str) -> bool:
        """Whether viz.graph draws ``entity`` as a zone."""
        return entity_type_of(set(self.classes.get(entity, ())))[0] == EntityType.ZONE

    def within(self, start: str, hops: int, *, through_zones: bool = True) -> list[str]:
        """``start`` and the entities at most ``hops`` steps from it (without zones: as viz.views.zone_members)."""
        members, frontier = {start}, {start}
        for _ in range(hops):
            step = {n for f in frontier for n in self.neighbours.get(f, ()) if n not in members}
            if not through_zones:
                step = {n for n in step if not self.is_zone(n)}
            members |= step
            frontier = step
        return sorted(members)

    def has_class(self, entities: Iterable[str], name: str) -> bool:
        """Whether any of ``entities`` is typed with the class ``name``."""
        return any(name in self.classes.get(e, ()) for e in entities)

    def most_connected(self, members: Iterable[str], limit: int, keep: str | None = None) -> list[str]:
        """At most ``limit`` of ``members``: ``keep`` first, then by degree (highest first) and IRI."""
        ranked = sorted(members, key=lambda e: (e != keep, -self.degree.get(e, 0), e))
        return ranked[:limit]


def read_entity_index(store: GraphStore) -> EntityIndex:
    """The index, read from the store (two queries)."""
    classes: dict[str, set[str]] = {}
    for row in store.select(load_query("viz_entity_classes")):
        classes.setdefault(row["e"].value, set()).add(row["class"].value)
    neighbours: dict[str, set[str]] = {e: set() for e in classes}
    binary: dict[str, set[str]] = {}
    edges: dict[str, list[tuple[int, str]]] = {}
    links = "\n".join(line if line.strip() != "#LINKS" else "    " + values_links()
                      for line in load_query("viz_entity_links").splitlines())
    for row in store.select(links):
        a, b, code = row["a"].value, row["b"].value, int(row["k"].value)
        if code >= 0:
            binary.setdefault(a, set()).add(b)
            binary.setdefault(b, set()).add(a)
            edges.setdefault(a, []).append((code, b))
        if a in classes and b in classes:
            neighbours[a].add(b)
            neighbours[b].add(a)
    return EntityIndex(
        {e: frozenset(c) for e, c in classes.items()},
        {e: frozenset(n) for e, n in neighbours.items()},
        {e: len(n) for e, n in binary.items()},
        {e: tuple(out) for e, out in edges.items()},
    )


def values_links() -> str:
    """``VALUES (?p ?k)``: each binary predicate with its position in BINARY_PREDICATES."""
    rows = " ".join(f"({p} {k})" for k, p in enumerate(BINARY_PREDICATES))
    return f"VALUES (?p ?k) {{ {rows} }}"


def entity_index(store: GraphStore, cache: GenerationCache | None = None) -> EntityIndex:
    """The entity index, kept in ``cache`` for the store's generation when one is given."""
    if cache is None:
        return read_entity_index(store)
    return cache.get(ENTITY_INDEX_KEY, lambda: read_entity_index(store))
