"""The embedded store: atomic per-document graphs, queries on the merged graph, bound variables, N-Quads round trip."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from kg.errors import QuerySyntaxError, StoreError, StoreUnavailable
from kg.iri import doc_graph_iri, entity_iri
from kg.model import EntityType
from kg.namespaces import RDFS, ZONE
from kg.store.oxigraph import OxigraphStore

COMPANY = entity_iri(EntityType.ENTERPRISE, "东旭科技")
ZONE_A = entity_iri(EntityType.ZONE, "如皋高新区")
ZONE_B = entity_iri(EntityType.ZONE, "江阴高新区")
LABELS = "SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l"


def located(zone: NamedNode) -> list[Triple]:
    return [
        Triple(COMPANY, RDFS.label, Literal("东旭科技", language="zh")),
        Triple(COMPANY, ZONE.locatedIn, zone),
    ]


@pytest.fixture(params=["memory", "disk"])
def store(request: pytest.FixtureRequest) -> OxigraphStore:
    return request.getfixturevalue(f"{request.param}_store")


def test_store_merged_graph_joins_across_documents(store: OxigraphStore) -> None:
    store.replace_graph(doc_graph_iri("d1"), [Triple(COMPANY, ZONE.locatedIn, ZONE_A)])
    store.replace_graph(doc_graph_iri("d2"), [Triple(ZONE_A, RDFS.label, Literal("如皋高新区", language="zh"))])
    rows = store.select("SELECT ?l WHERE { ?c zone:locatedIn ?z . ?z rdfs:label ?l }")
    assert [r["l"].value for r in rows] == ["如皋高新区"]


def test_store_bindings_are_substituted_not_spliced(store: OxigraphStore) -> None:
    store.replace_graph(doc_graph_iri("d1"), located(ZONE_A))
    hostile = Literal('"} ; DROP ALL ; #', language="zh")
    assert store.select("SELECT ?s ?l WHERE { ?s rdfs:label ?l }", bindings={"l": hostile}) == []
    hit = store.select("SELECT ?s ?l WHERE { ?s rdfs:label ?l }", bindings={"l": Literal("东旭科技", language="zh")})
    assert [r["s"] for r in hit] == [COMPANY]
    assert store.quad_count() == 2


def test_store_delete_graph(store: OxigraphStore) -> None:
    store.replace_graph(doc_graph_iri("d1"), located(ZONE_A))
    assert store.delete_graph(doc_graph_iri("d1")) is True
    assert store.delete_graph(doc_graph_iri("d1")) is False
    assert store.quad_count() == 0


def test_store_nquads_dump_and_load_round_trip(store: OxigraphStore, memory_store: OxigraphStore) -> None:
    store.replace_graph(doc_graph_iri("d1"), located(ZONE_A))
    store.replace_graph(doc_graph_iri("d2"), located(ZONE_B))
    buffer = io.BytesIO()
    store.dump_nquads(buffer)
    copy = OxigraphStore(None)
    copy.bulk_load_nquads(buffer.getvalue())
    assert copy.graphs() == store.graphs()
    assert copy.select(LABELS) == store.select(LABELS)
    assert copy.quad_count() == 4


def test_store_bound_variable_must_be_projected(store: OxigraphStore) -> None:
    with pytest.raises(QuerySyntaxError):
        store.select("SELECT ?s WHERE { ?s rdfs:label ?l }", bindings={"l": Literal("x")})


def test_store_rejected_graph_leaves_store_unchanged(store: OxigraphStore) -> None:
    store.replace_graph(doc_graph_iri("d1"), located(ZONE_A))
    bad = [Triple(COMPANY, RDFS.label, BlankNode())]
    with pytest.raises(StoreError):
        store.replace_graph(doc_graph_iri("d1"), bad + [Triple(COMPANY, ZONE.locatedIn, ZONE_B)])
    assert [r["z"] for r in store.select("SELECT ?z WHERE { ?c zone:locatedIn ?z }")] == [ZONE_A]


def test_store_syntax_error_is_a_kg_error(store: OxigraphStore) -> None:
    with pytest.raises(QuerySyntaxError):
        store.select("SELEC ?x WHERE {}")


def test_store_disk_persists_across_reopen(tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = OxigraphStore(tmp_path / "s")
    first.replace_graph(doc_graph_iri("d1"), located(ZONE_A))
    first.close()
    again = OxigraphStore(tmp_path / "s")
    assert again.quad_count() == 2
    again.close()


def test_store_second_writer_gets_a_clear_error(disk_store: OxigraphStore) -> None:
    with pytest.raises(StoreUnavailable):
        OxigraphStore(disk_store.path)


def test_store_raw_query_honours_from(store: OxigraphStore) -> None:
    """``zonekg query``: a query's FROM / FROM NAMED is its dataset; without them, the merged graph."""
    import json

    store.replace_graph(doc_graph_iri("d1"), located(ZONE_A))
    store.replace_graph(doc_graph_iri("d2"), [Triple(ZONE_B, RDFS.label, Literal("江阴高新区", language="zh"))])

    def count(query: str) -> int:
        body, _ = store.raw_query(query, results_media_type="application/sparql-results+json", graph_media_type="")
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    assert count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == 3
    assert count(f"SELECT (COUNT(*) AS ?n) FROM {doc_graph_iri('d2')} WHERE {{ ?s ?p ?o }}") == 1
    assert count(f"SELECT (COUNT(*) AS ?n) FROM NAMED {doc_graph_iri('d2')} WHERE {{ ?s ?p ?o }}") == 0
    twice = f"FROM {doc_graph_iri('d2')} FROM {doc_graph_iri('d2')}"
    assert count(f"SELECT (COUNT(*) AS ?n) {twice} WHERE {{ ?s ?p ?o }}") == 1  # a graph named twice counts once
    store.replace_graph(doc_graph_iri("d3"), [Triple(ZONE_B, RDFS.label, Literal("江阴高新区", language="zh"))])
    merged = f"FROM {doc_graph_iri('d2')} FROM {doc_graph_iri('d3')}"
    assert count(f"SELECT (COUNT(*) AS ?n) {merged} WHERE {{ ?s ?p ?o }}") == 1  # the RDF merge of d2 and d3


