"""Writes measured by bench_merged: merged-graph upkeep per document and full rebuilds, against the plain write.

Each document cycle leaves the store as it found it, so the measurements can be repeated on one store:

- new documents (ingest, then delete): the plain write (``DROP SILENT GRAPH`` + ``INSERT DATA``, then
  ``DROP GRAPH``, no merged graph), then ours (``replace_graph``, ``delete_graph``: the same write with the
  merged graph's upkeep in the same transaction), same document, same store;
- replacing a document already in the store by another version and back, plain then ours.

The time of the merged graph's upkeep is ours minus the plain write.
"""

from __future__ import annotations

import dataclasses
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from pyoxigraph import NamedNode, Triple

from bench.synth import Plan, document_quads, plans
from kg.store.terms import ntriples_block

NOOP_UPDATE = "DELETE DATA { GRAPH <urn:zonekg:bench:none> { <urn:x> <urn:y> <urn:z> } }"
"""A /sparql/update that changes nothing: with the old path, what it costs is the full rebuild that followed it."""


class Writable(Protocol):
    def replace_graph(self, graph: NamedNode, triples: list[Triple]) -> None: ...
    def delete_graph(self, graph: NamedNode) -> bool: ...


def documents(existing: int, count: int) -> tuple[list[Plan], list[tuple[Plan, Plan]]]:
    """``count`` new documents (after the ``existing`` ones) and ``count`` (stored, other version) pairs spread
    over the store; the other version of a document states what another stored document states."""
    every = list(plans(existing + count))
    new, stored = every[existing:], every[:existing]
    step = max(1, existing // count)
    pairs = [(stored[i], dataclasses.replace(stored[(i + step // 2) % existing], doc_id=stored[i].doc_id))
             for i in range(0, step * count, step)][:count]
    return new, pairs


def graph_and_triples(plan: Plan) -> tuple[NamedNode, list[Triple]]:
    quads = document_quads(plan)
    return quads[0].graph_name, [q.triple for q in quads]  # type: ignore[return-value]


def plain_replace(graph: NamedNode, triples: list[Triple]) -> str:
    return f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{ntriples_block(triples)}\n}} }}"


def document_cycles(store: Writable, plain: Callable[[str], None], new: list[Plan],
                    pairs: list[tuple[Plan, Plan]]) -> dict[str, float]:
    """Median seconds per document of each write, plain and ours (see the module's docstring)."""
    times: dict[str, list[float]] = {}

    def timed(name: str, call: Callable[[], Any]) -> None:
        started = time.perf_counter()
        call()
        times.setdefault(name, []).append(time.perf_counter() - started)

    for plan in new:
        graph, triples = graph_and_triples(plan)
        timed("plain ingest", lambda: plain(plain_replace(graph, triples)))  # noqa: B023
        timed("plain delete", lambda: plain(f"DROP GRAPH {graph}"))  # noqa: B023
        timed("ingest", lambda: store.replace_graph(graph, triples))  # noqa: B023
        timed("delete", lambda: store.delete_graph(graph))  # noqa: B023
    for stored, other in pairs:
        graph, old = graph_and_triples(stored)
        _, changed = graph_and_triples(other)
        for version in (changed, old):
            timed("plain replace", lambda v=version: plain(plain_replace(graph, v)))  # noqa: B023
        for version in (changed, old):
            timed("replace", lambda v=version: store.replace_graph(graph, v))  # noqa: B023
    return {name: statistics.median(values) for name, values in times.items()}


def write_operation(path: Path, operation: str, payload: Any) -> Callable[[], Any]:
    """The write ``operation`` on the embedded store at ``path`` (probe of bench.merged_probes)."""
    from kg.store.oxigraph import OxigraphStore

    return write_operation_on(OxigraphStore(path), operation, payload)


def write_operation_on(store: Any, operation: str, payload: Any = None) -> Callable[[], Any]:
    """The write ``operation`` on an open embedded store."""
    from bench.merged_updates import update_cycles
    from kg.store.merged import with_rebuild
    from kg.store.merged_names import recompute_names
    from kg.store.oxigraph import MERGED

    def default_graph_size() -> int:  # returned uncalled: counted after the timed write
        return store._default_graph_size()

    def plain(update: str) -> None:
        store.raw.update(update)

    def cycles() -> tuple[dict[str, float], int, int]:
        before = default_graph_size()
        figures = document_cycles(store, plain, *documents(*payload))
        store.flush()
        return figures, before, default_graph_size()

    operations: dict[str, Callable[[], Any]] = {
        "documents": cycles,
        "plain update": lambda: (plain(NOOP_UPDATE), default_graph_size)[1],
        "sparql update": lambda: (store.update(NOOP_UPDATE), default_graph_size)[1],
        "full rebuild update": lambda: (store._update(with_rebuild(NOOP_UPDATE, MERGED)), default_graph_size)[1],
        "update cycles": lambda: update_cycles(store.update, plain, payload),
        "rebuild_merged": lambda: (store.rebuild_merged(), default_graph_size)[1],
        "rebuild_merged in SPARQL": lambda: (store._update(" ;\n".join(  # the previous rebuild_merged, as baseline
            ["DROP SILENT DEFAULT", MERGED.add_all_facts(), *recompute_names(store.raw)])), default_graph_size)[1],
    }
    return operations[operation]


def merged_ntriples(path: Path) -> Iterator[bytes]:
    """The embedded store's merged default graph as N-Triples lines (to seed a remote server's merged graph)."""
    from pyoxigraph import DefaultGraph, Store

    store = Store.read_only(str(path))
    for quad in store.quads_for_pattern(None, None, None, DefaultGraph()):
        yield f"{quad.triple} .\n".encode()
