"""The merged graph after arbitrary SPARQL updates, on every backend: equal to its recomputation from the document
graphs, with only what the update touches recomputed (the full rebuild is kept for graph operations)."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal, Triple

import kg.store.oxigraph
import kg.store.sparql_http
from kg.errors import QuerySyntaxError, StoreError
from kg.iri import doc_graph_iri, entity_iri
from kg.model import EntityType
from kg.namespaces import RDFS, SKOS, ZONE
from kg.store import GraphStore
from kg.store.merged import MERGED_GRAPH
from kg.store.oxigraph import OxigraphStore
from tests.contract.test_merged_contract import COMPANY, LONG, SHORT, ZONE_A, assert_in_step, merged
from tests.contract.test_store_contract import BACKENDS, backend

D1, D2 = doc_graph_iri("d1"), doc_graph_iri("d2")
ZONE_B = entity_iri(EntityType.ZONE, "江阴高新区")
FULLER = Literal("南通经济技术开发区核心区", language="zh")


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    yield from backend(request, tmp_path)


@pytest.fixture
def two_documents(store: GraphStore) -> GraphStore:
    store.replace_graph(D1, [Triple(ZONE_A, RDFS.label, SHORT), Triple(COMPANY, ZONE.locatedIn, ZONE_A),
                             Triple(COMPANY, RDFS.label, Literal("东旭科技", language="zh"))])
    store.replace_graph(D2, [Triple(ZONE_A, RDFS.label, LONG), Triple(COMPANY, ZONE.locatedIn, ZONE_A),
                             Triple(ZONE_B, RDFS.label, Literal("江阴高新区", language="zh"))])
    return store


@pytest.fixture
def incremental(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if an update falls back to the full rebuild of the merged graph."""
    def rebuild(*_: object) -> str:
        raise AssertionError("full rebuild of the merged graph")

    monkeypatch.setattr(kg.store.oxigraph, "with_rebuild", rebuild)
    monkeypatch.setattr(kg.store.sparql_http, "with_rebuild", rebuild)


def labels(store: GraphStore, entity: object) -> tuple[list[Literal], list[Literal]]:
    rows = store.select(f"SELECT ?p ?l WHERE {{ {entity} ?p ?l VALUES ?p {{ rdfs:label skos:altLabel }} }} ORDER BY ?l")
    return ([r["l"] for r in rows if r["p"] == RDFS.label], [r["l"] for r in rows if r["p"] == SKOS.altLabel])  # type: ignore[misc]


def zones_of_company(store: GraphStore) -> list[object]:
    return [r["z"] for r in store.select(f"SELECT ?z WHERE {{ {COMPANY} zone:locatedIn ?z }} ORDER BY ?z")]


@pytest.mark.usefixtures("incremental")
def test_insert_data_and_delete_data_change_the_fullest_label(two_documents: GraphStore) -> None:
    store = two_documents
    fuller = f"{ZONE_A} rdfs:label {FULLER}"
    store.update(f"INSERT DATA {{ GRAPH {D1} {{ {fuller} . {COMPANY} zone:locatedIn {ZONE_B} }} }}")
    assert labels(store, ZONE_A) == ([FULLER], [SHORT, LONG])
    assert zones_of_company(store) == sorted([ZONE_A, ZONE_B], key=str)
    assert_in_step(store)
    store.update(f"DELETE DATA {{ GRAPH {D1} {{ {fuller} . {COMPANY} zone:locatedIn {ZONE_A} }} }}")
    assert labels(store, ZONE_A) == ([LONG], [SHORT])
    assert zones_of_company(store) == sorted([ZONE_A, ZONE_B], key=str)  # d2 still states the first
    store.update(f"DELETE DATA {{ GRAPH {D2} {{ {COMPANY} zone:locatedIn {ZONE_A} }} }}")
    assert zones_of_company(store) == [ZONE_B]
    assert_in_step(store)


@pytest.mark.usefixtures("incremental")
def test_delete_insert_where_over_every_document_graph(two_documents: GraphStore) -> None:
    store = two_documents
    north = {name: Literal(name.value + "北区", language="zh") for name in (SHORT, LONG)}
    renames = " ".join(f"({old} {new})" for old, new in north.items())  # Virtuoso's CONCAT mangles UTF-8
    store.update(f"DELETE {{ GRAPH ?g {{ ?z rdfs:label ?l }} }} INSERT {{ GRAPH ?g {{ ?z rdfs:label ?n }} }} "
                 f"WHERE {{ GRAPH ?g {{ ?z rdfs:label ?l }} FILTER(?z = {ZONE_A}) VALUES (?l ?n) {{ {renames} }} }}")
    assert labels(store, ZONE_A) == ([north[LONG]], [north[SHORT]])
    assert_in_step(store)
    store.update(f"DELETE {{ GRAPH ?g {{ {COMPANY} ?p ?o }} }} WHERE {{ GRAPH ?g {{ {COMPANY} ?p ?o }} }}")
    assert zones_of_company(store) == [] and labels(store, COMPANY) == ([], [])
    assert_in_step(store)
    store.update(f"DELETE WHERE {{ GRAPH {D2} {{ {ZONE_B} ?p ?o }} }}")  # Virtuoso ignores it with GRAPH ?g
    assert labels(store, ZONE_B) == ([], [])
    assert_in_step(store)


@pytest.mark.usefixtures("incremental")
def test_insert_where_without_graph_reads_the_merged_graph(two_documents: GraphStore) -> None:
    store = two_documents
    if not isinstance(store, OxigraphStore):
        pytest.skip("a remote server's default graph for updates is its own (oxigraph serve: the union)")
    store.update(f"INSERT {{ GRAPH {D2} {{ ?c zone:locatedIn {ZONE_B} }} }} WHERE {{ ?c zone:locatedIn {ZONE_A} }}")
    assert zones_of_company(store) == sorted([ZONE_A, ZONE_B], key=str)
    assert_in_step(store)


