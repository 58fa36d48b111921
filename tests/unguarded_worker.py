"""A query worker with the SERVICE check switched off, for tests of what the network sandbox alone stops.

Started by tests/integration/test_sparql_ssrf.py through ``api.query_pool.WORKER_MODULE``.
"""

from __future__ import annotations

import api.query_exec
from api import query_worker

api.query_exec.check_query = lambda text: None  # type: ignore[assignment]

if __name__ == "__main__":
    query_worker.main()
