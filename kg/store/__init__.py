"""One store interface, two backends: embedded Oxigraph (default) and a remote SPARQL server.

Every document's facts live in their own named graph; queries without a dataset of
their own read the merged graph (kg.store.merged: one node per entity, each fact once),
which every write keeps in step with the document graphs in the same transaction.
:func:`open_store` is the only place that picks a backend.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import BinaryIO, Protocol

from pyoxigraph import NamedNode, Quad, Triple

from kg.errors import StoreUnavailable
from kg.settings import Settings
from kg.store.terms import Term

log = logging.getLogger(__name__)


class GraphStore(Protocol):
    """What every store backend offers."""

    def replace_graph(self, graph: NamedNode, triples: Iterable[Triple]) -> None:
        """Atomically replace everything in ``graph`` with ``triples``."""

    def replace_graphs(self, graphs: Mapping[NamedNode, Iterable[Triple]]) -> None:
        """Replace several graphs; each is atomic on its own (the embedded store does all of them in one step)."""

    def delete_graph(self, graph: NamedNode) -> bool:
        """Remove a named graph (and what only it asserted from the merged graph); False if it did not exist."""

    def graphs(self) -> list[NamedNode]:
        """Named graphs in the store."""

    def bulk_load_nquads(self, data: bytes) -> None:
        """Add document graphs from N-Quads in one go, then recompute the merged graph.

        For filling a new store; not atomic (a crash can leave part of the data).
        """

    def rebuild_merged(self) -> None:
        """Recompute the merged graph from the document graphs, in one transaction."""

    def ensure_merged(self) -> bool:
        """Build the merged graph once for a store written before it existed; True if it did."""

    def dump_nquads(self, out: BinaryIO) -> None:
        """Write every quad of every document graph as N-Quads (the merged graph is derived from them)."""

    def select(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> list[dict[str, Term]]:
        """Run a SELECT over the merged graph; ``bindings`` become a VALUES row of RDF terms (kg.store.binding)."""

    def construct(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> list[Triple]:
        """Run a CONSTRUCT or DESCRIBE over the merged graph."""

    def ask(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> bool:
        """Run an ASK over the merged graph."""

    def raw_query(
        self,
        query: str,
        *,
        results_media_type: str,
        graph_media_type: str,
        default_graph_uris: list[str] | None = None,
        named_graph_uris: list[str] | None = None,
    ) -> tuple[bytes, str]:
        """Run any query and serialise its result; returns (body, media type)."""

    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 Update (trusted callers only)."""

    def quad_count(self) -> int:
        """Number of quads in the document graphs (the merged graph is derived from them and not counted)."""

    def flush(self) -> None:
        """Make written data durable."""

    def close(self) -> None:
        """Release the store."""


def open_store(settings: Settings, *, read_only: bool = False) -> GraphStore:
    """Open the store the settings name: a remote server if ``sparql_url`` is set, else Oxigraph.

    ``read_only`` opens an embedded store on disk without taking its lock (a view as of now), so
    readers work beside a running ``zonekg serve``; it does not apply to remote servers.
    """
    if settings.sparql_url:
        from kg.store.sparql_http import SparqlHttpStore

        remote = SparqlHttpStore.from_settings(settings)
        try:
            remote.ensure_merged()
        except StoreUnavailable as exc:  # reported by the first real request; opening stays possible offline
            log.warning("could not check for the merged graph: %s", exc)
        return remote
    from kg.store.oxigraph import OxigraphStore

    path = settings.store_path
    if read_only and path is not None:
        if not (path / "CURRENT").is_file():
            raise StoreUnavailable(f"no store at {path}: ingest documents first (zonekg ingest)")
        return OxigraphStore(path, read_only=True)
    return OxigraphStore(path)


__all__ = ["GraphStore", "Quad", "Term", "open_store"]
