"""The processes of the servers bench_sparql_http drives: resident memory and CPU time, read from /proc."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Resident memory of a process, MB (0 when it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def query_workers(server_pid: int) -> list[int]:
    """The query worker processes zonekg's server started."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            command = (stat.parent / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if parent == server_pid and b"api.query_worker" in command:
            found.append(int(stat.parent.name))
    return sorted(found)


def memory_report(procs: dict[str, subprocess.Popen[bytes]]) -> str:
    zonekg = procs["zonekg"].pid
    workers = query_workers(zonekg)
    lines = [f"RSS: zonekg server {rss_mb(zonekg):.0f} MB, query workers "
             + ", ".join(f"{rss_mb(w):.0f}" for w in workers) + " MB (each holds its copy of the default graph)"]
    lines += [f"RSS: {name} {rss_mb(p.pid):.0f} MB" for name, p in procs.items() if name != "zonekg"]
    return "\n".join(lines)


def cpu_seconds(server_pid: int) -> float:
    """User and system CPU time of a server and of its query workers (zonekg's), seconds."""
    total = 0
    for pid in [server_pid, *query_workers(server_pid)]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / TICKS


def wait_for_copies(server_pid: int, seconds: float = 900) -> float:
    """Wait, without load, until zonekg's query workers stop growing (their copies of the default graph are
    built: they start copying when they start); the seconds waited."""
    started = time.monotonic()
    last: list[float] = []
    steady = 0
    while time.monotonic() - started < seconds and steady < 3:
        time.sleep(2)
        sizes = [rss_mb(w) for w in query_workers(server_pid)]
        steady = steady + 1 if last and all(abs(a - b) < 2 for a, b in zip(sizes, last, strict=False)) else 0
        last = sizes
    return time.monotonic() - started
