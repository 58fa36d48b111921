"""Scale benchmark: load time, store size and five typical queries at 1M+ triples.

Each query runs on our store (``OxigraphStore``: the merged default graph +
bound variables), on raw pyoxigraph over the union of the document graphs with
the constants inlined, and on rdflib's in-memory engine, all on the same
synthetic graph (``bench/synth.py``) in the same run; the table gives latencies
and ratios. rdflib queries run in a forked child that is killed at the cap,
reported as ``> cap``. A second table runs the product questions written
naively on our store twice: on the merged graph and on the union of its
document graphs (``use_default_graph_as_union``), same store, same run.

    python -m bench.bench_scale --triples 1000000 [--triples 5000000] [--text-documents 2000]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import rdflib
from pyoxigraph import NamedNode, RdfFormat, Store

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


Rows = list[tuple[tuple[str, str], ...]]


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
    """``timed`` in a forked child that is killed after ``cap_s`` seconds (None: over the cap)."""
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
    """This process's resident memory now and at its peak (rdflib's graph included when it is loaded)."""
    now = next((int(line.split()[1]) * 1024 for line in Path("/proc/self/status").read_text().splitlines()
                if line.startswith("VmRSS:")), 0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return f"RSS {now / 1e6:,.0f} MB (peak {peak / 1e6:,.0f} MB)"


def folder_bytes(folder: Path) -> int:
    """Total size of the files under ``folder``."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def measure(target: int, cap_s: float, work: Path, rdflib_max: int) -> None:
    """Build a graph of about ``target`` triples and print load figures and the query table."""
    documents = max(1, target // TRIPLES_PER_DOCUMENT)
    started = time.perf_counter()
    sample = list(plans(documents))
    data = b"".join(nquads(document_quads(p)) for p in sample)
    print(f"\n## {target:,} triples target: {documents:,} documents, {len(data) / 1e6:.0f} MB N-Quads, "
          f"generated in {time.perf_counter() - started:.1f} s")
    ours, raw, graph = load_all(data, work / f"ours-{target}", work / f"raw-{target}", target <= rdflib_max)
    print(f"store size on disk (ours, RocksDB): {folder_bytes(work / f'ours-{target}') / 1e6:.0f} MB for "
          f"{ours.quad_count():,} quads (raw pyoxigraph: {folder_bytes(work / f'raw-{target}') / 1e6:.0f} MB); "
          f"after loading: {memory()}")
    per_document(work / f"docs-{target}", sample[:2000])
    merged_vs_union(ours, sample)
    table = [query_row(case, ours, raw, graph, cap_s) for case in cases(sample)]
    print_table(table, cap_s, graph is not None)
    print(f"after the queries: {memory()}")
    ours.close()


def load_all(
    data: bytes, ours_path: Path, raw_path: Path, with_rdflib: bool
) -> tuple[OxigraphStore, Store, rdflib.Dataset | None]:
    """Bulk-load the same N-Quads into our store, raw pyoxigraph and (if asked) rdflib, printing throughput."""
    ours = OxigraphStore(ours_path)
    raw = Store(str(raw_path))
    graph = rdflib.Dataset(default_union=True) if with_rdflib else None
    loads = {
        "ours (OxigraphStore.bulk_load_nquads + merged graph, disk)":
            lambda: (ours.bulk_load_nquads(data), ours.flush()),
        "raw pyoxigraph Store.bulk_load (disk)": lambda: (raw.bulk_load(data, format=RdfFormat.N_QUADS), raw.flush()),
        "rdflib Dataset.parse nquads (memory)": lambda: graph.parse(data=data, format="nquads"),  # type: ignore[union-attr]
    }
    if graph is None:
        del loads["rdflib Dataset.parse nquads (memory)"]
    lines = data.count(b"\n")
    for name, load in loads.items():
        started = time.perf_counter()
        load()
        seconds = time.perf_counter() - started
        print(f"load {name}: {seconds:.1f} s = {lines / seconds:,.0f} N-Quads lines/s")
    return ours, raw, graph


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


def merged_vs_union(ours: OxigraphStore, sample: list[Plan]) -> None:
    """The naive product questions on the merged default graph and on the union of the document graphs."""
    print("\n| naive query | rows merged | rows union (distinct) | merged ms | union ms | union/merged |")
    print("|---|---:|---:|---:|---:|---:|")
    for case in naive_cases(sample):
        query = case.inlined()
        t_merged, merged = timed(lambda q=query: canonical(raw_rows(ours.raw, q, union=False)))  # type: ignore[misc]
        t_union, union = timed(lambda q=query: canonical(raw_rows(ours.raw, q)))  # type: ignore[misc]
        distinct = len(set(union))
        note = "" if sorted(set(union)) == merged else " (answers DIFFER)"
        print(f"| {case.name}{note} | {len(merged)} | {len(union):,} ({distinct:,}) | {t_merged * 1000:.1f} | "
              f"{t_union * 1000:.1f} | {t_union / t_merged:.1f} |")


def per_document(folder: Path, sample: list[Plan]) -> None:
    """Throughput of the per-document path (one atomic replace_graph per document)."""
    store = OxigraphStore(folder)
    started = time.perf_counter()
    triples = 0
    for plan in sample:
        quads = document_quads(plan)
        triples += len(quads)
        store.replace_graph(quads[0].graph_name, [q.triple for q in quads])  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    print(f"replace_graph per document: {len(sample) / seconds:,.0f} documents/s = {triples / seconds:,.0f} triples/s")
    store.close()


def query_row(case: Case, ours: OxigraphStore, raw: Store, graph: rdflib.Dataset | None, cap_s: float) -> list[object]:
    """Latency of one case on the three engines."""
    text, bindings = case.bound()
    bound = frozenset(bindings)
    t_ours, r_ours = timed(lambda: canonical(ours.select(text, bindings=bindings), bound))  # type: ignore[arg-type]
    inlined = case.inlined()
    t_raw, r_raw = timed(lambda: canonical(raw_rows(raw, inlined)))
    t_rdflib, r_rdflib = (None, None) if graph is None else capped(
        lambda: canonical([row.asdict() for row in graph.query(inlined)]), cap_s)  # type: ignore[union-attr]
    same = (r_raw == r_ours) and r_rdflib in (None, r_ours)
    print(f"  {case.name}: {len(r_ours)} rows, results {'identical' if same else 'DIFFER'} across engines")
    return [case.name, len(r_ours), t_ours, t_raw, t_rdflib]


def print_table(table: list[list[object]], cap_s: float, with_rdflib: bool) -> None:
    """Latencies in ms and ratios: ours / raw pyoxigraph and rdflib / ours (higher = we are faster)."""
    print("\n| query | rows | ours ms | raw pyoxigraph ms | rdflib ms | ours/raw | rdflib/ours |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, rows, ours, raw, lib in table:
        assert isinstance(ours, float) and isinstance(raw, float)
        lib_ms = f"> {cap_s * 1000:.0f}" if lib is None else f"{lib * 1000:.1f}"  # type: ignore[operator]
        lib_ratio = f"> {cap_s / ours:.1f}" if lib is None else f"{lib / ours:.2f}"  # type: ignore[operator]
        if not with_rdflib:
            lib_ms = lib_ratio = "not run"
        print(f"| {name} | {rows} | {ours * 1000:.1f} | {raw * 1000:.1f} | {lib_ms} | {ours / raw:.2f} | {lib_ratio} |")


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


def main() -> None:
    """Run the measurements the arguments ask for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, action="append", help="graph size; repeat for several")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds before an rdflib query is given up")
    parser.add_argument("--rdflib-max", type=int, default=2_000_000, help="skip rdflib above this many triples")
    parser.add_argument("--text-documents", type=int, default=0, help="also ingest this many .txt reports")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zonekg-bench-") as tmp:
        if args.text_documents:
            text_ingest(args.text_documents, Path(tmp))
        for target in args.triples or [1_000_000]:
            measure(target, args.cap, Path(tmp), args.rdflib_max)


if __name__ == "__main__":
    main()
