"""Bound API templates on the embedded store: pyoxigraph ``substitutions=`` against a ``VALUES`` row.

Runs every bound ``kg/queries/api_*.rq`` template both ways on the same store
in the same run, checks the rows agree, and prints median latencies and the
ratio substitutions / VALUES (above 1: VALUES is faster). Two stores: the seed
corpus (``data/corpus`` through the real pipeline) and the synthetic graph of
``bench/synth.py`` at about ``--triples`` triples.

    python -m bench.bench_store_binding [--triples 1000000] [--store-dir DIR]

``--store-dir`` keeps the synthetic store there and reuses it on the next run.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pyoxigraph import Literal, NamedNode, RdfFormat, Store, Variable

from bench.synth import document_quads, nquads, plans
from kg.namespaces import PREFIXES
from kg.sparql import load_query
from kg.store.binding import bind_values
from kg.store.oxigraph import OxigraphStore
from kg.store.terms import Term

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
TRIPLES_PER_DOCUMENT = 115
BUDGET_S = 2.0
"""Time spent repeating one measurement (at least 3 runs, at most 50)."""

PICK = """SELECT ?zone ?company ?project ?investment ?award ?doc WHERE {
  { SELECT ?zone (COUNT(*) AS ?n) WHERE { ?c zone:locatedIn ?zone . ?zone a zone:Zone } GROUP BY ?zone
    ORDER BY DESC(?n) LIMIT 1 }
  { SELECT ?company WHERE { ?company a zone:Enterprise ; zone:award ?a } ORDER BY ?company LIMIT 1 }
  { SELECT ?project ?investment WHERE { ?project zone:investment ?investment } ORDER BY ?project LIMIT 1 }
  { SELECT ?award WHERE { ?award a zone:Award } ORDER BY ?award LIMIT 1 }
  { SELECT ?doc WHERE { ?doc a zone:Document } ORDER BY ?doc LIMIT 1 }
}"""


def first_row(store: Store, query: str) -> dict[str, Term]:
    solutions = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
    row = next(iter(solutions))  # type: ignore[arg-type]
    return {n: row[n] for n in names}


def bound_cases(store: Store) -> list[tuple[str, dict[str, Term]]]:
    """Every bound API template with values that exist in ``store`` (the busiest zone, an honoured company, ...)."""
    picked = first_row(store, PICK)
    company, zone = picked["company"], picked["zone"]
    fragment = Literal(first_row(store, f"SELECT ?l WHERE {{ {company} rdfs:label ?l }}")["l"].value[1:3])
    enterprise = NamedNode(PREFIXES["zone"] + "Enterprise")
    return [
        ("api_entities", {"type": enterprise, "q": fragment}),
        ("api_entities_in_zone", {"type": enterprise, "zone": zone, "q": Literal("")}),
        ("api_search", {"q": fragment}),
        ("api_entity_out", {"item": company}),
        ("api_entity_out", {"item": zone}),
        ("api_entity_in", {"item": zone}),
        ("api_entity_evidence", {"item": company}),
        ("api_node", {"node": picked["investment"]}),
        ("api_node_evidence", {"node": picked["investment"]}),
        ("api_node_holder", {"node": picked["award"]}),
        ("api_node", {"node": picked["project"]}),
        ("api_document", {"doc": picked["doc"]}),
    ]


def substituted(store: Store, query: str, bindings: dict[str, Term]) -> list[tuple[object, ...]]:
    substitutions = {Variable(k): v for k, v in bindings.items()}
    result = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=substitutions)
    return sorted(tuple(str(t) for t in row) for row in result)  # type: ignore[union-attr]


def with_values(store: Store, query: str, bindings: dict[str, Term]) -> list[tuple[object, ...]]:
    result = store.query(bind_values(query, bindings), prefixes=PREFIXES, use_default_graph_as_union=True)
    return sorted(tuple(str(t) for t in row) for row in result)  # type: ignore[union-attr]


def median_s(run: Callable[[], object]) -> float:
    """Median seconds of repeated runs after one warm-up."""
    run()
    times: list[float] = []
    spent = 0.0
    while len(times) < 3 or (spent < BUDGET_S and len(times) < 50):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
        spent += times[-1]
    return statistics.median(times)


def compare(title: str, store: Store) -> None:
    """Print the substitutions vs VALUES table for one store."""
    print(f"\n## {title}: {len(store):,} quads\n")
    print("| template | bound | rows | substitutions ms | VALUES ms | substitutions/VALUES |")
    print("|---|---|---:|---:|---:|---:|")
    for name, bindings in bound_cases(store):
        query = load_query(name)
        rows = substituted(store, query, bindings)
        same = rows == with_values(store, query, bindings)
        t_sub = median_s(lambda q=query, b=bindings: substituted(store, q, b))
        t_val = median_s(lambda q=query, b=bindings: with_values(store, q, b))
        shown = ", ".join(f"{k}={str(v)[-24:]}" for k, v in bindings.items())
        print(f"| {name} | {shown} | {len(rows)}{'' if same else ' DIFFER'} | {t_sub * 1000:.2f} | "
              f"{t_val * 1000:.2f} | {t_sub / t_val:.1f} |")


def seed_store() -> Store:
    """The seed corpus through the real pipeline, in memory."""
    from ingest.runner import ingest_paths

    store = OxigraphStore(None)
    ingest_paths(store, [CORPUS], workers=1, progress=False)
    return store.raw


def synthetic_store(triples: int, folder: Path) -> Store:
    """The synthetic graph of about ``triples`` triples, on disk in ``folder`` (loaded once)."""
    store = Store(str(folder))
    if len(store) == 0:
        documents = max(1, triples // TRIPLES_PER_DOCUMENT)
        data = b"".join(nquads(document_quads(p)) for p in plans(documents))
        store.bulk_load(data, format=RdfFormat.N_QUADS)
        store.flush()
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="synthetic graph size; 0 skips it")
    parser.add_argument("--store-dir", type=Path, help="keep the synthetic store here and reuse it")
    args = parser.parse_args()
    compare("seed corpus (data/corpus)", seed_store())
    if not args.triples:
        return
    with tempfile.TemporaryDirectory(prefix="zonekg-binding-") as tmp:
        folder = args.store_dir or Path(tmp) / "store"
        compare(f"synthetic graph, {args.triples:,} triples target", synthetic_store(args.triples, folder))


if __name__ == "__main__":
    main()