@pytest.mark.usefixtures("incremental")
def test_with_and_using_choose_what_the_pattern_reads(two_documents: GraphStore) -> None:
    store = two_documents
    with_update = (f"WITH {D1} DELETE {{ ?c zone:locatedIn ?z }} INSERT {{ ?c zone:locatedIn {ZONE_B} }} "
                   f"WHERE {{ ?c zone:locatedIn ?z }}")
    using_update = (f"DELETE {{ GRAPH {D2} {{ ?z rdfs:label ?l }} }} USING {D2} "
                    f"WHERE {{ ?z rdfs:label ?l FILTER(?z = {ZONE_A}) }}")
    if isinstance(store, OxigraphStore):
        store.update(with_update)
        assert zones_of_company(store) == sorted([ZONE_A, ZONE_B], key=str)  # d2 still states ZONE_A
        store.update(using_update)
        assert labels(store, ZONE_A) == ([SHORT], [])
    else:  # servers differ (oxigraph serve's union default graph refuses both): whatever they do, merged follows
        for update in (with_update, using_update):
            with contextlib.suppress(QuerySyntaxError, StoreError):
                store.update(update)
            assert_in_step(store)
    assert_in_step(store)


@pytest.mark.usefixtures("incremental")
def test_writes_to_the_merged_graph_itself_are_recomputed_away(two_documents: GraphStore) -> None:
    store = two_documents
    def in_merged(triples: str) -> str:  # the embedded store's default graph, a server's named graph
        return triples if isinstance(store, OxigraphStore) else f"GRAPH {MERGED_GRAPH} {{ {triples} }}"

    store.update(f'INSERT DATA {{ {in_merged(f"{COMPANY} zone:locatedIn {ZONE_B} . {ZONE_A} rdfs:label {SHORT}")} }}')
    store.update(f'DELETE DATA {{ {in_merged(f"{COMPANY} zone:locatedIn {ZONE_A} . {ZONE_A} rdfs:label {LONG}")} }}')
    assert zones_of_company(store) == [ZONE_A]
    assert labels(store, ZONE_A) == ([LONG], [SHORT])
    assert_in_step(store)


@pytest.mark.usefixtures("incremental")
def test_graph_operations_on_one_graph_are_worked_out_from_its_triples(two_documents: GraphStore) -> None:
    store, d3 = two_documents, doc_graph_iri("d3")
    store.update(f"COPY {D1} TO {d3} ; CLEAR GRAPH {D1}")
    assert labels(store, ZONE_A) == ([LONG], [SHORT])  # d3 now states what d1 did
    assert_in_step(store)
    store.update(f"DROP SILENT GRAPH {d3}")  # SILENT: Virtuoso drops only CREATEd graphs otherwise
    assert labels(store, ZONE_A) == ([LONG], []) and labels(store, COMPANY) == ([], [])
    assert_in_step(store)
    store.update(f"ADD {D2} TO {D1} ; MOVE {D2} TO {d3}")
    assert zones_of_company(store) == [ZONE_A]
    assert_in_step(store)
    store.update(f"DROP SILENT GRAPH {D1} ; DROP SILENT GRAPH {d3}")
    assert merged(store) == set()


def test_graph_operations_on_every_graph_and_dependent_operations_rebuild(two_documents: GraphStore) -> None:
    store = two_documents
    store.update(f"INSERT DATA {{ GRAPH {D1} {{ {ZONE_A} rdfs:label {FULLER} }} }} ;\n"
                 f"DELETE {{ GRAPH ?g {{ {ZONE_A} rdfs:label ?l }} }} WHERE {{ GRAPH ?g {{ {ZONE_A} rdfs:label ?l }} "
                 f"FILTER(STRLEN(?l) > 10) }}")  # the second reads what the first wrote
    assert labels(store, ZONE_A) == ([LONG], [SHORT])
    assert_in_step(store)
    if isinstance(store, OxigraphStore):  # not on a shared server: Virtuoso keeps its system graphs there
        store.update("CLEAR ALL")
        assert merged(store) == set()
        assert_in_step(store)


@pytest.mark.usefixtures("incremental")
def test_random_updates_keep_the_merged_graph_in_step(two_documents: GraphStore) -> None:
    rng = random.Random(11)
    store = two_documents
    names = ["甲", "乙乙", "丙丙", "丁丁丁"]
    for _ in range(12):
        doc, name = rng.choice([D1, D2]), rng.choice(names)
        entity = rng.choice([ZONE_A, ZONE_B, COMPANY])
        shape = rng.randrange(4)
        if shape == 0:
            store.update(f'INSERT DATA {{ GRAPH {doc} {{ {entity} rdfs:label "{name}"@zh ; zone:near {ZONE_B} }} }}')
        elif shape == 1:
            store.update(f'DELETE DATA {{ GRAPH {doc} {{ {entity} rdfs:label "{name}"@zh }} }}')
        elif shape == 2:
            store.update(f"DELETE WHERE {{ GRAPH {doc} {{ {entity} ?p ?o }} }}")
        else:
            store.update(f"DELETE {{ GRAPH ?g {{ ?s zone:near ?o }} }} "
                         f"INSERT {{ GRAPH ?g {{ ?s zone:near {ZONE_A} }} }} "
                         f"WHERE {{ GRAPH ?g {{ ?s zone:near ?o }} }}")
    assert_in_step(store)
    assert merged(store)
