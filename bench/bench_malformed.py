"""1,000+ generated malformed documents through upload (POST /documents) and the CLI (zonekg ingest).

    python -m bench.bench_malformed [--count 1200] [--seed 13]

Prints, per channel: accepted, refused (4xx), 5xx, tracebacks logged or printed, refusals that changed the store,
the slowest answer and the peak RSS. Every count but accepted/refused must be 0.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.malformed import base_documents, malformed_inputs

TOKEN = "bench-malformed-token-0123456789"


@dataclass
class Outcome:
    accepted: int = 0
    refused: int = 0
    server_errors: list[str] = field(default_factory=list)
    tracebacks: int = 0
    changed_on_refusal: list[str] = field(default_factory=list)
    bad_details: list[str] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")
    statuses: Counter[int] = field(default_factory=Counter)

    def failures(self) -> int:
        return len(self.server_errors) + self.tracebacks + len(self.changed_on_refusal) + len(self.bad_details)


class _TracebackCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info or record.levelno >= logging.ERROR:
            self.count += 1


def store_state(store: object) -> tuple[int, tuple[str, ...]]:
    return store.quad_count(), tuple(sorted(g.value for g in store.graphs()))  # type: ignore[attr-defined]


def run_uploads(inputs: list[tuple[str, str, bytes]]) -> Outcome:
    """Each input as a multipart upload to an app over an in-memory store holding one good document."""
    from fastapi.testclient import TestClient

    from api.main import create_app
    from kg.settings import Settings
    from kg.store import open_store

    settings = Settings(store=":memory:", corpus=Path(tempfile.gettempdir()) / "zonekg-no-corpus",  # type: ignore[call-arg]
                        api_token=TOKEN, _env_file=None)
    store = open_store(settings)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    counter = _TracebackCounter()
    logging.getLogger().addHandler(counter)
    outcome = Outcome()
    try:
        with TestClient(create_app(settings, store=store), raise_server_exceptions=False) as client:
            first = client.post("/documents", files={"file": ("base.txt", base_documents()["txt"])}, headers=auth)
            assert first.status_code == 201, first.text
            for kind, name, data in inputs:
                before = store_state(store)
                began = time.perf_counter()
                body, content_type = multipart(name, data)
                response = client.post("/documents", content=body, headers={**auth, "Content-Type": content_type})
                _record(outcome, kind, name, response.status_code, _body(response), time.perf_counter() - began,
                        before != store_state(store))
    finally:
        logging.getLogger().removeHandler(counter)
        store.close()
    outcome.tracebacks = counter.count
    return outcome


def _body(response: object) -> dict:
    try:
        body = response.json()  # type: ignore[attr-defined]
    except ValueError:
        return {"detail": response.text[:200]}  # type: ignore[attr-defined]
    return body if isinstance(body, dict) else {"detail": str(body)[:200]}


def multipart(filename: str, data: bytes) -> tuple[bytes, str]:
    """A multipart body with the file name's bytes as they are (line feeds, invalid UTF-8 and all)."""
    boundary = b"zonekg-bench-boundary-7f3a9c"
    name = filename.encode("utf-8", "surrogateescape")
    body = (b"--" + boundary + b'\r\nContent-Disposition: form-data; name="file"; filename="' + name + b'"\r\n'
            b"Content-Type: application/octet-stream\r\n\r\n" + data + b"\r\n--" + boundary + b"--\r\n")
    return body, f"multipart/form-data; boundary={boundary.decode()}"


def _record(outcome: Outcome, kind: str, name: str, status: int, body: dict, seconds: float, changed: bool) -> None:
    label = f"{kind}:{name!r}"
    outcome.statuses[status] += 1
    outcome.slowest = max(outcome.slowest, (seconds, label))
    if status >= 500:
        outcome.server_errors.append(f"{label} -> {status} {body}")
    elif status >= 400:
        outcome.refused += 1
        detail = str(body.get("detail", ""))
        if changed:
            outcome.changed_on_refusal.append(label)
        if not detail or "\n" in detail or "Traceback" in detail:
            outcome.bad_details.append(f"{label}: {detail!r}")
    else:
        outcome.accepted += 1


def run_cli(inputs: list[tuple[str, str, bytes]], folder: Path) -> tuple[Outcome, int, int]:
    """All inputs written to one folder and ingested by one ``zonekg ingest --on-error skip`` run.

    Returns the outcome, the exit code and the number of ``failed:`` lines printed.
    """
    docs = folder / "docs"
    docs.mkdir()
    for index, (_, name, data) in enumerate(inputs):
        # A file system name cannot hold '/' or NUL: keep the rest of the odd name.
        safe = re.sub(r"[/\x00]", "_", name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
        file_name = f"{index:05d}_{safe}".encode()[:200].decode("utf-8", "ignore")  # 255 bytes at most
        (docs / file_name).write_bytes(data)
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "ingest", str(docs), "--store", str(folder / "store"), "--workers", "1",
         "--on-error", "skip", "--no-progress"],
        capture_output=True, text=True, check=False, env={**os.environ, "ZONEKG_CORPUS": str(folder / "none")},
    )
    seconds = time.perf_counter() - began
    failed = sum(1 for line in done.stdout.splitlines() if line.startswith("  failed: "))
    outcome = Outcome(slowest=(seconds, "whole run"))
    outcome.refused = failed
    outcome.accepted = len(inputs) - failed
    outcome.tracebacks = done.stderr.count("Traceback") + done.stdout.count("Traceback")
    outcome.server_errors = [line for line in done.stdout.splitlines() if "internal error" in line]
    # Refusals write nothing: the store holds one graph per document the run reports as ingested.
    ingested = re.search(r"ingested (\d+) document", done.stdout)
    stored = _graph_count(folder / "store")
    if ingested is None or int(ingested.group(1)) != stored:
        outcome.changed_on_refusal.append(f"store holds {stored} graphs; the run reports {done.stdout[:200]!r}")
    return outcome, done.returncode, failed


def _graph_count(path: Path) -> int:
    from kg.settings import Settings
    from kg.store import open_store

    store = open_store(Settings(store=str(path), _env_file=None))  # type: ignore[call-arg]
    try:
        return len(store.graphs())
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    inputs = malformed_inputs(args.count, args.seed)
    kinds = Counter(kind for kind, _, _ in inputs)
    print(f"{len(inputs)} inputs: " + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())))
    began = time.perf_counter()
    upload = run_uploads(inputs)
    _print("upload", upload, time.perf_counter() - began)
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        cli, code, _ = run_cli(inputs, Path(folder))
        _print(f"cli (exit {code})", cli, time.perf_counter() - began)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the upload process: {peak:.0f} MB")
    for line in (upload.server_errors + upload.changed_on_refusal + upload.bad_details + cli.server_errors)[:20]:
        print("  !", line)
    if upload.failures() or cli.failures() or code not in (0, 2):
        raise SystemExit(1)


def _print(channel: str, outcome: Outcome, seconds: float) -> None:
    print(f"{channel:16} accepted {outcome.accepted:5}  refused {outcome.refused:5}  5xx/internal "
          f"{len(outcome.server_errors):3}  tracebacks {outcome.tracebacks:3}  store changed on refusal "
          f"{len(outcome.changed_on_refusal):3}  multi-line details {len(outcome.bad_details):3}  "
          f"slowest {outcome.slowest[0]:.2f} s  total {seconds:.1f} s")


if __name__ == "__main__":
    main()
