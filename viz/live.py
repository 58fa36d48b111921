"""The entity index of an embedded store, kept in memory across writes and patched for what each write touched.

The store calls :meth:`LiveIndex.written` after every write with the IRIs it touched (kg.store.oxigraph
``on_write``). Nothing is read then: the touched IRIs are gathered, and the first view asked for after the
writes patches the index for all of them at once (viz.index.patched), or reads it whole again when a write
may have changed anything (a SPARQL update, a bulk load) or when too much was touched to patch.

After a whole read, the records of every entity (what the page draws of it: viz.records) are read on a
thread of their own, two queries over the whole graph. Views need not wait for them (each reads the records
it lacks), but once they are in, a view's first answer after a write reads only the records of what the
write changed: at 1M quads, 2000 entities' records cost a view 0.5-0.9 s when read for it.
"""

from __future__ import annotations

import logging
import threading
import weakref
from typing import Any

from kg.store import GraphStore
from viz.cache import PerStore
from viz.index import EntityIndex, patched, read_entity_index
from viz.records import read_records

log = logging.getLogger(__name__)
PATCH_LIMIT = 20_000
"""Touched IRIs beyond which the index is read whole again rather than patched."""


class LiveIndex:
    """The entity index of one store (with the records views have read), valid for its current generation."""

    def __init__(self, store: Any) -> None:
        self._store = weakref.ref(store)
        self._index: EntityIndex | None = None
        self._generation: int | None = None
        self._touched: set[str] | None = set()
        """IRIs touched since the index was last brought up to date; None: anything may have changed."""
        self._touched_lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        self._warming: threading.Thread | None = None
        store.on_write(self.written)

    def written(self, touched: frozenset[str] | None) -> None:
        """Remember what a write touched (called by the store after the write, before its generation moves on)."""
        with self._touched_lock:
            if touched is None or self._touched is None or len(self._touched) + len(touched) > PATCH_LIMIT:
                self._touched = None
            else:
                self._touched |= touched

    def current(self) -> EntityIndex:
        """The index as of the store's current generation (or later), patched or read first when needed."""
        store = self._store()
        if store is None:
            raise RuntimeError("the store is closed")
        generation = store.generation  # read first: a write meanwhile leaves its IRIs for the next call
        with self._refresh_lock:
            if self._index is not None and self._generation == generation:
                return self._index
            with self._touched_lock:
                touched, self._touched = self._touched, set()
            try:
                self._index = self._brought_up_to_date(store, touched)
            except BaseException:
                self._index = None  # read whole next time
                raise
            self._generation = generation
            return self._index

    def warmed(self, timeout: float | None = None) -> bool:
        """Wait until the records of the last whole read are in (at most ``timeout`` seconds); whether they are."""
        warming = self._warming
        if warming is not None:
            warming.join(timeout)
        return warming is None or not warming.is_alive()

    def _brought_up_to_date(self, store: GraphStore, touched: set[str] | None) -> EntityIndex:
        if self._index is None or touched is None:
            index = read_entity_index(store)
            self._warming = threading.Thread(target=_read_every_record, args=(self._store, index),
                                             name="graph-records", daemon=True)
            self._warming.start()
            return index
        return patched(self._index, store, touched) if touched else self._index


def _read_every_record(store_ref: weakref.ref[Any], index: EntityIndex) -> None:
    """Read the records of every entity of ``index`` into it. They may come from a later generation than the
    index's: a patch drops the records of what a write changed, and every other record is the same in both."""
    store = store_ref()
    if store is None:
        return
    try:
        index.add_records(read_records(store, index.classes))
    except Exception as exc:  # noqa: BLE001 - e.g. the store closed meanwhile: views read the records they show
        log.debug("graph records not read ahead: %s", exc)


_LIVE: PerStore[LiveIndex] = PerStore(LiveIndex)


def live_index(store: GraphStore) -> LiveIndex | None:
    """The live index of ``store``, or None when the store does not report its writes (a remote server)."""
    if not callable(getattr(store, "on_write", None)) or not isinstance(getattr(store, "generation", None), int):
        return None
    return _LIVE(store)
