"""Run public SPARQL queries where they can be stopped.

pyoxigraph cannot cancel a running query, so for an on-disk store every
public query runs in one of a few worker processes, each reading a hard-link
snapshot of the store (``Store.backup``) taken after every write (and, for
queries of the default graph alone, an in-memory copy of it: api.query_copy).  The parent
waits at most ``query_timeout_s`` and then kills the worker (SIGKILL) and
starts a fresh one, so a runaway query costs one worker for one time limit and
never the whole service.  A fresh worker's start (seconds of imports on a busy
machine) is waited for before a query's clock starts: it is neither part of the
time limit nor charged to the client.  In-memory stores (tests) cannot be snapshotted and
run queries in the calling thread, without a hard stop; remote stores get the
query passed through and rely on the server's own limits.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Protocol

from pyoxigraph import Store

from api.net_sandbox import sandboxed_executor
from api.query_copy import DEFAULT_MAX_BYTES
from api.query_exec import QueryAnswer, QueryRequest, execute_detached
from api.query_ticket import Ticket
from kg.errors import KgError, QueryCrashed, QuerySyntaxError, QueryTimeout, StoreError, StoreUnavailable
from kg.sparql_guard import FeatureNotAllowed, check_query
from kg.store import GraphStore

log = logging.getLogger(__name__)

KEEP_SNAPSHOTS = 3
WORKER_MODULE = "api.query_worker"
MAX_WAITING = 8
"""Queries allowed to wait for a free worker; more get an immediate 503."""
START_TIMEOUT_S = 120.0
"""How long a query waits for a new worker to finish starting (imports), outside its time limit and its charge."""
_ERRORS: dict[str, type[KgError]] = {
    "QuerySyntaxError": QuerySyntaxError,
    "StoreError": StoreError,
    "FeatureNotAllowed": FeatureNotAllowed,  # its payload is the keyword
}


class QueryBusy(StoreUnavailable):
    """Every query worker stayed busy for a whole time limit."""


class QueryRunner(Protocol):
    """Runs public queries; ``refresh`` is called after every write to the primary store."""

    def run(self, request: QueryRequest, ticket: Ticket | None = None) -> QueryAnswer: ...

    def refresh(self) -> None: ...

    def close(self) -> None: ...


class Lanes:
    """Free workers, shared by two lanes: a slow-lane query (a demoted client's) never takes the last free one."""

    def __init__(self, workers: int) -> None:
        self._free = workers
        self._reserved = 1 if workers > 1 else 0
        self._changed = threading.Condition()

    def acquire(self, slow: bool, timeout_s: float | None) -> bool:
        """Take a worker, waiting at most ``timeout_s``; False when none could be had in time."""
        needed = 1 + (self._reserved if slow else 0)
        with self._changed:
            if not self._changed.wait_for(lambda: self._free >= needed, timeout_s):
                return False
            self._free -= 1
            return True

    def release(self) -> None:
        with self._changed:
            self._free += 1
            self._changed.notify_all()


def _timed(ticket: Ticket, call: Callable[[], QueryAnswer]) -> QueryAnswer:
    """Run ``call`` with its execution marked on ``ticket`` (what the client is charged)."""
    ticket.begin()
    try:
        return call()
    finally:
        ticket.end()


class InlineRunner:
    """Runs queries in this process (in-memory stores: no snapshot, no hard stop), on threads without network."""

    def __init__(self, store: Store, threads: int = 2) -> None:
        self._store = store
        self._threads = sandboxed_executor(threads, "sparql-query")
        self._lanes = Lanes(max(1, threads))

    def run(self, request: QueryRequest, ticket: Ticket | None = None) -> QueryAnswer:
        ticket = ticket or Ticket()
        if not self._lanes.acquire(ticket.slow, None):  # no time limit in memory: wait for a thread
            raise QueryBusy("no query thread is free")
        try:
            call = partial(execute_detached, self._store, request)
            return self._threads.submit(_timed, ticket, call).result()
        finally:
            self._lanes.release()

    def refresh(self) -> None:
        """Nothing to do: queries read the live store."""

    def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)


