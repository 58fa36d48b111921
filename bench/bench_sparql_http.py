"""Throughput and latency of a bound company-in-zone SPARQL query over HTTP.

Serves the same synthetic graph (~92k quads by default, in the shape ingest emits;
``--enterprises 43500`` makes ~1M) with zonekg's app (uvicorn, on-disk store, query
worker processes answering from their in-memory copy of the default graph),
rdflib-endpoint and ``oxigraph serve`` (on disk), all on 127.0.0.1, drives each with
``wrk`` (Debian package; a thread-pool httpx client when it is missing) while rotating
the zone, and prints requests/s, p50 and p99, zonekg's ratios to the others, and the
resident memory of zonekg's processes and of ``oxigraph serve``.

Run: ``.venv/bin/python -m bench.bench_sparql_http [--seconds 12] [--connections 8] [--enterprises N]
[--no-rdflib]``
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import httpx
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

from bench.server_procs import cpu_seconds, memory_report, wait_for_copies
from kg.iri import doc_graph_iri, entity_iri, node_iri
from kg.model import EntityType
from kg.namespaces import RDF, RDFS, SKOS, XSD, ZONE
from kg.store.merged import expected_merged

PYTHON = sys.executable
BIN = Path(sys.executable).parent
QUERY = """PREFIX zone: <https://w3id.org/zonekg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?company ?label WHERE {{
  ?company zone:locatedIn <{zone}> ; a zone:Enterprise ; rdfs:label ?label .
}} ORDER BY ?label"""


def synthetic_quads(zones: int = 60, enterprises: int = 4000) -> list[Quad]:
    """Zones with labels/aliases, enterprises located in them, projects with investments, all with evidence."""
    quads: list[Quad] = []
    for z in range(zones):
        doc = doc_graph_iri(f"bench-{z:03d}")
        zone = entity_iri(EntityType.ZONE, f"第{z}高新技术产业开发区")
        quads += [
            Quad(doc, RDF.type, ZONE.Document, doc),
            Quad(doc, ZONE.docId, Literal(f"bench-{z:03d}"), doc),
            Quad(zone, RDF.type, ZONE.Zone, doc),
            Quad(zone, RDF.type, ZONE.HighTechZone, doc),
            Quad(zone, RDFS.label, Literal(f"第{z}高新技术产业开发区", language="zh"), doc),
            Quad(zone, SKOS.altLabel, Literal(f"第{z}高新区", language="zh"), doc),
        ]
    for e in range(enterprises):
        z = e % zones
        doc, zone = doc_graph_iri(f"bench-{z:03d}"), entity_iri(EntityType.ZONE, f"第{z}高新技术产业开发区")
        quads += _enterprise(e, doc, zone)
    return quads


def _enterprise(e: int, doc: NamedNode, zone: NamedNode) -> list[Quad]:
    name = f"企业{e:05d}科技有限公司"
    company, project = entity_iri(EntityType.ENTERPRISE, name), entity_iri(EntityType.PROJECT, f"{name}项目")
    evidence, statement = node_iri("evidence", name), node_iri("fact", name, "locatedIn")
    investment = node_iri("investment", name)
    sentence = Literal(f"{name}落户园区，总投资{e % 50 + 1}亿元。", language="zh")
    triples = [
        (company, RDF.type, ZONE.Enterprise),
        (company, RDFS.label, Literal(name, language="zh")),
        (company, SKOS.altLabel, Literal(f"企业{e:05d}", language="zh")),
        (company, ZONE.locatedIn, zone),
        (company, ZONE.mentionedIn, doc),
        (statement, RDF.type, RDF.Statement),
        (statement, RDF.subject, company),
        (statement, RDF.predicate, ZONE.locatedIn),
        (statement, RDF.object, zone),
        (statement, ZONE.evidence, evidence),
        (evidence, RDF.type, ZONE.Evidence),
        (evidence, ZONE.sentenceText, sentence),
        (evidence, ZONE.charStart, Literal(e)),
        (evidence, ZONE.charEnd, Literal(e + 20)),
        (evidence, ZONE.inDocument, doc),
        (project, RDF.type, ZONE.Project),
        (project, RDFS.label, Literal(f"{name}项目", language="zh")),
        (project, ZONE.investor, company),
        (project, ZONE.investment, investment),
        (investment, RDF.type, ZONE.Investment),
        (investment, ZONE.amount, Literal(str((e % 50 + 1) * 100_000_000), datatype=XSD.decimal)),
        (investment, ZONE.currency, Literal("CNY")),
        (investment, ZONE.evidence, evidence),
    ]
    return [Quad(s, p, o, doc) for s, p, o in triples]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not start")


@contextmanager
def process(args: list[str], ready_url: str):  # type: ignore[no-untyped-def]
    """Start a server process, wait until it answers, yield it, stop it afterwards."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(ready_url, seconds=900)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def zonekg_server(nquads: Path, work: Path, port: int):  # type: ignore[no-untyped-def]
    store = work / "zonekg-store"
    code = textwrap.dedent(f"""
        import logging, uvicorn
        from pyoxigraph import RdfFormat
        from kg.settings import Settings
        from kg.store.oxigraph import OxigraphStore
        from pathlib import Path
        s = OxigraphStore(Path({str(store)!r}))
        s.raw.bulk_load(path={str(nquads)!r}, format=RdfFormat.N_QUADS); s.close()
        from api.main import create_app
        # One load generator is one client IP: the per-client limits (a public-deployment policy the
        # other engines lack) are switched off so the run measures the engine, not the limiter.
        app = create_app(Settings(store={str(store)!r}, corpus='/nonexistent', client_concurrency=0,
                                  client_query_seconds_per_minute=0, client_errors_per_minute=0, _env_file=None))
        uvicorn.run(app, host='127.0.0.1', port={port}, log_level='warning', access_log=False)
    """)
    ready = f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D"  # /stats counts every quad: slow at 1M
    return process([PYTHON, "-c", code], ready), f"http://127.0.0.1:{port}/sparql"


