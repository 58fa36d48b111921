"""A query worker with the SERVICE check switched off, for tests of what the network sandbox alone stops.

Started by tests/integration/test_sparql_ssrf.py through ``api.query_pool.WORKER_MODULE``. The check is
switched off only when this file runs as the worker's main module, never on import (pytest imports it).
"""

from __future__ import annotations


def main() -> None:
    import api.query_exec
    from api import query_worker

    api.query_exec.check_query = lambda text: None  # type: ignore[assignment]
    query_worker.main()


if __name__ == "__main__":
    main()
