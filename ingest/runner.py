"""Ingest documents into the store: load → pipeline → emit → one named graph per document.

Every document is written in one transaction (``replace_graph``, or
``replace_graphs`` for a group of documents in bulk mode), so a document that
fails anywhere leaves the store as it was, re-ingesting a document replaces its
graph instead of adding to it, and a process killed at any moment leaves each
document either its old complete version or its new one. Batches can run in
worker processes, which take a few files at a time and return each document
graph as N-Triples lines; only the parent writes to the store, splicing those
lines into its update without parsing them again.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ingest.budget import Budget, deadline
from ingest.document import Document
from ingest.load import SUPPORTED_SUFFIXES, load_bytes, load_path, safe_name
from kg.errors import DocumentRejected, KgError
from kg.iri import doc_graph_iri
from kg.store.terms import NTriplesText, ntriples_block

if TYPE_CHECKING:
    from pyoxigraph import Triple

    from kg.store import GraphStore

log = logging.getLogger(__name__)

OnError = Literal["skip", "raise"]

BULK_MIN_DOCUMENTS = 50
"""From this many documents on, a batch is written in groups of documents instead of one update per document."""
BULK_GROUP_BYTES = 512 * 1024
BULK_GROUP_DOCUMENTS = 16
"""A group is written (one transaction) once it holds this many N-Triples bytes or documents.

One transaction per group costs less than one per document (~2.5x on bench/synth.py
documents), while groups far larger get slower again (bigger write batches).
"""
BATCH_DOCUMENTS = 8
BATCH_BYTES = 256 * 1024
"""A worker task: this many files, or about this many bytes of input."""
IN_FLIGHT_PER_WORKER = 3
"""Batches submitted ahead per worker process: enough for the workers to go on while the parent writes."""
PARALLEL_MIN_BYTES = 4 * 1024 * 1024
"""Below this many input bytes, and unless ``workers`` is given, a batch runs in this process.

Each spawned worker pays about 1.5 CPU-seconds of imports and dictionary loading
(bench/bench_ingest.py: 2 workers cost ~1.2x the CPU per character of a serial
run on 1.5M characters), so only batches of several seconds' work gain from them.
"""


@dataclass(frozen=True)
class IngestResult:
    """One document written to the store."""

    doc_id: str
    source_name: str
    graph: str
    triples: int
    chars: int
    encoding: str


@dataclass(frozen=True)
class IngestFailure:
    """One document that was not ingested, and why."""

    source: str
    reason: str


@dataclass
class IngestReport:
    """What a batch did: documents written, documents refused, sizes and time."""

    documents: list[IngestResult] = field(default_factory=list)
    failed: list[IngestFailure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        return sum(d.triples for d in self.documents)

    @property
    def chars(self) -> int:
        return sum(d.chars for d in self.documents)

    def summary(self) -> str:
        """A few lines for the terminal: counts, throughput, and each failure with its reason."""
        rate = self.chars / self.seconds if self.seconds > 0 else 0.0
        lines = [
            f"ingested {len(self.documents)} document(s), {self.triples:,} triples, "
            f"{self.chars:,} characters in {self.seconds:.2f} s ({rate:,.0f} chars/s); "
            f"{len(self.failed)} failed"
        ]
        lines += [f"  failed: {f.source}: {f.reason}" for f in self.failed]
        return "\n".join(lines)


# -- one document ---------------------------------------------------------------


def extract_triples(doc: Document, budget: Budget | None = None) -> tuple[Document, list[Triple]]:
    """Run the extraction pipeline on a loaded document (within ``budget``) and emit its graph's triples."""
    from ingest.emit import to_triples
    from ingest.pipeline import run

    done = run(doc, budget)
    return done, to_triples(done)


def ingest_document(store: GraphStore, doc: Document, budget: Budget | None = None) -> IngestResult:
    """Extract one loaded document and replace its named graph in one atomic update."""
    done, triples = extract_triples(doc, budget)
    graph = doc_graph_iri(done.doc_id)
    store.replace_graph(graph, triples)
    return _result(done, graph.value, len(triples))


def ingest_bytes(store: GraphStore, data: bytes, filename: str, budget: Budget | None = None) -> IngestResult:
    """Load, extract and store one uploaded document.

    Raises:
        DocumentRejected: the bytes are not a readable document, or over the budget; the store is untouched.
    """
    return ingest_document(store, load_bytes(data, filename), budget)


def _result(doc: Document, graph: str, triples: int) -> IngestResult:
    return IngestResult(doc.doc_id, doc.source_name, graph, triples, len(doc.raw), doc.encoding)


