"""The graph router: page headers and filters, node-link JSON, details with evidence, static assets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pyoxigraph import RdfFormat

from api.routers.graph_page import router
from kg.store.oxigraph import OxigraphStore

XSS_TRIG = Path(__file__).resolve().parent / "xss.trig"
ENTERPRISE = "https://w3id.org/zonekg/resource/enterprise/dx"


@pytest.fixture
def client(sample_store: OxigraphStore) -> Iterator[TestClient]:
    sample_store.raw.load(path=str(XSS_TRIG), format=RdfFormat.TRIG)
    sample_store.rebuild_merged()
    app = FastAPI()
    app.include_router(router)
    app.state.store = sample_store
    with TestClient(app) as c:
        yield c


@pytest.mark.parametrize("path", ["/", "/graph"])
def test_graph_page_routes_serve_page_with_csp(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "東旭科技" in r.text  # the search key carries the traditional form


@pytest.mark.parametrize(
    ("params", "count"),
    [({}, 5), ({"type": "Enterprise"}, 2), ({"type": ["Enterprise", "Zone"]}, 3),
     ({"focus": "東旭科技", "depth": 1}, 4), ({"zone": "如皋高新區"}, 5)],
)
def test_graph_page_routes_json_filters(client: TestClient, params: dict[str, object], count: int) -> None:
    data = client.get("/graph.json", params=params).json()
    assert len(data["nodes"]) == count and data["total_nodes"] == count and data["truncated"] is False
    assert all("source" in link and "target" in link for link in data["links"])


@pytest.mark.parametrize(
    ("params", "status"),
    [({"focus": "没有这家公司"}, 404), ({"type": "Company"}, 422), ({"depth": 4, "focus": "东旭科技"}, 422)],
)
def test_graph_page_routes_bad_views(client: TestClient, params: dict[str, object], status: int) -> None:
    assert client.get("/graph", params=params).status_code == status


def test_graph_page_routes_details_give_sentences_and_document_link(client: TestClient) -> None:
    data = client.get("/graph/details", params={"iri": ENTERPRISE}).json()
    assert data["evidence"] == [{"text": "2021年签约东旭科技20亿元项目1个。", "doc_id": "sample",
                                 "source": "sample.txt", "url": "/documents/sample?s=0&e=20", "start": 0, "end": 20}]


def test_graph_page_routes_details_of_zone_cover_both_documents(client: TestClient) -> None:
    data = client.get("/graph/details", params={"iri": "https://w3id.org/zonekg/resource/zone/rugao"}).json()
    assert {e["doc_id"] for e in data["evidence"]} == {"sample", "xss"}


def test_graph_page_routes_details_refuse_non_iri(client: TestClient) -> None:
    assert client.get("/graph/details", params={"iri": "not an iri"}).status_code == 422


@pytest.mark.parametrize(("name", "status"), [("vis-network.min.js", 200), ("graph.css", 200),
                                              ("..%2Frender.py", 404), ("evil.js", 404)])
def test_graph_page_routes_static_assets(client: TestClient, name: str, status: int) -> None:
    assert client.get(f"/static/viz/{name}").status_code == status


def test_graph_page_routes_name_nodes_as_the_rest_api_does(api_client: TestClient,
                                                           sample_store: OxigraphStore) -> None:
    """Two documents label one company differently: page node, zone list and REST item all show the fullest."""
    sample_store.raw.load(input=(
        '@prefix zr: <https://w3id.org/zonekg/resource/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .'
        ' zr:doc\\/other { zr:enterprise\\/dx rdfs:label "东旭科技股份有限公司"@zh .'
        ' zr:zone\\/rugao rdfs:label "江苏省如皋高新技术产业开发区"@zh . }'), format=RdfFormat.TRIG)
    sample_store.rebuild_merged()  # written past the store's own writes: recompute the merged graph's names
    nodes = {n["id"]: n for n in api_client.get("/graph.json").json()["nodes"]}
    page = nodes[ENTERPRISE]
    assert page["label"] == api_client.get("/enterprises/dx").json()["label"] == "东旭科技股份有限公司"
    assert "东旭科技" in page["aliases"].split("|")
    zone_list = api_client.get("/graph").text
    assert "江苏省如皋高新技术产业开发区" in zone_list and '"label": "如皋高新技术产业开发区"' not in zone_list


def test_graph_page_routes_neighbours_are_the_depth_one_view_as_page_nodes(client: TestClient) -> None:
    data = client.get("/graph/neighbours", params={"iri": ENTERPRISE}).json()
    focus = client.get("/graph.json", params={"focus": ENTERPRISE, "depth": 1}).json()
    assert data["centre"] == ENTERPRISE
    assert {n["id"] for n in data["nodes"]} == {n["id"] for n in focus["nodes"]} - {ENTERPRISE}
    assert {(e["from"], e["to"]) for e in data["edges"]} == {(e["source"], e["target"]) for e in focus["links"]}
    assert all({"name", "etype", "size", "rank", "title"} <= set(n) for n in data["nodes"])


@pytest.mark.parametrize(("iri", "status"), [("https://w3id.org/zonekg/resource/enterprise/none", 404),
                                             ("not an iri", 422)])
def test_graph_page_routes_neighbours_of_unknown_or_bad_iri(client: TestClient, iri: str, status: int) -> None:
    assert client.get("/graph/neighbours", params={"iri": iri}).status_code == status


def test_graph_page_routes_ambiguous_focus_is_409_with_candidates(corpus_client: TestClient) -> None:
    answer = corpus_client.get("/graph.json", params={"focus": "高新区"})
    assert answer.status_code == 409 and answer.json()["error"] == "ambiguous_name"
    candidates = answer.json()["candidates"]
    assert len(candidates) >= 2 and all(c["label"] and c["type"] for c in candidates)
    for candidate in candidates:
        chosen = corpus_client.get("/graph.json", params={"focus": candidate["iri"]})
        assert chosen.status_code == 200 and candidate["iri"] in {n["id"] for n in chosen.json()["nodes"]}


def test_graph_page_routes_ambiguous_focus_page_offers_the_entities(corpus_client: TestClient) -> None:
    page = corpus_client.get("/graph", params={"focus": "高新区", "depth": 2})
    assert page.status_code == 409 and page.headers["content-type"].startswith("text/html")
    candidates = corpus_client.get("/graph.json", params={"focus": "高新区"}).json()["candidates"]
    for candidate in candidates:
        assert f'href="/graph?focus={quote(candidate["iri"], safe="")}&amp;depth=2"' in page.text
    assert f"「高新区」可指 {len(candidates)} 个实体" in page.text
