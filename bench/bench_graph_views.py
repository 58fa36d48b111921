"""Graph page views at ~1M triples: each view cold (first answer after a write) and repeated, against main's
view path in the same run.

Ours is what ``/graph.json`` and ``/graph`` answer (api.routers.graph_page): the entity index kept in memory
and patched for what each write touched (viz.live), the view assembled from it, the answer kept per store
generation. "Cold" writes one document first (a real write through the store: the biggest zone's document
gains or loses an alias), so it pays the index patch and the view; "new" is a view not asked for yet in the
current generation; "repeated" asks again. The live index is read whole once, and every entity's record read
ahead (viz.live), before the views are timed, as in a server up for a few seconds. The baseline is main's path
before the live index (bench/graph_views_baseline.py: the entity index read again for the new generation, then
the view's triples read), timed on the same on-disk synthetic store (bench/synth.py) in the same run.
Ratio = baseline / ours. The index read whole (at start, after a bulk load or a SPARQL update) is timed on its
own line, with the records read ahead after it.

    .venv/bin/python -m bench.bench_graph_views [--triples 1000000] [--store DIR] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
from pyoxigraph import Literal, NamedNode, Triple

from api.routers.graph_page import json_body, page_html
from bench.graph_views_baseline import old_entity_index, old_store_view
from bench.process_figures import folder_bytes, load_average, memory
from bench.synth import document_quads, nquads, plans
from kg.model import EntityType
from kg.namespaces import SKOS
from kg.store.oxigraph import OxigraphStore
from viz.cache import store_cache
from viz.index import read_entity_index
from viz.live import live_index
from viz.render import render_html
from viz.source import read_zone_index
from viz.views import View

TRIPLES_PER_DOCUMENT = 115
BIGGEST_ZONE = """SELECT ?zone (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e zone:locatedIn ?zone }
GROUP BY ?zone ORDER BY DESC(?n) LIMIT 1"""
DOCUMENT_OF_ZONE = "SELECT ?zone ?g WHERE { GRAPH ?g { ?e zone:locatedIn ?zone } } LIMIT 1"
BUSIEST_ENTERPRISE = """SELECT ?e (COUNT(DISTINCT ?z) AS ?n) WHERE { ?e a zone:Enterprise ; zone:locatedIn ?z }
GROUP BY ?e ORDER BY DESC(?n) LIMIT 1"""


def build_store(folder: Path, triples: int) -> OxigraphStore:
    """An on-disk store of about ``triples`` synthetic quads (a folder that holds a store already is reused as it
    is: bench_scale's ``--store DIR`` leaves the same graph in DIR/ours-TRIPLES)."""
    started = time.perf_counter()
    store = OxigraphStore(folder)
    if store.quad_count() == 0:
        data = b"".join(nquads(document_quads(p)) for p in plans(max(1, triples // TRIPLES_PER_DOCUMENT)))
        store.bulk_load_nquads(data)
        store.flush()
        print(f"built {folder} in {time.perf_counter() - started:.1f} s")
    else:
        print(f"reusing {folder} (opened in {time.perf_counter() - started:.1f} s)")
    return store


CPU_TIMES: list[float] = []
"""The process CPU time of each :func:`timed` call's median run (every thread: the engine's too): on a loaded
box, what a view needs when it has a core to itself."""


def timed(fn: Callable[[], Any], repeats: int, before: Callable[[], None] = lambda: None) -> tuple[float, Any]:
    """Median wall time of ``repeats`` calls (``before`` runs untimed ahead of each), and the last result."""
    times, result = [], None
    for _ in range(repeats):
        before()
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    wall, cpu = sorted(times)[len(times) // 2]
    CPU_TIMES.append(cpu)
    return wall, result


def json_answer(view: View) -> dict[str, Any]:
    """What /graph.json sent for a view (the baseline's answer)."""
    data: dict[str, Any] = nx.node_link_data(view.graph, edges="links")
    data.update(total_nodes=view.total_nodes, truncated=view.truncated, note=view.note)
    return data


def cases(store: OxigraphStore) -> dict[str, dict[str, Any]]:
    """The unfiltered view, the biggest zone, focus depths 1-3 on the enterprise in most zones, each type."""
    zone = store.select(BIGGEST_ZONE)[0]["zone"].value
    enterprise = store.select(BUSIEST_ENTERPRISE)[0]["e"].value
    found: dict[str, dict[str, Any]] = {"unfiltered": {}, "biggest zone": {"zone": zone}}
    found.update({f"focus depth {d}": {"focus": enterprise, "depth": d} for d in (1, 2, 3)})
    found.update({f"type {t.value}": {"types": [t]} for t in EntityType})
    return found


class DocumentWriter:
    """Writes one document of the store again, with an alias of the zone it names added or taken away."""

    def __init__(self, store: OxigraphStore, zone: str) -> None:
        self.store = store
        self.graph = store.select(DOCUMENT_OF_ZONE, bindings={"zone": NamedNode(zone)})[0]["g"]
        self.triples = [q.triple for q in store.raw.quads_for_pattern(None, None, None, self.graph)]
        self.alias = Triple(NamedNode(zone), SKOS.altLabel, Literal("基准测试别名", language="zh"))
        self.writes = 0

    def __call__(self) -> None:
        self.writes += 1
        self.store.replace_graph(self.graph, self.triples + ([self.alias] if self.writes % 2 else []))


def row(name: str, base_s: float, cold_s: float, new_s: float, warm_s: float) -> str:
    return (f"{name:22s} {base_s:8.3f}s {cold_s:7.3f}s {base_s / cold_s:5.1f}x {new_s:7.3f}s {base_s / new_s:5.1f}x"
            f" {warm_s * 1000:7.3f}ms {base_s / warm_s:7.0f}x")


def run(store: OxigraphStore, repeats: int) -> None:
    cache, live = store_cache(store), live_index(store)
    assert cache is not None and live is not None
    on_disk = f", {folder_bytes(store.path) / 1e6:,.0f} MB on disk" if store.path else ""
    print(f"store: {store.quad_count():,} quads{on_disk}; times are medians of {repeats}; ratio = baseline / ours; "
          f"{load_average()}; {memory()}")
    print("cold: first answer after a one-document write (ours: index patch + view; baseline: index read + view);"
          " new: first answer for this view in the current generation; repeated: the same answer again;"
          " cpu: process CPU time of the median baseline and cold runs\n")
    found = cases(store)
    write = DocumentWriter(store, found["biggest zone"]["zone"])
    write_s, _ = timed(write, repeats)
    full_s, _ = timed(lambda: read_entity_index(store), repeats)
    old_s, _ = timed(lambda: old_entity_index(store), repeats)
    started = time.perf_counter()
    live.current()
    live.warmed()
    ahead_s = time.perf_counter() - started
    print(f"one-document write {write_s:.3f}s; index read whole (start, bulk load, SPARQL update) {full_s:.3f}s "
          f"(baseline's index {old_s:.3f}s); index read whole, then every entity's record read ahead in the "
          f"background (views do not wait for it) {ahead_s:.3f}s; {memory()}\n")
    print(f"{'/graph.json view':22s} {'baseline':>9s} {'cold':>8s} {'ratio':>6s} {'new':>8s} {'ratio':>6s}"
          f" {'repeated':>9s} {'ratio':>8s} {'cpu base':>8s} {'cpu cold':>8s}   nodes shown / total (baseline), same"
          " nodes")
    for name, params in found.items():
        CPU_TIMES.clear()
        old_params = {**params, "types": [t.value for t in params.get("types", [])] or None}
        base_s, old = timed(lambda p=old_params: json_answer(old_store_view(store, **p)), repeats)  # type: ignore[misc]
        cold_s, body = timed(lambda p=params: json_body(store, **p), repeats, write)  # type: ignore[misc]
        new_s, _ = timed(lambda p=params: json_body(store, **p), repeats, cache.clear)  # type: ignore[misc]
        warm_s, _ = timed(lambda p=params: json_body(store, **p), max(repeats, 5))  # type: ignore[misc]
        view = json.loads(body)
        same = {n["id"] for n in view["nodes"]} == {n["id"] for n in old["nodes"]}
        print(row(name, base_s, cold_s, new_s, warm_s) + f" {CPU_TIMES[0]:7.3f}s {CPU_TIMES[1]:7.3f}s"
              f"   {len(view['nodes'])} / {view['total_nodes']} ({len(old['nodes'])} / {old['total_nodes']}), "
              f"{'same' if same else 'DIFFERENT'}; {load_average().removeprefix('load average ')}")
    CPU_TIMES.clear()
    base_s, _ = timed(lambda: render_html(old_store_view(store), zones=read_zone_index(store)), repeats)
    cold_s, _ = timed(lambda: page_html(store), repeats, write)
    new_s, _ = timed(lambda: page_html(store), repeats, cache.clear)
    warm_s, _ = timed(lambda: page_html(store), max(repeats, 5))
    print(row("/graph page unfiltered", base_s, cold_s, new_s, warm_s) + f" {CPU_TIMES[0]:7.3f}s {CPU_TIMES[1]:7.3f}s")
    if write.writes % 2:
        write()  # the store as it was
    print(f"\n{load_average()}; {memory()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--store", type=Path, help="reuse (or create) the store in this folder")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(args.store or Path(tmp) / "store", args.triples)
        try:
            run(store, args.repeats)
        finally:
            store.close()


if __name__ == "__main__":
    main()
