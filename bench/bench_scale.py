"""Scale benchmark: load time, store size and five typical queries at 1M+ triples.

Each query runs on our store (``OxigraphStore``: the merged default graph +
bound variables), on raw pyoxigraph over the union of the document graphs with
the constants inlined, and on rdflib's in-memory engine, all on the same
synthetic graph (``bench/synth.py``) in the same run; the table gives latencies
and ratios. rdflib queries run in a forked child that is killed at the cap,
reported as ``> cap``; our store and raw pyoxigraph are queried from spawned children
that open the store read-only and are killed at the same cap (bench/scale_runs.py), so
a slow query leaves its row marked and the table goes on. A second table runs the product questions written
naively on our store twice: on the merged graph and on the union of its
document graphs (``use_default_graph_as_union``), same store, same run.

    python -m bench.bench_scale --triples 1000000 [--triples 5000000] [--text-documents 2000]
        [--store DIR]  (keep the loaded stores there; a second run reuses them instead of loading again)
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import rdflib
from pyoxigraph import NamedNode, RdfFormat, Store

from bench.process_figures import folder_bytes, load_average
from bench.process_figures import memory as process_memory
from bench.scale_runs import QueryRun, Rows, Timing, canonical, capped_query, largest_child_rss
from bench.synth import Plan, document_quads, nquads, plans, write_corpus
from kg.iri import entity_iri
from kg.model import EntityType
from kg.namespaces import PREFIXES
from kg.store.oxigraph import OxigraphStore

PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
TRIPLES_PER_DOCUMENT = 115
"""Distinct quads per synthetic document (a few of the 134 emitted repeat within the graph)."""
REPEATS = 3


@dataclass(frozen=True)
class Case:
    """One typical query: the text with ``$name`` placeholders and the values to put there."""

    name: str
    text: str
    values: dict[str, NamedNode | str]

    def inlined(self) -> str:
        """The query with every placeholder replaced by its constant."""
        text = self.text
        for key, value in self.values.items():
            text = text.replace(f"${key}", str(value) if isinstance(value, NamedNode) else f'"{value}"')
        return PROLOGUE + text

    def bound(self) -> tuple[str, dict[str, NamedNode]]:
        """The query with IRI placeholders as variables (for bindings) and literals inlined."""
        text, bindings = self.text, {}
        for key, value in self.values.items():
            if isinstance(value, NamedNode):
                text, bindings[key] = text.replace(f"${key}", f"?{key}"), value
            else:
                text = text.replace(f"${key}", f'"{value}"')
        return text, bindings


def cases(sample: list[Plan]) -> list[Case]:
    """The five typical queries (the first in three forms, the third in two), on entities of the generated graph."""
    zone_name = Counter(p.zone for p in sample).most_common(1)[0][0]
    city = next(p.city for p in sample if p.zone == zone_name)[:-1]
    company = next(p.enterprises[0] for p in sample if p.awards and p.awards[0][0] == p.enterprises[0])
    return [
        Case("companies in a zone", "SELECT DISTINCT ?z ?c ?l WHERE { ?c zone:locatedIn $z ; a zone:Enterprise ; "
             "rdfs:label ?l } ORDER BY ?l", {"z": entity_iri(EntityType.ZONE, zone_name)}),
        # The same answer with duplicates dropped early: the union graph repeats each triple once per document
        # graph, so the plain join above yields ~100 rows per answer, and SPARQL sorts before DISTINCT applies
        # (every comparison decodes a label). Distinct pairs first, sort the distinct rows outside.
        Case("companies in a zone, deduped then sorted", "SELECT ?z ?c ?l WHERE { { SELECT DISTINCT ?z ?c ?l WHERE { "
             "{ SELECT DISTINCT ?z ?c WHERE { { SELECT DISTINCT ?z ?c WHERE { ?c zone:locatedIn $z } } "
             "?c a zone:Enterprise } } ?c rdfs:label ?l } } } ORDER BY ?l",
             {"z": entity_iri(EntityType.ZONE, zone_name)}),
        # The same answer with the join kept inside each document graph (ingest types and labels every
        # entity in each document that mentions it), so repeats across documents do not multiply.
        Case("companies in a zone, per-graph join", "SELECT DISTINCT ?z ?c ?l WHERE { GRAPH ?g { "
             "?c zone:locatedIn $z ; a zone:Enterprise ; rdfs:label ?l } } ORDER BY ?l",
             {"z": entity_iri(EntityType.ZONE, zone_name)}),
        # Oxigraph's union graph keeps one copy of a triple per document graph; a plain SUM over it
        # would add an amount once per document that repeats the project: dedupe before aggregating.
        Case("project totals per zone", "SELECT ?z (SUM(?a) AS ?total) (COUNT(DISTINCT ?p) AS ?n) WHERE { "
             "{ SELECT DISTINCT ?p ?z ?i ?a WHERE { GRAPH ?g { ?p a zone:Project ; zone:locatedIn ?z ; "
             "zone:investment ?i . ?i zone:amount ?a } } } } GROUP BY ?z ORDER BY DESC(?total)", {}),
        # Selective part first, in a DISTINCT sub-select: on the union graph an entity mentioned in many
        # documents repeats its triples once per graph, and Oxigraph keeps the written join order.
        Case("honours x zones x city", "SELECT ?hl ?zl (COUNT(DISTINCT ?e) AS ?n) WHERE { { SELECT DISTINCT ?z ?zl "
             "WHERE { ?z a zone:Zone ; rdfs:label ?zl FILTER(STRSTARTS(STR(?zl), $city)) } } "
             "?e zone:locatedIn ?z ; zone:awarded ?h . ?h rdfs:label ?hl } GROUP BY ?hl ?zl ORDER BY ?hl",
             {"city": city}),
        # The same counts with each honour's label fetched once: an honour's label is repeated in every
        # document that names it (thousands), so joining it per award multiplies rows by that number.
        Case("honours x zones x city, deduped", "SELECT ?hl ?zl (COUNT(DISTINCT ?e) AS ?n) WHERE { "
             "{ SELECT DISTINCT ?e ?h ?zl WHERE { { SELECT DISTINCT ?z ?zl WHERE { ?z a zone:Zone ; rdfs:label ?zl "
             "FILTER(STRSTARTS(STR(?zl), $city)) } } ?e zone:locatedIn ?z ; zone:awarded ?h } } "
             "{ SELECT DISTINCT ?h ?hl WHERE { { SELECT DISTINCT ?h WHERE { ?h a zone:Honour } } ?h rdfs:label ?hl } } "
             "} GROUP BY ?hl ?zl ORDER BY ?hl", {"city": city}),
        Case("name search", "SELECT DISTINCT ?s ?l WHERE { ?s rdfs:label ?l FILTER(CONTAINS(STR(?l), $q)) } "
             "ORDER BY ?l LIMIT 50", {"q": company[:2]}),
        Case("2-hop neighbourhood", "SELECT DISTINCT ?e ?n WHERE { { $e ?p1 ?m } UNION { ?m ?p1 $e } "
             "{ ?m ?p2 ?n } UNION { ?n ?p2 ?m } FILTER(isIRI(?n) && ?p1 != rdf:type && ?p2 != rdf:type) }",
             {"e": entity_iri(EntityType.ENTERPRISE, company)}),
    ]


def timed(run: Callable[[], Rows]) -> tuple[float, Rows]:
    """Median seconds over REPEATS runs after one warm-up, and the rows."""
    rows = run()
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), rows


def capped(run: Callable[[], Rows], cap_s: float) -> tuple[float | None, Rows | None]:
    """``timed`` in a forked child that is killed after ``cap_s`` seconds (None: over the cap). For rdflib's
    in-memory graph only: a forked child must not use an open RocksDB store (see bench.scale_runs)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=lambda: sender.send(timed(run)))
    child.start()
    if receiver.poll(cap_s):
        result = receiver.recv()
        child.join()
        return result
    child.kill()
    child.join()
    return None, None


