"""A query worker that takes ``START_DELAY_S`` to start, as a real one may on a loaded machine (imports).

Started by tests/integration/test_sparql_fairness.py through ``api.query_pool.WORKER_MODULE``; the delay runs
only when this file is the worker's main module, never on import (pytest imports it).
"""

from __future__ import annotations

import time

START_DELAY_S = 6.0


def main() -> None:
    from api import query_worker

    time.sleep(START_DELAY_S)
    query_worker.main()


if __name__ == "__main__":
    main()
