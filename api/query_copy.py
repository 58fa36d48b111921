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
check itself never holds more than the limit. A copy is started only once its snapshot has stayed
the newest for as long as the last copy took to build, and dropped as soon as a newer snapshot is
sent, so a burst of writes costs no copying until it ends (queries read the disk meanwhile).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable

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


class Overtaken(Exception):
    """A newer snapshot was sent while the copy of an older one was being made."""


class _CopyText(CappedBuffer):
    """The default graph's N-Triples on their way from the snapshot to the copy; stops when ``overtaken()``."""

    def __init__(self, limit: int, overtaken: Callable[[], bool]) -> None:
        super().__init__(limit)
        self._overtaken = overtaken
        self.stopped = False

    def _check(self) -> None:
        if self._overtaken():
            self.stopped = True  # the engine may hand the caller this error as an OSError
            raise Overtaken("a newer snapshot was sent")

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self._check()
        return super().write(data)

    def read(self, size: int | None = -1) -> bytes:
        self._check()
        return super().read(size)


def reads_default_graph_only(request: QueryRequest) -> bool:
    """Whether the query's answer depends on the default graph alone (no graph parameters, FROM or GRAPH)."""
    if request.default_graph_uris or request.named_graph_uris:
        return False
    return query_dataset(request.query) is None and not uses_graph_patterns(request.query)


def copy_default_graph(disk: Store, max_bytes: int, overtaken: Callable[[], bool] = lambda: False) -> Store:
    """A memory store holding ``disk``'s default graph, blank node labels kept.

    Raises:
        TooLarge: its N-Triples text passes ``max_bytes``.
        Overtaken: ``overtaken()`` turned true while copying.
    """
    text = _CopyText(max_bytes, overtaken)
    try:
        return _load(_dumped(disk, text))
    except (Overflow, Overtaken, OSError):
        if text.overflowed:
            raise TooLarge(f"the default graph passes {max_bytes:,} bytes of N-Triples") from None
        if text.stopped:
            raise Overtaken("a newer snapshot was sent") from None
        raise


def _dumped(disk: Store, text: _CopyText) -> _CopyText:
    disk.dump(text, format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    text.seek(0)
    return text


def _load(text: _CopyText) -> Store:
    copy = Store()
    with text.getbuffer() as view:
        names_blank_nodes = BLANK_NODE.search(view) is not None
    if not names_blank_nodes:
        copy.load(text, format=RdfFormat.N_TRIPLES)  # read in chunks, with the interpreter's lock released
        return copy
    # Loading renames blank nodes; lines naming one (or holding "_:" in a literal) go through the parser, which
    # keeps labels, so an answer names a blank node as the disk snapshot does.
    lines = text.getvalue().split(b"\n")
    copy.load(b"\n".join(line for line in lines if b"_:" not in line), format=RdfFormat.N_TRIPLES)
    copy.extend(parse(b"\n".join(line for line in lines if b"_:" in line), format=RdfFormat.N_TRIPLES))
    return copy


class DefaultGraphCopies:
    """The worker's copy of the newest snapshot it was sent, built on a thread of its own; one build at a time."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self._max_bytes = max_bytes
        self._lock = threading.Lock()
        self._latest: tuple[str, Store] | None = None
        self._built: tuple[str, Store | None] | None = None
        """(snapshot, its copy); a copy of None: the default graph was too large to copy."""
        self._building = False
        self._newer = threading.Event()
        self._settle_s = 0.0
        """How long a snapshot must stay the newest before it is copied: as long as the last copy took."""

    def store_for(self, snapshot: str, disk: Store, request: QueryRequest) -> Store | None:
        """The copy to answer ``request`` from, if one of ``snapshot`` is ready; else None (read ``disk``).

        Asks for a copy of ``snapshot`` when there is none yet."""
        built = self.prepare(snapshot, disk)
        return built if built is not None and reads_default_graph_only(request) else None

    def prepare(self, snapshot: str, disk: Store) -> Store | None:
        """The copy of ``snapshot`` if it is ready; else have it built (unless it is on its way) and None."""
        if self._max_bytes <= 0:
            return None
        with self._lock:
            if self._built is not None and self._built[0] == snapshot:
                return self._built[1]
            if self._latest is None or self._latest[0] != snapshot:
                self._latest, self._built = (snapshot, disk), None  # an older copy is never read again: free it
                self._newer.set()
            if not self._building:
                self._building = True
                threading.Thread(target=self._build_latest, name="default-graph-copy", daemon=True).start()
        return None

    def _overtaken(self, snapshot: str) -> bool:
        latest = self._latest
        return latest is None or latest[0] != snapshot

    def _build_latest(self) -> None:
        while True:
            with self._lock:
                snapshot, disk = self._latest  # type: ignore[misc]
                self._newer.clear()
            if self._newer.wait(self._settle_s):
                continue  # a newer snapshot came while this one settled
            started = time.monotonic()
            copy = self._copy(snapshot, disk)
            self._settle_s = time.monotonic() - started
            with self._lock:
                if not self._overtaken(snapshot):
                    self._built, self._building = (snapshot, copy), False
                    return

    def _copy(self, snapshot: str, disk: Store) -> Store | None:
        try:
            return copy_default_graph(disk, self._max_bytes, lambda: self._overtaken(snapshot))
        except Overtaken:
            return None
        except (TooLarge, OSError) as exc:
            log.warning("queries keep reading the disk snapshot: %s", exc)
            return None
