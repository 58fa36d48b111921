"""kill -9 during re-ingest: after every kill, is each document its old complete version or its new one?

Two versions of the same synthetic documents (bench/synth.py, seeds 7 and 8:
same ids, different content) are ingested alternately into one on-disk store by
a real ``zonekg ingest`` subprocess, which is killed with SIGKILL (its whole
process group, workers included) at a random moment: once its progress bar has
reached a random document count, plus a random delay of up to half a second
(so the kills land while documents are being written, not during start-up).  After each kill the
store is opened again and every document graph's quad count must equal its
count in one of the two versions: a missing graph is a lost document, any
other count a partial one. The merged default graph must then equal its
recomputation from the document graphs (kg.store.merged.expected_merged): a
trial where it does not is counted as out of step.

    python -m bench.bench_kill_ingest [--documents 300] [--trials 24] [--seed 1]

tests/integration/test_ingest_kill.py runs a short version of the same trials.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import DefaultGraph

from bench.synth import write_corpus
from kg.iri import doc_id_from_graph
from kg.store.merged import expected_merged
from kg.store.oxigraph import OxigraphStore

ROOT = Path(__file__).resolve().parent.parent
COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@dataclass
class KillReport:
    """What the trials found."""

    documents: int
    trials: int = 0
    killed: int = 0
    mixed: int = 0
    """Trials killed while both versions were in the store (the kill landed between writes)."""
    lost: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    merged_out_of_step: list[int] = field(default_factory=list)
    """Trials after which the merged graph differed from its recomputation from the document graphs."""
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"{self.trials} trials ({self.killed} killed before the end, {self.mixed} with both versions present) "
            f"over {self.documents} documents in {self.seconds:.0f} s: "
            f"{len(self.lost)} documents lost, {len(self.partial)} partial, "
            f"merged graph out of step after {len(self.merged_out_of_step)} trials"
        )


def ingest_command(folder: Path, store: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "kg.cli", "ingest", str(folder), "--store", str(store), "--workers", str(workers)]


PROGRESS = re.compile(rb"(\d+)/\d+ \[")


def run_ingest(folder: Path, store: Path, workers: int = 1, kill_at: tuple[int, float] | None = None) -> bool:
    """Run ``zonekg ingest``; with ``kill_at=(documents, seconds)``, SIGKILL its process group once the
    progress bar shows that many documents, plus that delay. True if it was killed before it ended."""
    process = subprocess.Popen(
        ingest_command(folder, store, workers),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert process.stderr is not None
    seen = b""
    while kill_at is not None and (chunk := process.stderr.read1(4096)):
        seen = (seen + chunk)[-256:]
        counts = PROGRESS.findall(seen)
        if counts and int(counts[-1]) >= kill_at[0]:
            time.sleep(kill_at[1])
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                process.stderr.close()
                return True
            break
    process.communicate()
    return False


def graph_counts(store_path: Path) -> tuple[dict[str, int], bool]:
    """Quads per document graph, and whether the merged graph equals its recomputation.

    The store is opened read-only, as it was left (a normal opening could rebuild a missing merged graph).
    """
    store = OxigraphStore(store_path, read_only=True)
    try:
        rows = store.select(COUNTS)
        merged = {q.triple for q in store.raw.quads_for_pattern(None, None, None, DefaultGraph())}
        in_step = merged == expected_merged(store.raw)
    finally:
        store.close()
    counts = {}
    for row in rows:
        doc_id = doc_id_from_graph(row["g"])  # type: ignore[arg-type]
        if doc_id is not None:
            counts[doc_id] = int(row["n"].value)  # type: ignore[union-attr]
    return counts, in_step


def run_trials(root: Path, documents: int, trials: int, seed: int = 1, workers: tuple[int, ...] = (1, 2)) -> KillReport:
    """Build both versions, then kill re-ingests at random moments; check every document after each kill."""
    started = time.perf_counter()
    rng = random.Random(seed)
    versions = [root / "old", root / "new"]
    write_corpus(versions[0], documents, seed=7)
    write_corpus(versions[1], documents, seed=8)
    store = root / "store"
    expected = []
    for folder in versions:  # each version once to the end: its counts, and (last) the starting state
        run_ingest(folder, store)
        expected.append(graph_counts(store)[0])
    report = KillReport(documents)
    for trial in range(trials):
        version = trial % 2  # the store holds the other version (or a mix) from before
        kill_at = (rng.randint(1, documents), rng.uniform(0.0, 0.5))
        killed = run_ingest(versions[version], store, workers[trial % len(workers)], kill_at)
        counts, in_step = graph_counts(store)
        report.trials += 1
        if not in_step:
            report.merged_out_of_step.append(trial)
        report.killed += killed
        state = {_which(counts.get(d), expected, d) for d in expected[0]}
        report.mixed += {0, 1} <= state
        report.lost += [f"{trial}:{d}" for d in expected[0] if d not in counts]
        report.partial += [f"{trial}:{d}" for d in expected[0] if d in counts and _which(counts[d], expected, d) < 0]
    report.seconds = time.perf_counter() - started
    return report


def _which(count: int | None, expected: list[dict[str, int]], doc_id: str) -> int:
    """0 or 1 for the version whose count this is (0 when both agree), -1 for neither."""
    if count == expected[0][doc_id]:
        return 0
    if count == expected[1][doc_id]:
        return 1
    return -1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--trials", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(run_trials(Path(tmp), args.documents, args.trials, args.seed).summary())


if __name__ == "__main__":
    main()
