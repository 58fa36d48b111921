"""Serial and parallel batch ingest of synthetic reports, alternated in one run (bench_ingest --synthetic).

The machine may be shared: runs alternate (serial, parallel, serial, parallel …) so both modes see
the same neighbours, and each run prints the load average before and after it. Besides wall-clock
ratios it prints CPU seconds of the writer (this process: store writes, RocksDB threads) and of the
worker processes, and what they allow on two idle cores: a parallel run cannot take less than half
its total CPU time, nor less than its writer's.
"""

from __future__ import annotations

import os
import resource
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.synth import write_corpus
from ingest.runner import ingest_paths
from kg.store.oxigraph import OxigraphStore


@dataclass(frozen=True)
class Run:
    """One batch ingest into a fresh on-disk store."""

    workers: int
    wall: float
    writer_cpu: float
    worker_cpu: float
    chars: int
    quads: int
    load: tuple[float, float]

    @property
    def cpu(self) -> float:
        return self.writer_cpu + self.worker_cpu

    def line(self) -> str:
        mode = "serial" if self.workers == 1 else f"{self.workers} workers"
        return (f"| {mode} | {self.wall:.1f} | {self.chars / self.wall:,.0f} | {self.writer_cpu:.1f} | "
                f"{self.worker_cpu:.1f} | {self.chars / self.cpu:,.0f} | {self.load[0]:.1f} → {self.load[1]:.1f} |")


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def ingest_run(folder: Path, root: Path, workers: int, documents: int) -> Run:
    """Ingest every report of ``folder`` with ``workers`` processes; checks that none is lost."""
    with tempfile.TemporaryDirectory(dir=root) as tmp:
        store = OxigraphStore(Path(tmp) / "store")
        load = os.getloadavg()[0]
        own, children = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
        report = ingest_paths(store, [folder], workers=workers, progress=False)
        store.flush()
        own, children = _cpu(resource.RUSAGE_SELF) - own, _cpu(resource.RUSAGE_CHILDREN) - children
        assert not report.failed and len(report.documents) == documents, report.summary()
        quads = store.quad_count()
        assert quads == report.triples, (quads, report.triples)
        store.close()
    return Run(workers, report.seconds, own, children, report.chars, quads, (load, os.getloadavg()[0]))


def alternate(documents: int, workers: int, rounds: int) -> list[Run]:
    """``rounds`` pairs of serial and parallel runs over the same ``documents`` reports; prints the table."""
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="zonekg-ingest-ab-") as tmp:
        root = Path(tmp)
        write_corpus(root / "corpus", documents)
        # This process's imports and dictionaries load once, before the first run: serial runs are measured
        # warm, while every parallel run pays its workers' start-up (about 1.5 CPU-s each).
        ingest_paths(OxigraphStore(None), sorted((root / "corpus").glob("*.txt"))[:1], workers=1, progress=False)
        print(f"{documents:,} synthetic reports, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        print("| run | wall s | chars/s | writer cpu-s | worker cpu-s | chars/cpu-s (per core) | load 1 min |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for _ in range(rounds):
            for count in (1, workers):
                runs.append(ingest_run(root / "corpus", root, count, documents))
                print(runs[-1].line(), flush=True)
    summarise(runs)
    return runs


def summarise(runs: list[Run]) -> None:
    """Per-round wall ratios, the CPU ratio, and the bound the CPU times set on two idle cores."""
    serial = [r for r in runs if r.workers == 1]
    parallel = [r for r in runs if r.workers > 1]
    assert len({r.quads for r in runs}) == 1, "serial and parallel runs stored different quad counts"
    ratios = [s.wall / p.wall for s, p in zip(serial, parallel, strict=True)]
    print(f"\nparallel/serial wall-clock, per round: {', '.join(f'{r:.2f}x' for r in ratios)} "
          f"(median {statistics.median(ratios):.2f}x)")
    s_cpu = statistics.median(r.cpu for r in serial)
    p_cpu = statistics.median(r.cpu for r in parallel)
    writer = statistics.median(r.writer_cpu for r in parallel)
    print(f"CPU seconds: serial {s_cpu:.1f}, parallel {p_cpu:.1f} ({p_cpu / s_cpu:.2f}x the work), "
          f"of which the writer {writer:.1f}")
    bound = s_cpu / max(p_cpu / 2, writer)
    print(f"on two idle cores these CPU times allow at most {bound:.2f}x; a loaded machine shares its cores "
          f"between sessions (Linux autogroups), so there the wall-clock ratio tends to serial/parallel CPU, "
          f"{s_cpu / p_cpu:.2f}x")
