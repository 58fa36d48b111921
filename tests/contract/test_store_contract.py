"""One contract, every backend: embedded Oxigraph (memory, disk) and real SPARQL servers on loopback."""

from __future__ import annotations

import base64
import io
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from kg.errors import QuerySyntaxError, QueryTimeout, StoreError, StoreUnavailable
from kg.iri import doc_graph_iri, entity_iri
from kg.model import EntityType
from kg.namespaces import RDFS, XSD, ZONE
from kg.settings import MEMORY, Settings
from kg.store import GraphStore, open_store
from kg.store.oxigraph import OxigraphStore
from kg.store.sparql_http import CHUNK_TRIPLES, SparqlHttpStore
from tests.contract.servers import Endpoint

COMPANY = entity_iri(EntityType.ENTERPRISE, "东旭科技")
ZONE_A = entity_iri(EntityType.ZONE, "如皋高新区")
ZONE_B = entity_iri(EntityType.ZONE, "江阴高新区")
LABELS = "SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l"
BACKENDS = ["oxigraph-memory", "oxigraph-disk", "sparql-oxigraph", "sparql-virtuoso"]


def located(zone: NamedNode) -> list[Triple]:
    return [
        Triple(COMPANY, RDFS.label, Literal("东旭科技", language="zh")),
        Triple(COMPANY, ZONE.locatedIn, zone),
    ]


def many_labels(count: int) -> list[Triple]:
    """``count`` distinct label triples, more than one update request may carry."""
    return [Triple(entity_iri(EntityType.ENTERPRISE, f"企业{i}"), RDFS.label, Literal(f"企业{i}", language="zh"))
            for i in range(count)]


def remote(endpoint: Endpoint) -> Iterator[SparqlHttpStore]:
    """A store on a shared session server, emptied before and after the test."""
    store = SparqlHttpStore(endpoint.query, update_url=endpoint.update, gsp_url=endpoint.gsp, timeout_s=30)
    for graph in store.graphs():
        store.delete_graph(graph)
    yield store
    for graph in store.graphs():
        store.delete_graph(graph)
    store.close()


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    yield from backend(request, tmp_path)


def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """The store of one of :data:`BACKENDS` (``request.param``), closed or emptied after the test."""
    if request.param.startswith("oxigraph-"):
        path = tmp_path / "store" if request.param == "oxigraph-disk" else None
        embedded = OxigraphStore(path)
        yield embedded
        embedded.close()
    else:
        yield from remote(request.getfixturevalue(f"{request.param.split('-')[1]}_endpoint"))


def test_store_contract_replace_graph_replaces_only_that_document(store: GraphStore) -> None:
    doc1, doc2 = doc_graph_iri("d1"), doc_graph_iri("d2")
    store.replace_graph(doc1, located(ZONE_A))
    store.replace_graph(doc2, [Triple(ZONE_B, RDFS.label, Literal("江阴高新区", language="zh"))])
    store.replace_graph(doc1, located(ZONE_B))
    zones = store.select("SELECT ?z WHERE { ?c zone:locatedIn ?z }")
    assert [r["z"] for r in zones] == [ZONE_B]
    assert store.graphs() == sorted([doc1, doc2], key=str)
    assert store.quad_count() == 3


def test_store_contract_replace_graphs_replaces_each_and_no_other(store: GraphStore) -> None:
    doc1, doc2, doc3 = doc_graph_iri("d1"), doc_graph_iri("d2"), doc_graph_iri("d3")
    store.replace_graphs({doc1: located(ZONE_A), doc3: located(ZONE_A)})
    store.replace_graphs({doc1: located(ZONE_B), doc2: many_labels(3)})
    assert store.graphs() == sorted([doc1, doc2, doc3], key=str)
    in_graph = "SELECT ?g ?z WHERE { GRAPH ?g { ?c zone:locatedIn ?z } }"
    assert [r["z"] for r in store.select(in_graph, bindings={"g": doc1})] == [ZONE_B]
    assert [r["z"] for r in store.select(in_graph, bindings={"g": doc3})] == [ZONE_A]
    assert store.quad_count() == 2 + 3 + 2


