"""The skeleton of the entity graph: which entities there are, their classes, who neighbours whom, and
(viz.records) what the page draws of each. Every view chooses its entities from it in Python (types, a
zone's members, a focus entity's ego network, the most connected when there are too many) and is
assembled from it without reading the store again.

The index is read whole once, then patched after each write (viz.live): a write names the IRIs it
touched, and only their classes and steps are read again, and their records dropped. Records are read
the first time a view shows their entity (or, after a whole read, all at once in the background: viz.live),
and kept. A patched index equals one read whole (tests/unit/viz/test_live_index.py).

Queries return as few terms as they can (decoding terms is most of a query's cost on the on-disk store):
``viz_entity_classes`` (entity IRI and class local name) and ``viz_entity_links`` (the steps of the entity
graph: a binary fact, or an award or role folded through its n-ary node, as viz.graph draws them).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace

from kg.model import EntityType, Predicate
from kg.namespaces import ZONE
from kg.store import GraphStore
from viz.graph import EDGE_LABELS, ZONE_SUBTYPES, EntityRecord, entity_type_of
from viz.records import holders, read_records
from viz.templates import fill, numbered, values_block

BINARY_NAMES = tuple(p for p in EDGE_LABELS if p != Predicate.ROLE.value)
"""The binary facts drawn as edges (a role is drawn through its n-ary node), by local name."""
BINARY_PREDICATES = tuple(ZONE[p] for p in BINARY_NAMES)
CLASS_PATTERNS = " UNION ".join(f'{{ ?e a {ZONE[c]} BIND("{c}" AS ?class) }}' for c in (
    *(t.value for t in EntityType), *sorted(ZONE_SUBTYPES)))
"""The classes of the page's entities: one index lookup each, bound to their local names."""
Step = tuple[int, str]
"""(code, other end): code is a position in BINARY_PREDICATES, or -1 (award) / -2 (role) for a folded step."""


@dataclass(frozen=True)
class EntityIndex:
    """Every entity's classes (local names), the steps between IRIs, neighbours, degree, and records as read."""

    classes: dict[str, frozenset[str]]
    out: dict[str, tuple[Step, ...]]
    """Steps from each IRI, sorted."""
    into: dict[str, frozenset[Step]]
    """Steps into each IRI: (code, the IRI they come from)."""
    neighbours: dict[str, frozenset[str]]
    """Entities one step away from each entity, in either direction."""
    degree: dict[str, int]
    """Distinct neighbours over binary facts in either direction: the rank of the most connected."""
    records: dict[str, EntityRecord] = field(default_factory=dict, compare=False)
    """What the page draws of the entities views have shown so far (:meth:`records_of` reads the others)."""
    _records_lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    def records_of(self, store: GraphStore, entities: Iterable[str]) -> dict[str, EntityRecord]:
        """The records, those of ``entities`` among them (read from ``store`` when not read yet, and kept)."""
        missing = [e for e in entities if e not in self.records and e in self.classes]
        if missing:
            self.add_records(read_records(store, self.classes, missing))
        return self.records

    def add_records(self, found: Mapping[str, EntityRecord]) -> None:
        """Keep the records ``found`` of entities that have none yet (read for this index's generation or later)."""
        with self._records_lock:
            for iri, record in found.items():
                self.records.setdefault(iri, record)

    def records_but(self, changed: Collection[str]) -> dict[str, EntityRecord]:
        """A copy of the records read so far, without those of ``changed``."""
        with self._records_lock:
            return {iri: record for iri, record in self.records.items() if iri not in changed}

    def of_types(self, types: Iterable[str]) -> list[str]:
        """Entities typed with any of the classes named."""
        wanted = set(types)
        return [e for e, classes in self.classes.items() if classes & wanted]

    def is_zone(self, entity: str) -> bool:
        """Whether viz.graph draws ``entity`` as a zone."""
        return entity_type_of(set(self.classes.get(entity, ())))[0] == EntityType.ZONE

    def binary_edges(self, entities: Iterable[str]) -> list[tuple[str, str, str]]:
        """Binary facts from ``entities``: (subject, predicate local name, object)."""
        return [(a, BINARY_NAMES[k], b) for a in entities for k, b in self.out.get(a, ()) if k >= 0]

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


def read_classes(store: GraphStore, iris: Collection[str] | None = None) -> dict[str, frozenset[str]]:
    """The classes of every entity, or of the entities among ``iris``."""
    if iris is not None and not iris:
        return {}
    nodes = "" if iris is None else values_block("e", iris)
    classes: dict[str, set[str]] = defaultdict(set)
    for row in store.select(fill("viz_entity_classes", {"#NODES": nodes, "#CLASSES": CLASS_PATTERNS})):
        classes[row["e"].value].add(row["class"].value)
    return {e: frozenset(c) for e, c in classes.items()}


