"""The ontology parses, matches the code's vocabulary, and its shapes accept good data and reject bad."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import OWL, RDF, Dataset, Graph, URIRef

from kg.model import EntityType, Predicate
from kg.namespaces import ZONE_IRI, ZONE_TERMS

ONTOLOGY = Path(__file__).resolve().parents[3] / "ontology"
DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "zone.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl")


def sample_graph() -> Graph:
    ds = Dataset()
    ds.parse(DATA / "sample.trig", format="trig")
    merged = Graph()
    for triple in ds.triples((None, None, None, None)):  # type: ignore[arg-type]
        merged.add(triple[:3])
    return merged


def local_names(graph: Graph) -> set[str]:
    return {str(s)[len(ZONE_IRI):] for s in graph.subjects() if str(s).startswith(ZONE_IRI)}


def test_ontology_declares_exactly_the_code_vocabulary(ontology: Graph) -> None:
    assert local_names(ontology) == set(ZONE_TERMS)


@pytest.mark.parametrize("entity_type", list(EntityType))
def test_ontology_entity_types_are_owl_classes(ontology: Graph, entity_type: EntityType) -> None:
    assert (URIRef(ZONE_IRI + entity_type.value), RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("predicate", list(Predicate))
def test_ontology_predicates_are_properties(ontology: Graph, predicate: Predicate) -> None:
    assert (URIRef(ZONE_IRI + predicate.value), RDF.type, OWL.ObjectProperty) in ontology


def test_shapes_accept_the_sample_graph(ontology: Graph, shapes: Graph) -> None:
    conforms, _, report = validate(sample_graph(), shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    assert conforms, report


@pytest.mark.parametrize(
    "bad",
    [
        # investment without a currency
        "zr:i a zone:Investment ; zone:amount 5.0 ; zone:evidence zr:e .",
        # amount as a string
        'zr:i a zone:Investment ; zone:amount "20亿" ; zone:currency "CNY" ; zone:evidence zr:e .',
        # an enterprise without a label
        "zr:c a zone:Enterprise .",
        # a status event with an unknown status
        "zr:s a zone:StatusEvent ; zone:statusValue zone:Zone ; zone:evidence zr:e .",
        # an indicator whose kind is neither actual nor target
        'zr:k a zone:IndicatorObservation ; zone:metric "产值"@zh ; zone:value 1.0 ; zone:unit "CNY" ;'
        " zone:kind zone:signed ; zone:evidence zr:e .",
    ],
)
def test_shapes_reject_malformed_facts(ontology: Graph, shapes: Graph, bad: str) -> None:
    prefixes = (
        "@prefix zone: <https://w3id.org/zonekg/ontology#> . @prefix zr: <https://w3id.org/zonekg/resource/> .\n"
        "zr:e a zone:Evidence ; zone:sentenceText \"x\" ; zone:charStart 0 ; zone:charEnd 1 ; zone:inDocument zr:d .\n"
        "zr:d a zone:Document ; zone:docId \"d\" ; zone:contentHash \"h\" .\n"
    )
    data = Graph().parse(data=prefixes + bad, format="turtle")
    conforms, _, _ = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    assert not conforms