@pytest.mark.timeout(1200)  # Virtuoso recomputes 2,500 names in 60-180 s at load 15: a hang guard, not a speed test
def test_store_contract_big_graph_is_replaced_whole(store: GraphStore) -> None:
    graph = doc_graph_iri("big")
    store.replace_graph(graph, many_labels(CHUNK_TRIPLES * 2 + 500))
    store.replace_graph(graph, many_labels(CHUNK_TRIPLES + 1))
    assert store.graphs() == [graph]
    assert store.quad_count() == CHUNK_TRIPLES + 1
    assert len(store.select("SELECT ?s ?l WHERE { ?s rdfs:label ?l }")) == CHUNK_TRIPLES + 1


def test_store_contract_merged_graph_joins_across_documents(store: GraphStore) -> None:
    store.replace_graph(doc_graph_iri("d1"), [Triple(COMPANY, ZONE.locatedIn, ZONE_A)])
    store.replace_graph(doc_graph_iri("d2"), [Triple(ZONE_A, RDFS.label, Literal("如皋高新区", language="zh"))])
    rows = store.select("SELECT ?l WHERE { ?c zone:locatedIn ?z . ?z rdfs:label ?l }")
    assert [r["l"].value for r in rows] == ["如皋高新区"]
    assert store.ask("ASK { ?c zone:locatedIn ?z . ?z rdfs:label ?l }") is True
    assert set(store.construct("CONSTRUCT { ?c zone:locatedIn ?z } WHERE { ?c zone:locatedIn ?z }")) == {
        Triple(COMPANY, ZONE.locatedIn, ZONE_A)
    }


@pytest.mark.parametrize(
    "hostile",
    [
        Literal('"} ; DROP ALL ; #', language="zh"),
        Literal("'''\n} } DELETE WHERE { ?s ?p ?o } #"),
        Literal('东旭科技"@zh } . ?s ?p ?o . FILTER(true', language="zh"),
    ],
)
def test_store_contract_bindings_are_substituted_not_spliced(store: GraphStore, hostile: Literal) -> None:
    store.replace_graph(doc_graph_iri("d1"), located(ZONE_A))
    assert store.select("SELECT ?s ?l WHERE { ?s rdfs:label ?l }", bindings={"l": hostile}) == []
    hit = store.select("SELECT ?s ?l WHERE { ?s rdfs:label ?l }", bindings={"l": Literal("东旭科技", language="zh")})
    assert [r["s"] for r in hit] == [COMPANY]
    by_iri = store.select("SELECT ?c ?z WHERE { ?c zone:locatedIn ?z }", bindings={"c": COMPANY})
    assert [r["z"] for r in by_iri] == [ZONE_A]
    assert store.quad_count() == 2


def test_store_contract_bound_value_reaches_sub_selects_and_repeats_count_once(store: GraphStore) -> None:
    for doc in ("d1", "d2", "d3"):
        store.replace_graph(doc_graph_iri(doc), located(ZONE_A))
    store.replace_graph(doc_graph_iri("d4"), located(ZONE_B))
    query = ("SELECT ?z (COUNT(*) AS ?n) WHERE { { SELECT DISTINCT ?c ?z WHERE { ?c zone:locatedIn ?z } } } "
             "GROUP BY ?z")
    rows = store.select(query, bindings={"z": ZONE_A})
    assert [(r["z"], int(r["n"].value)) for r in rows] == [(ZONE_A, 1)]


def test_store_contract_bound_variable_must_be_projected(store: GraphStore) -> None:
    with pytest.raises(QuerySyntaxError):
        store.select("SELECT ?s WHERE { ?s rdfs:label ?l }", bindings={"l": Literal("x")})


def test_store_contract_delete_graph(store: GraphStore) -> None:
    store.replace_graph(doc_graph_iri("d1"), located(ZONE_A))
    assert store.delete_graph(doc_graph_iri("d1")) is True
    assert store.delete_graph(doc_graph_iri("d1")) is False
    assert store.quad_count() == 0
    assert store.graphs() == []


