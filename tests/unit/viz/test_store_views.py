"""Views cut in SPARQL equal the views cut from the whole graph in NetworkX, and big views are capped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat

from kg.errors import NotFound
from kg.namespaces import RDF, RDFS, ZONE, ZR
from kg.sparql import load_query
from kg.store.oxigraph import OxigraphStore
from viz.graph import to_networkx
from viz.source import QUERY_NODE_LIMIT, resolve_entity, store_view, values_block, zone_index
from viz.views import AmbiguousEntity, InvalidView, View, select_view

ROOT = Path(__file__).resolve().parents[3]
XSS_TRIG = Path(__file__).resolve().parent / "xss.trig"


@pytest.fixture(scope="module")
def corpus_store() -> Iterator[OxigraphStore]:
    """The seed corpus ingested, plus the sample and XSS graphs."""
    from ingest.runner import ingest_paths

    store = OxigraphStore(None)
    store.raw.load(path=str(ROOT / "tests" / "data" / "sample.trig"), format=RdfFormat.TRIG)
    store.raw.load(path=str(XSS_TRIG), format=RdfFormat.TRIG)
    store.rebuild_merged()
    ingest_paths(store, [ROOT / "data" / "corpus"], workers=1, on_error="raise", progress=False)
    yield store
    store.close()


def whole_graph(store: OxigraphStore) -> nx.MultiDiGraph:
    return to_networkx(store.construct(load_query("viz_graph")))


def signature(view: View) -> tuple[Any, ...]:
    nodes = sorted((str(n), sorted(d.items())) for n, d in view.graph.nodes(data=True))
    edges = sorted((str(u), str(v), sorted(d.items())) for u, v, d in view.graph.edges(data=True))
    return nodes, edges, view.total_nodes, view.truncated, view.focus, view.zone


def view_cases(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Every zone (alone, with types, with a focus); every entity (every fifth in a big graph) as a focus."""
    zones = sorted(n for n, t in g.nodes(data="type") if t == "Zone")
    cases: list[dict[str, Any]] = [{}, {"types": ["Enterprise"]}, {"types": ["Zone", "Project", "Honour"]}]
    for zone in zones:
        cases += [{"zone": zone}, {"zone": zone, "types": ["Enterprise", "Zone"]}]
    for node in sorted(g.nodes)[:: 1 if len(g) < 50 else 5]:
        cases += [{"focus": node, "depth": d} for d in (1, 2, 3)]
        cases += [{"focus": node, "depth": 2, "types": ["Enterprise", "Project", "Zone"]},
                  {"focus": node, "depth": 2, "zone": zones[0]}]
    return cases


def outcome(cut: Any) -> tuple[Any, ...] | str:
    try:
        return signature(cut())
    except (NotFound, InvalidView, AmbiguousEntity) as err:
        return type(err).__name__


@pytest.mark.parametrize("source", ["sample", "corpus"])
def test_store_views_equal_networkx_views(source: str, sample_store: OxigraphStore,
                                          corpus_store: OxigraphStore) -> None:
    store = sample_store if source == "sample" else corpus_store
    g = whole_graph(store)
    cases = view_cases(g)
    assert len(cases) > (20 if source == "sample" else 200)
    for params in cases:
        expected = outcome(lambda p=params: select_view(g, **p))  # type: ignore[misc]
        assert outcome(lambda p=params: store_view(store, **p)) == expected, params  # type: ignore[misc]


@pytest.mark.parametrize(
    ("ref", "local"),
    [("如皋高新技术产业开发区", "zone/rugao"), ("如皋高新区", "zone/rugao"), ("如皋高新區", "zone/rugao"),
     ("東旭科技", "enterprise/dx"), (" 东旭 科技 ", "enterprise/dx"), (ZR["enterprise/dx"].value, "enterprise/dx")],
)
def test_store_views_resolve_name_alias_or_iri(sample_store: OxigraphStore, ref: str, local: str) -> None:
    assert resolve_entity(sample_store, ref) == ZR[local].value


@pytest.mark.parametrize("ref", ["不存在的公司", "https://w3id.org/zonekg/resource/enterprise/none", "瞪羚"])
def test_store_views_unknown_reference_is_not_found(sample_store: OxigraphStore, ref: str) -> None:
    with pytest.raises(NotFound):
        resolve_entity(sample_store, ref)


def test_store_views_zone_index_lists_zones_by_label(corpus_store: OxigraphStore) -> None:
    g = whole_graph(corpus_store)
    expected = sorted((d["label"], n) for n, d in g.nodes(data=True) if d["type"] == "Zone")
    assert [(z["label"], z["id"]) for z in zone_index(corpus_store)] == expected


