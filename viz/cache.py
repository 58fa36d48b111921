"""Graph page answers kept per store generation: a repeated view is served without touching the store.

A store that counts its writes (``generation``, bumped after each write: kg.store.oxigraph) gets one
cache; every entry is dropped as soon as the generation moves on. A store without the counter (a
remote SPARQL server, which other clients may change) gets none, and every answer is computed.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from kg.store import GraphStore

T = TypeVar("T")
MAX_ENTRIES = 64
"""Answers kept per store (least recently used dropped first): views, pages, JSON, the entity index."""
MAX_BYTES = 256 * 2**20
"""And at most about this much memory in them (an estimate: see :func:`weight`)."""
BYTES_PER_GRAPH_ITEM = 400
"""Rough memory of one node or edge of a NetworkX graph with its attributes."""


def weight(value: Any) -> int:
    """Approximate bytes held by a cached value: text and bytes by length, a view by its graph's size."""
    if isinstance(value, str | bytes):
        return len(value)
    graph = getattr(value, "graph", None)
    if graph is not None and hasattr(graph, "number_of_edges"):
        return BYTES_PER_GRAPH_ITEM * (graph.number_of_nodes() + graph.number_of_edges())
    return 0


class GenerationCache:
    """Values computed from one store, valid until its next write."""

    def __init__(self, store: GraphStore, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self._store = weakref.ref(store)
        self._max, self._max_bytes, self._bytes = max_entries, max_bytes, 0
        self._generation: int | None = None
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def _current(self) -> int | None:
        store = self._store()
        return getattr(store, "generation", None) if store is not None else None

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value under ``key`` for the store's current generation, built (and kept) if missing."""
        generation = self._current()  # read before building: data written meanwhile bumps it again
        with self._lock:
            if generation != self._generation:
                self._entries.clear()
                self._bytes = 0
                self._generation = generation
            elif key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]  # type: ignore[no-any-return]
        value = build()
        with self._lock:
            if generation == self._generation and key not in self._entries:
                self._entries[key] = value
                self._bytes += weight(value)
                while len(self._entries) > self._max or (self._bytes > self._max_bytes and len(self._entries) > 1):
                    self._bytes -= weight(self._entries.popitem(last=False)[1])
        return value

    def clear(self, keep: Callable[[Hashable], bool] = lambda key: False) -> None:
        """Forget every entry but those ``keep`` names (benchmarks time cold views this way)."""
        with self._lock:
            for key in [k for k in self._entries if not keep(k)]:
                self._bytes -= weight(self._entries.pop(key))


class PerStore(Generic[T]):
    """One ``make(store)`` per store, made on first use and forgotten with the store."""

    def __init__(self, make: Callable[[Any], T]) -> None:
        self._make = make
        self._items: weakref.WeakKeyDictionary[Any, T] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def __call__(self, store: Any) -> T:
        with self._lock:
            item = self._items.get(store)
            if item is None:
                item = self._items[store] = self._make(store)
            return item


_CACHES: PerStore[GenerationCache] = PerStore(GenerationCache)


def store_cache(store: GraphStore) -> GenerationCache | None:
    """The cache of ``store``, or None when the store does not count its writes."""
    if not isinstance(getattr(store, "generation", None), int):
        return None
    return _CACHES(store)


def cached(store: GraphStore, key: Hashable, build: Callable[[], T]) -> T:
    """``build()`` kept for the store's current generation (computed every time without a cache)."""
    cache = store_cache(store)
    return build() if cache is None else cache.get(key, build)
