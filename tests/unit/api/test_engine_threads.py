"""pyoxigraph's query results may only be dropped on the thread that made them (pyo3 "unsendable" objects):
dropped on another thread they are leaked, with an unraisable RuntimeError. The in-memory store runs public
queries on worker threads (api.query_pool.InlineRunner) and parses some of them (FROM, SERVICE) with rdflib
there first, whose parse leaves frames in reference cycles: a frame that held an engine result must not be
among them, or the cyclic garbage collector drops the result on whatever thread it next runs on."""

from __future__ import annotations

import gc
import sys
from typing import Any

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from api.query_exec import QueryRequest
from api.query_pool import InlineRunner

DOC = "https://w3id.org/zonekg/resource/doc/a"
QUERIES = [
    f"SELECT ?s ?o FROM <{DOC}> WHERE {{ ?s ?p ?o }}",  # FROM: the dataset is read by parsing the text
    f"SELECT (COUNT(*) AS ?n) FROM <{DOC}> FROM <{DOC}> WHERE {{ ?s ?p ?o }}",  # several graphs: merged first
    f"CONSTRUCT {{ ?s ?p ?o }} FROM <{DOC}> WHERE {{ ?s ?p ?o }}",
    f"ASK FROM <{DOC}> {{ ?s ?p ?o }}",
    f"SELECT * FROM <{DOC}> WHERE {{ ?s ?p ?o }} ORDER BY ?o",  # past the row cap below: cut
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://h/> in a comment: parsed by the guard, then run",
]


def memory_store() -> Store:
    store = Store()
    subjects = [NamedNode(f"https://w3id.org/zonekg/resource/zone/{i}") for i in range(30)]
    store.extend(Quad(s, NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), Literal(f"园区{i}"),
                      NamedNode(DOC)) for i, s in enumerate(subjects))
    store.extend(Quad(s, NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), Literal(f"园区{i}"))
                 for i, s in enumerate(subjects))
    return store


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_engine_results_are_dropped_on_the_thread_that_ran_the_query(monkeypatch: pytest.MonkeyPatch,
                                                                      query: str) -> None:
    dropped: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", dropped.append)
    runner = InlineRunner(memory_store(), threads=1)
    try:
        for _ in range(3):
            runner.run(QueryRequest(query, max_rows=5))
        gc.collect()  # here, on the test's thread: what the query left in reference cycles is dropped now
    finally:
        runner.close()
    assert [str(u.exc_value) for u in dropped if "unsendable" in str(u.exc_value)] == []
