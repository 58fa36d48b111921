"""Graph page views at ~1M triples: cut in SPARQL (viz.source.store_view) against loading the whole graph.

The baseline is the way the page worked before: every request CONSTRUCTs the whole entity
graph (``viz_graph.rq``) into NetworkX and cuts the view there (``viz.views.select_view``).
Both run on the same on-disk synthetic store (bench/synth.py, the graph shape ingest emits)
in the same run. For each of the unfiltered page, a zone view and focus views, the table gives
the time of one ``/graph.json`` answer (view + node-link JSON) and of the unfiltered HTML page,
and the ratio baseline / ours. The baseline's whole-graph load is timed once and added to
each of its cuts (it is the same work on every request).

    .venv/bin/python -m bench.bench_graph_views [--triples 1000000] [--store DIR] [--repeats 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from bench.synth import document_quads, nquads, plans
from kg.sparql import load_query
from kg.store.oxigraph import OxigraphStore
from viz.graph import to_networkx
from viz.render import render_html
from viz.source import store_view, zone_index
from viz.views import View, select_view

TRIPLES_PER_DOCUMENT = 115
BIGGEST_ZONE = """SELECT ?zone (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e zone:locatedIn ?zone }
GROUP BY ?zone ORDER BY DESC(?n) LIMIT 1"""
BUSIEST_ENTERPRISE = """SELECT ?e (COUNT(DISTINCT ?z) AS ?n) WHERE { ?e a zone:Enterprise ; zone:locatedIn ?z }
GROUP BY ?e ORDER BY DESC(?n) LIMIT 1"""


def build_store(folder: Path, triples: int) -> OxigraphStore:
    """An on-disk store of about ``triples`` synthetic quads."""
    store = OxigraphStore(folder)
    if store.quad_count() == 0:
        data = b"".join(nquads(document_quads(p)) for p in plans(max(1, triples // TRIPLES_PER_DOCUMENT)))
        store.bulk_load_nquads(data)
        store.flush()
    return store


def timed(fn: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """Median wall time of ``repeats`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2], result


def json_answer(view: View) -> dict[str, Any]:
    """What /graph.json sends for a view."""
    data: dict[str, Any] = nx.node_link_data(view.graph, edges="links")
    data.update(total_nodes=view.total_nodes, truncated=view.truncated, note=view.note)
    return data


def old_load(store: OxigraphStore) -> nx.MultiDiGraph:
    """The baseline's first step on every request: the whole entity graph."""
    return to_networkx(store.construct(load_query("viz_graph")))


def cases(store: OxigraphStore) -> dict[str, dict[str, Any]]:
    """View parameters aimed at the biggest zone and the enterprise in most zones."""
    zone = store.select(BIGGEST_ZONE)[0]["zone"].value
    enterprise = store.select(BUSIEST_ENTERPRISE)[0]["e"].value
    return {
        "unfiltered": {},
        "type Enterprise": {"types": ["Enterprise"]},
        "zone": {"zone": zone},
        "focus depth 1": {"focus": enterprise, "depth": 1},
        "focus depth 2": {"focus": enterprise, "depth": 2},
        "focus depth 3": {"focus": enterprise, "depth": 3},
    }


def run(store: OxigraphStore, repeats: int) -> None:
    load_s, graph = timed(lambda: old_load(store), 1)
    print(f"store: {store.quad_count():,} quads; whole entity graph {graph.number_of_nodes():,} nodes, "
          f"{graph.number_of_edges():,} edges; baseline load {load_s:.2f} s per request (timed once)\n")
    print(f"{'request':28s} {'ours':>9s} {'baseline':>10s} {'ratio':>8s}   shown / total")
    for name, params in cases(store).items():
        ours_s, view = timed(lambda p=params: json_answer(store_view(store, **p)), repeats)  # type: ignore[misc]
        cut_s, old = timed(lambda p=params: json_answer(select_view(graph, **p)), repeats)  # type: ignore[misc]
        base_s = load_s + cut_s
        print(f"/graph.json {name:16s} {ours_s:8.2f}s {base_s:9.2f}s {base_s / ours_s:7.1f}x   "
              f"{len(view['nodes'])} / {view['total_nodes']} (baseline {len(old['nodes'])} / {old['total_nodes']})")
    ours_s, _ = timed(lambda: render_html(store_view(store), zones=zone_index(store)), repeats)
    cut_s, _ = timed(lambda: render_html(select_view(graph), zones=None), repeats)
    base_s = load_s + cut_s
    print(f"{'/graph page, unfiltered':28s} {ours_s:8.2f}s {base_s:9.2f}s {base_s / ours_s:7.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--store", type=Path, help="reuse (or create) the store in this folder")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(args.store or Path(tmp) / "store", args.triples)
        try:
            run(store, args.repeats)
        finally:
            store.close()


if __name__ == "__main__":
    main()
