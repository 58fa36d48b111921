"""SPARQL dataset rules on /sparql (W3C SPARQL 1.1 Query §13, Protocol §2.1.4): FROM makes the default graph,
FROM NAMED the named graphs; protocol graph parameters override both; without either, the union of all graphs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from api.main import create_app
from kg.settings import MEMORY, Settings
from kg.store.oxigraph import OxigraphStore

G = {name: f"https://w3id.org/zonekg/resource/doc/{name}" for name in ("a", "b", "c")}
SIZES = {"a": 3, "b": 5, "c": 7}


@pytest.fixture
def three_graphs(tmp_path: Path) -> Iterator[Any]:
    """An app over three document graphs of 3, 5 and 7 triples."""
    from fastapi.testclient import TestClient

    store = OxigraphStore(None)
    store.raw.extend(
        Quad(NamedNode(f"http://e/{name}{i}"), NamedNode("http://e/p"), Literal(i), NamedNode(G[name]))
        for name, size in SIZES.items()
        for i in range(size)
    )
    store.rebuild_merged()
    settings = Settings(store=MEMORY, corpus=tmp_path / "none", _env_file=None)  # type: ignore[call-arg]
    with TestClient(create_app(settings, store=store)) as client:
        yield client
    store.close()


def _count(client: Any, query: str, **params: Any) -> int:
    response = client.get("/sparql", params={"query": query, **params})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


COUNT_FROM = "SELECT (COUNT(*) AS ?n) {from_clause} WHERE {{ ?s ?p ?o }}"
COUNT_NAMED = "SELECT (COUNT(*) AS ?n) {from_clause} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"


@pytest.mark.parametrize(
    ("template", "from_clause", "expected"),
    [
        (COUNT_FROM, "", 15),  # no dataset: the union of every document graph
        (COUNT_FROM, f"FROM <{G['a']}>", 3),
        (COUNT_FROM, f"FROM <{G['b']}> FROM <{G['c']}>", 12),
        (COUNT_FROM, "FROM zr:doc\\/c", 7),  # a prefixed name, resolved with the endpoint's prefixes
        (COUNT_FROM, f"FROM NAMED <{G['a']}>", 0),  # named graphs only: the default graph is empty
        (COUNT_NAMED, f"FROM NAMED <{G['b']}>", 5),
        (COUNT_NAMED, f"FROM NAMED <{G['a']}> FROM NAMED <{G['c']}>", 10),
        (COUNT_NAMED, f"FROM <{G['a']}> FROM NAMED <{G['c']}>", 7),
        (COUNT_NAMED, "", 15),
        (COUNT_FROM, f"from <{G['c']}>", 7),  # keywords are case-insensitive
    ],
)
def test_sparql_dataset_from_clauses(three_graphs: Any, template: str, from_clause: str, expected: int) -> None:
    assert _count(three_graphs, template.format(from_clause=from_clause)) == expected


def test_sparql_dataset_from_in_other_query_forms(three_graphs: Any) -> None:
    ask = three_graphs.get("/sparql", params={"query": f"ASK FROM <{G['a']}> {{ <http://e/b0> ?p ?o }}"})
    assert ask.json()["boolean"] is False
    construct = three_graphs.get(
        "/sparql",
        params={"query": f"CONSTRUCT {{ ?s ?p ?o }} FROM <{G['b']}> WHERE {{ ?s ?p ?o }}"},
        headers={"Accept": "application/n-triples"},
    )
    assert len(construct.text.strip().splitlines()) == 5


def test_sparql_dataset_protocol_parameters_override_from(three_graphs: Any) -> None:
    query = COUNT_FROM.format(from_clause=f"FROM <{G['a']}>")
    assert _count(three_graphs, query, **{"default-graph-uri": G["c"]}) == 7
    named = COUNT_NAMED.format(from_clause=f"FROM NAMED <{G['a']}>")
    assert _count(three_graphs, named, **{"named-graph-uri": G["b"]}) == 5


def test_sparql_dataset_from_in_a_string_or_comment_is_not_a_clause(three_graphs: Any) -> None:
    query = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(?o != "FROM <x>") } # FROM <http://e/none>'
    assert _count(three_graphs, query) == 15


@pytest.mark.parametrize(
    ("template", "from_clause", "expected"),
    [
        (COUNT_FROM, f"FROM <{G['a']}> FROM <{G['a']}>", 3),  # a graph named twice counts once
        (COUNT_FROM, f"FROM <{G['a']}> FROM zr:doc\\/a FROM <{G['b']}>", 8),
        (COUNT_NAMED, f"FROM NAMED <{G['c']}> FROM NAMED <{G['c']}>", 7),
        (COUNT_NAMED, f"FROM <{G['a']}>", 0),  # FROM without FROM NAMED: no named graphs
    ],
)
def test_sparql_dataset_each_graph_counts_once(three_graphs: Any, template: str, from_clause: str, expected: int
                                               ) -> None:
    assert _count(three_graphs, template.format(from_clause=from_clause)) == expected


def test_sparql_dataset_protocol_parameters_are_the_whole_dataset(three_graphs: Any) -> None:
    count, named = COUNT_FROM.format(from_clause=""), COUNT_NAMED.format(from_clause="")
    assert _count(three_graphs, count, **{"default-graph-uri": [G["b"], G["b"]]}) == 5
    assert _count(three_graphs, named, **{"named-graph-uri": [G["c"], G["c"], G["a"]]}) == 10
    assert _count(three_graphs, named, **{"default-graph-uri": G["b"]}) == 0  # no named-graph-uri: no named graphs
    assert _count(three_graphs, count, **{"named-graph-uri": G["b"]}) == 0  # no default-graph-uri: empty default
    from_named = COUNT_NAMED.format(from_clause=f"FROM NAMED <{G['a']}>")
    assert _count(three_graphs, from_named, **{"default-graph-uri": G["b"]}) == 0  # FROM NAMED is overridden too


def test_sparql_dataset_default_graph_is_the_rdf_merge(tmp_path: Path) -> None:
    """A triple in two graphs of the default graph is one triple of it (SPARQL 1.1 Query §13.2)."""
    from fastapi.testclient import TestClient

    store = OxigraphStore(None)
    shared = (NamedNode("http://e/s"), NamedNode("http://e/p"), Literal("shared"))
    store.raw.extend([Quad(*shared, NamedNode(G["a"])), Quad(*shared, NamedNode(G["b"])),
                      Quad(NamedNode("http://e/t"), NamedNode("http://e/p"), Literal("own"), NamedNode(G["b"]))])
    settings = Settings(store=MEMORY, corpus=tmp_path / "none", _env_file=None)  # type: ignore[call-arg]
    with TestClient(create_app(settings, store=store)) as client:
        query = f"SELECT (COUNT(*) AS ?n) FROM <{G['a']}> FROM <{G['b']}> WHERE {{ ?s ?p ?o }}"
        assert _count(client, query) == 2
        assert _count(client, COUNT_FROM.format(from_clause=""), **{"default-graph-uri": [G["a"], G["b"]]}) == 2
        both = (f"SELECT (COUNT(*) AS ?n) FROM <{G['a']}> FROM <{G['b']}> FROM NAMED <{G['b']}>"
                " { GRAPH ?g { ?s ?p ?o } }")
        assert _count(client, both) == 2  # the named graphs stay as they are beside the merged default graph
    store.close()