def read_steps(store: GraphStore, sources: Collection[str] | None = None) -> dict[str, tuple[Step, ...]]:
    """The steps from every IRI, or from ``sources``."""
    if sources is not None and not sources:
        return {}
    nodes = "" if sources is None else values_block("a", sources)
    steps: dict[str, set[Step]] = defaultdict(set)
    query = fill("viz_entity_links", {"#NODES": nodes, "#LINKS": numbered("?a {p} ?b", BINARY_PREDICATES)})
    for row in store.select(query):
        steps[row["a"].value].add((int(row["k"].value), row["b"].value))
    return {a: tuple(sorted(s)) for a, s in steps.items()}


def _reversed(out: Mapping[str, Iterable[Step]]) -> dict[str, frozenset[Step]]:
    into: dict[str, set[Step]] = defaultdict(set)
    for a, steps in out.items():
        for k, b in steps:
            into[b].add((k, a))
    return {b: frozenset(s) for b, s in into.items()}


def _derive(iri: str, classes: Mapping[str, frozenset[str]], out: Mapping[str, tuple[Step, ...]],
            into: Mapping[str, frozenset[Step]]) -> tuple[frozenset[str] | None, int]:
    """The neighbours (None for an IRI that is no entity) and degree of ``iri``."""
    steps = [*out.get(iri, ()), *into.get(iri, ())]
    degree = len({n for k, n in steps if k >= 0})
    if iri not in classes:
        return None, degree
    return frozenset(n for _, n in steps if n in classes), degree


def build_index(classes: dict[str, frozenset[str]], out: dict[str, tuple[Step, ...]]) -> EntityIndex:
    """The index of these classes and steps."""
    into = _reversed(out)
    neighbours, degree = {}, {}
    for iri in classes.keys() | out.keys() | into.keys():
        near, count = _derive(iri, classes, out, into)
        if near is not None:
            neighbours[iri] = near
        if count:
            degree[iri] = count
    return EntityIndex(classes, out, into, neighbours, degree)


def read_entity_index(store: GraphStore) -> EntityIndex:
    """The whole index, read from the store (records are read as views need them)."""
    return build_index(read_classes(store), read_steps(store))


def patched(index: EntityIndex, store: GraphStore, touched: Collection[str]) -> EntityIndex:
    """``index`` after a write that touched ``touched`` (every IRI of a triple it added or removed), read again
    for those IRIs and the entities whose fact nodes they are (their records dropped, to be read when shown);
    the other entries are shared with ``index``."""
    changed = set(touched) | holders(store, touched)
    classes = dict(index.classes)
    fresh = read_classes(store, touched)
    for iri in touched:
        if iri in fresh:
            classes[iri] = fresh[iri]
        else:
            classes.pop(iri, None)
    out, into = dict(index.out), dict(index.into)
    dirty = _restep(out, into, changed, read_steps(store, changed))
    for iri in touched:  # an IRI that became (or stopped being) an entity changes its neighbours' neighbours
        if (iri in classes) != (iri in index.classes):
            dirty |= {n for _, n in (*out.get(iri, ()), *into.get(iri, ()))}
    neighbours, degree = dict(index.neighbours), dict(index.degree)
    for iri in dirty | changed:
        near, count = _derive(iri, classes, out, into)
        _put(neighbours, iri, near)
        _put(degree, iri, count or None)
    return replace(index, classes=classes, out=out, into=into, neighbours=neighbours, degree=degree,
                   records=index.records_but(changed), _records_lock=threading.Lock())


def _restep(out: dict[str, tuple[Step, ...]], into: dict[str, frozenset[Step]], sources: Iterable[str],
            fresh: Mapping[str, tuple[Step, ...]]) -> set[str]:
    """Replace the steps from ``sources`` by ``fresh`` in ``out`` and ``into``; the IRIs at their other ends."""
    gone: dict[str, set[Step]] = defaultdict(set)
    new: dict[str, set[Step]] = defaultdict(set)
    for a in sources:
        before, after = out.get(a, ()), fresh.get(a, ())
        if before == after:
            continue
        for k, b in before:
            gone[b].add((k, a))
        for k, b in after:
            new[b].add((k, a))
        _put(out, a, after or None)
    for b in gone.keys() | new.keys():
        _put(into, b, (into.get(b, frozenset()) - gone[b]) | new[b] or None)
    return set(gone) | set(new)


def _put(mapping: dict, key: str, value: object) -> None:  # type: ignore[type-arg]
    """``mapping[key] = value``, or no entry when ``value`` is None."""
    if value is None:
        mapping.pop(key, None)
    else:
        mapping[key] = value
