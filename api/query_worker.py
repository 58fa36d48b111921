"""A query worker process: opens store snapshots read-only and answers queries sent over a pipe.

Started by :mod:`api.query_pool` as ``python -m api.query_worker FD`` (a fresh
interpreter, so it never re-imports the server's main module), and killed by it
when a query runs past its time limit.
"""

from __future__ import annotations

import contextlib
import resource
import sys
from multiprocessing.connection import Connection

from pyoxigraph import Store

from api.query_exec import execute
from kg.errors import QuerySyntaxError, StoreError

MEMORY_LIMIT_BYTES = 3 * 1024**3


def serve(conn: Connection) -> None:
    """Receive (snapshot, request); answer ("ok", answer) or (error class name, message); stop on None."""
    opened: tuple[str, Store] | None = None
    while (message := conn.recv()) is not None:
        snapshot, request = message
        if opened is None or opened[0] != snapshot:
            opened = (snapshot, Store.read_only(snapshot))
        try:
            conn.send(("ok", execute(opened[1], request)))
        except (QuerySyntaxError, StoreError) as exc:
            conn.send((type(exc).__name__, str(exc)))


def main() -> None:
    """Entry point: the pipe's file descriptor is the only argument."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    with contextlib.suppress(EOFError, KeyboardInterrupt):  # the server went away
        serve(Connection(int(sys.argv[1])))


if __name__ == "__main__":
    main()
