"""The embedded default store: pyoxigraph on disk (RocksDB) or in memory."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import (
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
)

from kg.errors import QuerySyntaxError, StoreError, StoreUnavailable
from kg.namespaces import PREFIXES, RESOURCE_IRI
from kg.query_dataset import UNION_DEFAULT_GRAPH, QueryDataset, query_dataset, run_query
from kg.sparql_lexer import iris_in
from kg.store.binding import bind_values
from kg.store.terms import Term, boolean_answer, ntriples_block, solution_rows
from kg.update_dataset import with_default_dataset


class OxigraphStore:
    """A :class:`kg.store.GraphStore` backed by a pyoxigraph ``Store``."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.generation = 0
        """Bumped after every write made through this object (not through ``raw``); viz.cache keys on it."""
        try:
            if path is None:
                self._store = Store()
            elif read_only:
                self._store = Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = Store(str(path))
        except OSError as exc:
            raise StoreUnavailable(f"cannot open store at {path}: {exc}") from exc

    @property
    def raw(self) -> Store:
        """The underlying pyoxigraph store (for backups and snapshots)."""
        return self._store

    # -- writing ---------------------------------------------------------------

    def replace_graph(self, graph: NamedNode, triples: Iterable[Triple]) -> None:
        self.replace_graphs({graph: triples})

    def replace_graphs(self, graphs: Mapping[NamedNode, Iterable[Triple]]) -> None:
        # One update string is one transaction (RocksDB write batch): readers never see a half-replaced
        # graph, and a process killed at any moment leaves every graph old or new.
        operations = [
            f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{ntriples_block(triples)}\n}} }}"
            for graph, triples in graphs.items()
        ]
        if operations:
            self._update(" ;\n".join(operations))

    def delete_graph(self, graph: NamedNode) -> bool:
        if not self._store.contains_named_graph(graph):
            return False
        self._update(f"DROP GRAPH {graph}")
        return True

    def bulk_load_nquads(self, data: bytes) -> None:
        try:
            self._store.bulk_load(io.BytesIO(data), format=RdfFormat.N_QUADS)
        except SyntaxError as exc:
            raise StoreError(f"invalid N-Quads: {exc}") from exc
        finally:
            self.generation += 1  # after the write: a reader never files old data under the new generation

    def update(self, update: str) -> None:
        if UNION_DEFAULT_GRAPH:  # an operation without USING / WITH reads what a query without FROM reads
            update = with_default_dataset(update, self._graphs_read_by(update))
        self._update(update)

    def _graphs_read_by(self, update: str) -> list[str]:
        """The store's named graphs and the graphs the update's text names (it may create them before it reads)."""
        return [g.value for g in self._store.named_graphs() if isinstance(g, NamedNode)] + iris_in(update, RESOURCE_IRI)

    def _update(self, update: str) -> None:
        try:
            self._store.update(update, prefixes=PREFIXES, base_iri=RESOURCE_IRI)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except OSError as exc:
            raise StoreError(str(exc)) from exc
        finally:
            self.generation += 1

    # -- reading ---------------------------------------------------------------

    def graphs(self) -> list[NamedNode]:
        return sorted((g for g in self._store.named_graphs() if isinstance(g, NamedNode)), key=str)

    def dump_nquads(self, out: BinaryIO) -> None:
        self._store.dump(out, format=RdfFormat.N_QUADS)

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
        result = self._query(query, None, query_dataset(query, default_graph_uris or (), named_graph_uris or ()))
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
            return run_query(self._store, query, dataset, prefixes=PREFIXES, base_iri=RESOURCE_IRI)
        except (SyntaxError, RuntimeError) as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except OSError as exc:
            raise StoreError(str(exc)) from exc

    def quad_count(self) -> int:
        return len(self._store)

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()

    def close(self) -> None:
        self.flush()
        del self._store
