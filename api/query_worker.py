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


def serve(conn: Connection) -> None:
    """Receive (snapshot, request); answer ("ok", answer) or (error class name, message); stop on None."""
    from pyoxigraph import Store

    from api.query_exec import execute
    from kg.errors import QuerySyntaxError, StoreError
    from kg.sparql_guard import FeatureNotAllowed

    opened: tuple[str, Store] | None = None
    while (message := conn.recv()) is not None:
        snapshot, request = message
        if opened is None or opened[0] != snapshot:
            opened = (snapshot, Store.read_only(snapshot))
        try:
            conn.send(("ok", execute(opened[1], request)))
        except FeatureNotAllowed as exc:
            conn.send((type(exc).__name__, exc.keyword))
        except (QuerySyntaxError, StoreError) as exc:
            conn.send((type(exc).__name__, str(exc)))


def main() -> None:
    """Entry point: the pipe's file descriptor is the only argument."""
    confine_process()
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    with contextlib.suppress(EOFError, KeyboardInterrupt):  # the server went away
        serve(Connection(int(sys.argv[1])))


if __name__ == "__main__":
    main()
