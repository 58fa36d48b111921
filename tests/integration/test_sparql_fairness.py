"""Fair /sparql service over worker processes: clients are charged execution only, abusers are throttled and
demoted to a slow lane, and a well-behaved client keeps a worker.  Clients are told apart by X-Forwarded-For
(the test server trusts 127.0.0.1 as its proxy)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from api.main import create_app
from kg.settings import Settings
from tests.conftest import serve_app

SIMPLE = {"query": "SELECT (COUNT(?e) AS ?n) WHERE { ?e a zone:Enterprise }"}
RUNAWAY = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"}
ABUSERS = [f"203.0.113.{n}" for n in range(1, 5)]
GOOD = "198.51.100.9"


@contextmanager
def served(store: Path, tmp_path: Path, **limits: Any) -> Iterator[httpx.Client]:
    settings = Settings(store=str(store), corpus=tmp_path / "none", _env_file=None, **limits)  # type: ignore[call-arg]
    server = serve_app(create_app(settings))
    base = next(server)
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            yield client
    finally:
        next(server, None)


def ask(client: httpx.Client, ip: str, params: dict[str, str]) -> httpx.Response:
    return client.get("/sparql", params=params, headers={"X-Forwarded-For": ip})


def test_fairness_time_queued_for_a_worker_is_not_charged(disk_store_path: Path, tmp_path: Path) -> None:
    limits = {"query_workers": 1, "query_timeout_s": 3.0, "client_query_seconds_per_minute": 1.5}
    with served(disk_store_path, tmp_path, **limits) as client, ThreadPoolExecutor(1) as pool:
        runaway = pool.submit(ask, client, ABUSERS[0], RUNAWAY)
        time.sleep(0.5)
        waited = ask(client, GOOD, SIMPLE)  # queued ~2.5 s behind the runaway, over the 1.5 s budget
        again = ask(client, GOOD, SIMPLE)
        assert runaway.result().json()["error"] == "query_timeout"
    assert (waited.status_code, again.status_code) == (200, 200)


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
    limits = {"query_workers": 2, "query_timeout_s": 1.5}
    with served(disk_store_path, tmp_path, **limits) as client, ThreadPoolExecutor(4) as pool:
        for pair in (ABUSERS[:2], ABUSERS[2:]):  # each abuser's first runaway times out: all four are demoted
            firsts = list(pool.map(lambda ip: ask(client, ip, RUNAWAY), pair))
            assert [r.json()["error"] for r in firsts] == ["query_timeout"] * 2
        seconds = [pool.submit(ask, client, ip, RUNAWAY) for ip in ABUSERS]
        time.sleep(0.3)
        fifth = [ask(client, GOOD, SIMPLE)]
        answered_while_abusers_ran = not any(s.done() for s in seconds)  # no runaway has been stopped yet
        fifth += [ask(client, GOOD, SIMPLE) for _ in range(2)]
        abusive = [s.result() for s in seconds]
    assert answered_while_abusers_ran
    assert [r.status_code for r in fifth] == [200, 200, 200]
    assert [r.json()["results"]["bindings"][0]["n"]["value"] for r in fifth] == ["1"] * 3
    assert sorted(r.status_code for r in abusive) == [503] * 4  # one timed out; three never got the last worker
