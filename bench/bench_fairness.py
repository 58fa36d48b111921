"""Fair service under abuse: a well-behaved client's simple query while four other clients send pathological ones.

Starts ``zonekg serve`` on loopback over a small on-disk store (1,000 triples:
enough for a cross product to run past the time limit) with a short time limit,
trusting 127.0.0.1 as a proxy so X-Forwarded-For tells five clients apart.  Four
abusers each loop, without pause or regard for Retry-After, over a runaway
cross product, braces nested 5,000 deep and 20,000 nested parentheses; a fifth
client sends a simple count every 0.2 s.  Prints the fifth client's p50/p99 and
refusals alone (baseline, same run), under abuse, and after every abuser has had
its first timeout or crash, and what the abusers got.  Bounded: loopback only,
``--seconds`` of abuse, at most ``--max-requests`` per abuser.

    python -m bench.bench_fairness [--seconds 30] [--timeout 2]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
from pyoxigraph import Literal, NamedNode, Quad, Store

SIMPLE = "SELECT (COUNT(?e) AS ?n) WHERE { ?e a <https://w3id.org/zonekg/ontology#Enterprise> }"
PATHOLOGICAL = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o" + " }" * 5000,
    "SELECT * WHERE { FILTER(" + "(" * 20000 + "1" + ")" * 20000 + ") }",
]
ABUSERS = [f"203.0.113.{n}" for n in range(1, 5)]
GOOD = "198.51.100.9"
FAULTS = ("query_timeout", "store_unavailable")


def make_store(path: Path) -> None:
    store = Store(str(path))
    graph = NamedNode("https://w3id.org/zonekg/resource/doc/bulk")
    value = NamedNode("https://w3id.org/zonekg/ontology#value")
    store.extend(Quad(NamedNode(f"https://w3id.org/zonekg/resource/x/{i}"), value, Literal(i), graph)
                 for i in range(1000))
    store.flush()
    del store


def ask(client: httpx.Client, ip: str, query: str) -> tuple[float, int, str]:
    """(seconds, status, error code or "") of one POST /sparql as client ``ip``."""
    started = time.monotonic()
    headers = {"X-Forwarded-For": ip, "Content-Type": "application/sparql-query"}
    try:
        response = client.post("/sparql", content=query.encode(), headers=headers)
    except httpx.HTTPError as exc:
        return time.monotonic() - started, 0, type(exc).__name__
    error = response.json().get("error", "") if response.status_code != 200 else ""
    return time.monotonic() - started, response.status_code, error


def abuse(base: str, ip: str, until: float, max_requests: int, first_fault: dict[str, float], got: Counter) -> None:
    with httpx.Client(base_url=base, timeout=120) as client:
        for n in range(max_requests):
            if time.monotonic() >= until:
                return
            _, status, error = ask(client, ip, PATHOLOGICAL[n % len(PATHOLOGICAL)])
            got[f"{status} {error}".strip()] += 1
            if error in FAULTS:
                first_fault.setdefault(ip, time.monotonic())


def good_client(base: str, until: float) -> list[tuple[float, float, int]]:
    """(sent at, seconds, status) of simple queries sent every 0.2 s until ``until``."""
    samples = []
    with httpx.Client(base_url=base, timeout=120) as client:
        while (now := time.monotonic()) < until:
            seconds, status, _ = ask(client, GOOD, SIMPLE)
            samples.append((now, seconds, status))
            time.sleep(0.2)
    return samples


def report(label: str, samples: list[tuple[float, float, int]]) -> None:
    if not samples:
        print(f"{label}: no queries")
        return
    seconds = sorted(s for _, s, _ in samples)
    p99 = seconds[min(len(seconds) - 1, round(0.99 * (len(seconds) - 1)))]
    refused = sum(status != 200 for _, _, status in samples)
    print(f"{label}: {len(samples)} queries, p50 {statistics.median(seconds) * 1000:.0f} ms, "
          f"p99 {p99 * 1000:.0f} ms, refused {refused}")


def serve(tmp: Path, timeout_s: float) -> tuple[subprocess.Popen[bytes], str]:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    env = {**os.environ, "ZONEKG_CORPUS": str(tmp / "none"), "ZONEKG_FORWARDED_ALLOW_IPS": "127.0.0.1",
           "ZONEKG_QUERY_TIMEOUT_S": str(timeout_s)}
    command = [sys.executable, "-m", "kg.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
               "--store", str(tmp / "store")]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base}/stats", timeout=2).status_code == 200:
                break
        time.sleep(0.2)
    return server, base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the abusers run")
    parser.add_argument("--timeout", type=float, default=2.0, help="the server's query time limit (s)")
    parser.add_argument("--max-requests", type=int, default=300, help="most requests per abuser")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        make_store(Path(tmp) / "store")
        server, base = serve(Path(tmp), args.timeout)
        try:
            report("fifth client alone (baseline)", good_client(base, time.monotonic() + 3))
            until = time.monotonic() + args.seconds
            first_fault: dict[str, float] = {}
            got: Counter = Counter()
            abusers = [threading.Thread(target=abuse, args=(base, ip, until, args.max_requests, first_fault, got))
                       for ip in ABUSERS]
            for thread in abusers:
                thread.start()
            samples = good_client(base, until)
            for thread in abusers:
                thread.join()
        finally:
            server.terminate()
            server.wait(timeout=30)
    report("fifth client under abuse", samples)
    if len(first_fault) == len(ABUSERS):
        settled = max(first_fault.values())
        report("  after every abuser's first timeout/crash", [s for s in samples if s[0] >= settled])
    print(f"abusers' answers ({len(first_fault)} of 4 had a timeout/crash): {dict(got.most_common())}")


if __name__ == "__main__":
    main()
