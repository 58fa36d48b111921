"""The merged knowledge graph: one node per entity, each fact once, beside the document graphs.

Document graphs (``zr:doc/<id>``) keep what each document asserts, with its evidence. The
merged graph holds every triple of every document graph once, except names: each entity
named in any document gets exactly one ``rdfs:label`` (its fullest name: the longest, then
the smallest by code point, then by language tag) and its other names as ``skos:altLabel``.

The embedded store keeps it in its real default graph; a remote server in the named graph
:data:`MERGED_GRAPH`, given as the default graph of every query. The SPARQL Update
operations here are spliced into the same update request as the document write, so the
merged graph changes in the same transaction as the document graph (a process killed at any
moment leaves it equal to :func:`expected_merged` of the document graphs).
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Triple

from kg.namespaces import RDFS, SKOS, ZR
from kg.store.terms import Term

MERGED_GRAPH = ZR["graph/merged"]
"""Where a remote server keeps the merged graph (the embedded store uses its default graph)."""
TOUCHED_GRAPH = ZR["graph/touched"]
"""Scratch graph inside one update: entities whose names must be recomputed; dropped before it commits."""
TOUCHED = "<urn:zonekg:touched>"
DOC_GRAPHS = ZR["doc/"].value
NAME_PREDICATES = (RDFS.label, SKOS.altLabel)
_NAMES = f"{RDFS.label} {SKOS.altLabel}"
_IS_DOC = f'STRSTARTS(STR(?h), "{DOC_GRAPHS}")'


class MergedGraph:
    """SPARQL Update operations that keep the merged graph equal to its definition.

    ``graph`` is None for the store's default graph (embedded), else the named graph to use.
    """

    def __init__(self, graph: NamedNode | None) -> None:
        self.graph = graph

    def _in(self, pattern: str) -> str:
        return pattern if self.graph is None else f"GRAPH {self.graph} {{ {pattern} }}"

    def before_write(self, doc_graph: NamedNode, new_triples: Iterable[Triple] = ()) -> list[str]:
        """Operations to run before ``doc_graph`` is replaced or dropped.

        They remember the entities whose set of names may change (a name of ``new_triples`` the merged graph
        does not hold yet, a name of the old version no other document graph states), and remove from the
        merged graph the facts only the old version asserted. An entity whose names stay the same is not
        recomputed, however many documents name it.
        """
        ops = [
            f"INSERT {{ GRAPH {TOUCHED_GRAPH} {{ ?s {TOUCHED} true }} }} "
            f"WHERE {{ VALUES ?np {{ {_NAMES} }} GRAPH {doc_graph} {{ ?s ?np ?n }} "
            f"FILTER NOT EXISTS {{ VALUES ?mp {{ {_NAMES} }} GRAPH ?h {{ ?s ?mp ?n }} "
            f"FILTER(?h != {doc_graph} && {_IS_DOC}) }} }}",
            *self.remove_old_facts(doc_graph),
        ]
        names = sorted({f"({t.subject} {t.object})" for t in new_triples if t.predicate in NAME_PREDICATES})
        if names:
            rows = "\n".join(names)
            ops.insert(1, f"INSERT {{ GRAPH {TOUCHED_GRAPH} {{ ?s {TOUCHED} true }} }} "
                          f"WHERE {{ VALUES (?s ?n) {{\n{rows}\n}} "
                          f"FILTER NOT EXISTS {{ VALUES ?mp {{ {_NAMES} }} {self._in('?s ?mp ?n')} }} }}")
        return ops

    def remove_old_facts(self, doc_graph: NamedNode) -> list[str]:
        """Remove from the merged graph the facts (not names) that only ``doc_graph`` states."""
        return [
            f"DELETE {{ {self._in('?s ?p ?o')} }} WHERE {{ GRAPH {doc_graph} {{ ?s ?p ?o }} "
            f"FILTER(?p NOT IN ({RDFS.label}, {SKOS.altLabel})) "
            f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != {doc_graph} && {_IS_DOC}) }} }}"
        ]

    @staticmethod
    def mark(subjects: Iterable[Term]) -> str:
        """An operation that remembers entities whose names :meth:`finish` must recompute."""
        marks = "\n".join(f"{s} {TOUCHED} true ." for s in sorted(str(s) for s in subjects))
        return f"INSERT DATA {{ GRAPH {TOUCHED_GRAPH} {{\n{marks}\n}} }}"

    def after_write(self, doc_graph: NamedNode) -> list[str]:
        """Operations to run once ``doc_graph`` holds its new version: add its facts."""
        return [
            f"INSERT {{ {self._in('?s ?p ?o')} }} WHERE {{ GRAPH {doc_graph} {{ ?s ?p ?o }} "
            f"FILTER(?p NOT IN ({RDFS.label}, {SKOS.altLabel})) }}"
        ]

    def finish(self) -> list[str]:
        """Operations that recompute the names of every remembered entity, then forget them."""
        touched = f"GRAPH {TOUCHED_GRAPH} {{ ?s {TOUCHED} true }}"
        longer = (
            "STRLEN(STR(?m)) > STRLEN(STR(?n)) || (STRLEN(STR(?m)) = STRLEN(STR(?n)) && STR(?m) < STR(?n)) "
            "|| (STR(?m) = STR(?n) && LANG(?m) < LANG(?n))"
        )
        return [
            f"DELETE {{ {self._in('?s ?np ?n')} }} "
            f"WHERE {{ {touched} VALUES ?np {{ {_NAMES} }} {self._in('?s ?np ?n')} }}",
            f"INSERT {{ {self._in(f'?s {RDFS.label} ?n')} }} WHERE {{ "
            f"{{ SELECT DISTINCT ?s ?n WHERE {{ {touched} VALUES ?np {{ {_NAMES} }} "
            f"GRAPH ?h {{ ?s ?np ?n }} FILTER({_IS_DOC}) }} }} "
            f"FILTER NOT EXISTS {{ VALUES ?mp {{ {_NAMES} }} GRAPH ?h {{ ?s ?mp ?m }} FILTER({_IS_DOC}) "
            f"FILTER({longer}) }} }}",
            f"INSERT {{ {self._in(f'?s {SKOS.altLabel} ?n')} }} WHERE {{ {touched} VALUES ?np {{ {_NAMES} }} "
            f"GRAPH ?h {{ ?s ?np ?n }} FILTER({_IS_DOC}) "
            f"FILTER NOT EXISTS {{ {self._in(f'?s {RDFS.label} ?n')} }} }}",
            f"DROP SILENT GRAPH {TOUCHED_GRAPH}",
        ]

    def add_all_facts(self) -> str:
        """An operation that adds every document graph's facts (not names) to the merged graph."""
        return (f"INSERT {{ {self._in('?s ?p ?o')} }} WHERE {{ GRAPH ?h {{ ?s ?p ?o }} FILTER({_IS_DOC}) "
                f"FILTER(?p NOT IN ({RDFS.label}, {SKOS.altLabel})) }}")

    def rebuild(self) -> list[str]:
        """Operations that recompute the whole merged graph from the document graphs."""
        clear = "DROP SILENT DEFAULT" if self.graph is None else f"DROP SILENT GRAPH {self.graph}"
        return [
            clear,
            f"DROP SILENT GRAPH {TOUCHED_GRAPH}",
            self.add_all_facts(),
            f"INSERT {{ GRAPH {TOUCHED_GRAPH} {{ ?s {TOUCHED} true }} }} "
            f"WHERE {{ VALUES ?np {{ {_NAMES} }} GRAPH ?h {{ ?s ?np ?n }} FILTER({_IS_DOC}) }}",
            *self.finish(),
        ]


