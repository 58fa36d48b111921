"""The embedded default store: pyoxigraph on disk (RocksDB) or in memory."""

from __future__ import annotations

import itertools
import logging
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    parse,
    serialize,
)

from kg.errors import QuerySyntaxError, StoreError, StoreUnavailable
from kg.namespaces import PREFIXES, RESOURCE_IRI
from kg.query_dataset import UNION_DEFAULT_GRAPH, QueryDataset, query_dataset, run_query
from kg.sparql_lexer import iris_in
from kg.store.binding import bind_values
from kg.store.merged import DOC_GRAPHS, NAME_PREDICATES, MergedGraph, expected_merged, with_rebuild, with_upkeep
from kg.store.merged_names import IndexedUpdateUpkeep, name_operations, recompute_names
from kg.store.merged_update import MAX_TOUCHED, CannotTell, changes
from kg.store.read_only import open_read_only
from kg.store.terms import NTriplesText, Term, boolean_answer, ntriples_block, solution_rows
from kg.update_dataset import with_default_dataset

log = logging.getLogger(__name__)
MERGED = MergedGraph(None)
"""The embedded store keeps the merged graph in its real default graph."""


def _insert_with_facts(graph: NamedNode, triples: list[Triple] | NTriplesText) -> str:
    """One INSERT DATA writing the document graph and its facts (not names) into the merged default graph.

    The same as inserting the graph and then copying it with ``MergedGraph.after_write``, without
    evaluating that copy's pattern (on disk: 5.0 → 4.0 CPU-s per 1,000 synthetic documents).
    """
    if isinstance(triples, NTriplesText):
        block, facts = triples.text, triples.facts_block()
    else:
        block = ntriples_block(triples)
        facts = ntriples_block(t for t in triples if t.predicate not in NAME_PREDICATES)
    return f"INSERT DATA {{ GRAPH {graph} {{\n{block}\n}}\n{facts}\n}}"