def rdflib_server(nquads: Path, port: int):  # type: ignore[no-untyped-def]
    code = textwrap.dedent(f"""
        import uvicorn
        from rdflib import Dataset
        from rdflib_endpoint import SparqlEndpoint
        g = Dataset(default_union=True); g.parse({str(nquads)!r}, format='nquads')
        app = SparqlEndpoint(graph=g, public_url='http://127.0.0.1:{port}/')
        uvicorn.run(app, host='127.0.0.1', port={port}, log_level='warning', access_log=False)
    """)
    return process([PYTHON, "-c", code], f"http://127.0.0.1:{port}/?query=ASK%7B%7D"), f"http://127.0.0.1:{port}/"


def oxigraph_server(nquads: Path, work: Path, port: int):  # type: ignore[no-untyped-def]
    location = work / "oxigraph-store"
    subprocess.run(
        [str(BIN / "oxigraph"), "load", "--location", str(location), "--file", str(nquads)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    args = [
        str(BIN / "oxigraph"),
        "serve",
        "--location",
        str(location),
        "--bind",
        f"127.0.0.1:{port}",
    ]
    return process(args, f"http://127.0.0.1:{port}/query?query=ASK%7B%7D"), f"http://127.0.0.1:{port}/query"


@dataclass
class Result:
    name: str
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int


def query_paths(endpoint: str, zones: list[NamedNode]) -> list[str]:
    return [f"{endpoint}?query={quote(QUERY.format(zone=z.value), safe='')}" for z in zones]


WRK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1], {["Accept"] = "application/sparql-results+json"})
end
done = function(summary, latency, requests)
  io.write(string.format("JSON %%d %%f %%f %%f %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def run_wrk(name: str, urls: list[str], seconds: int, connections: int, work: Path) -> Result:
    paths = ", ".join(json.dumps(u.split("/", 3)[3].join(["/", ""])) for u in urls)
    script = work / f"{name}.lua"
    script.write_text(WRK_SCRIPT % paths)
    base = "/".join(urls[0].split("/", 3)[:3])
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script), base],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("JSON "))
    requests, duration_us, p50_us, p99_us, errors = line.split()[1:]
    return Result(
        name, int(requests) / (float(duration_us) / 1e6), float(p50_us) / 1e3, float(p99_us) / 1e3, int(errors)
    )


def run_httpx(name: str, urls: list[str], seconds: int, connections: int) -> Result:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(offset: int) -> None:
        nonlocal errors
        with httpx.Client(timeout=10, headers={"Accept": "application/sparql-results+json"}) as client:
            i = offset
            while time.monotonic() < deadline:
                started = time.perf_counter()
                ok = client.get(urls[i % len(urls)]).status_code == 200
                with lock:
                    latencies.append(time.perf_counter() - started)
                    errors += not ok
                i += 1

    with ThreadPoolExecutor(connections) as pool:
        list(pool.map(worker, range(connections)))
    q = statistics.quantiles(latencies, n=100)
    return Result(name, len(latencies) / seconds, q[49] * 1e3, q[98] * 1e3, errors)


def combine(name: str, parts: list[Result]) -> Result:
    """Mean rate over the rounds; p50 and p99 as the median of the rounds' percentiles."""
    return Result(
        name,
        statistics.mean(p.requests_per_s for p in parts),
        statistics.median(p.p50_ms for p in parts),
        statistics.median(p.p99_ms for p in parts),
        sum(p.errors for p in parts),
    )


def check_answers(urls: list[str]) -> int:
    """Rows answered for the first zone (all servers must agree)."""
    response = httpx.get(urls[0], headers={"Accept": "application/sparql-results+json"}, timeout=30)
    response.raise_for_status()
    return len(response.json()["results"]["bindings"])


