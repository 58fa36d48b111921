"""Fair /sparql service over worker processes: clients are charged execution only, abusers are throttled and
demoted to a slow lane, and a well-behaved client keeps a worker.  Clients are told apart by X-Forwarded-For
(the test server trusts 127.0.0.1 as its proxy).

Nothing here waits on a guessed duration for the server to reach a state: workers are warmed by queries
before a test relies on them being up, and the time limits leave seconds of room for a loaded machine."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.main import create_app
from api.query_exec import QueryRequest
from api.query_pool import ProcessRunner
from api.query_ticket import Ticket
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from tests.conftest import serve_app
from tests.slow_start_worker import START_DELAY_S

SIMPLE = {"query": "SELECT (COUNT(?e) AS ?n) WHERE { ?e a zone:Enterprise }"}
RUNAWAY = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"}
ABUSERS = [f"203.0.113.{n}" for n in range(1, 5)]
GOOD = "198.51.100.9"
WARMERS = ["192.0.2.1", "192.0.2.2"]


@contextmanager
def served(store: Path, tmp_path: Path, **limits: Any) -> Iterator[httpx.Client]:
    settings = Settings(store=str(store), corpus=tmp_path / "none", _env_file=None, **limits)  # type: ignore[call-arg]
    server = serve_app(create_app(settings))
    base = next(server)
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            yield client
    finally:
        next(server, None)


def ask(client: httpx.Client, ip: str, params: dict[str, str]) -> httpx.Response:
    return client.get("/sparql", params=params, headers={"X-Forwarded-For": ip})


def warm(client: httpx.Client, pool: ThreadPoolExecutor, workers: int) -> None:
    """Have every worker started and answering (one query each, from clients the test does not watch)."""
    answers = list(pool.map(lambda ip: ask(client, ip, SIMPLE), WARMERS[:workers]))
    assert [r.status_code for r in answers] == [200] * workers


def test_fairness_time_queued_for_a_worker_is_not_charged(disk_store_path: Path, tmp_path: Path) -> None:
    limits = {"query_workers": 1, "query_timeout_s": 6.0, "client_query_seconds_per_minute": 1.5}
    with served(disk_store_path, tmp_path, **limits) as client, ThreadPoolExecutor(1) as pool:
        warm(client, pool, 1)
        runaway = pool.submit(ask, client, ABUSERS[0], RUNAWAY)
        time.sleep(2.0)  # the runaway holds the only worker for 6 s; this query then waits ~4 s, over the budget
        assert not runaway.done()
        queued = time.monotonic()
        waited = ask(client, GOOD, SIMPLE)
        waited_s = time.monotonic() - queued
        again = ask(client, GOOD, SIMPLE)
        assert runaway.result().json()["error"] == "query_timeout"
    assert (waited.status_code, again.status_code) == (200, 200)
    assert waited_s > 1.5  # it really was queued longer than the client's budget


def test_fairness_a_client_whose_queries_time_out_is_throttled(disk_store_path: Path, tmp_path: Path) -> None:
    limits = {"query_workers": 2, "query_timeout_s": 1.5, "client_faults_per_minute": 1}
    with served(disk_store_path, tmp_path, **limits) as client:
        timed_out = ask(client, ABUSERS[0], RUNAWAY)
        refused = ask(client, ABUSERS[0], SIMPLE)
        other = ask(client, GOOD, SIMPLE)
    assert (timed_out.status_code, timed_out.json()["error"]) == (503, "query_timeout")
    assert (refused.status_code, refused.json()["error"]) == (429, "rate_limited")
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert other.status_code == 200


def test_fairness_fifth_client_is_answered_while_demoted_abusers_hold_slow_queries(
    disk_store_path: Path, tmp_path: Path
) -> None:
    limits = {"query_workers": 2, "query_timeout_s": 3.0}
    with served(disk_store_path, tmp_path, **limits) as client, ThreadPoolExecutor(4) as pool:
        for pair in (ABUSERS[:2], ABUSERS[2:]):  # each abuser's first runaway times out: all four are demoted
            firsts = list(pool.map(lambda ip: ask(client, ip, RUNAWAY), pair))
            assert [r.json()["error"] for r in firsts] == ["query_timeout"] * 2
        warm(client, pool, 2)  # both workers were killed and restarted: have them up before the race starts
        seconds = [pool.submit(ask, client, ip, RUNAWAY) for ip in ABUSERS]
        time.sleep(0.3)
        fifth = [ask(client, GOOD, SIMPLE)]
        ended_before_the_fifth_was_answered = [s.done() for s in seconds]
        fifth += [ask(client, GOOD, SIMPLE) for _ in range(2)]
        abusive = [s.result() for s in seconds]
    assert [r.status_code for r in fifth] == [200, 200, 200]
    assert [r.json()["results"]["bindings"][0]["n"]["value"] for r in fifth] == ["1"] * 3
    assert sorted(r.status_code for r in abusive) == [503] * 4  # one (or two, in turn) timed out; the rest never ran
    ran = [ended for r, ended in zip(abusive, ended_before_the_fifth_was_answered, strict=True)
           if r.json()["error"] == "query_timeout"]
    assert ran and not any(ran)  # the fifth client was answered while an abuser's runaway held a worker


def test_fairness_a_worker_still_starting_is_not_part_of_a_query_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A query sent to a worker that is still starting (restarted after a runaway, on a busy machine) is neither
    stopped at the time limit nor charged for the start: its clock starts when the worker is up."""
    monkeypatch.setattr("api.query_pool.WORKER_MODULE", "tests.slow_start_worker")
    store = OxigraphStore(tmp_path / "store")
    runner = ProcessRunner(store.raw, tmp_path / "snapshots", workers=1, timeout_s=START_DELAY_S / 2)
    ticket = Ticket()
    try:
        answer = runner.run(QueryRequest("ASK { }"), ticket)
    finally:
        runner.close()
        store.close()
    assert b"true" in answer.body
    assert ticket.executed_s() < START_DELAY_S / 2