def test_store_takes_a_graph_as_ntriples_text_like_its_triples(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pyoxigraph import DefaultGraph

    from kg.namespaces import SKOS
    from kg.store.terms import NTriplesText, ntriples_block

    zone = entity_iri(EntityType.ZONE, "示例高新区")
    company = entity_iri(EntityType.ENTERPRISE, "示例科技有限公司")
    triples = [Triple(zone, RDFS.label, Literal('示例高新区 "园" .', language="zh")),
               Triple(zone, SKOS.altLabel, Literal("示例园", language="zh")),
               Triple(company, ZONE.locatedIn, zone),
               Triple(company, RDFS.comment, Literal("rdfs:label <x> .\n第二行"))]
    text = NTriplesText(ntriples_block(triples))
    assert list(text) == triples
    assert text.names() == triples[:2]
    as_text, as_triples = OxigraphStore(tmp_path / "text"), OxigraphStore(tmp_path / "triples")
    for store, graph in ((as_text, text), (as_triples, triples)):
        store.replace_graphs({doc_graph_iri("d1"): graph, doc_graph_iri("d2"): graph})
        store.replace_graph(doc_graph_iri("d1"), graph)  # a graph already stored: replaced
    assert set(as_text.raw) == set(as_triples.raw)
    merged = {q.triple for q in as_text.raw.quads_for_pattern(None, None, None, DefaultGraph())}
    assert merged == {*triples[2:], Triple(zone, RDFS.label, triples[0].object),
                      Triple(zone, SKOS.altLabel, triples[1].object)}


@pytest.mark.parametrize("listening", [False, True])
def test_store_parses_a_worker_ntriples_text_once(monkeypatch: pytest.MonkeyPatch, listening: bool) -> None:
    """A graph given as N-Triples text is parsed once per write: its name lines alone when no listener wants
    the IRIs a write touches, else whole (names and touched IRIs both read from that one parse)."""
    from kg.store import terms
    from kg.store.terms import NTriplesText, ntriples_block

    zone, company = entity_iri(EntityType.ZONE, "示例高新区"), entity_iri(EntityType.ENTERPRISE, "示例科技有限公司")
    triples = [Triple(zone, RDFS.label, Literal("示例高新区", language="zh")), Triple(company, ZONE.locatedIn, zone)]
    parsed: list[bytes] = []
    parse = terms.parse

    def counting_parse(data: bytes, **options: Any) -> Any:
        parsed.append(data)
        return parse(data, **options)

    store = OxigraphStore(None)
    heard: list[frozenset[str] | None] = []
    if listening:
        store.on_write(heard.append)
    monkeypatch.setattr(terms, "parse", counting_parse)
    store.replace_graph(doc_graph_iri("d1"), NTriplesText(ntriples_block(triples)))
    assert len(parsed) == 1
    assert (b"locatedIn" in parsed[0]) is listening  # the whole text, or its name lines only
    assert heard == ([frozenset({zone.value, company.value})] if listening else [])
    assert {(r["c"], r["z"]) for r in store.select("SELECT ?c ?z WHERE { ?c zone:locatedIn ?z }")} == {(company, zone)}


def test_store_read_only_views_open_while_a_writer_compacts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``zonekg query`` beside a ``zonekg serve`` that has just opened its store: the writer's compaction deletes
    table files while a reader opens (1 open in 5 failed with "No such file or directory"); every view opens."""
    for n in range(10):
        path = tmp_path / f"s{n}"
        seed = OxigraphStore(path)
        seed.replace_graph(doc_graph_iri("d1"), located(ZONE_A))
        seed.close()
        writer = OxigraphStore(path)  # opening compacts the files the seeding left, in the background
        try:
            views = [OxigraphStore(path, read_only=True) for _ in range(3)]
            assert [view.quad_count() for view in views] == [2] * 3
            for view in views:
                view.close()
        finally:
            writer.close()
