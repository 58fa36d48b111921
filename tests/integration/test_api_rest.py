"""REST resources over the sample graph: pages, items with links and evidence, search, documents, JSON-LD, injection."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import rdflib

from api.main import create_app
from kg.model import COLLECTIONS
from tests.conftest import API_TOKEN, CORPUS

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
RDFS_LABEL = rdflib.URIRef("http://www.w3.org/2000/01/rdf-schema#label")

# collection -> ids in the sample graph
EXPECTED = {
    "zones": ["rugao"],
    "enterprises": ["dx"],
    "projects": ["dxp"],
    "honours": ["gazelle"],
    "platforms": [],
    "policies": [],
    "people": [],
    "industries": [],
}


@pytest.mark.parametrize("collection", sorted(COLLECTIONS))
def test_api_rest_lists_each_collection(api_client: Any, collection: str) -> None:
    page = api_client.get(f"/{collection}").json()
    assert [item["id"] for item in page["items"]] == EXPECTED[collection]
    assert page["total"] == len(EXPECTED[collection])


def test_api_rest_enterprise_links_with_evidence(api_client: Any) -> None:
    item = api_client.get("/enterprises/dx").json()
    assert (item["label"], item["type"], item["documents"]) == ("东旭科技", "Enterprise", ["sample"])
    located = next(link for link in item["links"] if link["predicate"] == "locatedIn")
    assert located["target"]["id"] == "rugao" and located["target"]["type"] == "Zone"
    assert located["evidence"] == [
        {"document": "sample", "text": "2021年签约东旭科技20亿元项目1个。", "start": 0, "end": 20,
         "url": "/documents/sample?s=0&e=20"}
    ]
    projects = [link for link in item["links"] if link["predicate"] == "investor"]
    assert [link["target"]["id"] for link in projects] == ["dxp"]
    project_facts = {f["kind"]: f["properties"] for f in projects[0]["target_facts"]}
    assert project_facts["Investment"]["amount"] == [2000000000]
    assert project_facts["StatusEvent"] == {"statusValue": ["signed"], "year": ["2021"]}
    award = next(f for f in item["facts"] if f["kind"] == "Award")
    assert award["properties"]["year"] == ["2021"] and award["properties"]["honour"][0]["id"] == "gazelle"


def test_api_rest_project_amount_and_status(api_client: Any) -> None:
    facts = {f["kind"]: f["properties"] for f in api_client.get("/projects/dxp").json()["facts"]}
    assert facts["Investment"] == {"amount": [2000000000], "currency": ["CNY"]}
    assert facts["StatusEvent"] == {"statusValue": ["signed"], "year": ["2021"]}


def test_api_rest_honour_recipients_with_years(api_client: Any) -> None:
    item = api_client.get("/honours/gazelle").json()
    award = next(f for f in item["facts"] if f["kind"] == "Award")
    assert (award["holder"]["id"], award["properties"]["year"]) == ("dx", ["2021"])


def test_api_rest_zone_aliases_and_indicator(api_client: Any) -> None:
    item = api_client.get("/zones/rugao").json()
    assert item["aliases"] == ["如皋高新区"] and "HighTechZone" in item["types"]
    indicator = next(f for f in item["facts"] if f["kind"] == "IndicatorObservation")["properties"]
    assert indicator["value"] == [42800000000] and indicator["kind"] == ["actual"]


@pytest.mark.parametrize(
    ("url", "ids"),
    [
        ("/projects?zone=rugao", ["dxp"]),
        ("/enterprises?zone=rugao", ["dx"]),
        ("/honours?zone=rugao", ["gazelle"]),
        ("/zones?q=如皋高新区", ["rugao"]),
        ("/zones?q=如皋高新區", ["rugao"]),
        ("/enterprises?q=东旭", ["dx"]),
        ("/enterprises?q=東旭", ["dx"]),
        ("/enterprises?q=无此企业", []),
        ("/zones?limit=1&offset=1", []),
        # Facets: the sample project was signed in 2021 with 2e9 CNY; its company holds the gazelle honour.
        ("/projects?status=signed", ["dxp"]),
        ("/projects?status=started", []),
        ("/projects?status=signed&year=2021", ["dxp"]),
        ("/projects?status=signed&year=2022", []),
        ("/projects?year=2021", ["dxp"]),
        ("/projects?min_amount=2000000000", ["dxp"]),
        ("/projects?min_amount=2000000001", []),
        ("/projects?min_amount=1&currency=USD", []),
        ("/projects?zone=rugao&status=signed&min_amount=1e9", ["dxp"]),
        ("/enterprises?honour=gazelle", ["dx"]),
        ("/zones?honour=gazelle", []),
    ],
)
def test_api_rest_filters(api_client: Any, url: str, ids: list[str]) -> None:
    response = api_client.get(url)
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == ids


@pytest.mark.parametrize(
    ("q", "ids"), [("如皋", ["rugao"]), ("東旭科技", ["dx", "dxp"]), ("高新区", ["rugao"]), ("瞪羚", ["gazelle"])]
)
def test_api_rest_search_both_scripts(api_client: Any, q: str, ids: list[str]) -> None:
    assert [item["id"] for item in api_client.get("/search", params={"q": q}).json()["items"]] == ids


HOSTILE = [
    '"} DROP ALL #',
    'Alice" } UNION { ?s ?p ?o',
    "东旭' } ; DELETE WHERE { ?s ?p ?o } #",
    '> ?p ?o . FILTER regex("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "(.*a){50}") } #',
    "\\u0022) } SERVICE <http://127.0.0.1:9/> {",
    "＂}{\\\n\r#.;<>",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_api_rest_hostile_parameters(api_client: Any, payload: str) -> None:
    before = api_client.get("/stats").json()["quads"]
    responses = [
        api_client.get("/enterprises", params={"q": payload}),
        api_client.get("/search", params={"q": payload}),
        api_client.get("/projects", params={"zone": payload}),
        api_client.get(f"/enterprises/{quote(payload, safe='')}"),
        api_client.get(f"/documents/{quote(payload, safe='')}"),
    ]
    for response in responses:
        assert response.status_code in (200, 404, 422)
        if response.status_code == 200:
            assert response.json()["items"] == []
    assert api_client.get("/stats").json()["quads"] == before


def test_api_rest_not_found_shape(api_client: Any) -> None:
    response = api_client.get("/enterprises/rugao")
    assert response.status_code == 404 and response.json()["error"] == "not_found"


def test_api_rest_jsonld(api_client: Any) -> None:
    response = api_client.get("/zones/rugao", headers={"Accept": "application/ld+json"})
    assert response.headers["content-type"].startswith("application/ld+json")
    graph = rdflib.Graph().parse(data=response.text, format="json-ld")
    zone = rdflib.URIRef("https://w3id.org/zonekg/resource/zone/rugao")
    assert str(graph.value(zone, RDFS_LABEL)) == "如皋高新技术产业开发区"
    assert (zone, rdflib.RDF.type, rdflib.URIRef("https://w3id.org/zonekg/ontology#Zone")) in graph
    page = rdflib.Graph().parse(
        data=api_client.get("/enterprises", headers={"Accept": "application/ld+json"}).text, format="json-ld"
    )
    assert str(page.value(rdflib.URIRef("https://w3id.org/zonekg/resource/enterprise/dx"), RDFS_LABEL)) == "东旭科技"


def test_api_rest_stats_and_documents(api_client: Any) -> None:
    stats = api_client.get("/stats").json()
    assert (stats["quads"], stats["documents"], stats["classes"]["Enterprise"]) == (54, 1, 1)
    assert [d["id"] for d in api_client.get("/documents").json()["items"]] == ["sample"]
    doc = api_client.get("/documents/sample").json()
    assert (doc["source_name"], doc["facts"]) == ("sample.txt", 1)
    assert api_client.get("/documents/nothing").status_code == 404


def test_api_rest_delete_document_needs_token(api_client: Any) -> None:
    assert api_client.delete("/documents/sample").status_code == 401
    assert api_client.delete("/documents/sample", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert api_client.get("/stats").json()["documents"] == 1
    assert api_client.delete("/documents/sample", headers=AUTH).status_code == 204
    assert api_client.get("/stats").json() == {"quads": 0, "documents": 0, "classes": {}}
    assert api_client.delete("/documents/sample", headers=AUTH).status_code == 404


def test_api_rest_upload_refusals_leave_store_unchanged(api_client: Any) -> None:
    files = {"file": ("x.txt", "如皋高新区".encode(), "text/plain")}
    assert api_client.post("/documents", files=files).status_code == 401
    empty = api_client.post("/documents", files={"file": ("empty.txt", b"", "text/plain")}, headers=AUTH)
    binary = api_client.post(
        "/documents", files={"file": ("x.exe", b"MZ\x00\x01" * 100, "application/octet-stream")}, headers=AUTH
    )
    assert (empty.status_code, binary.status_code) == (422, 422)
    assert binary.json()["error"] == "document_rejected"
    assert api_client.get("/stats").json()["quads"] == 54


def test_api_rest_upload_size_limits(tmp_path: Path, sample_store: Any) -> None:
    from fastapi.testclient import TestClient

    from kg.settings import MEMORY, Settings

    settings = Settings(
        store=MEMORY, corpus=tmp_path / "none", api_token=API_TOKEN, max_document_bytes=1000, _env_file=None
    )  # type: ignore[call-arg]
    with TestClient(create_app(settings, store=sample_store)) as client:
        over = client.post("/documents", files={"file": ("a.txt", "园".encode() * 400)}, headers=AUTH)
        huge = client.post("/documents", files={"file": ("a.txt", b"x" * 200_000)}, headers=AUTH)
        assert (over.status_code, over.json()["error"]) == (413, "payload_too_large")
        assert (huge.status_code, huge.json()["error"]) == (413, "payload_too_large")
        assert client.get("/nowhere").json()["error"] == "not_found"
    assert sample_store.quad_count() == 54


def test_api_rest_upload_corpus_document(api_client: Any) -> None:
    pytest.importorskip("ingest.pipeline")
    pytest.importorskip("ingest.emit")
    path = sorted(CORPUS.glob("*"))[0]
    response = api_client.post("/documents", files={"file": (path.name, path.read_bytes())}, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["triples"] > 0 and body["source_name"] == path.name
    assert body["id"] in [d["id"] for d in api_client.get("/documents").json()["items"]]
    assert api_client.get("/stats").json()["quads"] == 54 + body["triples"]


def test_api_rest_serve_bootstraps_empty_store_from_corpus(tmp_path: Path) -> None:
    pytest.importorskip("ingest.pipeline")
    from fastapi.testclient import TestClient

    from kg.settings import Settings

    settings = Settings(store=str(tmp_path / "store"), corpus=CORPUS, query_workers=1, _env_file=None)  # type: ignore[call-arg]
    with TestClient(create_app(settings)) as client:
        assert client.get("/stats").json()["documents"] == len([p for p in CORPUS.iterdir() if p.is_file()])
        assert client.get("/zones").json()["total"] > 0


def test_api_rest_same_answers_over_a_remote_store(api_client: Any, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from kg.settings import Settings
    from kg.store.sparql_http import SparqlHttpStore

    remote = SparqlHttpStore("http://testserver/sparql", client=api_client)
    settings = Settings(sparql_url="http://testserver/sparql", corpus=tmp_path / "none", _env_file=None)  # type: ignore[call-arg]
    urls = [
        "/enterprises/dx",
        "/projects/dxp",
        "/honours/gazelle",
        "/zones?q=如皋",
        "/projects?zone=rugao",
        "/search?q=東旭",
        "/documents/sample",
        "/stats",
    ]
    with TestClient(create_app(settings, store=remote)) as client:
        for url in urls:
            assert client.get(url).json() == api_client.get(url).json(), url
        passthrough = client.get("/sparql", params={"query": "SELECT ?l { ?z a zone:Zone ; rdfs:label ?l }"})
        assert passthrough.json()["results"]["bindings"][0]["l"]["value"] == "如皋高新技术产业开发区"


def test_api_rest_streamed_multipart_upload_over_limit_is_413(tmp_path: Path, sample_store: Any) -> None:
    from fastapi.testclient import TestClient

    from kg.settings import MEMORY, Settings

    settings = Settings(
        store=MEMORY, corpus=tmp_path / "none", api_token=API_TOKEN, max_document_bytes=1000, _env_file=None
    )  # type: ignore[call-arg]
    boundary = "zonekgboundary"
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'.encode()

    def chunks() -> Any:
        yield head
        for _ in range(50):
            yield "园区".encode() * 1000
        yield f"\r\n--{boundary}--\r\n".encode()

    headers = {**AUTH, "Content-Type": f"multipart/form-data; boundary={boundary}"}
    with TestClient(create_app(settings, store=sample_store)) as client:
        response = client.post("/documents", content=chunks(), headers=headers)
    assert (response.status_code, response.json()["error"]) == (413, "payload_too_large")
    assert sample_store.quad_count() == 54



def test_api_rest_facts_repeated_in_three_documents_are_counted_once(
    api_client: Any, sample_store: Any, tmp_path: Path
) -> None:
    from fastapi.testclient import TestClient
    from pyoxigraph import NamedNode, Quad

    from kg.settings import MEMORY, Settings
    from kg.store.oxigraph import OxigraphStore

    tripled = OxigraphStore(None)
    quads = [q for q in sample_store.raw if isinstance(q.graph_name, NamedNode)]
    tripled.raw.extend(quads)
    for copy in ("copy1", "copy2"):
        graph = NamedNode(f"https://w3id.org/zonekg/resource/doc/{copy}")
        tripled.raw.extend(Quad(q.subject, q.predicate, q.object, graph) for q in quads)
    tripled.rebuild_merged()
    settings = Settings(store=MEMORY, corpus=tmp_path / "none", _env_file=None)  # type: ignore[call-arg]
    urls = ["/enterprises/dx", "/projects/dxp", "/honours/gazelle", "/zones/rugao", "/projects?zone=rugao",
            "/enterprises?zone=rugao", "/honours?zone=rugao", "/search?q=东旭", "/documents", "/documents/sample"]
    with TestClient(create_app(settings, store=tripled)) as client:
        for url in urls:
            assert client.get(url).json() == api_client.get(url).json(), url
        investment = next(f for f in client.get("/projects/dxp").json()["facts"] if f["kind"] == "Investment")
        stats = client.get("/stats").json()
    assert investment["properties"]["amount"] == [2000000000] and len(investment["evidence"]) == 1
    assert (stats["quads"], stats["documents"]) == (3 * 54, 3)
    assert stats["classes"] == api_client.get("/stats").json()["classes"]