def big_store(enterprises: int) -> OxigraphStore:
    """Two zones; enterprise i is in zone a, and also in zone b when i is even (so it has degree 2)."""
    store = OxigraphStore(None)
    graph = ZR["doc/big"]
    zones = [ZR["zone/a"], ZR["zone/b"]]
    quads = [q for i, z in enumerate(zones) for q in (Quad(z, RDF.type, ZONE.Zone, graph),
                                                      Quad(z, RDFS.label, Literal(f"区{i}", language="zh"), graph))]
    for i in range(enterprises):
        e = NamedNode(f"{ZR['enterprise/'].value}{i}")
        quads += [Quad(e, RDF.type, ZONE.Enterprise, graph), Quad(e, RDFS.label, Literal(f"企业{i}"), graph),
                  Quad(e, ZONE.locatedIn, zones[0], graph)]
        if i % 2 == 0:
            quads.append(Quad(e, ZONE.locatedIn, zones[1], graph))
    store.raw.extend(quads)
    store.rebuild_merged()
    return store


@pytest.mark.parametrize(
    ("params", "total"),
    [({}, 3002), ({"types": ["Enterprise"]}, 3000), ({"zone": "区0"}, 3001), ({"focus": "区0", "depth": 1}, 3001),
     ({"focus": "区1", "depth": 3}, 3002)],
)
def test_store_views_cap_big_view_and_say_so(params: dict[str, Any], total: int) -> None:
    store = big_store(3000)
    view = store_view(store, **params)
    assert view.graph.number_of_nodes() <= QUERY_NODE_LIMIT < total
    assert view.truncated and view.total_nodes == total
    assert view.note == f"显示连接最多的 {view.graph.number_of_nodes()} 个节点（共 {total} 个）"
    store.close()


def test_store_views_cap_keeps_most_connected() -> None:
    store = big_store(3000)
    view = store_view(store)
    degrees = sorted((d for _, d in view.graph.degree()), reverse=True)
    # Both zones and the 1,500 enterprises in both zones outrank those in one zone.
    assert {ZR["zone/a"].value, ZR["zone/b"].value} <= set(view.graph.nodes)
    assert sum(1 for d in degrees if d == 2) >= 1500
    store.close()


@pytest.fixture(scope="module")
def remote_store(corpus_store: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """The corpus store's quads behind ``oxigraph serve``, read through SparqlHttpStore."""
    import io

    from kg.store.sparql_http import SparqlHttpStore
    from tests.contract.servers import oxigraph_binary, oxigraph_server

    if oxigraph_binary() is None:
        pytest.skip("oxigraph CLI not installed (pip package 'oxigraph')")
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph-serve")) as endpoint:
        store = SparqlHttpStore(endpoint.query, update_url=endpoint.update, gsp_url=endpoint.gsp, timeout_s=60)
        dump = io.BytesIO()
        corpus_store.dump_nquads(dump)
        store.bulk_load_nquads(dump.getvalue())
        yield store
        store.close()


def test_store_views_same_on_remote_sparql_server(corpus_store: OxigraphStore, remote_store: Any) -> None:
    g = whole_graph(corpus_store)
    cases = view_cases(g)[::4] + [{"zone": "如皋高新區"}, {"zone": "南通開發區"}, {"focus": "東旭科技", "depth": 2}]
    for params in cases:
        expected = outcome(lambda p=params: store_view(corpus_store, **p))  # type: ignore[misc]
        assert outcome(lambda p=params: store_view(remote_store, **p)) == expected, params  # type: ignore[misc]
    assert zone_index(remote_store) == zone_index(corpus_store)


def test_store_views_cap_on_remote_sparql_server(corpus_store: OxigraphStore, remote_store: Any) -> None:
    import io

    big, dump = big_store(2500), io.BytesIO()
    big.dump_nquads(dump)
    big.close()
    remote_store.bulk_load_nquads(dump.getvalue())
    try:
        corpus_total = whole_graph(corpus_store).number_of_nodes()
        for params, total in (({}, corpus_total + 2502), ({"zone": "区0"}, 2501)):
            view = store_view(remote_store, **params)
            assert view.truncated and view.graph.number_of_nodes() <= QUERY_NODE_LIMIT
            assert view.total_nodes == total
    finally:
        remote_store.delete_graph(ZR["doc/big"])


def test_store_views_values_block_writes_only_iris() -> None:
    assert values_block("e", [ZR["zone/a"].value]) == f"VALUES ?e {{ {ZR['zone/a']} }}"
    with pytest.raises(ValueError):
        values_block("e", ["> } ; DROP ALL ; <x:"])


def test_store_views_name_of_two_entities_is_ambiguous(corpus_store: OxigraphStore) -> None:
    """如皋高新区 is one zone's label and another's alias: neither is picked silently."""
    with pytest.raises(AmbiguousEntity) as found:
        store_view(corpus_store, focus="如皋高新區")
    assert ZR["zone/rugao"].value in found.value.candidates and len(found.value.candidates) == 2
    with pytest.raises(AmbiguousEntity):
        select_view(whole_graph(corpus_store), focus="如皋高新区")
