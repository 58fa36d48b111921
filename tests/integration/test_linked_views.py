"""/stats and /graph.json as JSON-LD by Accept: VoID counts and a hydra:Collection of the view's entities."""

from __future__ import annotations

from typing import Any

import rdflib

ZONE = rdflib.Namespace("https://w3id.org/zonekg/ontology#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
HYDRA = rdflib.Namespace("http://www.w3.org/ns/hydra/core#")
ZR = rdflib.Namespace("https://w3id.org/zonekg/resource/")
LD = {"Accept": "application/ld+json"}


def _graph(response: Any) -> rdflib.Graph:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/ld+json")
    assert response.headers["vary"] == "Accept"
    return rdflib.Graph().parse(data=response.text, format="json-ld")


def test_stats_as_jsonld_is_a_void_dataset_with_the_json_counts(api_client: Any) -> None:
    counts = api_client.get("/stats").json()
    graph = _graph(api_client.get("/stats", headers=LD))
    dataset = graph.value(predicate=rdflib.RDF.type, object=VOID.Dataset)
    assert dataset is not None
    assert graph.value(dataset, VOID.triples).toPython() == counts["quads"]
    assert graph.value(dataset, VOID.documents).toPython() == counts["documents"]
    partitions = {
        str(graph.value(p, VOID["class"])).removeprefix(str(ZONE)): graph.value(p, VOID.entities).toPython()
        for p in graph.objects(dataset, VOID.classPartition)
    }
    assert partitions == counts["classes"] and partitions["Enterprise"] == 1


def test_stats_prefers_json_unless_jsonld_is_preferred(api_client: Any) -> None:
    response = api_client.get("/stats", headers={"Accept": "application/ld+json;q=0.1, application/json"})
    assert response.headers["content-type"].startswith("application/json") and "quads" in response.json()
    assert api_client.get("/stats", headers={"Accept": "text/csv"}).status_code == 406


def test_graph_json_as_jsonld_has_the_ontology_links_of_the_view(api_client: Any) -> None:
    plain = api_client.get("/graph.json", params={"zone": "rugao"}).json()
    graph = _graph(api_client.get("/graph.json", params={"zone": "rugao"}, headers=LD))
    view = graph.value(predicate=rdflib.RDF.type, object=HYDRA.Collection)
    members = set(graph.objects(view, HYDRA.member))
    assert {str(m) for m in members} == {n["id"] for n in plain["nodes"]}
    assert graph.value(view, HYDRA.totalItems).toPython() == plain["total_nodes"]
    company, zone = ZR["enterprise/dx"], ZR["zone/rugao"]
    assert (company, ZONE.locatedIn, zone) in graph
    assert (zone, rdflib.RDF.type, ZONE.Zone) in graph and (zone, rdflib.RDF.type, ZONE.HighTechZone) in graph
    assert str(graph.value(zone, rdflib.RDFS.label)) == "如皋高新技术产业开发区"
    assert {str(a) for a in graph.objects(zone, rdflib.URIRef("http://www.w3.org/2004/02/skos/core#altLabel"))} == {
        "如皋高新区"
    }
    assert len(list(graph.triples((None, ZONE.locatedIn, None)))) == sum(
        1 for link in plain["links"] if link["predicate"] == "locatedIn"
    )
