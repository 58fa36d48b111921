"""Graph page views at ~1M triples: each view cold and repeated, against the old view path in the same run.

Ours is what ``/graph.json`` and ``/graph`` answer (api.routers.graph_page): candidates ranked from the
per-generation entity index, only the drawn predicates read for the chosen entities, the answer kept per
store generation. "Cold" clears that cache first (as after a write), so it also reads the entity index
when the view needs it; "repeated" asks again. The baseline is the previous view path
(bench/graph_views_baseline.py: count, rank over every entity, every triple of the chosen entities),
timed on the same on-disk synthetic store (bench/synth.py) in the same run. Ratio = baseline / ours.

    .venv/bin/python -m bench.bench_graph_views [--triples 1000000] [--store DIR] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from api.routers.graph_page import json_body, page_html
from bench.graph_views_baseline import old_store_view
from bench.synth import document_quads, nquads, plans
from kg.model import EntityType
from kg.store.oxigraph import OxigraphStore
from viz.cache import store_cache
from viz.index import ENTITY_INDEX_KEY
from viz.render import render_html
from viz.source import read_zone_index
from viz.views import View

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


def timed(fn: Callable[[], Any], repeats: int, before: Callable[[], None] = lambda: None) -> tuple[float, Any]:
    """Median wall time of ``repeats`` calls (``before`` runs untimed ahead of each), and the last result."""
    times, result = [], None
    for _ in range(repeats):
        before()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2], result


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


def keep_index(key: Any) -> bool:
    return key == ENTITY_INDEX_KEY


def run(store: OxigraphStore, repeats: int) -> None:
    cache = store_cache(store)
    assert cache is not None
    print(f"store: {store.quad_count():,} quads; times are medians of {repeats}; ratio = baseline / ours")
    print("cold: first answer after a write (entity index read too); new: first answer for this view when another"
          " view has read the index; repeated: the same answer again\n")
    print(f"{'/graph.json view':22s} {'baseline':>9s} {'cold':>8s} {'ratio':>6s} {'new':>8s} {'ratio':>6s}"
          f" {'repeated':>9s} {'ratio':>8s}   nodes shown / total (baseline)")
    for name, params in cases(store).items():
        old_params = {**params, "types": [t.value for t in params.get("types", [])] or None}
        base_s, old = timed(lambda p=old_params: json_answer(old_store_view(store, **p)), repeats)  # type: ignore[misc]
        cold_s, body = timed(lambda p=params: json_body(store, **p), repeats, cache.clear)  # type: ignore[misc]
        new_s, _ = timed(lambda p=params: json_body(store, **p), repeats,  # type: ignore[misc]
                         lambda: cache.clear(keep=keep_index))
        warm_s, _ = timed(lambda p=params: json_body(store, **p), max(repeats, 5))  # type: ignore[misc]
        view = json.loads(body)
        print(f"{name:22s} {base_s:8.3f}s {cold_s:7.3f}s {base_s / cold_s:5.1f}x {new_s:7.3f}s {base_s / new_s:5.1f}x"
              f" {warm_s * 1000:7.3f}ms {base_s / warm_s:7.0f}x   {len(view['nodes'])} / {view['total_nodes']} "
              f"({len(old['nodes'])} / {old['total_nodes']})")
    base_s, _ = timed(lambda: render_html(old_store_view(store), zones=read_zone_index(store)), repeats)
    cold_s, _ = timed(lambda: page_html(store), repeats, cache.clear)
    new_s, _ = timed(lambda: page_html(store), repeats, lambda: cache.clear(keep=keep_index))
    warm_s, _ = timed(lambda: page_html(store), max(repeats, 5))
    print(f"{'/graph page unfiltered':22s} {base_s:8.3f}s {cold_s:7.3f}s {base_s / cold_s:5.1f}x {new_s:7.3f}s "
          f"{base_s / new_s:5.1f}x {warm_s * 1000:7.3f}ms {base_s / warm_s:7.0f}x")


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
