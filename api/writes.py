"""The single writer: every change to the store goes through here, one at a time.

After each write the store is flushed and the query runner refreshed, so the
public endpoint sees the change (for worker processes: a new snapshot).
"""

from __future__ import annotations

import threading

from api.extract_pool import shared_pool
from api.net_sandbox import sandboxed_executor
from api.query_pool import QueryRunner
from kg.errors import NotFound
from kg.iri import doc_graph_iri, is_valid_doc_id
from kg.settings import Settings
from kg.sparql_guard import check_update
from kg.store import GraphStore
from kg.update_dataset import UpdateDataset, with_protocol_dataset


class Writer:
    """Serialises writes to one store and refreshes the query snapshot after each."""

    def __init__(self, store: GraphStore, runner: QueryRunner, settings: Settings | None = None) -> None:
        from ingest.budget import Budget  # the API reaches ingest only here and in its extraction workers, lazily

        settings = settings or Settings(_env_file=None)  # type: ignore[call-arg]
        self._store = store
        self._runner = runner
        self._budget = Budget.from_settings(settings)
        self._extractor = shared_pool(settings.extract_workers, settings.extract_memory_bytes)
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
        """Extract one uploaded document in a worker process, then store it; returns ingest's ``IngestResult``.

        Extraction (seconds to the time limit, for a hostile document) runs before the write lock is
        taken; the lock covers only the replacement of the document's graph.

        Raises:
            DocumentRejected: unreadable, or over a limit (characters, sentences, time, memory); the store
                is untouched.
        """
        extracted = self._extractor.extract(data, filename, self._budget)
        triples = extracted.triples()
        with self._lock:
            self._store.replace_graph(doc_graph_iri(extracted.result.doc_id), triples)
            self._committed()
        return extracted.result

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
