"""The in-memory copy of the default graph that query workers answer default-graph queries from."""

from __future__ import annotations

import time

import pytest
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, Store

from api.query_copy import DefaultGraphCopies, Overtaken, TooLarge, copy_default_graph, reads_default_graph_only
from api.query_exec import QueryRequest

P = NamedNode("https://w3id.org/zonekg/ontology#p")
DOC = NamedNode("https://w3id.org/zonekg/resource/doc/a")


def _store() -> Store:
    store = Store()
    store.add(Quad(NamedNode("https://e/a"), P, Literal("甲"), DefaultGraph()))
    store.add(Quad(BlankNode("b1"), P, Literal("a _: in a literal"), DefaultGraph()))
    store.add(Quad(NamedNode("https://e/a"), P, BlankNode("b2"), DefaultGraph()))
    store.add(Quad(NamedNode("https://e/doc-only"), P, Literal("乙"), DOC))
    return store


def test_copy_holds_the_default_graph_alone_with_blank_node_labels_kept() -> None:
    copy = copy_default_graph(_store(), 10_000)
    assert set(copy) == {q for q in _store() if q.graph_name == DefaultGraph()}
    assert {q.subject.value for q in copy if isinstance(q.subject, BlankNode)} == {"b1"}
    assert list(copy.named_graphs()) == []


def test_copy_of_a_graph_without_blank_nodes_equals_it() -> None:
    store = Store()
    store.extend(Quad(NamedNode(f"https://e/{i}"), P, Literal(i), DefaultGraph()) for i in range(500))
    assert set(copy_default_graph(store, 1_000_000)) == set(store)


def test_a_default_graph_past_the_limit_is_not_copied() -> None:
    with pytest.raises(TooLarge, match="100 bytes"):
        copy_default_graph(_store(), 100)


def test_a_copy_stops_once_a_newer_snapshot_is_sent() -> None:
    with pytest.raises(Overtaken):
        copy_default_graph(_store(), 10_000, overtaken=lambda: True)


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        (QueryRequest("SELECT * WHERE { ?s ?p ?o }"), True),
        (QueryRequest("SELECT * WHERE { ?s ?p <https://w3id.org/zonekg/resource/graph/x> }"), True),
        (QueryRequest("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"), False),
        (QueryRequest("SELECT * WHERE { gRaPh ?g { ?s ?p ?o } }"), False),
        (QueryRequest("SELECT * FROM <https://e/g> WHERE { ?s ?p ?o }"), False),
        (QueryRequest("SELECT * FROM NAMED <https://e/g> WHERE { ?s ?p ?o }"), False),
        (QueryRequest("SELECT * WHERE { ?s ?p ?o }", default_graph_uris=("https://e/g",)), False),
        (QueryRequest("SELECT * WHERE { ?s ?p ?o }", named_graph_uris=("https://e/g",)), False),
    ],
)
def test_only_queries_of_the_default_graph_alone_read_the_copy(request_: QueryRequest, expected: bool) -> None:
    assert reads_default_graph_only(request_) is expected


def _wait_for_copy(copies: DefaultGraphCopies, snapshot: str, disk: Store, request: QueryRequest) -> Store:
    deadline = time.monotonic() + 120
    while (copy := copies.store_for(snapshot, disk, request)) is None:
        assert time.monotonic() < deadline, "the copy was never built"
        time.sleep(0.01)
    return copy


def test_a_copy_serves_only_the_snapshot_it_was_made_from() -> None:
    old, new = _store(), _store()
    new.add(Quad(NamedNode("https://e/new"), P, Literal("丙"), DefaultGraph()))
    request = QueryRequest("SELECT * WHERE { ?s ?p ?o }")
    copies = DefaultGraphCopies(1_000_000)
    assert copies.store_for("1", old, request) is None  # asked for, not built yet: read the disk
    assert len(_wait_for_copy(copies, "1", old, request)) == 3
    assert copies.store_for("2", new, request) is None  # a newer snapshot: the old copy is never used again
    assert len(_wait_for_copy(copies, "2", new, request)) == 4
    assert copies.store_for("2", new, QueryRequest("SELECT * { GRAPH ?g { ?s ?p ?o } }")) is None


def test_no_copy_when_the_limit_is_zero_or_passed() -> None:
    request = QueryRequest("SELECT * WHERE { ?s ?p ?o }")
    assert DefaultGraphCopies(0).store_for("1", _store(), request) is None
    copies = DefaultGraphCopies(100)
    for _ in range(50):
        assert copies.store_for("1", _store(), request) is None
        time.sleep(0.01)


def test_after_a_burst_of_snapshots_the_newest_is_copied() -> None:
    request = QueryRequest("SELECT * WHERE { ?s ?p ?o }")
    copies = DefaultGraphCopies(10_000_000)
    stores = []
    for n in range(20):
        store = Store()
        store.extend(Quad(NamedNode(f"https://e/{i}"), P, Literal(i), DefaultGraph()) for i in range(n * 100 + 1))
        stores.append(store)
        assert copies.store_for(str(n), store, request) is None
    assert len(_wait_for_copy(copies, "19", stores[-1], request)) == 1901
