"""End-to-end extraction throughput (load → pipeline → emit) against baselines from the same run.

The corpus is repeated until about ``--megabytes`` of UTF-8 text; each copy is
a distinct document (its own doc id) so nothing is cached between copies. The
table gives characters per second for the whole path and its parts, and the
ratio to two baselines measured over the same text in the same process:
plain ``jieba.lcut`` (the cheapest useful Chinese processing) and OpenCC
``t2s`` alone.

    python -m bench.bench_pipeline [--megabytes 1]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from ingest.document import Document
from ingest.emit import to_triples
from ingest.load import load_bytes
from ingest.normalise import normalise, to_simplified
from ingest.pipeline import extract, run, with_home_zone
from ingest.resolve import resolve
from ingest.segment import segment

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
TARGET_PER_CORE = 50_000


def corpus_copies(megabytes: float) -> list[tuple[str, bytes]]:
    """(file name, bytes) of the corpus repeated to about ``megabytes`` of text."""
    sources = [(p.name, p.read_bytes()) for p in sorted(CORPUS.glob("*.txt"))]
    size = sum(len(data) for _, data in sources)
    copies = max(1, round(megabytes * 1_000_000 / size))
    return [(f"c{i:04d}_{name}", data) for i in range(copies) for name, data in sources]


def timed(work: Callable[[], object]) -> float:
    """CPU seconds of one call: everything here is single-threaded, so this is per-core time,
    unaffected by other processes sharing the machine."""
    started = time.process_time()
    work()
    return time.process_time() - started


def _end_to_end(files: list[tuple[str, bytes]]) -> None:
    for name, data in files:
        to_triples(run(load_bytes(data, name)))


def measure(files: list[tuple[str, bytes]]) -> list[tuple[str, float]]:
    """Seconds per row: baselines, each stage on the previous stage's output, then the whole path."""
    import jieba

    docs = [load_bytes(data, name) for name, data in files]
    text = "".join(doc.raw for doc in docs)
    jieba.lcut("预热分词词典")  # dictionary loading is start-up, not throughput
    run(docs[0])  # so are the extractors' lexicons
    prepared: list[Document] = []
    resolved: list[Document] = []
    return [
        ("baseline: jieba.lcut", timed(lambda: jieba.lcut(text))),
        ("baseline: OpenCC t2s", timed(lambda: to_simplified(text))),
        ("load (bytes → Document)", timed(lambda: [load_bytes(d, n) for n, d in files])),
        ("normalise + segment", timed(lambda: prepared.extend(segment(normalise(doc)) for doc in docs))),
        ("extract + resolve", timed(lambda: resolved.extend(resolve(extract(with_home_zone(d))) for d in prepared))),
        ("emit (triples)", timed(lambda: [to_triples(doc) for doc in resolved])),
        ("end to end", timed(lambda: _end_to_end(files))),
    ]


def main() -> None:
    """Print the throughput table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()
    files = corpus_copies(args.megabytes)
    chars = sum(len(load_bytes(d, n).raw) for n, d in files)
    rows = measure(files)
    base = {name: seconds for name, seconds in rows if name.startswith("baseline")}
    jieba_rate = chars / base["baseline: jieba.lcut"]
    t2s_rate = chars / base["baseline: OpenCC t2s"]
    print(f"{len(files)} documents, {chars:,} characters, {sum(len(d) for _, d in files) / 1e6:.2f} MB")
    print(f"{'stage':<26}{'seconds':>9}{'chars/s':>12}{'× jieba':>9}{'× t2s':>9}")
    for name, seconds in rows:
        rate = chars / max(seconds, 1e-9)
        print(f"{name:<26}{seconds:>9.2f}{rate:>12,.0f}{rate / jieba_rate:>9.3f}{rate / t2s_rate:>9.4f}")
    end = chars / dict(rows)["end to end"]
    verdict = "meets" if end >= TARGET_PER_CORE else "misses"
    print(f"end to end {end:,.0f} chars/s on one core: {verdict} the {TARGET_PER_CORE:,} chars/s target")


if __name__ == "__main__":
    main()
