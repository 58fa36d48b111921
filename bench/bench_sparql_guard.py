"""What the SERVICE/LOAD guard (a full SPARQL 1.1 parse, kg.sparql_guard) adds to each public query.

For every ``kg/queries/*.rq`` template (the shapes the API and the graph page
send) and for a sample of the SSRF fuzz set, it times the uncached guard
decision (a text that cannot spell SERVICE skips the parse) and the full parse,
and compares them with the same query's evaluation on the sample store
(tests/data/sample.trig) through the public path (``api.query_exec.execute``),
measured in the same run.  A repeated text hits the guard's cache: that cost is
printed too.

    python -m bench.bench_sparql_guard
"""

from __future__ import annotations

import contextlib
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from pyoxigraph import RdfFormat, Store

from api.query_exec import QueryRequest, execute
from kg.errors import KgError
from kg.namespaces import PREFIXES
from kg.sparql_guard import _check, check_query
from kg.sparql_syntax import may_spell
from tests.ssrf_variants import query_variants

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "sample.trig"
RUNS = 5


def _median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        with contextlib.suppress(KgError):
            action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _templates() -> list[tuple[str, str]]:
    prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    return [(path.stem, prologue + path.read_text("utf-8")) for path in sorted((ROOT / "kg" / "queries").glob("*.rq"))]


def _uncached_guard(text: str) -> None:
    if may_spell(text, ("service",)):
        _check("query", text)


def main() -> None:
    store = Store()
    store.load(path=str(SAMPLE), format=RdfFormat.TRIG)
    guard, parse, engine, cached = [], [], [], []
    print(f"{'template':32} {'guard ms':>9} {'parse ms':>9} {'engine ms':>10}")
    for name, text in _templates():
        g = _median_ms(lambda t=text: _uncached_guard(t))
        p = _median_ms(lambda t=text: _check("query", t))
        e = _median_ms(lambda t=text: execute(store, QueryRequest(t)))
        check_query_safe(text)
        c = _median_ms(lambda t=text: check_query_safe(t))
        guard.append(g)
        parse.append(p)
        engine.append(e)
        cached.append(c)
        print(f"{name:32} {g:9.3f} {p:9.2f} {e:10.2f}")
    fuzz = list(query_variants(9, 200))
    fuzz_ms = [_median_ms(lambda t=t: _check("query", t)) for t in fuzz[:200:4]]
    median_engine = max(statistics.median(engine), 1e-6)
    print(f"\ntemplates: guard median {statistics.median(guard):.3f} ms (ratio to engine "
          f"{statistics.median(guard) / median_engine:.2f}); full parse median {statistics.median(parse):.2f} ms, "
          f"max {max(parse):.2f} ms (ratio {statistics.median(parse) / median_engine:.1f}); "
          f"engine median {median_engine:.2f} ms")
    print(f"cached decision (repeated text): median {statistics.median(cached) * 1000:.1f} µs")
    print(f"fuzz variants: guard median {statistics.median(fuzz_ms):.2f} ms, max {max(fuzz_ms):.2f} ms")


def check_query_safe(text: str) -> None:
    with contextlib.suppress(KgError):
        check_query(text)


if __name__ == "__main__":
    main()
