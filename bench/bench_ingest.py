"""Ingest throughput: each stage alone, then whole batches serial, parallel and bulk.

The corpus documents are copied ``--copies`` times under new names (real text,
distinct graphs). Everything is measured in the same run, and the table gives
characters per second plus ratios against baselines from that run:
``jieba.lcut`` over the same text (a segmenter pass, the cheapest useful
Chinese processing) for the stages, and the serial batch for the batch modes,
both per wall-clock second and per CPU second (workers included), since on a
busy machine wall-clock speed-ups say more about the neighbours than the code.

``--synthetic N`` instead ingests N bench/synth.py reports, serial and with
``--workers`` alternately (``--rounds`` pairs, each into a fresh on-disk store),
printing wall-clock and CPU seconds of the writer (this process) and of the
workers, characters per CPU second (per core), and the load average around each run.

    python -m bench.bench_ingest [--copies 40] [--workers 2]
    python -m bench.bench_ingest --synthetic 10000 [--rounds 2] [--workers 2]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ingest.load import load_path
from ingest.runner import ingest_paths
from kg.iri import doc_graph_iri
from kg.store.oxigraph import OxigraphStore

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


def make_batch(folder: Path, copies: int) -> list[Path]:
    """The corpus copied ``copies`` times with distinct, valid document ids."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for source in sorted(CORPUS.glob("*.txt")):
            shutil.copyfile(source, folder / f"c{i:04d}_{source.name}")
    return sorted(folder.glob("*.txt"))


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def stage_times(files: list[Path]) -> dict[str, float]:
    """Seconds spent in load, pipeline, emit and the store write, document by document, in this process."""
    from ingest.emit import to_triples
    from ingest.pipeline import run

    totals = dict.fromkeys(("load", "pipeline", "emit", "store"), 0.0)
    store = OxigraphStore(None)
    run(load_path(files[0]))  # warm-up: dictionaries and converters load once per process
    for path in files:
        t0 = time.perf_counter()
        doc = load_path(path)
        t1 = time.perf_counter()
        done = run(doc)
        t2 = time.perf_counter()
        triples = to_triples(done)
        t3 = time.perf_counter()
        store.replace_graph(doc_graph_iri(done.doc_id), triples)
        t4 = time.perf_counter()
        for name, seconds in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            totals[name] += seconds
    store.close()
    return totals


def cpu_seconds() -> float:
    """CPU time of this process plus every finished child (worker processes once their pool is shut down)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def batch_seconds(files: list[Path], root: Path, name: str, **options: object) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one batch ingest into a fresh on-disk store."""
    store = OxigraphStore(root / name)
    try:
        cpu = cpu_seconds()
        report = ingest_paths(store, files, progress=False, **options)  # type: ignore[arg-type]
        assert not report.failed, report.summary()
        return report.seconds, cpu_seconds() - cpu
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--synthetic", type=int, default=0, help="documents of bench/synth.py to ingest A/B")
    parser.add_argument("--rounds", type=int, default=2, help="serial/parallel pairs with --synthetic")
    args = parser.parse_args()
    if args.synthetic:
        from bench.ingest_ab import alternate

        alternate(args.synthetic, args.workers, args.rounds)
        return
    import jieba

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = make_batch(root / "docs", args.copies)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
        texts = [p.read_text(encoding="utf-8") for p in files]
        jieba.initialize()
        baseline = chars / timed(lambda: [jieba.lcut(t) for t in texts])
        print(f"{len(files)} documents, {chars:,} characters; baseline jieba.lcut {baseline:,.0f} chars/s")
        print(f"{'measure':34} {'chars/s':>12} {'vs jieba':>9} {'vs serial':>10}")
        stages = stage_times(files)
        for name, seconds in stages.items():
            print(f"stage {name:28} {chars / seconds:12,.0f} {chars / seconds / baseline:9.2f}")
        runs = {
            "batch serial (replace per doc)": batch_seconds(files, root, "serial", workers=1),
            "batch serial bulk": batch_seconds(files, root, "serial-bulk", workers=1, bulk=True),
            f"batch {args.workers} workers": batch_seconds(files, root, "parallel", workers=args.workers),
            f"batch {args.workers} workers bulk": batch_seconds(
                files, root, "parallel-bulk", workers=args.workers, bulk=True
            ),
        }
        serial_wall, serial_cpu = runs["batch serial (replace per doc)"]
        print(f"\n{'batch':34} {'chars/s':>12} {'vs serial':>10} {'chars/cpu-s':>12} {'vs serial':>10}")
        for name, (wall, cpu) in runs.items():
            speed, cpu_speed = f"{chars / wall:12,.0f} {serial_wall / wall:10.2f}", f"{chars / cpu:12,.0f}"
            print(f"{name:34} {speed} {cpu_speed} {serial_cpu / cpu:10.2f}")


if __name__ == "__main__":
    main()
