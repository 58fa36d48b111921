"""An update's dataset written as USING clauses: protocol parameters, the merged default, conflicts, lexical traps."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.errors import DatasetConflict, QuerySyntaxError
from kg.sparql_lexer import iris_in, top_level_wheres
from kg.store.oxigraph import OxigraphStore
from kg.update_dataset import UpdateDataset, with_default_dataset, with_protocol_dataset

A, B = "https://w3id.org/zonekg/resource/doc/a", "https://w3id.org/zonekg/resource/doc/b"  # document graphs
OUT = "http://e/out"
COPY = f"INSERT {{ GRAPH <{OUT}> {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }}"


@pytest.fixture
def two_graphs() -> OxigraphStore:
    store = OxigraphStore(None)
    store.raw.extend(Quad(NamedNode(f"{g}/s"), NamedNode("http://e/p"), Literal(i), NamedNode(g))
                     for i, g in enumerate((A, B)))
    store.rebuild_merged()
    return store


def _out(store: OxigraphStore) -> set[str]:
    return {q.subject.value for q in store.raw.quads_for_pattern(None, None, None, NamedNode(OUT))}


@pytest.mark.parametrize(
    "own", [f"WITH <{A}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
            f"INSERT {{ ?s ?p ?o }} USING <{A}> WHERE {{ ?s ?p ?o }}",
            f"DELETE {{ ?s ?p ?o }} using named <{A}> WHERE {{ ?s ?p ?o }}"],
)
def test_update_dataset_protocol_refuses_an_update_naming_its_own(own: str) -> None:
    with pytest.raises(DatasetConflict):
        with_protocol_dataset(f"CLEAR SILENT GRAPH <{B}> ; {own}", UpdateDataset((B,)))


def test_update_dataset_protocol_applies_to_every_reading_operation(two_graphs: OxigraphStore) -> None:
    text = with_protocol_dataset(f"{COPY} ; DELETE WHERE {{ ?s ?p ?o }}", UpdateDataset((A, A)))
    assert text.count(f"USING <{A}>") == 2  # the repeated graph is written once per operation
    two_graphs.update(text)
    assert _out(two_graphs) == {f"{A}/s"}


def test_update_dataset_default_is_what_a_query_reads(two_graphs: OxigraphStore) -> None:
    two_graphs.update(COPY)
    assert _out(two_graphs) == {f"{A}/s", f"{B}/s"}


def test_update_dataset_default_keeps_graph_patterns_and_sees_graphs_the_update_creates(
        two_graphs: OxigraphStore) -> None:
    two_graphs.update(f"INSERT DATA {{ GRAPH <http://e/new> {{ <http://e/new/s> <http://e/p> 9 }} }} ;\n"
                      f"INSERT {{ GRAPH <{OUT}> {{ ?s ?p ?g }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}")
    assert _out(two_graphs) == {f"{A}/s", f"{B}/s", "http://e/new/s"}


def test_update_dataset_default_leaves_own_datasets_and_texts_without_where() -> None:
    own = f"INSERT {{ ?s ?p ?o }} USING <{A}> WHERE {{ ?s ?p ?o }}"
    assert with_default_dataset(own, [A, B]) == own
    assert with_default_dataset("CLEAR ALL", [A]) == "CLEAR ALL"
    assert with_default_dataset("INSERT { ?s ?p } WHERE {", [A]) == "INSERT { ?s ?p } WHERE {"  # the engine reports it


@pytest.mark.parametrize(
    "trap",
    ["PREFIX ex: <http://e/> INSERT { ex:a\\# ex:p 'WHERE {' } WHERE { ?s ?p ?o }",
     "INSERT { <http://e/x> <http://e/p> \"\"\"}\nWHERE\"\"\" } # WHERE {\nWHERE { ?s ?p ?o FILTER(?o < 3) }",
     "INSERT { ?s ?p ?o } WHERE { { SELECT ?s ?p ?o WHERE { ?s ?p ?o } } }"],
)
def test_update_dataset_finds_the_where_past_lexical_traps(trap: str, two_graphs: OxigraphStore) -> None:
    assert len(top_level_wheres(trap)) == 1
    rewritten = with_protocol_dataset(trap, UpdateDataset((A,)))
    assert rewritten.count(f"USING <{A}>") == 1
    two_graphs.update(rewritten)  # still one valid update


def test_update_dataset_unparseable_text_with_parameters_is_a_syntax_error() -> None:
    with pytest.raises(QuerySyntaxError):
        with_protocol_dataset("INSERT { ?s ?p ?o } WHERE {", UpdateDataset((A,)))


def test_update_dataset_iris_in_text_resolve_against_the_base() -> None:
    assert iris_in("INSERT DATA { GRAPH <g> { <http://e/s> <p> '<http://no>' } } # <http://nor>", "http://b/") == [
        "http://b/g", "http://e/s", "http://b/p"]
