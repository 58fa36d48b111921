"""Figures every scale bench prints beside its timings: memory, store size on disk, load average."""

from __future__ import annotations

import os
from pathlib import Path


def rss_bytes() -> int:
    """This process's resident memory now."""
    return _status_bytes("VmRSS:")


def peak_rss_bytes() -> int:
    """This process's peak resident memory since it started its program (VmHWM). Not ``ru_maxrss``: after
    fork and exec that carries the high-water mark of the parent (a spawned child of a bench that had loaded
    5M triples reported the bench's 6.7 GB)."""
    return _status_bytes("VmHWM:")


def _status_bytes(field: str) -> int:
    status = Path("/proc/self/status").read_text().splitlines()
    return next((int(line.split()[1]) * 1024 for line in status if line.startswith(field)), 0)


def memory() -> str:
    """Resident memory now and at its peak."""
    return f"RSS {rss_bytes() / 1e6:,.0f} MB (peak {peak_rss_bytes() / 1e6:,.0f} MB)"


def load_average() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def folder_bytes(folder: Path) -> int:
    """Total size of the files under ``folder``."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
