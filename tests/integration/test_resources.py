"""Entity IRIs dereference on the service: 303 to the data or the graph page, by Accept."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
import rdflib

from kg.namespaces import RESOURCE_IRI

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def _path(iri: str) -> str:
    return "/resource/" + iri.removeprefix(RESOURCE_IRI)


@pytest.mark.parametrize(
    ("accept", "location"),
    [
        ("application/json", "/enterprises/dx"),
        ("application/ld+json", "/enterprises/dx"),
        ("text/turtle", "/enterprises/dx"),
        (BROWSER, "/graph?focus=" + quote(RESOURCE_IRI + "enterprise/dx", safe="")),
    ],
)
def test_entity_iri_redirects_by_accept(api_client: Any, accept: str, location: str) -> None:
    answer = api_client.get(_path(RESOURCE_IRI + "enterprise/dx"), headers={"Accept": accept}, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == location
    assert answer.headers["vary"] == "Accept"


def test_following_the_iri_gives_its_triples(api_client: Any) -> None:
    iri = RESOURCE_IRI + "zone/rugao"
    answer = api_client.get(_path(iri), headers={"Accept": "application/ld+json"})
    graph = rdflib.Graph().parse(data=answer.text, format="json-ld")
    assert (rdflib.URIRef(iri), rdflib.RDF.type, rdflib.URIRef("https://w3id.org/zonekg/ontology#Zone")) in graph


def test_every_entity_iri_of_a_page_resolves(api_client: Any) -> None:
    for collection in ("zones", "enterprises", "projects", "honours"):
        for item in api_client.get(f"/{collection}").json()["items"]:
            answer = api_client.get(_path(item["iri"]), headers={"Accept": "application/json"})
            assert answer.status_code == 200 and answer.json()["iri"] == item["iri"]


def test_document_iri_redirects_to_the_document(api_client: Any) -> None:
    answer = api_client.get("/resource/doc/sample", follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/documents/sample")


@pytest.mark.parametrize("path", ["/resource/enterprise/nobody", "/resource/zone/dx", "/resource/doc/none"])
def test_unknown_iri_is_404(api_client: Any, path: str) -> None:
    answer = api_client.get(path, follow_redirects=False)
    assert answer.status_code == 404 and answer.json()["error"] == "not_found"


def test_unknown_kind_is_refused_and_csv_is_406(api_client: Any) -> None:
    assert api_client.get("/resource/evidence/s1", follow_redirects=False).status_code == 404
    answer = api_client.get("/resource/enterprise/dx", headers={"Accept": "text/csv"}, follow_redirects=False)
    assert answer.status_code == 406