def write_data(quads: list[Quad], work: Path) -> tuple[Path, Path]:
    """The documents as N-Quads, and the same with zonekg's merged graph as the default graph (oxigraph serve)."""
    documents, merged = work / "data.nq", work / "data-merged.nq"
    documents.write_bytes(serialize(quads, format=RdfFormat.N_QUADS) or b"")
    merged_quads = (Quad(t.subject, t.predicate, t.object) for t in expected_merged(quads))
    merged.write_bytes(documents.read_bytes() + (serialize(merged_quads, format=RdfFormat.N_QUADS) or b""))
    return documents, merged


def measure(urls: dict[str, list[str]], pids: dict[str, int], args: argparse.Namespace, work: Path
            ) -> tuple[dict[str, Result], dict[str, float]]:
    """A warm-up per server, then interleaved rounds, so a change in background load hits every server alike;
    the results, and each server's CPU milliseconds per request (its processes', whatever else runs)."""
    use_wrk = shutil.which("wrk") is not None
    cpu = dict.fromkeys(urls, 0.0)
    requests = dict.fromkeys(urls, 0.0)

    def drive(name: str, u: list[str], seconds: int) -> Result:
        if use_wrk:
            return run_wrk(name, u, seconds, args.connections, work)
        return run_httpx(name, u, seconds, args.connections)

    for name, u in urls.items():
        drive(name, u, args.warmup)
    rounds: dict[str, list[Result]] = {name: [] for name in urls}
    share = max(1, round(args.seconds / args.rounds))
    for _ in range(args.rounds):
        for name, u in urls.items():
            before = cpu_seconds(pids[name])
            rounds[name].append(drive(name, u, share))
            cpu[name] += cpu_seconds(pids[name]) - before
            requests[name] += rounds[name][-1].requests_per_s * share
    cpu_ms = {name: 1000 * cpu[name] / max(1.0, requests[name]) for name in urls}
    return {name: combine(name, parts) for name, parts in rounds.items()}, cpu_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=12, help="measuring time per server")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds the seconds are split into")
    parser.add_argument("--warmup", type=int, default=5, help="seconds of load per server before measuring")
    parser.add_argument("--enterprises", type=int, default=4000, help="23 document quads each (43500: ~1M)")
    parser.add_argument("--no-rdflib", action="store_true", help="leave rdflib-endpoint out (slow to load at 1M)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zonekg-bench-") as tmp:
        work = Path(tmp)
        quads = synthetic_quads(zones=max(60, args.enterprises // 67), enterprises=args.enterprises)
        nquads, merged = write_data(quads, work)
        zones = sorted({q.subject for q in quads if q.predicate == RDF.type and q.object == ZONE.Zone}, key=str)
        print(
            f"graph: {len(quads):,} document quads, {len(zones)} zones; driver: "
            f"{'wrk' if shutil.which('wrk') else 'httpx threads'}, {args.connections} connections, "
            f"{args.seconds} s per server in {args.rounds} interleaved rounds after {args.warmup} s of warm-up; "
            "oxigraph serve answers from the same merged default graph as zonekg, on disk"
        )
        servers = {"zonekg": zonekg_server(merged, work, free_port())}  # the store as ingest and its merge leave it
        if not args.no_rdflib:
            servers["rdflib-endpoint"] = rdflib_server(nquads, free_port())
        servers["oxigraph serve"] = oxigraph_server(merged, work, free_port())
        with ExitStack() as stack:
            urls, procs = {}, {}
            for name, (started, endpoint) in servers.items():
                procs[name] = stack.enter_context(started)
                urls[name] = query_paths(endpoint, zones)
            print(f"zonekg's query workers copied the default graph in {wait_for_copies(procs['zonekg'].pid):.0f} s "
                  "(their RSS stopped growing)")
            rows = {name: check_answers(u) for name, u in urls.items()}
            results, cpu_ms = measure(urls, {name: p.pid for name, p in procs.items()}, args, work)
            memory = memory_report(procs)
        for name, result in results.items():
            print(
                f"{name:16} {result.requests_per_s:9.1f} req/s  p50 {result.p50_ms:8.2f} ms  "
                f"p99 {result.p99_ms:8.2f} ms  CPU {cpu_ms[name]:6.2f} ms/request  errors {result.errors}  "
                f"rows/zone {rows[name]}"
            )
        print(memory)
        ours = results["zonekg"].requests_per_s
        if "rdflib-endpoint" in results:
            print(f"zonekg / rdflib-endpoint = {ours / results['rdflib-endpoint'].requests_per_s:.2f}x (target >= 5)")
        print(f"zonekg / oxigraph serve  = {ours / results['oxigraph serve'].requests_per_s:.2f}x (target >= 1.0); "
              f"CPU per request {cpu_ms['zonekg'] / cpu_ms['oxigraph serve']:.2f}x oxigraph serve's "
              "(less sensitive than req/s to what else runs)")


if __name__ == "__main__":
    main()
