"""bench_scale's queries on an on-disk store, each in a child process that is killed at a time cap.

A query on the engine cannot be interrupted from Python, so each (query, store) pair runs in a spawned child
that opens the store read-only: one untimed warm-up run, then timed runs while they fit in the cap. The
parent gives up on a run that has not answered within the cap, kills the child and reports what finished.
"""

from __future__ import annotations

import multiprocessing
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import NamedNode, Store

from bench.process_figures import peak_rss_bytes
from kg.store.oxigraph import OxigraphStore

Rows = list[tuple[tuple[str, str], ...]]
START_TIMEOUT_S = 300.0
"""How long a child may take to import and open the store before its first run (not part of the cap)."""
_largest_child = [0]


def canonical(rows: list[dict[str, object]], bound: frozenset[str] = frozenset()) -> Rows:
    """Rows as sorted (variable, lexical value) tuples without bound variables, comparable across engines."""
    return sorted(
        tuple(sorted((k, str(getattr(v, "value", v))) for k, v in row.items() if v is not None and k not in bound))
        for row in rows
    )


def raw_rows(store: Store, query: str, *, union: bool = True) -> list[dict[str, object]]:
    """A SELECT on raw pyoxigraph over the union graph (or the store's default graph), as dictionaries."""
    solutions = store.query(query, use_default_graph_as_union=union)
    names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
    return [{n: row[n] for n in names} for row in solutions]  # type: ignore[union-attr]


@dataclass(frozen=True)
class QueryRun:
    """One query on one store folder: through ``OxigraphStore.select`` (``ours``, with IRI bindings) or on
    raw pyoxigraph, its default graph read as the union of the named graphs or not (``union``)."""

    store: Path
    query: str
    ours: bool = False
    union: bool = True
    bindings: tuple[tuple[str, str], ...] = ()

    def open(self) -> OxigraphStore | Store:
        return OxigraphStore(self.store, read_only=True) if self.ours else Store.read_only(str(self.store))

    def rows(self, store: OxigraphStore | Store) -> Rows:
        if isinstance(store, OxigraphStore):
            bindings = {name: NamedNode(iri) for name, iri in self.bindings}
            return canonical(store.select(self.query, bindings=bindings), frozenset(bindings))  # type: ignore[arg-type]
        return canonical(raw_rows(store, self.query, union=self.union))


@dataclass(frozen=True)
class Timing:
    """A query's median over its timed runs (``runs``; 0: only the warm-up finished, whose time it is)."""

    seconds: float
    runs: int
    rows: Rows


def _child(run: QueryRun, repeats: int, cap_s: float, sender) -> None:  # type: ignore[no-untyped-def]
    store = run.open()
    sender.send("ready")
    spent = 0.0
    for done in range(repeats + 1):
        started = time.perf_counter()
        rows = run.rows(store)
        seconds = time.perf_counter() - started
        spent += seconds
        sender.send((seconds, rows if done == 0 else None, peak_rss_bytes()))
        if spent + seconds > cap_s:
            break
    sender.send("done")


def capped_query(run: QueryRun, cap_s: float, repeats: int = 3) -> Timing | None:
    """Time ``run`` in a child killed when a run has not answered within ``cap_s`` (None: the warm-up did not)."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(run, repeats, cap_s, sender), daemon=True)
    child.start()
    sender.close()
    times: list[float] = []
    rows: Rows | None = None
    try:
        if not receiver.poll(START_TIMEOUT_S) or receiver.recv() != "ready":
            raise RuntimeError(f"query child did not open {run.store}")
        while receiver.poll(cap_s):
            message = receiver.recv()
            if message == "done":
                break
            seconds, first_rows, peak = message
            _largest_child[0] = max(_largest_child[0], peak)
            rows = first_rows if rows is None else rows
            times.append(seconds)
    except EOFError as exc:
        raise RuntimeError(f"query child died on {run.store}") from exc
    finally:
        child.kill()
        child.join()
    if rows is None:
        return None
    timed = times[1:]
    return Timing(statistics.median(timed) if timed else times[0], len(timed), rows)



def largest_child_rss() -> int:
    """The peak resident bytes of the largest query child so far, as it measured itself after each run."""
    return _largest_child[0]
