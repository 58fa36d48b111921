"""Extraction throughput per stage on the corpus, as ratios to plain ``jieba.lcut`` in the same run.

Each stage runs on the same normalised, segmented documents for a fixed time;
the table gives characters per second and the ratio to ``jieba.lcut`` (the
cheapest tokenisation any stage could need), so results compare across machines.

    python -m bench.bench_extract [--docs data/corpus] [--seconds 3]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import jieba

from ingest.document import Document
from ingest.extract.indicators import extract_indicators
from ingest.extract.numbers import find_quantities
from ingest.load import load_path
from ingest.normalise import normalise
from ingest.pipeline import extractors, run, with_home_zone
from ingest.segment import segment


def _rate(work: Callable[[Document], object], docs: list[Document], seconds: float) -> float:
    """Characters of ``Document.text`` processed per second by ``work``."""
    chars = sum(len(doc.text) for doc in docs)
    passes = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for doc in docs:
            work(doc)
        passes += 1
    return chars * passes / (time.perf_counter() - start)


def _stages() -> dict[str, Callable[[Document], object]]:
    stages: dict[str, Callable[[Document], object]] = {
        "jieba.lcut (baseline)": lambda doc: jieba.lcut(doc.text),
        "numbers.find_quantities": lambda doc: find_quantities(doc.text),
        "ingest.extract.indicators.extract_indicators": extract_indicators,
    }
    for extractor in extractors():
        stages.setdefault(f"{extractor.__module__}.{extractor.__name__}", extractor)
    stages["pipeline.run (load excluded)"] = lambda doc: run(replace(doc, text="", sentences=(), offsets=()))
    return stages


def main() -> None:
    """Print the throughput table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=Path("data/corpus"))
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    docs = [with_home_zone(segment(normalise(load_path(path)))) for path in sorted(args.docs.glob("*.txt"))]
    jieba.lcut("预热")
    rates = {name: _rate(work, docs, args.seconds) for name, work in _stages().items()}
    baseline = rates["jieba.lcut (baseline)"]
    print(f"{'stage':45s} {'k chars/s':>10s} {'x jieba':>8s}")
    for name, rate in rates.items():
        print(f"{name:45s} {rate / 1000:10.0f} {rate / baseline:8.2f}")


if __name__ == "__main__":
    main()