def dataset_graph(uri: str) -> NamedNode | DefaultGraph:
    """A graph named in a query's dataset; :data:`MERGED_GRAPH` names the embedded store's default graph, so
    ``default-graph-uri=<…/graph/merged>`` means the same on every backend (and a remote store can be zonekg)."""
    return DefaultGraph() if uri == MERGED_GRAPH.value else NamedNode(uri)


def with_rebuild(update: str, merged: MergedGraph) -> str:
    """An arbitrary SPARQL update followed, in the same request, by the recomputation of the merged graph."""
    return with_upkeep(update, merged.rebuild())


def with_upkeep(update: str, operations: list[str]) -> str:
    """An arbitrary SPARQL update followed, in the same request, by ``operations``."""
    if not operations:
        return update
    text = update.rstrip()
    separator = "\n" if text.endswith(";") else "\n;\n"
    return text + separator + " ;\n".join(operations)


def fullest_name(names: Iterable[Literal]) -> Literal:
    """The name that becomes an entity's ``rdfs:label``: longest, then smallest string, then language."""
    return min(names, key=lambda n: (-len(n.value), n.value, n.language or ""))


def expected_merged(document_quads: Iterable[Quad]) -> set[Triple]:
    """The merged graph computed in Python from the document graphs' quads (for checks and tests)."""
    facts: set[Triple] = set()
    names: dict[Term, set[Literal]] = {}
    for quad in document_quads:
        if not (isinstance(quad.graph_name, NamedNode) and quad.graph_name.value.startswith(DOC_GRAPHS)):
            continue
        if quad.predicate in NAME_PREDICATES and isinstance(quad.object, Literal):
            names.setdefault(quad.subject, set()).add(quad.object)
        else:
            facts.add(quad.triple)
    for subject, found in names.items():
        label = fullest_name(found)
        facts.add(Triple(subject, RDFS.label, label))  # type: ignore[arg-type]
        facts.update(Triple(subject, SKOS.altLabel, n) for n in found if n != label)  # type: ignore[arg-type]
    return facts
