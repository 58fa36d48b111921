"""No SPARQL text makes the server open a connection: 900 query and 200 update variants in lexical
disguise (tests/ssrf_variants.py) against a loopback listener, over HTTP on an in-memory and an on-disk
store; and, with the parsed-text guard bypassed, the engine's threads and worker processes find no network."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from pyoxigraph import RdfFormat, Store

from api.main import create_app
from api.query_exec import QueryRequest, execute
from api.query_pool import InlineRunner, ProcessRunner
from api.writes import Writer
from kg.errors import KgError
from kg.settings import MEMORY, Settings
from kg.store.oxigraph import OxigraphStore
from tests.conftest import API_TOKEN, DATA, canary_hits, serve_app
from tests.ssrf_variants import query_variants, update_variants

QUERIES, UPDATES = 900, 200
AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
REFUSALS = {"service_not_allowed", "load_not_allowed", "query_syntax"}


def _settings(tmp_path: Path, store: str) -> Settings:
    return Settings(  # type: ignore[call-arg]
        store=store, corpus=tmp_path / "none", api_token=API_TOKEN, client_errors_per_minute=0,
        client_query_seconds_per_minute=0, query_timeout_s=5, _env_file=None,
    )


def _send_all(client: Any, port: int) -> list[tuple[int, str]]:
    """Every variant once (queries alternate GET and form POST); the (status, error code) answers."""
    answers = []
    for i, text in enumerate(query_variants(port, QUERIES)):
        if i % 2:
            response = client.post("/sparql", data={"query": text})
        else:
            response = client.get("/sparql", params={"query": text})
        answers.append((response.status_code, response.json().get("error", "")))
    for text in update_variants(port, UPDATES):
        response = client.post("/sparql/update", data={"update": text}, headers=AUTH)
        answers.append((response.status_code, response.json().get("error", "")))
    return answers


def _assert_refused_and_silent(answers: list[tuple[int, str]], canary: list[int]) -> None:
    assert len(answers) == QUERIES + UPDATES
    assert [a for a in answers if a[0] != 400 or a[1] not in REFUSALS] == []
    hits = canary_hits(canary)
    assert hits == [], f"{len(hits)} connections reached the listener"


def test_ssrf_fuzz_memory_store_over_http(tmp_path: Path, sample_store: OxigraphStore, canary: list[int]) -> None:
    from fastapi.testclient import TestClient

    with TestClient(create_app(_settings(tmp_path, MEMORY), store=sample_store)) as client:
        answers = _send_all(client, canary[0])
    _assert_refused_and_silent(answers, canary)


def test_ssrf_fuzz_disk_store_over_http(tmp_path: Path, canary: list[int]) -> None:
    path = tmp_path / "store"
    store = OxigraphStore(path)
    store.raw.load(path=str(DATA / "sample.trig"), format=RdfFormat.TRIG)
    store.close()
    served = serve_app(create_app(_settings(tmp_path, str(path))))
    base = next(served)
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            answers = _send_all(client, canary[0])
    finally:
        next(served, None)
    _assert_refused_and_silent(answers, canary)


BYPASS = 150
"""Variants sent straight to the engine, past the guard (the first 150 open ~40 connections unconfined)."""


def _unguarded(run: Any, texts: list[str]) -> None:
    for text in texts:
        with contextlib.suppress(KgError, OSError, SyntaxError, RuntimeError):
            run(text)


def test_ssrf_engine_threads_and_workers_have_no_network(
    tmp_path: Path, canary: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = list(query_variants(canary[0], BYPASS))
    updates = list(update_variants(canary[0], BYPASS))
    # The guard forgets SERVICE and LOAD: in this process, and in the worker processes (tests/unguarded_worker.py).
    monkeypatch.setattr("api.query_exec.check_query", lambda text: None)
    monkeypatch.setattr("api.writes.check_update", lambda text: None)
    monkeypatch.setattr("api.query_pool.WORKER_MODULE", "tests.unguarded_worker")
    memory = InlineRunner(Store(), threads=2)
    disk = OxigraphStore(tmp_path / "store")
    workers = ProcessRunner(disk.raw, tmp_path / "snapshots", workers=1, timeout_s=5)
    writer = Writer(OxigraphStore(None), memory)
    try:
        _unguarded(lambda q: memory.run(QueryRequest(q)), queries)
        _unguarded(lambda q: workers.run(QueryRequest(q)), queries)
        _unguarded(writer.update, updates)
        assert canary_hits(canary) == []
        # The same texts on an unconfined thread do reach the listener: the variants are live.
        control = threading.Thread(target=_unguarded, args=(lambda q: execute(Store(), QueryRequest(q)), queries))
        control.start()
        control.join()
        assert len(canary_hits(canary)) > 0
    finally:
        memory.close()
        workers.close()
        disk.close()


@pytest.mark.parametrize(
    "text",
    [
        "PREFIX ex: <http://e/> SELECT * WHERE {{ VALUES ?x {{ ex:a\\# }} "
        "SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
        "SELECT * {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
    ],
)
def test_ssrf_issue_example_is_refused(api_client: Any, canary: list[int], text: str) -> None:
    response = api_client.get("/sparql", params={"query": text.format(port=canary[0])})
    assert response.status_code == 400 and canary_hits(canary) == []
