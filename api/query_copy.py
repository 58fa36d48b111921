"""An in-memory copy of a snapshot's default graph (the merged graph), for the queries that read nothing else.

A query worker reads its snapshot from disk (RocksDB); the same query on pyoxigraph's
in-memory store runs several times faster (no block reads, no string lookups through
RocksDB when sorting). Most public queries read only the default graph: no ``GRAPH``
pattern, no ``FROM`` and no graph parameters. For them the worker builds, on a thread of
its own and with the engine's lock released, a copy of the snapshot's default graph, and
answers from it once it is complete. The copy is tied to one snapshot: a query sent with a
newer one (every write makes one) reads the disk again until the copy of the newer one is
built, so a write is visible to the very next query.

The copy is bounded: a default graph whose N-Triples text passes ``max_bytes`` is not copied
(its queries keep reading the disk), and the text is cut off while being written, so the
check itself never holds more than the limit.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass

from pyoxigraph import DefaultGraph, RdfFormat, Store, parse

from api.query_exec import QueryRequest
from api.results import CappedBuffer, Overflow
from kg.query_dataset import query_dataset
from kg.sparql_syntax import uses_graph_patterns

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 256 * 1024**2
"""N-Triples size of the largest default graph copied; about 2.7 times that in memory (see bench_sparql_http)."""
BLANK_NODE = re.compile(rb"_:")


class TooLarge(Exception):
    """The default graph's text passed the copy's limit."""


def reads_default_graph_only(request: QueryRequest) -> bool:
    """Whether the query's answer depends on the default graph alone (no graph parameters, FROM or GRAPH)."""
    if request.default_graph_uris or request.named_graph_uris:
        return False
    return query_dataset(request.query) is None and not uses_graph_patterns(request.query)


def copy_default_graph(disk: Store, max_bytes: int) -> Store:
    """A memory store holding ``disk``'s default graph, blank node labels kept.

    Raises:
        TooLarge: its N-Triples text passes ``max_bytes``.
    """
    sink = CappedBuffer(max_bytes)
    try:
        disk.dump(sink, format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    except (Overflow, OSError):
        if sink.overflowed:
            raise TooLarge(f"the default graph passes {max_bytes:,} bytes of N-Triples") from None
        raise
    copy = Store()
    with sink.getbuffer() as text:
        names_blank_nodes = BLANK_NODE.search(text) is not None
    if not names_blank_nodes:
        sink.seek(0)
        copy.load(sink, format=RdfFormat.N_TRIPLES)  # read in chunks, with the interpreter's lock released
        return copy
    # Loading renames blank nodes; lines naming one (or holding "_:" in a literal) go through the parser, which
    # keeps labels, so an answer names a blank node as the disk snapshot does.
    lines = sink.getvalue().split(b"\n")
    copy.load(b"\n".join(line for line in lines if b"_:" not in line), format=RdfFormat.N_TRIPLES)
    copy.extend(parse(b"\n".join(line for line in lines if b"_:" in line), format=RdfFormat.N_TRIPLES))
    return copy


@dataclass
class _Built:
    snapshot: str
    store: Store | None
    """None: the snapshot's default graph was too large to copy."""


class DefaultGraphCopies:
    """The worker's copy of the newest snapshot it was sent, built in the background; one build at a time."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self._max_bytes = max_bytes
        self._lock = threading.Lock()
        self._built: _Built | None = None
        self._building: str | None = None
        self._wanted: tuple[str, Store] | None = None

    def store_for(self, snapshot: str, disk: Store, request: QueryRequest) -> Store | None:
        """The copy to answer ``request`` from, if one of ``snapshot`` is ready; else None (read ``disk``).

        Asks for a copy of ``snapshot`` when there is none yet."""
        built = self.prepare(snapshot, disk)
        return built if built is not None and reads_default_graph_only(request) else None

    def prepare(self, snapshot: str, disk: Store) -> Store | None:
        """The copy of ``snapshot`` if it is ready; else start building it (unless it is being built) and None."""
        if self._max_bytes <= 0:
            return None
        with self._lock:
            built = self._built
            if built is None or built.snapshot != snapshot:
                self._want(snapshot, disk)
                return None
            return built.store

    def _want(self, snapshot: str, disk: Store) -> None:
        self._built = None  # an older snapshot's copy is never read again: free it before building the next
        self._wanted = (snapshot, disk)
        if self._building is None:
            self._building = snapshot
            threading.Thread(target=self._build_wanted, name="default-graph-copy", daemon=True).start()

    def _build_wanted(self) -> None:
        while True:
            with self._lock:
                if self._wanted is None:
                    self._building = None
                    return
                snapshot, disk = self._wanted
                self._wanted = None
                self._building = snapshot
            built = _Built(snapshot, self._copy(disk))
            with self._lock:
                if self._wanted is None or self._wanted[0] == snapshot:  # not overtaken by a newer snapshot
                    self._built, self._wanted = built, None

    def _copy(self, disk: Store) -> Store | None:
        try:
            return copy_default_graph(disk, self._max_bytes)
        except (TooLarge, OSError) as exc:
            log.warning("queries keep reading the disk snapshot: %s", exc)
            return None
