"""The merged graph on every backend: one rdfs:label per entity (the fullest name), the other names as
skos:altLabel, each fact once, kept equal to its recomputation from the document graphs by every write."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from kg.iri import doc_graph_iri, entity_iri
from kg.model import EntityType
from kg.namespaces import RDFS, SKOS, ZONE
from kg.store import GraphStore
from kg.store.merged import expected_merged
from kg.store.sparql_http import CHUNK_TRIPLES
from tests.contract.test_store_contract import BACKENDS, backend

COMPANY = entity_iri(EntityType.ENTERPRISE, "东旭科技")
ZONE_A = entity_iri(EntityType.ZONE, "南通开发区")
LONG, SHORT = Literal("南通经济技术开发区", language="zh"), Literal("南通开发区", language="zh")
MERGED = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    yield from backend(request, tmp_path)


def merged(store: GraphStore) -> set[Triple]:
    return {Triple(r["s"], r["p"], r["o"]) for r in store.select(MERGED)}  # type: ignore[arg-type]


def assert_in_step(store: GraphStore) -> None:
    dump = io.BytesIO()
    store.dump_nquads(dump)
    assert merged(store) == expected_merged(parse(dump.getvalue(), format=RdfFormat.N_QUADS))


def test_merged_contract_one_label_alt_labels_and_facts_once(store: GraphStore) -> None:
    fact = Triple(COMPANY, ZONE.locatedIn, ZONE_A)
    store.replace_graph(doc_graph_iri("d1"), [Triple(ZONE_A, RDFS.label, SHORT), fact])
    store.replace_graph(doc_graph_iri("d2"), [Triple(ZONE_A, RDFS.label, LONG), Triple(ZONE_A, SKOS.altLabel, SHORT),
                                             Triple(COMPANY, ZONE.locatedIn, ZONE_A)])
    rows = store.select("SELECT ?c ?l WHERE { ?c zone:locatedIn ?z . ?z rdfs:label ?l }")
    assert [(r["c"], r["l"]) for r in rows] == [(COMPANY, LONG)]
    assert [r["a"] for r in store.select("SELECT ?a WHERE { ?z skos:altLabel ?a }")] == [SHORT]
    per_doc = store.select(f'SELECT ?g ?l WHERE {{ GRAPH ?g {{ ?z rdfs:label ?l }} '
                           f'FILTER(STRSTARTS(STR(?g), "{doc_graph_iri("x").value[:-1]}")) }} ORDER BY ?g')
    assert [(r["g"], r["l"]) for r in per_doc] == [(doc_graph_iri("d1"), SHORT), (doc_graph_iri("d2"), LONG)]
    assert_in_step(store)
    store.delete_graph(doc_graph_iri("d2"))
    assert [r["l"] for r in store.select("SELECT ?l WHERE { ?z rdfs:label ?l }")] == [SHORT]
    store.delete_graph(doc_graph_iri("d1"))
    assert merged(store) == set()


def test_merged_contract_random_writes_stay_in_step(store: GraphStore) -> None:
    rng = random.Random(5)
    names = ["甲", "乙乙", "丙丙", "丁丁丁"]
    entities = [entity_iri(EntityType.ENTERPRISE, f"企业{i}") for i in range(3)]
    for _ in range(8):
        doc = doc_graph_iri(rng.choice(["a", "b", "c"]))
        if rng.random() < 0.25:
            store.delete_graph(doc)
            continue
        triples = []
        for entity in rng.sample(entities, 2):
            triples.append(Triple(entity, RDFS.label, Literal(rng.choice(names), language="zh")))
            triples.append(Triple(entity, ZONE.locatedIn, rng.choice([ZONE_A, COMPANY])))
        store.replace_graph(doc, triples)
    assert_in_step(store)


def test_merged_contract_big_graph_through_staging_and_bulk_load(store: GraphStore) -> None:
    big = [Triple(NamedNode(f"{COMPANY.value}-{i}"), ZONE.locatedIn, ZONE_A) for i in range(CHUNK_TRIPLES + 5)]
    store.replace_graph(doc_graph_iri("big"), [Triple(ZONE_A, RDFS.label, SHORT), *big])
    store.replace_graph(doc_graph_iri("small"), [Triple(ZONE_A, RDFS.label, LONG)])
    assert len(store.select("SELECT ?c WHERE { ?c zone:locatedIn ?z }")) == CHUNK_TRIPLES + 5
    assert_in_step(store)
    dump = io.BytesIO()
    store.dump_nquads(dump)
    before = merged(store)
    for graph in store.graphs():
        store.delete_graph(graph)
    assert merged(store) == set()
    store.bulk_load_nquads(dump.getvalue())
    assert merged(store) == before
