"""The single writer: every change to the store goes through here, one at a time.

After each write the store is flushed and the query runner refreshed, so the
public endpoint sees the change (for worker processes: a new snapshot).
"""

from __future__ import annotations

import threading

from api.net_sandbox import sandboxed_executor
from api.query_pool import QueryRunner
from kg.errors import NotFound
from kg.iri import doc_graph_iri, is_valid_doc_id
from kg.sparql_guard import check_update
from kg.store import GraphStore
from kg.update_dataset import UpdateDataset, with_protocol_dataset


class Writer:
    """Serialises writes to one store and refreshes the query snapshot after each."""

    def __init__(self, store: GraphStore, runner: QueryRunner) -> None:
        self._store = store
        self._runner = runner
        self._lock = threading.Lock()
        # Updates on the embedded engine run on a thread without network (LOAD/SERVICE past the guard
        # find no socket); a remote store is reached over the network, so its updates cannot.
        self._update_thread = sandboxed_executor(1, "sparql-update") if _embedded(store) else None

    def _committed(self) -> None:
        self._store.flush()
        self._runner.refresh()

    def update(self, text: str, dataset: UpdateDataset | None = None) -> None:
        """Run a SPARQL update (SERVICE and LOAD refused, decided on the parsed text); ``dataset``: the protocol's
        ``using-graph-uri`` / ``using-named-graph-uri``, refused with an update that names its own."""
        check_update(text)
        if dataset is not None:
            text = with_protocol_dataset(text, dataset)
        with self._lock:
            if self._update_thread is None:
                self._store.update(text)
            else:
                self._update_thread.submit(self._store.update, text).result()
            self._committed()

    def ingest(self, data: bytes, filename: str):  # type: ignore[no-untyped-def]
        """Extract and store one uploaded document; returns ingest's ``IngestResult``."""
        from ingest.runner import ingest_bytes  # the API reaches ingest only here, lazily

        with self._lock:
            result = ingest_bytes(self._store, data, filename)
            self._committed()
        return result

    def delete_document(self, doc_id: str) -> None:
        """Remove a document's named graph.

        Raises:
            NotFound: no such document.
        """
        if not is_valid_doc_id(doc_id):
            raise NotFound(f"no document {doc_id!r}")
        with self._lock:
            if not self._store.delete_graph(doc_graph_iri(doc_id)):
                raise NotFound(f"no document {doc_id!r}")
            self._committed()


def _embedded(store: GraphStore) -> bool:
    from kg.store.oxigraph import OxigraphStore

    return isinstance(store, OxigraphStore)