def memory() -> str:
    """This process's resident memory now and at its peak (rdflib's graph included when it is loaded), the
    peak of the largest query child so far, and the load average."""
    return f"{process_memory()}; largest query child peak {largest_child_rss() / 1e6:,.0f} MB; {load_average()}"


def measure(target: int, cap_s: float, work: Path, rdflib_max: int) -> None:
    """Build (or reuse) a graph of about ``target`` triples and print load figures and the query tables."""
    documents = max(1, target // TRIPLES_PER_DOCUMENT)
    started = time.perf_counter()
    sample = list(plans(documents))
    ours_path, raw_path = work / f"ours-{target}", work / f"raw-{target}"
    print(f"\n## {target:,} triples target: {documents:,} documents; {load_average()}")
    loaded = read_marker(work, target)
    graph = None
    if loaded is None or target <= rdflib_max:
        data = b"".join(nquads(document_quads(p)) for p in sample)
        print(f"{len(data) / 1e6:.0f} MB N-Quads generated in {time.perf_counter() - started:.1f} s")
        if loaded is None:
            loaded = load_stores(data, ours_path, raw_path)
            write_marker(work, target, loaded)
        else:
            print(f"reusing the stores in {work}: {describe(loaded)}")
        graph = load_rdflib(data) if target <= rdflib_max else None
        del data
    else:
        print(f"reusing the stores in {work}: {describe(loaded)}")
    print(f"store size on disk (ours, RocksDB): {folder_bytes(ours_path) / 1e6:,.0f} MB for {loaded['quads']:,} "
          f"quads (raw pyoxigraph: {folder_bytes(raw_path) / 1e6:,.0f} MB); {memory()}")
    per_document(sample[:2000])
    merged_vs_union(ours_path, sample, cap_s)
    query_table(cases(sample), ours_path, raw_path, graph, cap_s)
    print(f"after the queries: {memory()}")


MARKER = "loaded-{target}.json"
"""Written next to the stores once both loads finished: a folder without it is loaded again from scratch."""


def read_marker(work: Path, target: int) -> dict[str, float] | None:
    """The load figures of stores of this size already in ``work``, or None when they must be (re)built."""
    marker = work / MARKER.format(target=target)
    return json.loads(marker.read_text(encoding="utf-8")) if marker.is_file() else None


def write_marker(work: Path, target: int, loaded: dict[str, float]) -> None:
    (work / MARKER.format(target=target)).write_text(json.dumps(loaded), encoding="utf-8")


def describe(loaded: dict[str, float]) -> str:
    return (f"{loaded['quads']:,} quads, loaded earlier in {loaded['ours_s']:.1f} s (ours) and "
            f"{loaded['raw_s']:.1f} s (raw pyoxigraph)")


def load_stores(data: bytes, ours_path: Path, raw_path: Path) -> dict[str, float]:
    """Bulk-load the same N-Quads into a fresh store of ours and of raw pyoxigraph (closed after), printing
    throughput; the load figures."""
    for folder in (ours_path, raw_path):
        shutil.rmtree(folder, ignore_errors=True)
    lines = data.count(b"\n")
    ours = OxigraphStore(ours_path)
    seconds_ours = timed_load("ours (OxigraphStore.bulk_load_nquads + merged graph, disk)", lines,
                              lambda: (ours.bulk_load_nquads(data), ours.flush()))
    quads = ours.quad_count()
    ours.close()
    raw = Store(str(raw_path))
    seconds_raw = timed_load("raw pyoxigraph Store.bulk_load (disk)", lines,
                             lambda: (raw.bulk_load(data, format=RdfFormat.N_QUADS), raw.flush()))
    return {"quads": quads, "ours_s": seconds_ours, "raw_s": seconds_raw}


def load_rdflib(data: bytes) -> rdflib.Dataset:
    graph = rdflib.Dataset(default_union=True)
    timed_load("rdflib Dataset.parse nquads (memory)", data.count(b"\n"),
               lambda: graph.parse(data=data, format="nquads"))
    return graph


def timed_load(name: str, lines: int, load: Callable[[], object]) -> float:
    started = time.perf_counter()
    load()
    seconds = time.perf_counter() - started
    print(f"load {name}: {seconds:.1f} s = {lines / seconds:,.0f} N-Quads lines/s; {memory()}")
    return seconds


def naive_cases(sample: list[Plan]) -> list[Case]:
    """The product questions as a user writes them from the ontology (no DISTINCT, no dedup sub-selects)."""
    zone_name = Counter(p.zone for p in sample).most_common(1)[0][0]
    city = next(p.city for p in sample if p.zone == zone_name)[:-1]
    return [
        Case("companies in a zone", "SELECT ?c ?l WHERE { ?c zone:locatedIn $z ; a zone:Enterprise ; "
             "rdfs:label ?l } ORDER BY ?l", {"z": entity_iri(EntityType.ZONE, zone_name)}),
        Case("honours x zones x city", "SELECT ?hl ?zl (COUNT(DISTINCT ?e) AS ?n) WHERE { ?z a zone:Zone ; "
             "rdfs:label ?zl FILTER(STRSTARTS(STR(?zl), $city)) ?e zone:locatedIn ?z ; zone:awarded ?h . "
             "?h rdfs:label ?hl } GROUP BY ?hl ?zl ORDER BY ?hl", {"city": city}),
        Case("zones and labels", "SELECT ?z ?zl WHERE { ?z a zone:Zone ; rdfs:label ?zl }", {}),
    ]


def merged_vs_union(ours_path: Path, sample: list[Plan], cap_s: float) -> None:
    """The naive product questions on the merged default graph and on the union of the document graphs."""
    print("\n| naive query | rows merged | rows union (distinct) | merged ms | union ms | union/merged |")
    print("|---|---:|---:|---:|---:|---:|")
    for case in naive_cases(sample):
        query = case.inlined()
        merged = capped_query(QueryRun(ours_path, query, union=False), cap_s, REPEATS)
        union = capped_query(QueryRun(ours_path, query), cap_s, REPEATS)
        if merged is None or union is None:
            print(f"| {case.name} | {rows_of(merged)} | {rows_of(union)} | {ms(merged, cap_s)} | {ms(union, cap_s)} | "
                  f"{ratio(union, merged, cap_s)} |")
            continue
        distinct = len(set(union.rows))
        note = "" if sorted(set(union.rows)) == merged.rows else " (answers DIFFER)"
        print(f"| {case.name}{note} | {len(merged.rows)} | {len(union.rows):,} ({distinct:,}) | {ms(merged, cap_s)} | "
              f"{ms(union, cap_s)} | {ratio(union, merged, cap_s)} |")


def rows_of(timing: Timing | None) -> str:
    return "?" if timing is None else f"{len(timing.rows):,}"


def ms(timing: Timing | None, cap_s: float) -> str:
    """Milliseconds of a capped timing; a single run (the warm-up only fitted in the cap) is marked ``¹``."""
    if timing is None:
        return f"> {cap_s * 1000:,.0f}"
    return f"{timing.seconds * 1000:,.1f}" + ("" if timing.runs else "¹")


def ratio(slow: Timing | None, fast: Timing | None, cap_s: float) -> str:
    """slow / fast; a bound when one of them was over the cap."""
    if fast is None:
        return "?" if slow is None else f"< {times(slow.seconds / cap_s)}"
    if slow is None:
        return f"> {times(cap_s / fast.seconds)}"
    return times(slow.seconds / fast.seconds)


def times(ratio: float) -> str:
    """A ratio with two decimals, or two significant digits below 0.1."""
    return f"{ratio:,.2f}" if ratio >= 0.1 else f"{ratio:.2g}"


def per_document(sample: list[Plan]) -> None:
    """Throughput of the per-document path (one atomic replace_graph per document) into a fresh store."""
    with tempfile.TemporaryDirectory(prefix="zonekg-bench-docs-") as folder:
        store = OxigraphStore(Path(folder))
        started = time.perf_counter()
        triples = 0
        for plan in sample:
            quads = document_quads(plan)
            triples += len(quads)
            store.replace_graph(quads[0].graph_name, [q.triple for q in quads])  # type: ignore[arg-type]
        seconds = time.perf_counter() - started
        store.close()
    print(f"replace_graph per document: {len(sample) / seconds:,.0f} documents/s = {triples / seconds:,.0f} triples/s")


def query_table(found: list[Case], ours_path: Path, raw_path: Path, graph: rdflib.Dataset | None,
                cap_s: float) -> None:
    """Latencies in ms and ratios: ours / raw pyoxigraph and rdflib / ours (higher = we are faster), one row
    printed as soon as its query has run on every engine."""
    print(f"\nqueries: median of up to {REPEATS} runs after a warm-up, each run capped at {cap_s:g} s "
          "(¹: one run, the warm-up only fitted in the cap)")
    print("\n| query | rows | ours ms | raw pyoxigraph ms | rdflib ms | ours/raw | rdflib/ours | same rows | load |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---|")
    for case in found:
        text, bindings = case.bound()
        ours = capped_query(QueryRun(ours_path, text, ours=True,
                                     bindings=tuple((k, v.value) for k, v in bindings.items())), cap_s, REPEATS)
        inlined = case.inlined()
        raw = capped_query(QueryRun(raw_path, inlined), cap_s, REPEATS)
        t_lib, r_lib = (None, None) if graph is None else capped(
            lambda q=inlined: canonical([row.asdict() for row in graph.query(q)]), cap_s)  # type: ignore[misc]
        answers = [t.rows for t in (ours, raw) if t is not None] + ([r_lib] if r_lib is not None else [])
        same = "—" if len(answers) < 2 else "yes" if all(rows == answers[0] for rows in answers) else "DIFFER"
        lib_ms = "not run" if graph is None else ("> " if t_lib is None else "") + f"{(t_lib or cap_s) * 1000:,.1f}"
        lib_ratio = "not run" if graph is None or ours is None else (
            f"> {cap_s / ours.seconds:,.1f}" if t_lib is None else f"{t_lib / ours.seconds:,.2f}")
        load = load_average().removeprefix("load average ")
        print(f"| {case.name} | {rows_of(ours if ours is not None else raw)} | {ms(ours, cap_s)} | {ms(raw, cap_s)} | "
              f"{lib_ms} | {ratio(ours, raw, cap_s)} | {lib_ratio} | {same} | {load} |")


def text_ingest(documents: int, work: Path) -> None:
    """Throughput of the real pipeline on synthetic .txt reports, serial and with worker processes."""
    try:
        from ingest.runner import ingest_paths
    except ImportError as exc:
        print(f"text ingest skipped: {exc}")
        return
    folder = work / "corpus"
    written = write_corpus(folder, documents)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt"))
    for workers in sorted({1, os.cpu_count() or 1}):
        store = OxigraphStore(None)
        started = time.perf_counter()
        report = ingest_paths(store, [folder], workers=workers, progress=False)
        seconds = time.perf_counter() - started
        print(f"pipeline ingest, {workers} worker(s): {len(written)} documents, {len(report.documents)} ok, "
              f"{len(report.failed)} failed, {seconds:.1f} s = {len(written) / seconds:,.0f} documents/s, "
              f"{chars / seconds:,.0f} chars/s, {store.quad_count():,} quads")
        store.close()


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, action="append", help="graph size; repeat for several")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds before a query run is given up")
    parser.add_argument("--rdflib-max", type=int, default=2_000_000, help="skip rdflib above this many triples")
    parser.add_argument("--text-documents", type=int, default=0, help="also ingest this many .txt reports")
    parser.add_argument("--store", type=Path, help="keep the loaded stores in this folder and reuse them when "
                        "run again (default: a temporary folder, deleted after)")
    args = parser.parse_args(argv)
    if args.cap <= 0:
        parser.error("--cap must be positive")
    if any(t <= 0 for t in args.triples or ()):
        parser.error("--triples must be positive")
    args.triples = args.triples or [1_000_000]
    return args


def main() -> None:
    """Run the measurements the arguments ask for."""
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    args = arguments()
    with tempfile.TemporaryDirectory(prefix="zonekg-bench-") as tmp:
        work = args.store or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.text_documents:
            text_ingest(args.text_documents, Path(tmp))
        for target in args.triples:
            measure(target, args.cap, work, args.rdflib_max)


if __name__ == "__main__":
    main()
