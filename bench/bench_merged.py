"""The merged default graph against the union form at ~1M quads: product questions, graph views, upkeep.

One synthetic graph (bench/synth.py, the shape ingest emits) is generated once into ``--data`` and
reused: its N-Quads, the embedded store built from them (document graphs + merged default graph) and,
with ``--remote``, an ``oxigraph serve`` location holding the same document graphs and merged graph.

1. The issue's product questions written naively from ontology/zone.ttl (no DISTINCT, no sub-selects),
   on the merged default graph and on the union of the document graphs (the old shape), same store.
2. The graph views (``/graph.json`` cold, the ``/graph`` page) on a store reading the merged graph and on
   the same store reading the union of its document graphs, as a store without the merged graph did.
3. What keeping the merged graph costs at this size: ``/sparql/update`` cases (bench.merged_updates: plain vs
   with the incremental upkeep; the old path, a full rebuild in SPARQL after any update, on a no-op),
   ``rebuild_merged`` (Python over the quads) against the previous one (facts in SPARQL), and per document
   the upkeep of ingest, replace and delete (ours minus the plain write of the same document); on the
   embedded store and, with ``--remote``, through ``SparqlHttpStore`` on ``oxigraph serve`` (the old
   server-side per-document upkeep as baseline in the same run).

Every query, view and write runs in a child process; one that passes ``--limit`` seconds is killed
(the engine's work stops with it) and shown as ``>LIMIT s``, its ratio then a lower bound ``>N×``
(writes: ``--write-limit``).
Ratios are union / merged (or ours / plain for writes), measured in the same run.

    .venv/bin/python -m bench.bench_merged [--triples 1000000] [--data DIR] [--limit 60] [--write-limit 600] [--remote]
        [--documents 20] [--remote-documents 5] [--skip questions|views|upkeep]

Measured 2026-12-04 (991,000 quads, 8,695 documents; 2 cores at load average 8-19, so single figures are
noisy and only the ratios of one run mean much): naive 3-hop 32 ms merged vs >60 s union (>1,856×, lower
bound), companies in a zone 82 ms vs 21.2 s (259×), zones with labels 0.7 ms vs 26.4 s (38,000×); graph
views cold (live entity index dropped before each run) 1.4-2.0× faster on the merged graph; upkeep per
document on the embedded store +14 ms (ingest), +42 ms (replace), +29 ms (delete), on oxigraph serve
+3.5-4.3 s; a /sparql/update's full rebuild >600 s on both, ``rebuild_merged`` 354 s.

Measured 2026-12-05 after the incremental update upkeep (same data; ``--skip questions --skip views --remote
--documents 5 --remote-documents 3 --write-limit 150``; load average 11-20 on 2 cores): /sparql/update with
its upkeep 14-28 ms (INSERT/DELETE DATA, WITH … WHERE on one document), 152 ms (a company renamed in every
document), 251 ms (the busiest zone, 178 documents, renamed everywhere) embedded; 8.6-62 ms and 355 ms on
oxigraph serve; the old path's full rebuild >150 s on both (>300 s in the run before). Per document on
oxigraph serve the client-side upkeep costs +71 to +197 ms against +4.7 to +6.5 s for the old server-side
upkeep in the same run. ``rebuild_merged`` in Python 18.8 CPU-s (117 s wall) against 65.5 CPU-s (346 s wall)
for the previous SPARQL form, one after the other in one process; 23.3 CPU-s from an empty merged graph.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.bench_graph_views import cases as view_cases
from bench.merged_probes import Outcome, limited
from bench.merged_remote import remote_upkeep
from bench.merged_updates import print_update_table
from bench.synth import document_quads, nquads, plans
from kg.iri import entity_iri
from kg.model import EntityType
from kg.namespaces import PREFIXES
from kg.store.oxigraph import OxigraphStore

TRIPLES_PER_DOCUMENT = 115
VIEW_REPEAT_UNDER_S = 20.0
"""Views are repeated up to this cold time (seconds): on a loaded machine one run of a few seconds is noise."""
PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
NAIVE = {
    "3-hop honours x zones x city": "SELECT ?hl ?zl (COUNT(DISTINCT ?e) AS ?n) WHERE { ?z a zone:Zone ; "
    "rdfs:label ?zl FILTER(STRSTARTS(STR(?zl), \"$city\")) ?e zone:locatedIn ?z ; zone:awarded ?h . "
    "?h rdfs:label ?hl } GROUP BY ?hl ?zl ORDER BY ?hl",
    "companies in a zone": "SELECT ?c ?l WHERE { ?c zone:locatedIn <$zone> ; a zone:Enterprise ; "
    "rdfs:label ?l } ORDER BY ?l",
    "zones with labels": "SELECT ?z ?zl WHERE { ?z a zone:Zone ; rdfs:label ?zl }",
}


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def prepare(data: Path, triples: int) -> tuple[Path, Path, int]:
    """The N-Quads file and the embedded store of about ``triples`` quads, made once and reused."""
    documents = max(1, triples // TRIPLES_PER_DOCUMENT)
    data.mkdir(parents=True, exist_ok=True)
    source = data / f"synth-{documents}.nq"
    if not source.is_file():
        started = time.perf_counter()
        with source.open("wb") as out:
            for plan in plans(documents):
                out.write(nquads(document_quads(plan)))
        print(f"generated {source} in {time.perf_counter() - started:.0f} s")
    folder = data / f"store-{documents}"
    if not (folder / "CURRENT").is_file():
        started = time.perf_counter()
        store = OxigraphStore(folder)
        store.bulk_load_nquads(source.read_bytes())
        store.close()
        print(f"built {folder} (document graphs + merged graph) in {time.perf_counter() - started:.0f} s")
    store = OxigraphStore(folder, read_only=True)
    quads, merged = store.quad_count(), store._default_graph_size()
    store.close()
    print(f"{documents:,} documents: {quads:,} quads in document graphs, {merged:,} triples in the merged graph")
    return source, folder, documents


def ratio(union: Outcome, merged: Outcome, limit: float) -> str:
    if merged.seconds is None:
        return "n/a (merged over the limit)"
    if union.seconds is None:
        return f">{limit / merged.seconds:,.0f}× (lower bound)"
    return f"{union.seconds / merged.seconds:,.1f}×"


def question_texts(documents: int) -> dict[str, str]:
    """The naive questions on the busiest zone of the generated graph and its city."""
    sample = list(plans(documents))
    zone = Counter(p.zone for p in sample).most_common(1)[0][0]
    city = next(p.city for p in sample if p.zone == zone)[:-1]
    values = {"$zone": entity_iri(EntityType.ZONE, zone).value, "$city": city}
    texts = {}
    for name, text in NAIVE.items():
        for key, value in values.items():
            text = text.replace(key, value)
        texts[name] = PROLOGUE + text
    return texts


def product_questions(store: Path, documents: int, limit: float) -> None:
    print("\n### Product questions written naively (rows: all / distinct; answers compared after DISTINCT)\n")
    print("| question | merged | union of document graphs | union / merged | rows merged | rows union | answers |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, query in question_texts(documents).items():
        merged = limited("query", (str(store), query, False), limit)
        union = limited("query", (str(store), query, True), limit)
        rows_union = "—" if union.summary is None else f"{union.summary[0]:,} / {union.summary[1]:,}"
        same = "—" if union.summary is None else ("same" if union.summary[2] == merged.summary[2] else "DIFFER")
        print(f"| {name} | {merged.shown(limit)} | {union.shown(limit)} | {ratio(union, merged, limit)} | "
              f"{merged.summary[0]:,} / {merged.summary[1]:,} | {rows_union} | {same} |", flush=True)


def views(store: Path, limit: float, wanted: list[str] | None, index_built: bool) -> None:
    opened = OxigraphStore(store, read_only=True)
    found: dict[str, dict[str, Any]] = view_cases(opened)
    opened.close()
    found = {name: {**p, "types": [t.value for t in p["types"]]} if "types" in p else p for name, p in found.items()}
    found["/graph page unfiltered"] = {"page": True}
    if wanted:
        found = {name: p for name, p in found.items() if name in wanted}
    when = ("the entity index read once and kept, the rest cleared before each run" if index_built
            else "cache cleared before each run, entity index included")
    print(f"\n### Graph views, cold ({when}; nodes shown / total)\n")
    print("| view | merged | union of document graphs | union / merged | nodes merged | nodes union |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, params in found.items():
        merged = limited("view", (str(store), params, False, index_built), limit, repeat_under_s=VIEW_REPEAT_UNDER_S)
        union = limited("view", (str(store), params, True, index_built), limit, repeat_under_s=VIEW_REPEAT_UNDER_S)
        print(f"| {name} | {merged.shown(limit)} | {union.shown(limit)} | {ratio(union, merged, limit)} | "
              f"{_nodes(merged)} | {_nodes(union)} |", flush=True)


def _nodes(outcome: Outcome) -> str:
    if outcome.summary is None:
        return "—"
    kind, shown, total = outcome.summary
    return f"{shown:,} bytes" if kind == "bytes" else f"{shown} / {total:,}"


def embedded_upkeep(store: Path, documents: int, count: int, limit: float) -> None:
    print(f"\n### Upkeep of the merged graph, embedded store ({documents:,} documents stored)\n")
    plain = limited("write", (str(store), "plain update", None), limit, repeats=2)
    rebuild = limited("write", (str(store), "full rebuild update", None), limit, repeats=1)
    noop = limited("write", (str(store), "sparql update", None), limit, repeats=2)
    updates = limited("write", (str(store), "update cycles", documents), limit, repeats=0)
    old_rebuild = limited("write", (str(store), "rebuild_merged in SPARQL", None), limit, repeats=0)
    python = limited("write", (str(store), "rebuild_merged", None), limit, repeats=1)
    print("| write | time | merged graph after |")
    print("|---|---:|---:|")
    print(f"| a no-op SPARQL update on the raw store (no merged graph) | {plain.shown(limit)} | {plain.summary} |")
    print(f"| old path: /sparql/update of the same no-op (+ full merged-graph rebuild in SPARQL, one transaction) | "
          f"{rebuild.shown(limit)} | {rebuild.summary if rebuild.summary is not None else 'unchanged (killed)'} |")
    print(f"| /sparql/update of the same no-op (incremental upkeep) | {noop.shown(limit)} | {noop.summary} |")
    print(f"| old rebuild_merged (facts in SPARQL, names from the indexes) | "
          f"{old_rebuild.shown(limit)} | {old_rebuild.summary} |")
    print(f"| rebuild_merged (in Python over the document graphs' quads, the difference in one transaction; what "
          f"opening an old store runs) | {python.shown(limit)} | {python.summary} |")
    print_update_table("embedded", updates.summary)
    cycles = limited("write", (str(store), "documents", (documents, count)), max(limit, 60 * count), repeats=0)
    upkeep_table("embedded", cycles.summary[0] if cycles.summary else None, count)
    if cycles.summary:
        print(f"\nmerged graph: {cycles.summary[1]:,} triples before the cycles, {cycles.summary[2]:,} after")


def upkeep_table(where: str, figures: dict[str, float] | None, count: int) -> None:
    print(f"\n| {where}: per document (median of {count}) | plain write | ours (+ merged upkeep) | upkeep | "
          "ours / plain |")
    print("|---|---:|---:|---:|---:|")
    if figures is None:
        print("| (stopped at the limit) | | | | |")
        return
    for ours, plain in (("ingest", "plain ingest"), ("replace", "plain replace"), ("delete", "plain delete")):
        a, b = figures[ours], figures[plain]
        print(f"| {ours} | {b * 1000:.1f} ms | {a * 1000:.1f} ms | {(a - b) * 1000:+.1f} ms | {a / b:.1f}× |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, default=Path("/tmp/zonekg-bench-merged"),
                        help="folder for the generated N-Quads and stores (reused by the next run)")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a run is killed")
    parser.add_argument("--write-limit", type=float, default=600.0, help="seconds before a full rebuild is killed")
    parser.add_argument("--documents", type=int, default=20, help="documents per write measurement")
    parser.add_argument("--view", action="append", help="only these views (names as printed)")
    parser.add_argument("--index-built", action="store_true", help="views: time the view with the entity index kept")
    parser.add_argument("--skip", action="append", default=[], choices=["questions", "views", "upkeep"])
    parser.add_argument("--remote", action="store_true", help="also measure upkeep through oxigraph serve")
    parser.add_argument("--remote-documents", type=int, default=5, help="documents per remote write measurement")
    args = parser.parse_args()
    print(f"started {time.strftime('%Y-%m-%d %H:%M:%S %Z')}; {load_average()}")
    source, store, documents = prepare(args.data, args.triples)
    if "questions" not in args.skip:
        product_questions(store, documents, args.limit)
        print(f"\n{load_average()}")
    if "views" not in args.skip:
        views(store, args.limit, args.view, args.index_built)
        print(f"\n{load_average()}")
    if "upkeep" not in args.skip:
        embedded_upkeep(store, documents, args.documents, args.write_limit)
        print(f"\n{load_average()}")
    if args.remote:
        figures, baseline = remote_upkeep(args.data, source, store, documents, args.remote_documents,
                                          args.write_limit)
        upkeep_table("oxigraph serve, client-side upkeep", figures, args.remote_documents)
        upkeep_table("oxigraph serve, old path (server-side upkeep in SPARQL)", baseline, args.remote_documents)
        print(f"\n{load_average()}")
    print(f"\nfinished {time.strftime('%H:%M:%S')}")


if __name__ == "__main__":
    main()
