"""Measurements of bench_merged that run in a child process, so one over its time limit is really stopped.

:func:`limited` starts a spawned child that builds a probe (opens the store, prepares the call), runs it
once (cold) and, while each run stays short, ``repeats`` more times, sending each run's seconds and a
summary of its answer; the parent waits at most ``limit_s`` for each run and kills the child (the
engine's query with it) when a run passes the limit. Probes open the store themselves: read-only for
queries and views (a point-in-time view), read-write for writes (the parent holds no handle then).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pyoxigraph import Store

from kg.namespaces import PREFIXES

REPEAT_WHEN_UNDER_S = 5.0
"""A cold run longer than this is not repeated (its time is the figure): keeps slow union runs bounded."""


@dataclass(frozen=True)
class Outcome:
    """What a limited measurement gave: median seconds of the repeated runs (the cold run alone if it was
    slow), the cold run's seconds, the answer's summary; ``seconds`` None when stopped at the limit."""

    seconds: float | None
    cold: float | None
    summary: Any
    runs: int

    def shown(self, limit_s: float) -> str:
        if self.seconds is None:
            return f">{limit_s:.0f} s"
        return f"{self.seconds * 1000:.1f} ms" if self.seconds < 1 else f"{self.seconds:.2f} s"


def limited(probe: str, args: tuple[Any, ...], limit_s: float, repeats: int = 3,
            repeat_under_s: float = REPEAT_WHEN_UNDER_S) -> Outcome:
    """Run ``PROBES[probe](*args)`` in a child as described above; a run over ``limit_s`` kills the child.
    A cold run longer than ``repeat_under_s`` is not repeated."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, probe, args, repeats, repeat_under_s), daemon=True)
    child.start()
    sender.close()
    times: list[float] = []
    summary: Any = None
    try:
        if not receiver.poll(600):  # opening the store and importing are not timed, but bounded
            raise RuntimeError(f"probe {probe} did not start")
        _expect(receiver.recv(), "ready")
        while True:
            if not receiver.poll(limit_s):
                break
            message = receiver.recv()
            if message[0] == "done":
                break
            _, seconds, summary = _expect(message, "run")
            times.append(seconds)
    except EOFError:
        pass  # the child ended without "done": an error it printed, or it was killed
    finally:
        if child.is_alive():
            child.kill()
        child.join()
    if not times:
        return Outcome(None, None, None, 0)
    figure = statistics.median(times[1:]) if len(times) > 1 else times[0]
    return Outcome(figure, times[0], summary, len(times))


def _expect(message: tuple[Any, ...], kind: str) -> tuple[Any, ...]:
    if message[0] == "error":
        raise RuntimeError(f"probe failed: {message[1]}")
    if message[0] != kind:
        raise RuntimeError(f"unexpected message {message!r}")
    return message


def _child(sender: Connection, probe: str, args: tuple[Any, ...], repeats: int,
           repeat_under_s: float = REPEAT_WHEN_UNDER_S) -> None:
    try:
        run = PROBES[probe](*args)
        sender.send(("ready",))
        prepare = getattr(run, "prepare", lambda: None)  # untimed, before each run
        for number in range(repeats + 1):
            prepare()
            started = time.perf_counter()
            summary = run()
            seconds = time.perf_counter() - started
            if callable(summary):  # a check of the result that is not part of the timed call
                summary = summary()
            sender.send(("run", seconds, summary))
            if number == 0 and seconds > repeat_under_s:
                break
        sender.send(("done",))
    except Exception as exc:  # reported to the parent, which raises it
        sender.send(("error", f"{type(exc).__name__}: {exc}"))


# -- probes: each returns the call to time --------------------------------------------------------------


def query_probe(path: str, query: str, union: bool) -> Callable[[], tuple[int, int, str]]:
    """A SELECT on the merged default graph (or the union of the graphs): rows, distinct rows, their digest."""
    store = Store.read_only(path)

    def run() -> tuple[int, int, str]:
        solutions = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=union)
        names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
        rows = [tuple(str(row[n]) for n in names) for row in solutions]  # type: ignore[union-attr]
        distinct = sorted(set(rows))
        return len(rows), len(distinct), hashlib.sha256(repr(distinct).encode()).hexdigest()[:12]

    return run


def view_probe(path: str, params: dict[str, Any], union: bool,
               index_built: bool = False) -> Callable[[], tuple[str, int, int]]:
    """``/graph.json`` (or, with ``params["page"]``, the ``/graph`` page) computed cold, on a store whose
    queries read the merged graph or, as before it existed, the union of the document graphs.
    Before each run the answer cache and the store's live entity index are dropped (a cold view);
    ``index_built``: the entity index is then read again, untimed (the view alone)."""
    import json

    from api.routers.graph_page import json_body, page_html
    from kg.model import EntityType
    from kg.store.oxigraph import OxigraphStore
    from viz.cache import store_cache
    from viz.live import _LIVE
    from viz.source import entity_index

    store = OxigraphStore(Path(path), read_only=True)
    store._union_fallback = union  # the read path of a store without a merged graph: the old shape
    cache = store_cache(store)
    assert cache is not None
    params = dict(params)
    page = params.pop("page", False)
    if "types" in params:
        params["types"] = [EntityType(t) for t in params["types"]]

    def prepare() -> None:
        cache.clear()
        _LIVE.pop(store, None)  # the entity index and the records views read, kept across writes on main
        if index_built:
            entity_index(store, cache)

    def run() -> tuple[str, int, int]:
        if page:
            return "bytes", len(page_html(store, **params)), 0
        view = json.loads(json_body(store, **params))
        return "nodes", len(view["nodes"]), int(view["total_nodes"])

    run.prepare = prepare  # type: ignore[attr-defined]
    return run


def write_probe(path: str, operation: str, payload: Any) -> Callable[[], Any]:
    """A write on the store opened read-write: see :mod:`bench.merged_writes`."""
    from bench.merged_writes import write_operation

    return write_operation(Path(path), operation, payload)


PROBES: dict[str, Callable[..., Callable[[], Any]]] = {
    "query": query_probe, "view": view_probe, "write": write_probe,
}