def test_store_contract_nquads_round_trip(store: GraphStore) -> None:
    store.replace_graph(doc_graph_iri("d1"), located(ZONE_A))
    store.replace_graph(doc_graph_iri("d2"), located(ZONE_B) + many_labels(CHUNK_TRIPLES + 10))
    buffer = io.BytesIO()
    store.dump_nquads(buffer)
    before = (store.graphs(), store.select(LABELS), store.quad_count())
    for graph in store.graphs():
        store.delete_graph(graph)
    store.bulk_load_nquads(buffer.getvalue())
    assert (store.graphs(), store.select(LABELS), store.quad_count()) == before
    assert before[2] == 4 + CHUNK_TRIPLES + 10


def test_store_contract_syntax_error_is_a_kg_error(store: GraphStore) -> None:
    with pytest.raises(QuerySyntaxError):
        store.select("SELEC ?x WHERE {}")
    with pytest.raises(QuerySyntaxError):
        store.update("INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> } }")


def test_store_contract_rejected_graph_leaves_store_unchanged(store: GraphStore) -> None:
    from pyoxigraph import BlankNode

    store.replace_graph(doc_graph_iri("d1"), located(ZONE_A))
    with pytest.raises(StoreError):
        store.replace_graph(doc_graph_iri("d1"), [Triple(COMPANY, RDFS.label, BlankNode()), *located(ZONE_B)])
    assert [r["z"] for r in store.select("SELECT ?z WHERE { ?c zone:locatedIn ?z }")] == [ZONE_A]


def test_sparql_http_unreachable_server_fails_fast() -> None:
    with socket.socket() as closed:  # bound, never listening: the port refuses and stays ours
        closed.bind(("127.0.0.1", 0))
        store = SparqlHttpStore(f"http://127.0.0.1:{closed.getsockname()[1]}/sparql", timeout_s=30)
        started = time.monotonic()
        with pytest.raises(StoreUnavailable):
            store.select("SELECT * WHERE { ?s ?p ?o }")
        assert time.monotonic() - started < 5  # refused at once, not after the 5 s connect timeout


def test_sparql_http_silent_server_times_out_instead_of_hanging() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        store = SparqlHttpStore(f"http://127.0.0.1:{silent.getsockname()[1]}/sparql", timeout_s=0.5)
        started = time.monotonic()
        with pytest.raises(QueryTimeout):
            store.ask("ASK { ?s ?p ?o }")
        assert time.monotonic() - started < 8  # the store's 0.5 s, well before the 10 s default


@pytest.mark.parametrize(("status", "error"), [(400, QuerySyntaxError), (403, StoreError), (500, StoreError)])
def test_sparql_http_status_maps_to_kg_error(status: int, error: type[Exception]) -> None:
    client = httpx.Client(transport=httpx.MockTransport(lambda _: httpx.Response(status, text="refused")))
    with pytest.raises(error, match="refused"):
        SparqlHttpStore("http://sparql.invalid/q", client=client).ask("ASK {}")


def test_sparql_http_settings_select_backend_and_credentials() -> None:
    settings = Settings(  # type: ignore[call-arg]
        store=MEMORY, sparql_url="http://sparql.invalid/q", sparql_update_url="http://sparql.invalid/u",
        sparql_user="zonekg", sparql_password="s3cret", _env_file=None,
    )
    assert isinstance(open_store(settings), SparqlHttpStore)
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"head": {}, "boolean": True})

    store = SparqlHttpStore.from_settings(settings, client=httpx.Client(transport=httpx.MockTransport(answer)))
    assert store.ask("ASK {}") is True
    store.update("CREATE SILENT GRAPH <urn:x>")  # changes no triple: the update is the only request
    assert [str(r.url) for r in seen] == ["http://sparql.invalid/q", "http://sparql.invalid/u"]
    expected = "Basic " + base64.b64encode(b"zonekg:s3cret").decode()
    assert [r.headers["authorization"] for r in seen] == [expected, expected]


