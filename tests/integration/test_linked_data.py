"""REST linked data: q-value negotiation, Vary, 406, and JSON-LD whose every term is the ontology's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import rdflib
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
ZONE = rdflib.Namespace("https://w3id.org/zonekg/ontology#")
ZR = rdflib.Namespace("https://w3id.org/zonekg/resource/")
HYDRA = "http://www.w3.org/ns/hydra/core#"
XSD = rdflib.XSD
LD = {"Accept": "application/ld+json"}
ONTOLOGY = rdflib.Graph().parse(ROOT / "ontology" / "zone.ttl")
DEFINED = {str(s) for s in ONTOLOGY.subjects() if isinstance(s, rdflib.URIRef)}


def _zone_terms(graph: rdflib.Graph) -> set[str]:
    """Every zone: IRI the graph uses as a predicate, a class or an object."""
    used = {str(p) for p in graph.predicates()} | {str(o) for o in graph.objects() if isinstance(o, rdflib.URIRef)}
    return {term for term in used if term.startswith(str(ZONE))}


def _ld(client: Any, path: str) -> rdflib.Graph:
    answer = client.get(path, headers=LD)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/ld+json")
    return rdflib.Graph().parse(data=answer.text, format="json-ld")


def test_enterprise_jsonld_carries_located_in_directly(api_client: Any) -> None:
    graph = _ld(api_client, "/enterprises/dx")
    assert (ZR["enterprise/dx"], ZONE.locatedIn, ZR["zone/rugao"]) in graph
    assert (ZR["enterprise/dx"], ZONE.awarded, ZR["honour/gazelle"]) in graph
    assert not [t for t in _zone_terms(graph) if t.endswith(("links", "predicate", "target", "direction"))]
    assert _zone_terms(graph) <= DEFINED


def test_project_jsonld_amount_is_decimal_and_status_an_ontology_individual(api_client: Any) -> None:
    graph = _ld(api_client, "/projects/dxp")
    amounts = list(graph.objects(None, ZONE.amount))
    assert [a.datatype for a in amounts] == [XSD.decimal] and int(amounts[0].toPython()) == 2_000_000_000
    statuses = list(graph.objects(None, ZONE.statusValue))
    assert statuses == [ZONE.signed]
    assert (ZONE.signed, rdflib.RDF.type, ZONE.ProjectStatus) in ONTOLOGY
    assert _zone_terms(graph) <= DEFINED



@pytest.mark.parametrize("collection", ["zones", "enterprises", "projects", "honours", "people", "platforms"])
def test_corpus_items_and_pages_use_only_ontology_terms(corpus_client: TestClient, collection: str) -> None:
    page = _ld(corpus_client, f"/{collection}?limit=5")
    assert _zone_terms(page) <= DEFINED
    members = list(page.objects(None, rdflib.URIRef(HYDRA + "member")))
    assert members
    for member in members:
        item = _ld(corpus_client, f"/{collection}/{str(member).rsplit('/', 1)[-1]}")
        assert _zone_terms(item) <= DEFINED
        assert (member, rdflib.RDFS.label, None) in item


def test_page_jsonld_is_a_hydra_collection_without_paging_terms(api_client: Any) -> None:
    graph = _ld(api_client, "/enterprises")
    collection = next(graph.subjects(rdflib.RDF.type, rdflib.URIRef(HYDRA + "Collection")))
    assert int(graph.value(collection, rdflib.URIRef(HYDRA + "totalItems"))) == 1
    assert (collection, rdflib.URIRef(HYDRA + "member"), ZR["enterprise/dx"]) in graph
    assert (ZR["enterprise/dx"], rdflib.RDF.type, ZONE.Enterprise) in graph
    assert _zone_terms(graph) <= DEFINED


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/ld+json;q=0.1, application/json", "application/json"),
        ("application/json;q=0.5, application/ld+json", "application/ld+json"),
        ("application/ld+json", "application/ld+json"),
        ("application/*", "application/json"),
        ("*/*", "application/json"),
        ("text/html, */*;q=0.1", "application/json"),
    ],
)
def test_accept_is_read_with_q_values(api_client: Any, accept: str, media_type: str) -> None:
    for path in ("/enterprises", "/enterprises/dx", "/search?q=东旭", "/documents", "/documents/sample"):
        answer = api_client.get(path, headers={"Accept": accept})
        # A document and a zone are also pages: a client preferring text/html gets the page.
        expected = "text/html" if accept.startswith("text/html") and path == "/documents/sample" else media_type
        assert answer.headers["content-type"].startswith(expected), path
        assert answer.headers["vary"] == "Accept", path


@pytest.mark.parametrize("path", ["/documents/sample", "/zones/rugao"])
def test_document_and_zone_are_pages_for_a_browser_and_json_for_others(api_client: Any, path: str) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = api_client.get(path, headers={"Accept": browser})
    assert page.headers["content-type"].startswith("text/html") and page.headers["vary"] == "Accept"
    assert "default-src 'none'" in page.headers["content-security-policy"]
    for accept in ("*/*", "application/json", "application/json, text/html;q=0.5"):
        assert api_client.get(path, headers={"Accept": accept}).headers["content-type"] == "application/json"
    assert api_client.get("/enterprises/dx", headers={"Accept": "text/html"}).status_code == 406


def test_item_as_turtle(api_client: Any) -> None:
    answer = api_client.get("/enterprises/dx", headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=answer.text, format="turtle")
    assert (ZR["enterprise/dx"], ZONE.locatedIn, ZR["zone/rugao"]) in graph
    assert answer.headers["vary"] == "Accept"


@pytest.mark.parametrize("path", ["/enterprises", "/enterprises/dx", "/documents"])
def test_nothing_acceptable_is_406(api_client: Any, path: str) -> None:
    answer = api_client.get(path, headers={"Accept": "text/csv, application/json;q=0"})
    assert answer.status_code == 406
    assert answer.json()["error"] == "not_acceptable"
    assert answer.headers["vary"] == "Accept"


def test_sparql_answers_vary_by_accept(api_client: Any) -> None:
    assert api_client.get("/sparql", params={"query": "ASK {}"}).headers["vary"] == "Accept"
    assert api_client.get("/sparql").headers["vary"] == "Accept"


def test_unknown_item_in_linked_data_is_404(api_client: Any) -> None:
    assert api_client.get("/enterprises/rugao", headers=LD).status_code == 404
    assert api_client.get("/enterprises/none", headers={"Accept": "text/turtle"}).status_code == 404
