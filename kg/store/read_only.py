"""Open a read-only view of an on-disk store that another process (``zonekg serve``) may be writing.

RocksDB lists the table files of a store and then opens them; the writer's background compaction can
delete one in between (seen in 1 of 5 opens just after a writer opened its store), and the open fails
with "No such file or directory". A new attempt reads the new file list; a file that stays missing is
still reported, after a few seconds.
"""

from __future__ import annotations

import time
from pathlib import Path

from pyoxigraph import Store

ATTEMPTS = 20
VANISHED = "No such file or directory"


def open_read_only(path: Path) -> Store:
    """``Store.read_only(path)``, tried again while a file it listed vanished (compaction in another process)."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return Store.read_only(str(path))
        except (OSError, RuntimeError) as exc:
            if VANISHED not in str(exc) or attempt == ATTEMPTS:
                raise
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")
