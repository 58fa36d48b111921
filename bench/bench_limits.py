"""Abusive requests against a real ``zonekg serve``: what each costs the server, and whether it is refused or cut.

Starts ``zonekg serve`` on an empty on-disk store (loopback, a test token) and
sends, one kind at a time: five 20 MB request heads, 200 connections that send
a head one byte every second, five unauthenticated 15 MB uploads, and a
446-byte query whose answer would be hundreds of MB (``--probes heads``); then
(``--probes uploads``) uploads of 20 MB of "a", a near-limit DOCX and a page of
a million ``<br>``, each with a small upload and an update sent meanwhile by
another client (the update's latency shows whether the write lock is held), and
an upload body trickled one byte a second.  For each it prints the answers and
the server's RSS growth (its process tree, workers included) over the RSS
measured just before, in the same run.  ``--server-cwd`` runs the server from
another checkout (e.g. the previous code) for a before/after comparison.

    python -m bench.bench_limits [--probes heads,uploads] [--server-cwd DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.limits_uploads import hostile_upload, near_limit_docx, rss_mb, slow_body

TOKEN = "bench-limits-token-0123456789"
BIG_ANSWER = (
    "SELECT ?x WHERE { VALUES ?a { 1 2 3 4 5 6 7 8 9 10 } VALUES ?b { 1 2 3 4 5 6 7 8 9 10 } "
    "VALUES ?c { 1 2 3 4 5 6 7 8 9 10 } "
    'BIND(CONCAT(STR(?a), "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx") AS ?s1) '
    "BIND(CONCAT(?s1, ?s1, ?s1, ?s1, ?s1, ?s1, ?s1, ?s1) AS ?s2) BIND(CONCAT(?s2, ?s2, ?s2, ?s2, ?s2, ?s2, ?s2, ?s2) "
    "AS ?s3) BIND(CONCAT(?s3, ?s3, ?s3, ?s3, ?s3, ?s3, ?s3, ?s3) AS ?x) }"
)


def connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=30)


def big_heads(port: int) -> str:
    answers = []
    for _ in range(5):
        with connect(port) as conn:
            with contextlib.suppress(OSError):
                conn.sendall(b"GET /stats HTTP/1.1\r\nHost: b\r\nX-Big: " + b"a" * 20_000_000)
            with contextlib.suppress(OSError):
                answers.append(conn.recv(100).split(b"\r\n")[0].decode())
    return f"five 20 MB heads: {answers}"


def slow_heads(port: int, timeout_s: float) -> str:
    conns = [connect(port) for _ in range(200)]
    started = time.monotonic()
    while time.monotonic() - started < timeout_s + 3:
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.send(b"G")
        time.sleep(1)
    still_open = 0
    for conn in conns:
        conn.setblocking(False)
        try:
            conn.recv(100)  # an answer (408) or end of stream: the server is closing it
        except BlockingIOError:
            still_open += 1  # nothing to read and not closed
        except OSError:
            pass
        conn.close()
    return f"200 slow heads: {still_open} still open after {timeout_s + 3:.0f} s"


def unauthenticated_uploads(port: int) -> str:
    timings = []
    for _ in range(5):
        started = time.monotonic()
        with connect(port) as conn:
            conn.sendall(b"POST /documents HTTP/1.1\r\nHost: b\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                         b"Content-Length: 15728640\r\n\r\n")
            status = conn.recv(100).split(b"\r\n")[0].decode()
        timings.append(f"{status} in {time.monotonic() - started:.2f} s")
    return f"five unauthenticated 15 MB uploads (headers only sent): {timings}"


def big_answer(port: int) -> str:
    response = httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": BIG_ANSWER}, timeout=120)
    cut = response.headers.get("x-sparql-maxbytes")
    size = f"{len(response.content):,} bytes"
    return f"{len(BIG_ANSWER)}-byte query: {response.status_code}, {size}, X-SPARQL-MaxBytes {cut}"


BODY_TIMEOUT_S = 10
CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def upload_probes(port: int, pid: int) -> None:
    base = f"http://127.0.0.1:{port}"
    docx = near_limit_docx()
    real = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    hostile = [("a.txt", b"a" * 20_000_000), ("near-limit.docx", docx),
               ("breaks.html", b"<html><body>" + b"<br>" * 1_000_000 + b"</body></html>"),
               ("a-1.9M.txt", b"a" * 1_900_000),
               ("corpus-1MB.txt", (real * (1_000_000 // len(real.encode()) + 1)).encode()[:1_000_000]
                .decode("utf-8", "ignore").encode())]
    print(f"(warm-up upload: {hostile_upload(base, TOKEN, pid, 'warm.txt', b'ok').splitlines()[0]})")
    for name, data in hostile:
        print(hostile_upload(base, TOKEN, pid, name, data))
    print(slow_body(base, TOKEN, pid, give_up_s=BODY_TIMEOUT_S + 20))


def head_probes(port: int, pid: int, timeout_s: float) -> None:
    for probe in (big_heads, lambda p: slow_heads(p, timeout_s), unauthenticated_uploads, big_answer):
        before = rss_mb(pid)
        line = probe(port)
        print(f"{line}; server RSS {before:.0f} -> {rss_mb(pid):.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probes", default="heads,uploads", help="comma-separated: heads, uploads")
    parser.add_argument("--server-cwd", type=Path, default=Path.cwd(), help="checkout the server runs from")
    args = parser.parse_args()
    probes = set(args.probes.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        with socket.create_server(("127.0.0.1", 0)) as probe:
            port = probe.getsockname()[1]
        env = {**os.environ, "ZONEKG_API_TOKEN": TOKEN, "ZONEKG_CORPUS": str(Path(tmp) / "none"),
               "ZONEKG_CLIENT_QUERY_SECONDS_PER_MINUTE": "0", "ZONEKG_CLIENT_ERRORS_PER_MINUTE": "0",
               "ZONEKG_BODY_TIMEOUT_S": str(BODY_TIMEOUT_S), "PYTHONPATH": str(args.server_cwd)}
        command = [sys.executable, "-m", "kg.cli", "serve", "--port", str(port), "--store", str(Path(tmp) / "store")]
        server = subprocess.Popen(command, env=env, cwd=args.server_cwd, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            for _ in range(300):
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(f"http://127.0.0.1:{port}/stats", timeout=2).status_code == 200:
                        break
                time.sleep(0.2)
            print(f"server from {args.server_cwd}")
            if "heads" in probes:
                head_probes(port, server.pid, float(env.get("ZONEKG_HEADER_TIMEOUT_S", "10")))
            if "uploads" in probes:
                upload_probes(port, server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
