"""RDF → NetworkX: entities as nodes, binary facts as edges, n-ary facts folded into attributes."""

from __future__ import annotations

import networkx as nx
import pytest
from pyoxigraph import Literal, NamedNode, Triple

from kg.namespaces import RDF, RDFS, ZONE, ZR
from viz.graph import entity_type_of, format_number, to_networkx

ZONE_IRI = ZR["zone/rugao"].value
ENTERPRISE = ZR["enterprise/dx"].value
PROJECT = ZR["project/dxp"].value
HONOUR = ZR["honour/gazelle"].value


def test_graph_entities_become_nodes_with_chinese_labels_and_types(sample_view_graph: nx.MultiDiGraph) -> None:
    assert set(sample_view_graph.nodes) == {ZONE_IRI, ENTERPRISE, PROJECT, HONOUR}
    zone = sample_view_graph.nodes[ZONE_IRI]
    assert (zone["label"], zone["type"], zone["subtype"], zone["aliases"]) == (
        "如皋高新技术产业开发区", "Zone", "HighTechZone", "如皋高新区")
    assert sample_view_graph.nodes[ENTERPRISE]["type"] == "Enterprise"


def test_graph_binary_facts_become_labelled_edges(sample_view_graph: nx.MultiDiGraph) -> None:
    edges = {(u, v, d["predicate"], d["label"]) for u, v, d in sample_view_graph.edges(data=True)}
    assert (ENTERPRISE, ZONE_IRI, "locatedIn", "位于") in edges
    assert (PROJECT, ENTERPRISE, "investor", "投资方") in edges
    assert sample_view_graph.number_of_edges() == 4


def test_graph_project_carries_amount_and_status(sample_view_graph: nx.MultiDiGraph) -> None:
    project = sample_view_graph.nodes[PROJECT]
    assert project["amount"] == 2_000_000_000.0
    assert (project["currency"], project["status"], project["status_year"]) == ("CNY", "signed", "2021")


def test_graph_award_year_folds_into_awarded_edge(sample_view_graph: nx.MultiDiGraph) -> None:
    (data,) = sample_view_graph.get_edge_data(ENTERPRISE, HONOUR).values()
    assert (data["predicate"], data["year"], data["label"]) == ("awarded", "2021", "获评 2021")


def test_graph_zone_indicators_become_text(sample_view_graph: nx.MultiDiGraph) -> None:
    assert sample_view_graph.nodes[ZONE_IRI]["indicators"] == "地区生产总值 428亿 CNY 2022-H1"


def test_graph_leaves_out_evidence_statements_and_documents(sample_view_graph: nx.MultiDiGraph) -> None:
    assert not any("/evidence/" in n or "/fact/" in n or "/doc/" in n for n in sample_view_graph.nodes)


def test_graph_attributes_are_scalars(sample_view_graph: nx.MultiDiGraph) -> None:
    values = [v for _, d in sample_view_graph.nodes(data=True) for v in d.values()]
    values += [v for _, _, d in sample_view_graph.edges(data=True) for v in d.values()]
    assert all(isinstance(v, str | int | float) for v in values)


def test_graph_investments_of_one_project_add_up() -> None:
    project, a, b = ZR["project/p"], ZR["investment/a"], ZR["investment/b"]
    triples = [
        Triple(project, RDF.type, ZONE.Project), Triple(project, RDFS.label, Literal("扩建项目", language="zh")),
        Triple(project, ZONE.investment, a), Triple(project, ZONE.investment, b),
        Triple(a, ZONE.amount, Literal("150000000", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))),
        Triple(b, ZONE.amount, Literal("50000000", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))),
        Triple(a, ZONE.currency, Literal("CNY")),
    ]
    assert to_networkx(triples).nodes[project.value]["amount"] == 200_000_000.0


@pytest.mark.parametrize(
    ("types", "expected"),
    [
        ({"Zone", "HighTechZone"}, ("Zone", "HighTechZone")),
        ({"IndustrialPark"}, ("Zone", "IndustrialPark")),
        ({"Enterprise"}, ("Enterprise", "")),
        ({"Industry"}, ("Industry", "")),
        ({"Investment"}, (None, "")),
        (set(), (None, "")),
    ],
)
def test_graph_entity_type_of_class_names(types: set[str], expected: tuple[str | None, str]) -> None:
    etype, subtype = entity_type_of(types)
    assert (etype.value if etype else None, subtype) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [(2_000_000_000, "20亿"), (150_000_000, "1.5亿"), (35_000, "3.5万"), (9_999, "9999"), (0.5, "0.5")],
)
def test_graph_format_number_in_chinese_magnitudes(value: float, text: str) -> None:
    assert format_number(value) == text