def test_store_contract_raw_query_serialises_results(store: GraphStore) -> None:
    store.replace_graph(doc_graph_iri("d1"), located(ZONE_A))
    body, media_type = store.raw_query(
        LABELS, results_media_type="application/sparql-results+json", graph_media_type="text/turtle"
    )
    assert media_type == "application/sparql-results+json"
    assert [b["l"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["东旭科技"]
    body, media_type = store.raw_query(
        "CONSTRUCT { ?c zone:locatedIn ?z } WHERE { ?c zone:locatedIn ?z }",
        results_media_type="application/sparql-results+json", graph_media_type="application/n-triples",
    )
    assert media_type == "application/n-triples"
    assert [q.triple for q in parse(body, format=RdfFormat.N_TRIPLES)] == [Triple(COMPANY, ZONE.locatedIn, ZONE_A)]


def test_store_contract_typed_literals_come_back_unchanged(store: GraphStore) -> None:
    investment = NamedNode("https://w3id.org/zonekg/resource/investment/i1")
    values = [
        Literal("2000000000", datatype=XSD.decimal),
        Literal("12.5", datatype=XSD.decimal),
        Literal("2021", datatype=XSD.gYear),
        Literal("42", datatype=XSD.integer),
        Literal("CNY"),
        Literal("如皋高新区", language="zh"),
    ]
    store.replace_graph(doc_graph_iri("d1"), [Triple(investment, ZONE.value, v) for v in values])
    rows = store.select("SELECT ?v WHERE { ?i zone:value ?v }")
    assert {r["v"] for r in rows} == set(values)


def test_sparql_http_reads_the_results_format_the_server_chose() -> None:
    xml = (
        '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="l"/>'
        '</head><results><result><binding name="l"><literal xml:lang="zh">东旭科技</literal></binding></result>'
        "</results></sparql>"
    )
    answer = httpx.Response(200, text=xml, headers={"Content-Type": "application/sparql-results+xml; charset=utf-8"})
    client = httpx.Client(transport=httpx.MockTransport(lambda _: answer))
    rows = SparqlHttpStore("http://sparql.invalid/q", client=client).select(LABELS)
    assert rows == [{"l": Literal("东旭科技", language="zh")}]


def test_store_contract_virtuoso_digest_endpoint_with_credentials(virtuoso_endpoint: Endpoint) -> None:
    auth_url = virtuoso_endpoint.query.removesuffix("/sparql") + "/sparql-auth"
    settings = Settings(store=MEMORY, sparql_url=auth_url, sparql_user="dba", sparql_password="dba",  # type: ignore[arg-type]
                        sparql_auth="digest", _env_file=None)  # type: ignore[call-arg]
    store = open_store(settings)
    graph = doc_graph_iri("digest")
    try:
        store.replace_graph(graph, located(ZONE_A))
        assert [r["z"] for r in store.select("SELECT ?z WHERE { ?c zone:locatedIn ?z }")] == [ZONE_A]
        assert store.delete_graph(graph) is True
    finally:
        store.delete_graph(graph)
        store.close()
    anonymous = SparqlHttpStore(auth_url, timeout_s=30)
    with pytest.raises((StoreError, StoreUnavailable)):
        anonymous.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
    anonymous.close()


def test_store_contract_linked_data_and_name_templates(store: GraphStore) -> None:
    """The item's triples (CONSTRUCT), the existence check (ASK) and the name lookup answer alike everywhere."""
    from pyoxigraph import Quad

    from kg.sparql import load_query

    sample = Path(__file__).resolve().parents[1] / "data" / "sample.trig"
    quads = [q for q in parse(path=str(sample), format=RdfFormat.TRIG) if isinstance(q, Quad)]
    for graph in {q.graph_name for q in quads}:
        store.replace_graph(graph, [q.triple for q in quads if q.graph_name == graph])
    item = NamedNode("https://w3id.org/zonekg/resource/enterprise/dx")
    rugao = NamedNode("https://w3id.org/zonekg/resource/zone/rugao")
    triples = set(store.construct(load_query("ld_entity_graph"), bindings={"item": item}))
    assert Triple(item, ZONE.locatedIn, rugao) in triples
    assert Triple(rugao, RDFS.label, Literal("如皋高新技术产业开发区", language="zh")) in triples
    assert len(triples) == 30
    assert store.ask(load_query("ld_entity_exists"), bindings={"item": item, "type": ZONE.Enterprise})
    assert not store.ask(load_query("ld_entity_exists"), bindings={"item": item, "type": ZONE.Zone})
    name = Literal("如皋高新区", language="zh")
    rows = store.select(load_query("api_entity_by_name"), bindings={"type": ZONE.Zone, "name": name,
                                                                     "simplified": name})
    assert {row["item"] for row in rows} == {rugao}
