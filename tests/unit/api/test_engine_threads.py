"""pyoxigraph's query results may only be dropped on the thread that made them (pyo3 "unsendable" objects):
dropped on another thread they are leaked, with an unraisable RuntimeError. The in-memory store runs public
queries on worker threads (api.query_pool.InlineRunner) and parses some of them (FROM, SERVICE) with rdflib
there first, whose parse leaves frames in reference cycles: a frame that held an engine result must not be
among them, or the cyclic garbage collector drops the result on whatever thread it next runs on."""

from __future__ import annotations

import gc
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from api.query_exec import QueryRequest
from api.query_pool import InlineRunner
from kg.store.oxigraph import OxigraphStore

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



def test_an_update_whose_pattern_fails_while_read_leaves_no_engine_result_to_another_thread(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The embedded store reads an update's pattern as a SELECT first (kg.store.merged_update), on the API's
    update thread; a SERVICE in it fails while its rows are read, and the error is handled on the caller's."""
    dropped: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", dropped.append)
    store = OxigraphStore(None)
    failing = ("INSERT { ?s <http://example.org/p> ?x } WHERE { ?s ?p ?o "
               "SERVICE <http://127.0.0.1:1/sparql> { ?s ?q ?x } }")
    store.raw.extend(memory_store())
    with ThreadPoolExecutor(1) as update_thread:
        for _ in range(3):
            with pytest.raises(Exception, match="."):
                update_thread.submit(store.update, failing).result()
    gc.collect()  # here, on the test's thread
    assert [str(u.exc_value) for u in dropped if "unsendable" in str(u.exc_value)] == []
