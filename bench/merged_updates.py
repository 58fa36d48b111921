"""SPARQL updates measured by bench_merged: what ``/sparql/update`` costs with the merged graph's upkeep.

Each case is a pair of updates (forward, then back) that leaves the store as it found it, so the cases can
be repeated on one store; each runs plain (the raw engine or server, no merged graph) and ours (the store's
``update``: the same update plus the incremental upkeep of the merged graph, kg.store.merged_update). The old
path (every update followed by the full recomputation of the merged graph) is measured once, on a no-op.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Callable

from bench.synth import plans
from kg.iri import doc_graph_iri, entity_iri
from kg.model import EntityType
from kg.namespaces import RDFS, ZONE

MARK = "（测）"
"""A suffix no synthetic name has: renaming adds it, renaming back takes it off."""


def _rename(entity: object, forward: bool) -> str:
    if forward:
        new = f'STRLANG(CONCAT(STR(?l), "{MARK}"), LANG(?l))'
        keep = f'FILTER(!STRENDS(STR(?l), "{MARK}"))'
    else:
        new = f"STRLANG(SUBSTR(STR(?l), 1, STRLEN(STR(?l)) - {len(MARK)}), LANG(?l))"
        keep = f'FILTER(STRENDS(STR(?l), "{MARK}"))'
    label = RDFS.label
    return (f"DELETE {{ GRAPH ?g {{ {entity} {label} ?l }} }} INSERT {{ GRAPH ?g {{ {entity} {label} ?n }} }} "
            f"WHERE {{ GRAPH ?g {{ {entity} {RDFS.label} ?l }} {keep} BIND({new} AS ?n) }}")


def update_cases(documents: int) -> dict[str, tuple[str, str]]:
    """(forward, back) updates on the busiest zone and a company of the synthetic graph of ``documents``."""
    sample = list(plans(documents))
    zone_name, copies = Counter(p.zone for p in sample).most_common(1)[0]
    plan = next(p for p in sample if p.zone == zone_name and p.enterprises)
    zone, graph = entity_iri(EntityType.ZONE, zone_name), doc_graph_iri(plan.doc_id)
    company = entity_iri(EntityType.ENTERPRISE, plan.enterprises[0])
    longer = f'"{zone_name}{MARK}扩展区"@zh'
    other = entity_iri(EntityType.ZONE, next(p.zone for p in sample if p.zone != zone_name))
    moved = f"GRAPH {graph} {{ {company} {ZONE.locatedIn} {other} }}"
    located = ZONE.locatedIn
    return {
        f"INSERT DATA / DELETE DATA: a longer name of the busiest zone ({copies:,} documents) in one document":
            (f"INSERT DATA {{ GRAPH {graph} {{ {zone} {RDFS.label} {longer} }} }}",
             f"DELETE DATA {{ GRAPH {graph} {{ {zone} {RDFS.label} {longer} }} }}"),
        "INSERT DATA / DELETE DATA: a new fact about a company": (f"INSERT DATA {{ {moved} }}",
                                                                  f"DELETE DATA {{ {moved} }}"),
        "DELETE/INSERT WHERE over GRAPH ?g: rename a company in every document": (_rename(company, True),
                                                                                   _rename(company, False)),
        "WITH <doc> DELETE/INSERT WHERE: move a company to another zone in one document": (
            f"WITH {graph} DELETE {{ {company} {located} {zone} }} INSERT {{ {company} {located} {other} }} "
            f"WHERE {{ {company} {located} {zone} }}",
            f"WITH {graph} DELETE {{ {company} {located} {other} }} INSERT {{ {company} {located} {zone} }} "
            f"WHERE {{ {company} {located} {other} }}"),
        f"DELETE/INSERT WHERE over GRAPH ?g: rename the busiest zone in all {copies:,} documents": (
            _rename(zone, True), _rename(zone, False)),
    }


def update_cycles(ours: Callable[[str], None], plain: Callable[[str], None], documents: int,
                  repeats: int = 2) -> dict[str, tuple[float, float] | None]:
    """Median seconds per update (plain, ours) of each case, None for a case the engine refuses (oxigraph serve
    with its union default graph refuses WITH and USING); the store ends as it began."""
    figures: dict[str, tuple[float, float] | None] = {}
    for name, pair in update_cases(documents).items():
        try:
            plain(pair[0])
        except Exception:  # noqa: BLE001 - the engine's refusal, whatever its client raises
            figures[name] = None
            continue
        plain(pair[1])
        times: dict[str, list[float]] = {"plain": [], "ours": []}
        for _ in range(repeats):
            for kind, run in (("plain", plain), ("ours", ours)):
                for text in pair:
                    started = time.perf_counter()
                    run(text)
                    times[kind].append(time.perf_counter() - started)
        figures[name] = (statistics.median(times["plain"]), statistics.median(times["ours"]))
    return figures


def print_update_table(where: str, figures: dict[str, tuple[float, float] | None] | None) -> None:
    print(f"\n| {where}: /sparql/update (median of forward and back) | plain | ours (+ merged upkeep) | upkeep |")
    print("|---|---:|---:|---:|")
    if figures is None:
        print("| (stopped at the limit) | | | |")
        return
    for name, pair in figures.items():
        if pair is None:
            print(f"| {name} | refused by the engine | | |")
            continue
        plain, ours = pair
        print(f"| {name} | {plain * 1000:.1f} ms | {ours * 1000:.1f} ms | {(ours - plain) * 1000:+.1f} ms |")