# -- the worker side (runs in child processes; keep its imports light) -----------


@dataclass(frozen=True)
class Extracted:
    """A document extracted and serialised, ready for the writer (another process) to store."""

    source: str
    result: IngestResult
    ntriples: str
    """Its graph's triples as N-Triples lines: the embedded store splices them into its update as they are."""

    def triples(self) -> NTriplesText:
        return NTriplesText(self.ntriples)


def _serialised(source: str, load: Callable[[], Document], budget: Budget | None) -> Extracted:
    """Load (the clock runs from here), extract and serialise one document."""
    budget = budget or Budget()
    with deadline(budget, safe_name(Path(source).name)):
        done, triples = extract_triples(load(), budget)
    graph = doc_graph_iri(done.doc_id)
    return Extracted(source, _result(done, graph.value, len(triples)), ntriples_block(triples))


def _process(path: str, budget: Budget | None = None) -> Extracted:
    """Load, extract and serialise one file as the N-Triples of its document graph."""
    return _serialised(path, lambda: load_path(Path(path)), budget)


def extract_upload(data: bytes, filename: str, budget: Budget | None = None) -> Extracted:
    """Load, extract and serialise one uploaded document (nothing is written).

    Raises:
        DocumentRejected: unreadable, or over the budget.
    """
    return _serialised(filename, lambda: load_bytes(data, filename), budget)


# -- batches ---------------------------------------------------------------------


def iter_document_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and every supported file under named folders (sorted, hidden ones skipped)."""
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            yield from sorted(p for p in found if not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            yield path


def ingest_paths(
    store: GraphStore,
    paths: Iterable[Path],
    *,
    workers: int | None = None,
    on_error: OnError = "skip",
    progress: bool = True,
    bulk: bool | None = None,
    budget: Budget | None = None,
) -> IngestReport:
    """Ingest files and folders, one named graph per document.

    Args:
        workers: worker processes; None means one per core, but small batches then run in-process.
        on_error: ``skip`` reports a bad document and goes on; ``raise`` stops at the first one.
        progress: show a progress bar on stderr.
        bulk: write with bulk loads (None: for batches of ``BULK_MIN_DOCUMENTS`` or more).
        budget: limits on each document's extraction (None: the defaults); a document over one is refused.

    Raises:
        KgError: an unknown ``on_error``; with ``on_error="raise"``, the first document's error
            (earlier documents stay written).
    """
    if on_error not in ("skip", "raise"):
        raise KgError(f"on_error must be 'skip' or 'raise', not {on_error!r}")
    files = list(iter_document_paths(paths))
    started = time.perf_counter()
    report = IngestReport()
    use_bulk = len(files) >= BULK_MIN_DOCUMENTS if bulk is None else bulk
    writer = _Writer(store, report, bulk=use_bulk)
    processes = _process_count(files, workers)
    outcomes = _run_parallel(files, processes, budget) if processes > 1 else _run_serial(files, budget)
    with _progress_bar(len(files), progress) as bar, closing(outcomes):
        try:
            for source, outcome in outcomes:
                _take(writer, source, outcome, on_error)
                bar.update(1)
        finally:
            writer.flush()
    report.seconds = time.perf_counter() - started
    return report


def _process_count(files: list[Path], workers: int | None) -> int:
    if workers is not None:
        return max(1, min(workers, len(files)))
    size = sum(p.stat().st_size for p in files if p.is_file())
    if size < PARALLEL_MIN_BYTES:
        return 1
    return max(1, min(os.cpu_count() or 1, len(files)))


Outcomes = Generator[tuple[str, Extracted | BaseException], None, None]


def _run_serial(files: list[Path], budget: Budget | None) -> Outcomes:
    for path in files:
        try:
            yield str(path), _process(str(path), budget)
        except Exception as exc:  # noqa: BLE001 - handed to _take, which reports or re-raises it
            yield str(path), exc


def _run_parallel(files: list[Path], processes: int, budget: Budget | None) -> Outcomes:
    """Outcomes in input order, with a bounded number of batches in flight (memory stays flat).

    Each task is a batch of documents, so a worker keeps extracting while the parent writes a group
    (the store's update releases the GIL: results keep arriving meanwhile) and pays one round trip per batch.
    """
    window = processes * IN_FLIGHT_PER_WORKER
    # spawn: children never inherit the parent's open store (RocksDB threads and locks).
    with ProcessPoolExecutor(max_workers=processes, mp_context=get_context("spawn")) as pool:
        pending: deque[tuple[list[str], Future[list[Extracted | BaseException]]]] = deque()
        queue = _batches(files)
        try:
            while True:
                while len(pending) < window and (batch := next(queue, None)) is not None:
                    pending.append((batch, pool.submit(_process_batch, batch, budget)))
                if not pending:
                    return
                batch, future = pending.popleft()
                try:
                    outcomes = future.result()
                except BrokenProcessPool as exc:
                    # Every document still in flight is lost with the pool: stop instead of reporting each.
                    names = batch[0] if len(batch) == 1 else f"{batch[0]} (or one of the {len(batch) - 1} after it)"
                    raise KgError(f"a worker process died while ingesting {names} (out of memory?)") from exc
                except Exception as exc:  # noqa: BLE001 - e.g. a result that could not be sent: each file reports it
                    outcomes = [exc] * len(batch)
                yield from zip(batch, outcomes, strict=True)
        finally:
            for _, future in pending:
                future.cancel()


def _batches(files: list[Path]) -> Iterator[list[str]]:
    """Consecutive files grouped into worker tasks of at most ``BATCH_DOCUMENTS`` files and about
    ``BATCH_BYTES`` of input (a large file travels alone)."""
    batch: list[str] = []
    size = 0
    for path in files:
        nbytes = path.stat().st_size if path.is_file() else 0
        if batch and (len(batch) >= BATCH_DOCUMENTS or size + nbytes > BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(str(path))
        size += nbytes
    if batch:
        yield batch


def _process_batch(paths: list[str], budget: Budget | None) -> list[Extracted | BaseException]:
    """Each file's ``Extracted``, or the error that refused it (runs in a worker process)."""
    outcomes: list[Extracted | BaseException] = []
    for path in paths:
        try:
            outcomes.append(_process(path, budget))
        except Exception as exc:  # noqa: BLE001 - handed to the parent, which reports or re-raises it
            outcomes.append(_portable(exc))
    return outcomes


def _portable(exc: Exception) -> BaseException:
    """``exc`` ready to cross to the parent: a defect keeps its traceback as a note (the parent logs it), and an
    exception that cannot be pickled becomes a RuntimeError with its text."""
    if not isinstance(exc, KgError):
        exc.add_note("".join(traceback.format_exception(exc)).rstrip())
    try:
        pickle.dumps(exc)
    except Exception:  # noqa: BLE001 - any pickling failure
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def _take(writer: _Writer, source: str, outcome: Extracted | BaseException, on_error: OnError) -> None:
    """Write one outcome, or report (skip) or re-raise (raise) its error."""
    if isinstance(outcome, Extracted):
        outcome = writer.write(outcome)
        if outcome is None:
            return
    if on_error == "raise":
        if isinstance(outcome, Exception):
            outcome.add_note(f"while ingesting {source}")
        raise outcome
    writer.report.failed.append(IngestFailure(source, _reason(outcome)))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KgError):
        return str(exc)
    # Not a refusal but a defect in extraction: keep the traceback in the log.
    log.error("ingest failed unexpectedly", exc_info=exc)
    return f"internal error ({type(exc).__name__}: {exc})"


