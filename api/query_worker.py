"""A query worker process: opens store snapshots read-only and answers queries sent over a pipe.

Started by :mod:`api.query_pool` as ``python -m api.query_worker FD`` (a fresh
interpreter, so it never re-imports the server's main module), and killed by it
when a query runs past its time limit.  Before it imports the engine it gives up
the network (:func:`api.net_sandbox.confine_process`): whatever text reaches it,
SERVICE and LOAD find no interface and no socket.
"""

from __future__ import annotations

import contextlib
import resource
import sys
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from api.net_sandbox import confine_process

if TYPE_CHECKING:
    from pyoxigraph import Store

MEMORY_LIMIT_BYTES = 3 * 1024**3


def serve(conn: Connection, copy_max_bytes: int) -> None:
    """Say ("ready", None) once imported, then receive (snapshot, request); answer ("ok", answer) or
    (error class name, message); stop on None.
    A request of None only opens the snapshot and starts copying it (no answer).

    A query that reads only the default graph is answered from the in-memory copy of the snapshot's
    default graph once it is built (:mod:`api.query_copy`), any other from the snapshot on disk."""
    from dataclasses import replace

    from pyoxigraph import Store

    from api.query_copy import DefaultGraphCopies
    from api.query_exec import execute
    from kg.errors import QuerySyntaxError, StoreError
    from kg.sparql_guard import FeatureNotAllowed

    conn.send(("ready", None))  # the parent starts a query's clock only after this
    copies = DefaultGraphCopies(copy_max_bytes)
    opened: tuple[str, Store] | None = None
    while (message := conn.recv()) is not None:
        snapshot, request = message
        if opened is None or opened[0] != snapshot:
            opened = (snapshot, Store.read_only(snapshot))
        if request is None:  # sent when the worker starts: build the copy before the first query asks for it
            copies.prepare(snapshot, opened[1])
            continue
        try:
            copy = copies.store_for(snapshot, opened[1], request)
            answer = execute(opened[1] if copy is None else copy, request)
            conn.send(("ok", replace(answer, in_memory=copy is not None)))
        except FeatureNotAllowed as exc:
            conn.send((type(exc).__name__, exc.keyword))
        except (QuerySyntaxError, StoreError) as exc:
            conn.send((type(exc).__name__, str(exc)))


def main() -> None:
    """Entry point: the pipe's file descriptor, then the largest default graph to copy (bytes of N-Triples)."""
    confine_process()
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    copy_max_bytes = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    with contextlib.suppress(EOFError, KeyboardInterrupt):  # the server went away
        serve(Connection(int(sys.argv[1])), copy_max_bytes)


if __name__ == "__main__":
    main()
