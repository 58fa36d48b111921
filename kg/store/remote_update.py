"""The merged graph's upkeep for an arbitrary SPARQL update on a remote store, as concrete data.

On a server the upkeep cannot read the store after the update with patterns in the same request:
Virtuoso applies an operation's ``USING``/``WITH`` dataset to the operations after it, so they would
see no document graph. So the client works out the state after the update from the quads it deletes
and inserts (kg.store.merged_update.changes: the last change of a quad decides whether it is there)
and three bounded SELECTs of the state before it, and sends the merged graph's changes as
``DELETE DATA``/``INSERT DATA`` in the same request as the update. One writer changes the store at a
time (the API's writer lock), so what is read before is what the update changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from pyoxigraph import Literal, NamedNode, Triple

from kg.namespaces import RDFS, SKOS
from kg.store.merged import _IS_DOC, DOC_GRAPHS, NAME_PREDICATES, fullest_name
from kg.store.merged_update import Change
from kg.store.remote_upkeep import _data
from kg.store.terms import Term

ROWS = 500
"""VALUES rows per SELECT."""
_NAMES = f"{RDFS.label} {SKOS.altLabel}"
Select = Callable[[str], list[dict[str, Term]]]


def _is_doc(graph: NamedNode | None) -> bool:
    return graph is not None and graph.value.startswith(DOC_GRAPHS)


def _chunks(items: list, size: int = ROWS) -> Iterable[list]:  # type: ignore[type-arg]
    return (items[start : start + size] for start in range(0, len(items), size))


class ConcreteUpkeep:
    """What the merged graph must become after an update that makes ``changes``, as data operations.

    Subclasses read the state before the update; ``merged_key`` is how ``changes`` name the merged graph.
    """

    merged_key: NamedNode | None = None

    def __init__(self, changes: list[Change]) -> None:
        self.final: dict[tuple[Triple, NamedNode | None], bool] = {}
        for change in changes:  # the last change of a quad decides whether it is there afterwards
            self.final[(change.triple, change.graph)] = change.inserted
        self.subjects = sorted({t.subject for t, _ in self.final if _is_name(t)}, key=str)
        self.facts = sorted({t for t, _ in self.final if not _is_name(t)}, key=str)
        self.doc_quads = sorted(((t, g) for t, g in self.final if _is_doc(g)), key=str)

    def _doc_copies_before(self) -> Counter[Triple]:
        """How many document graphs state each touched fact, and each name of a touched subject, now."""
        raise NotImplementedError

    def _present_before(self) -> set[tuple[Triple, NamedNode | None]]:
        """Which of ``doc_quads`` are in the store now."""
        raise NotImplementedError

    def _merged_names_now(self) -> set[Triple]:
        """The touched subjects' names in the merged graph now."""
        raise NotImplementedError

    def _data(self, verb: str, triples: set[Triple]) -> list[str]:
        raise NotImplementedError

    def operations(self) -> list[str]:
        """``DELETE DATA``/``INSERT DATA`` of the merged graph, to run after the update."""
        if not self.final:
            return []
        counts = self._doc_copies_before()
        before = self._present_before()
        for (triple, graph), present in self.final.items():
            if _is_doc(graph):
                counts[triple] += int(present) - int((triple, graph) in before)
        stated = {t for t, c in counts.items() if c > 0}
        facts = set(self.facts)
        wanted = {t for t in facts if t in stated}
        names: dict[Term, set[Literal]] = {}
        for t in stated:
            if _is_name(t):
                names.setdefault(t.subject, set()).add(t.object)  # type: ignore[arg-type]
        wanted_names = set()
        for subject, found in names.items():
            label = fullest_name(found)
            wanted_names.add(Triple(subject, RDFS.label, label))  # type: ignore[arg-type]
            wanted_names.update(Triple(subject, SKOS.altLabel, n) for n in found if n != label)  # type: ignore[arg-type]
        merged_names = self._merged_names_after()
        return [*self._data("DELETE", (facts - wanted) | (merged_names - wanted_names)),
                *self._data("INSERT", wanted | (wanted_names - merged_names))]

    def _merged_names_after(self) -> set[Triple]:
        now = self._merged_names_now()
        for (triple, graph), present in self.final.items():
            if graph == self.merged_key and _is_name(triple):
                (now.add if present else now.discard)(triple)
        return now


class RemoteUpdateUpkeep(ConcreteUpkeep):
    """The state before the update read with bounded SELECTs; the merged graph is the named graph ``merged``."""

    def __init__(self, merged: NamedNode, changes: list[Change], select: Select) -> None:
        super().__init__(changes)
        self.merged = self.merged_key = merged
        self.select = select

    def _doc_copies_before(self) -> Counter[Triple]:
        counts: Counter[Triple] = Counter()
        for chunk in _chunks(self.facts):
            rows = " ".join(f"({t.subject} {t.predicate} {t.object})" for t in chunk)
            counts.update(self._counted(f"SELECT ?s ?p ?o (COUNT(?h) AS ?c) WHERE {{ VALUES (?s ?p ?o) {{ {rows} }} "
                                        f"GRAPH ?h {{ ?s ?p ?o }} FILTER({_IS_DOC}) }} GROUP BY ?s ?p ?o"))
        for chunk in _chunks(self.subjects):
            subjects = " ".join(str(s) for s in chunk)
            counts.update(self._counted(f"SELECT ?s ?p ?o (COUNT(?h) AS ?c) WHERE {{ VALUES ?s {{ {subjects} }} "
                                        f"VALUES ?p {{ {_NAMES} }} GRAPH ?h {{ ?s ?p ?o }} FILTER({_IS_DOC}) }} "
                                        "GROUP BY ?s ?p ?o"))
        return counts

    def _counted(self, query: str) -> Counter[Triple]:
        return Counter({Triple(r["s"], r["p"], r["o"]): int(r["c"].value) for r in self.select(query)})  # type: ignore[arg-type,union-attr]

    def _present_before(self) -> set[tuple[Triple, NamedNode | None]]:
        found: set[tuple[Triple, NamedNode | None]] = set()
        for chunk in _chunks(self.doc_quads):
            rows = " ".join(f"({t.subject} {t.predicate} {t.object} {g})" for t, g in chunk)
            query = f"SELECT ?s ?p ?o ?h WHERE {{ VALUES (?s ?p ?o ?h) {{ {rows} }} GRAPH ?h {{ ?s ?p ?o }} }}"
            found.update((Triple(r["s"], r["p"], r["o"]), r["h"]) for r in self.select(query))  # type: ignore[arg-type,misc]
        return found

    def _merged_names_now(self) -> set[Triple]:
        now: set[Triple] = set()
        for chunk in _chunks(self.subjects):
            subjects = " ".join(str(s) for s in chunk)
            rows = self.select(f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {subjects} }} VALUES ?p {{ {_NAMES} }} "
                               f"GRAPH {self.merged} {{ ?s ?p ?o }} }}")
            now.update(Triple(r["s"], r["p"], r["o"]) for r in rows if isinstance(r["o"], Literal))  # type: ignore[arg-type]
        return now

    def _data(self, verb: str, triples: set[Triple]) -> list[str]:
        return _data(verb, self.merged, triples)


def _is_name(triple: Triple) -> bool:
    return triple.predicate in NAME_PREDICATES and isinstance(triple.object, Literal)
