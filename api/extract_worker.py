"""An extraction worker process: extracts uploaded documents sent over a pipe, under a memory limit.

Started by :mod:`api.extract_pool` as ``python -m api.extract_worker FD MEMORY_BYTES`` (a fresh
interpreter: it never re-imports the server's main module nor inherits its open store), and
killed by it when a document runs past its time limit.  Like the query workers it has no network.
"""

from __future__ import annotations

import contextlib
import resource
import sys
from multiprocessing.connection import Connection

from api.net_sandbox import confine_process

WARM_TEXT = "示例高新区内，示例科技有限公司投资建设新项目，总投资10亿元。"


def serve(conn: Connection, memory_bytes: int) -> None:
    """Answer ("ready", None) once warm, then for each (data, filename, budget): ("done", Extracted),
    ("rejected", message), ("memory", None) (then exit: the worker is replaced) or ("error", message)."""
    from ingest.runner import extract_upload
    from kg.errors import DocumentRejected

    extract_upload(WARM_TEXT.encode(), "warm-up.txt")  # imports, dictionaries and models, before any deadline
    conn.send(("ready", None))
    while (job := conn.recv()) is not None:
        data, filename, budget = job
        try:
            conn.send(("done", extract_upload(data, filename, budget)))
        except DocumentRejected as exc:
            conn.send(("rejected", str(exc)))
        except MemoryError:
            conn.send(("memory", None))
            return
        except Exception as exc:  # noqa: BLE001 - a defect in extraction, reported to the parent
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def main() -> None:
    """Entry point: the pipe's file descriptor and the address-space limit in bytes."""
    confine_process()
    memory_bytes = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    with contextlib.suppress(EOFError, KeyboardInterrupt):  # the server went away
        serve(Connection(int(sys.argv[1])), memory_bytes)


if __name__ == "__main__":
    main()