class OxigraphStore:
    """A :class:`kg.store.GraphStore` backed by a pyoxigraph ``Store``."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.generation = 0
        """Bumped after every write made through this object (not through ``raw``); viz.cache keys on it."""
        self._listeners: list[Callable[[frozenset[str] | None], None]] = []
        try:
            if path is None:
                self._store = Store()
            elif read_only:
                self._store = open_read_only(path)  # beside a writer: retried while compaction moves files
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = Store(str(path))
        except OSError as exc:
            raise StoreUnavailable(f"cannot open store at {path}: {exc}") from exc
        # A read-only view of a store written before the merged graph existed (it cannot be built here)
        # queries the union of the document graphs instead, as that version did.
        self._union_fallback = read_only and self._lacks_merged()
        if self._union_fallback:
            log.warning("store %s has no merged graph yet (opened read-only): querying the union of its documents",
                        path)
        if path is not None and not read_only:
            self.ensure_merged()

    @property
    def raw(self) -> Store:
        """The underlying pyoxigraph store (for backups and snapshots)."""
        return self._store

    # -- writing ---------------------------------------------------------------

    def on_write(self, listener: Callable[[frozenset[str] | None], None]) -> None:
        """Call ``listener(touched)`` after each write, before ``generation`` moves on (it must not raise).

        ``touched`` holds every IRI (subject or object) of a triple the write may have added to or removed
        from the merged graph, or is None when the write may have changed anything (an arbitrary update, a bulk
        load, a rebuild). viz.live keeps its entity index up to date this way.
        """
        self._listeners.append(listener)

    def _written(self, touched: frozenset[str] | None) -> None:
        for listener in self._listeners:
            listener(touched)
        self.generation += 1  # after the write: a reader never files old data under the new generation

    def _names_and_touched(self, replaced: Mapping[NamedNode, list[Triple] | NTriplesText]
                           ) -> tuple[dict[NamedNode, list[Triple]], frozenset[str] | None]:
        """The triples of each graph that its names are read from, and what replacing the graphs touches (for
        the write listeners). A worker's N-Triples text is parsed once: only its name lines when no listener
        wants the touched IRIs, else whole, for both."""
        if not self._listeners:
            return {g: t.names() if isinstance(t, NTriplesText) else t for g, t in replaced.items()}, None
        parsed = {g: list(t) for g, t in replaced.items()}
        return parsed, self._touched_by(parsed)

    def _touched_by(self, graphs: Mapping[NamedNode, Iterable[Triple]]) -> frozenset[str] | None:
        """What replacing ``graphs`` touches, for the write listeners; None (not worked out) when there are none,
        since reading the old graphs would serve nobody."""
        if not self._listeners:
            return None
        return frozenset().union(*(self._iris_of(graph, triples) for graph, triples in graphs.items()))

    def _iris_of(self, graph: NamedNode, triples: Iterable[Triple] = ()) -> set[str]:
        """IRIs named by the triples of ``graph`` now, and by ``triples``."""
        found: set[str] = set()
        old = (q.triple for q in self._store.quads_for_pattern(None, None, None, graph))
        for t in (*old, *triples):
            found.update(term.value for term in (t.subject, t.object) if isinstance(term, NamedNode))
        return found

    def replace_graph(self, graph: NamedNode, triples: Iterable[Triple]) -> None:
        self.replace_graphs({graph: triples})

    def replace_graphs(self, graphs: Mapping[NamedNode, Iterable[Triple]]) -> None:
        # One update string is one transaction (RocksDB write batch): readers never see a half-replaced
        # graph or a merged graph out of step with the documents, and a process killed at any moment
        # leaves every graph old or new.
        replaced = {graph: t if isinstance(t, NTriplesText) else list(t) for graph, t in graphs.items()}
        if not replaced:
            return
        names, touched = self._names_and_touched(replaced)
        operations = name_operations(self._store, names)  # read before the write: one writer at a time
        for graph, triples in replaced.items():
            operations += MERGED.remove_old_facts(graph)
            operations.append(f"DROP SILENT GRAPH {graph}")
            operations.append(_insert_with_facts(graph, triples))
        self._update(" ;\n".join(operations), touched)

    def delete_graph(self, graph: NamedNode) -> bool:
        if not self._store.contains_named_graph(graph):
            return False
        operations = [*name_operations(self._store, {graph: []}), *MERGED.remove_old_facts(graph)]
        self._update(" ;\n".join([*operations, f"DROP GRAPH {graph}"]), self._touched_by({graph: []}))
        return True

    def bulk_load_nquads(self, data: bytes) -> None:
        """Load document graphs in bulk, add their facts to the merged graph in bulk, then recompute the names
        of the entities they name in one transaction. Not atomic, like any bulk load."""
        try:
            quads = [q for q in parse(data, format=RdfFormat.N_QUADS) if isinstance(q.graph_name, NamedNode)]
        except SyntaxError as exc:
            raise StoreError(f"invalid N-Quads: {exc}") from exc
        try:
            self._load_with_merged(quads)
        finally:
            self._written(None)

    def _load_with_merged(self, quads: list[Quad]) -> None:
        self._store.bulk_extend(quads)
        quads = [q for q in quads if q.graph_name.value.startswith(DOC_GRAPHS)]  # type: ignore[union-attr]
        self._store.bulk_extend(Quad(q.subject, q.predicate, q.object) for q in quads
                                if q.predicate not in NAME_PREDICATES)
        names = recompute_names(self._store, {q.subject for q in quads if q.predicate in NAME_PREDICATES})
        if names:
            self._update(" ;\n".join(names))

    def rebuild_merged(self) -> None:
        """Recompute the merged default graph from the document graphs, in Python over the store's quads, and
        write the difference in one transaction (an empty merged graph: one transactional ``extend``).

        At ~1M quads this replaces one SPARQL update of minutes (copying every fact with a pattern, then
        the names) by one pass over the document graphs; see bench/bench_merged.py.
        """
        wanted = expected_merged(self._document_quads())
        current = {q.triple for q in self._store.quads_for_pattern(None, None, None, DefaultGraph())}
        removed, added = current - wanted, wanted - current
        if not removed:
            try:
                self._store.extend(Quad(t.subject, t.predicate, t.object) for t in sorted(added, key=str))
            except OSError as exc:
                raise StoreError(str(exc)) from exc
            finally:
                self._written(None)
            return
        self._update(f"DELETE DATA {{\n{ntriples_block(removed)}\n}} ;\nINSERT DATA {{\n{ntriples_block(added)}\n}}")

    def _document_quads(self) -> Iterator[Quad]:
        for graph in self._store.named_graphs():
            if isinstance(graph, NamedNode) and graph.value.startswith(DOC_GRAPHS):
                yield from self._store.quads_for_pattern(None, None, None, graph)

    def ensure_merged(self) -> bool:
        """Build the merged graph of a store written before it existed; True if it had to."""
        if not self._lacks_merged():
            return False
        log.info("store %s has document graphs but no merged graph: building it once", self.path or ":memory:")
        started = time.perf_counter()
        self.rebuild_merged()
        log.info("merged graph built: %d quads in %.1f s", self._default_graph_size(), time.perf_counter() - started)
        return True

    def _lacks_merged(self) -> bool:
        has_documents = any(
            isinstance(g, NamedNode) and g.value.startswith(DOC_GRAPHS) for g in self._store.named_graphs()
        )
        return has_documents and next(self._store.quads_for_pattern(None, None, None, DefaultGraph()), None) is None

    def _default_graph_size(self) -> int:
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, DefaultGraph()))

    def update(self, update: str) -> None:
        if UNION_DEFAULT_GRAPH:  # an operation without USING / WITH reads what a query without FROM reads
            update = with_default_dataset(update, self._graphs_read_by(update))
        # Only what the update touches is recomputed, in the same transaction (kg.store.merged_update).
        try:
            found = changes(update, self._select_as_update_reads, self._graph_triples)
        except CannotTell as reason:
            log.info("update needs a full rebuild of the merged graph (%s)", reason)
            self._update(with_rebuild(update, MERGED))
            return
        upkeep = IndexedUpdateUpkeep(self._store, found).operations()
        touched = None
        if self._listeners:
            terms = (term for c in found for term in (c.triple.subject, c.triple.object))
            touched = frozenset(term.value for term in terms if isinstance(term, NamedNode))
        self._update(with_upkeep(update, upkeep), touched)

    def _graph_triples(self, graph: NamedNode | None) -> list[Triple]:
        quads = self._store.quads_for_pattern(None, None, None, DefaultGraph() if graph is None else graph)
        triples = [q.triple for q in itertools.islice(quads, MAX_TOUCHED + 1)]
        if len(triples) > MAX_TOUCHED:
            raise CannotTell(f"{graph or 'the default graph'} holds too many triples")
        return triples

    def _select_as_update_reads(self, query: str) -> list[dict[str, Term]]:
        try:
            return solution_rows(self._store.query(query, prefixes=PREFIXES, base_iri=RESOURCE_IRI))
        except SyntaxError as exc:
            raise CannotTell(f"pattern not evaluated: {exc}") from exc
        except BaseException as exc:
            # An error while the rows were read (e.g. a SERVICE): the finished frames of its traceback hold the
            # engine's result, which may only be dropped on this thread, not where the error is handled.
            traceback.clear_frames(exc.__traceback__)
            raise

    def _graphs_read_by(self, update: str) -> list[str]:
        """The store's named graphs and the graphs the update's text names (it may create them before it reads)."""
        return [g.value for g in self._store.named_graphs() if isinstance(g, NamedNode)] + iris_in(update, RESOURCE_IRI)

    def _update(self, update: str, touched: frozenset[str] | None = None) -> None:
        try:
            self._store.update(update, prefixes=PREFIXES, base_iri=RESOURCE_IRI)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except OSError as exc:
            raise StoreError(str(exc)) from exc
        finally:
            self._written(touched)

    # -- reading ---------------------------------------------------------------

    def graphs(self) -> list[NamedNode]:
        return sorted((g for g in self._store.named_graphs() if isinstance(g, NamedNode)), key=str)

    def dump_nquads(self, out: BinaryIO) -> None:
        # The document graphs only: they define the merged graph, which a load recomputes.
        for graph in self._store.named_graphs():
            if isinstance(graph, NamedNode) and graph.value.startswith(DOC_GRAPHS):
                quads = (Quad(q.subject, q.predicate, q.object, graph)
                         for q in self._store.quads_for_pattern(None, None, None, graph))
                out.write(serialize(quads, format=RdfFormat.N_QUADS) or b"")

    def select(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> list[dict[str, Term]]:
        return solution_rows(self._query(query, bindings))

    def construct(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> list[Triple]:
        result = self._query(query, bindings)
        if not isinstance(result, QueryTriples):
            raise QuerySyntaxError("expected a CONSTRUCT or DESCRIBE query")
        return list(result)

    def ask(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> bool:
        result = self._query(query, bindings)
        return boolean_answer(result)

    def raw_query(
        self,
        query: str,
        *,
        results_media_type: str,
        graph_media_type: str,
        default_graph_uris: list[str] | None = None,
        named_graph_uris: list[str] | None = None,
    ) -> tuple[bytes, str]:
        # Any query text (the CLI's): the graph parameters, else its FROM / FROM NAMED, if any, are its dataset.
        dataset = query_dataset(query, default_graph_uris or (), named_graph_uris or ())
        return self._serialised(self._query(query, None, dataset), results_media_type, graph_media_type)

    @staticmethod
    def _serialised(result: QuerySolutions | QueryBoolean | QueryTriples, results_media_type: str,
                    graph_media_type: str) -> tuple[bytes, str]:
        """The engine's serialisation of ``result``, in a frame of its own: the caller's frame parsed the text with
        rdflib and may be kept in a reference cycle, and the engine's result must be dropped on this thread."""
        if isinstance(result, QueryTriples):
            fmt = RdfFormat.from_media_type(graph_media_type) or RdfFormat.TURTLE
            return result.serialize(format=fmt) or b"", fmt.media_type
        rfmt = QueryResultsFormat.from_media_type(results_media_type) or QueryResultsFormat.JSON
        return result.serialize(format=rfmt) or b"", rfmt.media_type

    def _query(
        self,
        query: str,
        bindings: Mapping[str, Term] | None,
        dataset: QueryDataset | None = None,
    ) -> QuerySolutions | QueryBoolean | QueryTriples:
        if bindings:
            query = bind_values(query, bindings)
        try:
            if dataset is None and self._union_fallback:
                return self._store.query(query, prefixes=PREFIXES, base_iri=RESOURCE_IRI,
                                         use_default_graph_as_union=True)
            return run_query(self._store, query, dataset, prefixes=PREFIXES, base_iri=RESOURCE_IRI)
        except (SyntaxError, RuntimeError) as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except OSError as exc:
            raise StoreError(str(exc)) from exc

    def quad_count(self) -> int:
        # The document graphs' quads: the merged default graph is derived from them.
        return len(self._store) - self._default_graph_size()

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()

    def close(self) -> None:
        self.flush()
        del self._store
