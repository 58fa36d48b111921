"""Figures every scale bench prints beside its timings: memory, store size on disk, load average."""

from __future__ import annotations

import os
import resource
from pathlib import Path


def rss_bytes() -> int:
    """This process's resident memory now."""
    status = Path("/proc/self/status").read_text().splitlines()
    return next((int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:")), 0)


def peak_rss_bytes(who: int = resource.RUSAGE_SELF) -> int:
    """Peak resident memory of this process (or, with RUSAGE_CHILDREN, of its largest finished child)."""
    return resource.getrusage(who).ru_maxrss * 1024


def memory() -> str:
    """Resident memory now and at its peak."""
    return f"RSS {rss_bytes() / 1e6:,.0f} MB (peak {peak_rss_bytes() / 1e6:,.0f} MB)"


def load_average() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def folder_bytes(folder: Path) -> int:
    """Total size of the files under ``folder``."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
