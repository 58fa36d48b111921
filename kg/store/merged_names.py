"""Names of the merged graph on the embedded store, computed from index lookups before the write.

Recomputing a label in SPARQL scans every copy of the entity's names in every document
graph, and a hub named by thousands of documents made each write slower as the store grew.
Here, before a batch of document graphs is replaced, only the entities whose set of names
changes are recomputed (a new name the merged graph lacks, or an old name no other document
states), each from the store's indexes; the result is a DELETE DATA / INSERT DATA pair spliced
into the same update as the document write. Only one writer changes the store (the API's
writer lock, the ingest process), so what is read here is what the update changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store, Triple

from kg.namespaces import RDFS, SKOS
from kg.store.merged import DOC_GRAPHS, NAME_PREDICATES, fullest_name
from kg.store.merged_update import Change
from kg.store.remote_update import ConcreteUpkeep
from kg.store.terms import Term, ntriples_block


def _is_document(graph: object, replaced: Mapping[NamedNode, object]) -> bool:
    return isinstance(graph, NamedNode) and graph.value.startswith(DOC_GRAPHS) and graph not in replaced


class NameUpdate:
    """The name changes that replacing (or, with no triples, dropping) some document graphs makes."""

    def __init__(self, store: Store, replaced: Mapping[NamedNode, list[Triple]]) -> None:
        self.store = store
        self.replaced = replaced
        self.new_names: dict[Term, set[Literal]] = {}
        for triples in replaced.values():
            for t in triples:
                if t.predicate in NAME_PREDICATES and isinstance(t.object, Literal):
                    self.new_names.setdefault(t.subject, set()).add(t.object)

    def _names(self, subject: Term, graph: object) -> set[Literal]:
        return {q.object for p in NAME_PREDICATES for q in self.store.quads_for_pattern(subject, p, None, graph)
                if isinstance(q.object, Literal)}  # type: ignore[arg-type]

    def _stated_elsewhere(self, subject: Term, name: Literal) -> bool:
        """Whether a document graph that stays, or a new version, names ``subject`` ``name`` (stops at the first)."""
        if name in self.new_names.get(subject, ()):
            return True
        return any(_is_document(q.graph_name, self.replaced)
                   for p in NAME_PREDICATES for q in self.store.quads_for_pattern(subject, p, name, None))  # type: ignore[arg-type]

    def touched(self) -> set[Term]:
        """Entities whose set of names may change."""
        found = {s for s, names in self.new_names.items() if not names <= self._names(s, DefaultGraph())}
        for graph in self.replaced:
            for p in NAME_PREDICATES:
                for q in self.store.quads_for_pattern(None, p, None, graph):
                    if q.subject not in found and not self._stated_elsewhere(q.subject, q.object):  # type: ignore[arg-type]
                        found.add(q.subject)
        return found

    def _wanted(self, subject: Term) -> set[Triple]:
        names = {q.object for p in NAME_PREDICATES for q in self.store.quads_for_pattern(subject, p, None, None)
                 if _is_document(q.graph_name, self.replaced) and isinstance(q.object, Literal)}  # type: ignore[arg-type]
        names |= self.new_names.get(subject, set())
        if not names:
            return set()
        label = fullest_name(names)
        return {Triple(subject, RDFS.label, label), *(Triple(subject, SKOS.altLabel, n) for n in names if n != label)}  # type: ignore[arg-type]

    def operations(self, subjects: Iterable[Term] | None = None, *, fresh: bool = False) -> list[str]:
        """DELETE DATA and INSERT DATA for the merged default graph (nothing when no name changes).

        ``subjects``: recompute these entities' names instead of those the replaced graphs may change;
        ``fresh``: the merged graph is emptied first, so every wanted name is inserted.
        """
        removed: list[Triple] = []
        added: list[Triple] = []
        for subject in sorted(self.touched() if subjects is None else set(subjects), key=str):
            current = set() if fresh else {q.triple for p in NAME_PREDICATES
                                           for q in self.store.quads_for_pattern(subject, p, None, DefaultGraph())}  # type: ignore[arg-type]
            wanted = self._wanted(subject)
            removed += current - wanted
            added += wanted - current
        return [f"{verb} DATA {{\n{ntriples_block(triples)}\n}}" for verb, triples in (("DELETE", removed),
                                                                                        ("INSERT", added)) if triples]


def name_operations(store: Store, replaced: Mapping[NamedNode, Iterable[Triple]]) -> list[str]:
    """The merged graph's name changes for replacing these document graphs (empty triples: dropping them)."""
    return NameUpdate(store, {g: list(t) for g, t in replaced.items()}).operations()


def recompute_names(store: Store, subjects: Iterable[Term] | None = None) -> list[str]:
    """The operations that set the merged names of ``subjects`` against the current merged graph; without
    ``subjects``, the names of every entity a document names, for a merged graph emptied first."""
    if subjects is not None:
        return NameUpdate(store, {}).operations(subjects)
    named = {q.subject for p in NAME_PREDICATES for q in store.quads_for_pattern(None, p, None, None)
             if _is_document(q.graph_name, {})}
    return NameUpdate(store, {}).operations(named, fresh=True)


class IndexedUpdateUpkeep(ConcreteUpkeep):
    """An update's merged-graph upkeep on the embedded store, the state before it read from the indexes (a hub
    named by thousands of documents costs a scan of its own names, not a SPARQL pattern over every name)."""

    merged_key = None  # the embedded store's merged graph is its default graph

    def __init__(self, store: Store, changes: list[Change]) -> None:
        super().__init__(changes)
        self.store = store

    def _doc_copies_before(self) -> Counter[Triple]:
        counts: Counter[Triple] = Counter()
        for t in self.facts:
            counts[t] = sum(1 for q in self.store.quads_for_pattern(t.subject, t.predicate, t.object, None)  # type: ignore[arg-type]
                            if _is_document(q.graph_name, {}))
        for subject in self.subjects:
            for p in NAME_PREDICATES:
                counts.update(q.triple for q in self.store.quads_for_pattern(subject, p, None, None)  # type: ignore[arg-type]
                              if _is_document(q.graph_name, {}) and isinstance(q.object, Literal))
        return counts

    def _present_before(self) -> set[tuple[Triple, NamedNode | None]]:
        return {(t, g) for t, g in self.doc_quads if Quad(t.subject, t.predicate, t.object, g) in self.store}

    def _merged_names_now(self) -> set[Triple]:
        return {q.triple for s in self.subjects for p in NAME_PREDICATES  # type: ignore[misc]
                for q in self.store.quads_for_pattern(s, p, None, DefaultGraph()) if isinstance(q.object, Literal)}  # type: ignore[arg-type]

    def _data(self, verb: str, triples: set[Triple]) -> list[str]:
        ordered = sorted(triples, key=str)
        return [f"{verb} DATA {{\n{ntriples_block(ordered)}\n}}"] if ordered else []
