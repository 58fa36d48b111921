"""The merged graph's upkeep for one document write on a remote store, worked out by the client.

Recomputing names and facts on the server (kg.store.merged ``before_write``/``finish``) takes seconds per
document at 1M quads: the server evaluates patterns over every document graph. Here the client compares
the document's old version (read first) with the new one and sends concrete operations, spliced into the
same update request as the document write:

- a fact only the old version stated leaves the merged graph unless another document states it (checked by
  the server within the request, over a VALUES block of those facts only);
- a fact of the new version enters it (``INSERT DATA``; it is already there if another document states it);
- an entity named by either version gets its names recomputed here from the new version's names and one
  bounded SELECT (:meth:`DocumentChange.names_query`) of its names in the other document graphs and in the
  merged graph; only the names that differ are deleted or inserted.

What is read before the write is what the write changes because one writer changes the store at a time
(the API's writer lock, the ingest process), as for the embedded store (kg.store.merged_names).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pyoxigraph import Literal, NamedNode, Triple

from kg.namespaces import RDFS, SKOS
from kg.store.merged import _IS_DOC, NAME_PREDICATES, fullest_name
from kg.store.terms import Term, ntriples_block

VALUES_ROWS = 1000
_NAMES = f"{RDFS.label} {SKOS.altLabel}"


def is_name(triple: Triple) -> bool:
    return triple.predicate in NAME_PREDICATES and isinstance(triple.object, Literal)


class DocumentChange:
    """Replacing the triples ``old`` of document graph ``graph`` by ``new`` (``[]``: dropping it)."""

    def __init__(self, merged: NamedNode, graph: NamedNode, old: list[Triple], new: list[Triple]) -> None:
        self.merged = merged
        self.graph = graph
        self.old_facts = {t for t in old if not is_name(t)}
        self.new_facts = {t for t in new if not is_name(t)}
        self.new_names: dict[Term, set[Literal]] = {}
        for t in new:
            if is_name(t):
                self.new_names.setdefault(t.subject, set()).add(t.object)  # type: ignore[arg-type]
        self.subjects = {t.subject for t in old if is_name(t)} | set(self.new_names)

    def named_subjects(self) -> list[Term]:
        return sorted(self.subjects, key=str)

    def names_query(self) -> str:
        """Names of the touched entities in the merged graph (``?mp`` bound) and in the other document graphs."""
        subjects = " ".join(str(s) for s in self.named_subjects())
        return (f"SELECT DISTINCT ?s ?mp ?n WHERE {{ VALUES ?s {{ {subjects} }} "
                f"{{ VALUES ?mp {{ {_NAMES} }} GRAPH {self.merged} {{ ?s ?mp ?n }} }} UNION "
                f"{{ VALUES ?np {{ {_NAMES} }} GRAPH ?h {{ ?s ?np ?n }} FILTER(?h != {self.graph} && {_IS_DOC}) }} }}")

    def operations(self, name_rows: Iterable[Mapping[str, Term]]) -> list[str]:
        """The update operations to run after the document graph holds its new version."""
        current: set[Triple] = set()
        names = {s: set(found) for s, found in self.new_names.items()}
        for row in name_rows:
            subject, name = row["s"], row["n"]
            if not isinstance(name, Literal):
                continue
            if row.get("mp") is not None:
                current.add(Triple(subject, row["mp"], name))  # type: ignore[arg-type]
            else:
                names.setdefault(subject, set()).add(name)
        wanted: set[Triple] = set()
        for subject, found in names.items():
            label = fullest_name(found)
            wanted.add(Triple(subject, RDFS.label, label))  # type: ignore[arg-type]
            wanted.update(Triple(subject, SKOS.altLabel, n) for n in found if n != label)  # type: ignore[arg-type]
        return [*self._fact_operations(), *_data("DELETE", self.merged, current - wanted),
                *_data("INSERT", self.merged, wanted - current)]

    def _fact_operations(self) -> list[str]:
        ops = []
        gone = sorted(self.old_facts - self.new_facts, key=str)
        merged_fact = f"GRAPH {self.merged} {{ ?s ?p ?o }}"
        for start in range(0, len(gone), VALUES_ROWS):
            rows = "\n".join(f"({t.subject} {t.predicate} {t.object})" for t in gone[start : start + VALUES_ROWS])
            ops.append(f"DELETE {{ {merged_fact} }} WHERE {{ VALUES (?s ?p ?o) {{\n{rows}\n}} "
                       f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER({_IS_DOC}) }} }}")
        return ops + _data("INSERT", self.merged, self.new_facts - self.old_facts)


def _data(verb: str, graph: NamedNode, triples: set[Triple]) -> list[str]:
    ordered = sorted(triples, key=str)
    return [f"{verb} DATA {{ GRAPH {graph} {{\n{ntriples_block(ordered[start : start + VALUES_ROWS])}\n}} }}"
            for start in range(0, len(ordered), VALUES_ROWS)]
