"""Extract uploaded documents in worker processes with a memory limit and a hard time limit.

An upload is untrusted: its extraction may need minutes or gigabytes.  It runs
here, outside the store's write lock (api.writes takes the lock only to store
the finished graph), in one of a few long-lived worker processes:

* each worker runs under RLIMIT_AS (``extract_memory_bytes``): a document that
  needs more is refused, and the worker is replaced;
* the pipeline stops itself at the time limit (ingest.budget), and the parent
  kills a worker still busy ``KILL_GRACE_S`` later (stuck inside one parser call);
* workers are started once (imports and dictionaries take seconds) and shared by
  every app of the process (they keep no state between documents).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import subprocess
import sys
import threading
import time
from typing import TYPE_CHECKING

from kg.errors import DocumentRejected, StoreUnavailable

if TYPE_CHECKING:
    from ingest.budget import Budget

KILL_GRACE_S = 10.0
"""A worker still busy this long after the document's time limit is killed."""
WORKER_MODULE = "api.extract_worker"


class _Worker:
    """One extraction process and the parent's end of its pipe."""

    def __init__(self, memory_bytes: int) -> None:
        self.conn, child = multiprocessing.Pipe()
        command = [sys.executable, "-m", WORKER_MODULE, str(child.fileno()), str(memory_bytes)]
        self.process = subprocess.Popen(command, pass_fds=[child.fileno()], stdin=subprocess.DEVNULL)
        child.close()
        self.ready = False

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_ready(self, timeout_s: float) -> bool:
        if not self.ready and self.conn.poll(timeout_s):
            with contextlib.suppress(EOFError, OSError):
                self.ready = self.conn.recv()[0] == "ready"
        return self.ready

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        self.conn.close()


class ExtractionPool:
    """A few extraction worker processes; ``extract`` waits for a free one."""

    def __init__(self, workers: int, memory_bytes: int, start_timeout_s: float = 300.0) -> None:
        self.memory_bytes = memory_bytes
        self.start_timeout_s = start_timeout_s
        self._free: queue.Queue[_Worker | None] = queue.Queue()
        for _ in range(max(1, workers)):
            self._free.put(None)  # started on first use

    def extract(self, data: bytes, filename: str, budget: Budget):  # type: ignore[no-untyped-def]
        """ingest.runner's ``Extracted`` for one upload.

        Raises:
            DocumentRejected: unreadable, over a budget limit, over the memory limit, or killed at the time limit.
        """
        worker = self._free.get()
        try:
            if worker is None or not worker.alive():
                worker = _Worker(self.memory_bytes)
            if not worker.wait_ready(self.start_timeout_s):
                worker.kill()
                worker = None
                raise StoreUnavailable("the extraction worker did not start; try again later")
            return self._run(worker, data, _safe(filename), budget)
        finally:
            self._free.put(worker)

    def _run(self, worker: _Worker, data: bytes, filename: str, budget: Budget):  # type: ignore[no-untyped-def]
        started = time.monotonic()
        try:
            worker.conn.send((data, filename, budget))
            answered = worker.conn.poll(budget.seconds + KILL_GRACE_S)
        except OSError:  # the worker died since its last document (e.g. the kernel's OOM killer)
            answered = True
        if not answered:
            worker.kill()
            raise DocumentRejected(f"{filename}: extraction stopped after {time.monotonic() - started:.0f} s "
                                   f"(limit {budget.seconds:g} s per document)")
        try:
            kind, payload = worker.conn.recv()
        except (EOFError, OSError):
            kind, payload = "died", None
        if kind == "done":
            return payload
        if kind == "rejected":
            raise DocumentRejected(payload)
        if kind == "error":
            raise RuntimeError(f"extraction of {filename} failed: {payload}")
        worker.kill()
        limit = f"{self.memory_bytes / 2**20:,.0f} MB memory limit per document"
        if kind == "memory":
            raise DocumentRejected(f"{filename}: extraction stopped: it needed more than the {limit}")
        raise DocumentRejected(f"{filename}: extraction stopped: its worker died (over the {limit}?)")


def _safe(filename: str) -> str:
    """The client's file name as the worker's messages will show it (no path, no control characters)."""
    from ingest.load import safe_name  # the API reaches ingest lazily

    return safe_name(filename)


_pools: dict[tuple[int, int], ExtractionPool] = {}
_pools_lock = threading.Lock()


def shared_pool(workers: int, memory_bytes: int) -> ExtractionPool:
    """The process's pool for these settings (created on first use; workers start on first upload)."""
    with _pools_lock:
        key = (workers, memory_bytes)
        if key not in _pools:
            _pools[key] = ExtractionPool(workers, memory_bytes)
        return _pools[key]
