"""Graph page at 500 and 2,000 nodes: build time and time until the network is at rest in headless Chromium.

Both pages are built from the same synthetic store (bench/synth.py, the graph shape ingest emits),
capped to N nodes by our view selection, and loaded as local files with every host unresolvable:

* ours: ``viz.render`` (vendored vis-network, bounded stabilisation, then physics off);
* baseline: pyvis 0.3.2 defaults (``Network(cdn_resources="in_line")``, ``from_nx``, ``write_html``),
  physics on with 1,000 stabilisation iterations.

"Stable" is vis-network's ``stabilizationIterationsDone`` measured from navigation start
(``performance.now()``). Ratios are baseline / ours, measured in the same run.

    .venv/bin/python -m bench.bench_graph_page [--sizes 500 2000] [--baseline-timeout 90]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx
from pyoxigraph import RdfFormat, serialize
from pyvis.network import Network

from bench.synth import document_quads, plans
from kg.store.oxigraph import OxigraphStore
from viz.render import Assets, render_html
from viz.source import store_view, zone_index
from viz.views import View

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]
# Signals the end of stabilisation on a pyvis page (pyvis's template keeps `network` global).
PYVIS_PROBE = """<script>
network.once("stabilizationIterationsDone", function () { window.__graphStable = performance.now(); });
</script>
</body>"""


def synthetic_store(nodes: int) -> OxigraphStore:
    """A store with enough synthetic documents for a graph of at least ``nodes`` entities."""
    store = OxigraphStore(None)
    quads = [q for plan in plans(max(20, nodes // 3)) for q in document_quads(plan)]
    store.bulk_load_nquads(serialize(quads, format=RdfFormat.N_QUADS) or b"")
    return store


def build_ours(store: OxigraphStore, nodes: int, out: Path) -> View:
    """Our page: view cut in SPARQL and capped at ``nodes`` → HTML with inline assets."""
    view = store_view(store, limit=nodes)
    out.write_text(render_html(view, assets=Assets(inline=True), zones=zone_index(store)), encoding="utf-8")
    return view


def build_pyvis(view: View, out: Path) -> None:
    """pyvis defaults on the same subgraph (simple graph, label and title as pyvis users set them)."""
    simple = nx.DiGraph()
    for node, data in view.graph.nodes(data=True):
        simple.add_node(node, label=data["label"], title=data["label"], group=data["type"])
    simple.add_edges_from((u, v) for u, v in view.graph.edges())
    net = Network(height="900px", cdn_resources="in_line")
    net.from_nx(simple)
    html = net.generate_html()
    out.write_text(html.replace("</body>", PYVIS_PROBE, 1), encoding="utf-8")


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def time_to_stable(browser, path: Path, timeout_s: float) -> float | None:  # type: ignore[no-untyped-def]
    """Seconds from navigation until the network reported stable, or None after ``timeout_s``."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(path.as_uri(), wait_until="commit")
        page.wait_for_function("window.__graphStable !== undefined", timeout=timeout_s * 1000, polling=100)
        return float(page.evaluate("window.__graphStable")) / 1000
    except PlaywrightTimeout:
        return None
    finally:
        page.close()


def redraw_ms(browser, path: Path) -> float:  # type: ignore[no-untyped-def]
    """Median time of one redraw of our page once it is at rest (what each pan/zoom frame costs)."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(path.as_uri())
    page.wait_for_function("window.__graphStable !== undefined", timeout=60_000)
    samples = page.evaluate("""() => { const out = [];
        for (let i = 0; i < 7; i++) {
            const t = performance.now(); __graph.network.redraw(); out.push(performance.now() - t); }
        return out; }""")
    page.close()
    return float(statistics.median(samples))


def _fmt(seconds: float | None, timeout_s: float) -> str:
    return f"{seconds:7.2f} s" if seconds is not None else f"> {timeout_s:.0f} s"


def _ratio(ours: float | None, base: float | None, timeout_s: float) -> str:
    if ours and base:
        return f"ratio {base / ours:5.1f}x"
    return f"ratio > {timeout_s / ours:5.1f}x" if ours else "ratio n/a"


def best_of(repeats: int, fn: Callable[[], object]) -> float:
    """Shortest wall time of ``repeats`` calls."""
    return min(timed(fn) for _ in range(repeats))


def measure(browser, folder: Path, size: int, baseline_timeout: float, repeats: int) -> None:  # type: ignore[no-untyped-def]
    """Build both pages for one size, time them in the browser and print one block."""
    store = synthetic_store(size)
    ours, base = folder / f"ours-{size}.html", folder / f"pyvis-{size}.html"
    view = build_ours(store, size, ours)
    build_s = best_of(repeats, lambda: build_ours(store, size, ours))
    pyvis_s = best_of(repeats, lambda: build_pyvis(view, base))
    stable = [time_to_stable(browser, ours, 60) for _ in range(repeats)]
    ours_stable = statistics.median(s for s in stable if s is not None) if all(stable) else None
    base_stable = time_to_stable(browser, base, baseline_timeout)
    g = view.graph
    print(f"\n{g.number_of_nodes()} nodes, {g.number_of_edges()} edges (store graph {view.total_nodes} nodes; "
          f"page {ours.stat().st_size:,} B, pyvis page {base.stat().st_size:,} B)")
    print(f"  build (store→page)   ours {build_s:7.2f} s   pyvis build of same view {pyvis_s:7.2f} s")
    print(f"  stable in Chromium   ours {_fmt(ours_stable, 60)}   pyvis defaults {_fmt(base_stable, baseline_timeout)}"
          f"   {_ratio(ours_stable, base_stable, baseline_timeout)}")
    print(f"  redraw at rest       ours {redraw_ms(browser, ours):7.1f} ms (median of 7)")
    store.close()


def run(sizes: list[int], baseline_timeout: float, repeats: int) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in sizes:
            measure(browser, Path(tmp), size, baseline_timeout, repeats)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--baseline-timeout", type=float, default=90.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    run(args.sizes, args.baseline_timeout, args.repeats)


if __name__ == "__main__":
    main()