class RemoteRunner:
    """Passes queries to a remote store's endpoint (its own limits apply; no row cap here)."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store

    def run(self, request: QueryRequest, ticket: Ticket | None = None) -> QueryAnswer:
        check_query(request.query)
        return _timed(ticket or Ticket(), partial(self._pass, request))

    def _pass(self, request: QueryRequest) -> QueryAnswer:
        body, media_type = self._store.raw_query(
            request.query,
            results_media_type=request.results_type,
            graph_media_type=request.graph_type,
            default_graph_uris=list(request.default_graph_uris),
            named_graph_uris=list(request.named_graph_uris),
        )
        return QueryAnswer(body, media_type)

    def refresh(self) -> None:
        """Nothing to do: the server reads its live data."""

    def close(self) -> None:
        """The store is closed by its owner."""


class _Worker:
    """One query process and the parent's end of its pipe."""

    def __init__(self, copy_max_bytes: int, snapshot: str) -> None:
        self.conn, child = multiprocessing.Pipe()
        command = [sys.executable, "-m", WORKER_MODULE, str(child.fileno()), str(copy_max_bytes)]
        self.process = subprocess.Popen(command, pass_fds=[child.fileno()], stdin=subprocess.DEVNULL)
        child.close()
        self.ready = False
        with contextlib.suppress(OSError):  # start copying the snapshot now (no answer); a dead worker shows later
            self.conn.send((snapshot, None))

    def wait_ready(self, timeout_s: float) -> None:
        """Wait for the worker's "ready" (its imports done): starting is not part of any query's time."""
        if self.ready:
            return
        try:
            if not self.conn.poll(timeout_s):
                raise StoreUnavailable(f"the query worker did not start within {timeout_s:g} s")
            self.ready = self.conn.recv() == ("ready", None)
        except (EOFError, OSError) as exc:
            raise StoreUnavailable("the query worker died while starting") from exc
        if not self.ready:
            raise StoreUnavailable("the query worker did not start")

    def ask(self, snapshot: str, request: QueryRequest, timeout_s: float) -> QueryAnswer:
        try:
            self.conn.send((snapshot, request))
        except OSError as exc:
            raise StoreUnavailable("the query worker is gone") from exc
        if not self.conn.poll(timeout_s):
            raise QueryTimeout(f"the query ran longer than {timeout_s:g} s and was stopped")
        try:
            status, payload = self.conn.recv()
        except EOFError as exc:
            raise QueryCrashed("the query stopped its worker (memory limit or too deeply nested?)") from exc
        if status == "ok":
            return payload  # type: ignore[no-any-return]
        raise _ERRORS[status](payload)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        try:
            self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.kill()


class Snapshots:
    """Numbered hard-link checkpoints of the primary store; the newest is what workers read."""

    def __init__(self, primary: Store, root: Path) -> None:
        self._primary = primary
        self._root = root
        self._generation = 0
        self._lock = threading.Lock()
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        self.current = self.take()

    def take(self) -> str:
        """Checkpoint the primary store and drop checkpoints older than the last few."""
        with self._lock:
            self._generation += 1
            target = self._root / f"{self._generation:06d}"
            self._primary.backup(str(target))
            stale = self._root / f"{self._generation - KEEP_SNAPSHOTS:06d}"
            shutil.rmtree(stale, ignore_errors=True)
            self.current = str(target)
            return self.current


class ProcessRunner:
    """A pool of killable worker processes reading the newest snapshot."""

    def __init__(self, primary: Store, snapshot_root: Path, *, workers: int, timeout_s: float,
                 copy_max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self._snapshots = Snapshots(primary, snapshot_root)
        self._timeout_s = timeout_s
        self._copy_max_bytes = copy_max_bytes
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._admitted = threading.BoundedSemaphore(max(1, workers) + MAX_WAITING)
        self._lanes = Lanes(max(1, workers))
        for _ in range(max(1, workers)):
            self._idle.put(self._new_worker())

    def run(self, request: QueryRequest, ticket: Ticket | None = None) -> QueryAnswer:
        if not self._admitted.acquire(blocking=False):
            raise QueryBusy("too many queries are waiting; try again shortly")
        try:
            return self._run(request, ticket or Ticket())
        finally:
            self._admitted.release()

    def _run(self, request: QueryRequest, ticket: Ticket) -> QueryAnswer:
        if not self._lanes.acquire(ticket.slow, self._timeout_s):
            raise QueryBusy("every query worker is busy; try again shortly")
        worker = self._idle.get_nowait()  # the lanes admit no more takers than idle workers
        try:
            worker.wait_ready(START_TIMEOUT_S)  # a worker restarted after a runaway may still be importing
            return _timed(ticket, partial(worker.ask, self._snapshots.current, request, self._timeout_s))
        except (QueryTimeout, StoreUnavailable):
            log.warning("query stopped (time limit or crash); restarting its worker")
            worker.kill()
            worker = self._new_worker()
            raise
        finally:
            self._idle.put(worker)
            self._lanes.release()

    def _new_worker(self) -> _Worker:
        return _Worker(self._copy_max_bytes, self._snapshots.current)

    def refresh(self) -> None:
        self._snapshots.take()

    def close(self) -> None:
        while not self._idle.empty():
            self._idle.get_nowait().stop()


def make_runner(store: GraphStore, *, workers: int, timeout_s: float,
                copy_max_bytes: int = DEFAULT_MAX_BYTES) -> QueryRunner:
    """The runner that fits the store: worker processes on disk, in-thread in memory, else passthrough."""
    from kg.store.oxigraph import OxigraphStore

    if not isinstance(store, OxigraphStore):
        return RemoteRunner(store)
    if store.path is None:
        return InlineRunner(store.raw, workers)
    root = store.path.with_name(store.path.name + ".snapshots")
    return ProcessRunner(store.raw, root, workers=workers, timeout_s=timeout_s, copy_max_bytes=copy_max_bytes)