class _Writer:
    """Writes serialised document graphs: one transaction per document, or per group of documents (bulk)."""

    def __init__(self, store: GraphStore, report: IngestReport, *, bulk: bool) -> None:
        self.store = store
        self.report = report
        self.bulk = bulk
        self.sources: dict[str, str] = {}
        self.pending: list[Extracted] = []
        self.pending_bytes = 0

    def write(self, outcome: Extracted) -> DocumentRejected | None:
        """Write (or queue) one document; a duplicate id within the batch is refused."""
        doc_id = outcome.result.doc_id
        if doc_id in self.sources:
            return DocumentRejected(f"{outcome.source}: document id {doc_id!r} is also used by {self.sources[doc_id]}")
        self.sources[doc_id] = outcome.source
        if not self.bulk:
            self.store.replace_graph(doc_graph_iri(doc_id), outcome.triples())
            self.report.documents.append(outcome.result)
            return None
        self.pending.append(outcome)
        self.pending_bytes += len(outcome.ntriples)
        if self.pending_bytes >= BULK_GROUP_BYTES or len(self.pending) >= BULK_GROUP_DOCUMENTS:
            self.flush()
        return None

    def flush(self) -> None:
        """Replace the queued documents' graphs in one transaction."""
        if not self.pending:
            return
        self.store.replace_graphs({doc_graph_iri(o.result.doc_id): o.triples() for o in self.pending})
        self.report.documents.extend(o.result for o in self.pending)
        self.pending, self.pending_bytes = [], 0


def _progress_bar(total: int, enabled: bool):  # type: ignore[no-untyped-def]
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, disable=not enabled, desc="ingest")
