from __future__ import annotations

import pytest

from kg.iri import doc_graph_iri, doc_id_from_graph, entity_iri, node_iri
from kg.model import EntityType


def test_iri_same_name_and_type_give_the_same_iri() -> None:
    assert entity_iri(EntityType.ENTERPRISE, "中天海缆") == entity_iri(EntityType.ENTERPRISE, "中天海缆")


def test_iri_is_stable_across_runs() -> None:
    # A fixed value: changing the minting scheme would orphan every stored graph.
    iri = entity_iri(EntityType.ZONE, "南通经济技术开发区")
    assert iri.value == "https://w3id.org/zonekg/resource/zone/4224fe5333c756e1"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((EntityType.ENTERPRISE, "华能"), (EntityType.PROJECT, "华能")),
        ((EntityType.ENTERPRISE, "华能"), (EntityType.ENTERPRISE, "华能集团")),
    ],
)
def test_iri_differs_by_type_or_name(a: tuple[EntityType, str], b: tuple[EntityType, str]) -> None:
    assert entity_iri(*a) != entity_iri(*b)


def test_iri_doc_graph_round_trips() -> None:
    assert doc_id_from_graph(doc_graph_iri("000_d6b4aef8aad70cf9")) == "000_d6b4aef8aad70cf9"


@pytest.mark.parametrize("bad", ["", "../etc", "a b", "x" * 300, "文档"])
def test_iri_doc_graph_refuses_unsafe_ids(bad: str) -> None:
    with pytest.raises(ValueError):
        doc_graph_iri(bad)


def test_iri_node_iri_depends_on_every_part() -> None:
    assert node_iri("investment", "p", "1") != node_iri("investment", "p", "2")
    assert node_iri("investment", "p", "1") == node_iri("investment", "p", "1")


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("南通经济技术开发区", "南通开发区"),
        ("如皋高新技术产业开发区", "如皋高新区"),
        ("江阴高新技术开发区", "江阴高新区"),
        ("港闸经济开发区", "港闸开发区"),
    ],
)
def test_iri_zone_full_and_short_forms_share_an_iri(full: str, short: str) -> None:
    assert entity_iri(EntityType.ZONE, full) == entity_iri(EntityType.ZONE, short)


def test_iri_zone_folding_keeps_different_places_apart() -> None:
    assert entity_iri(EntityType.ZONE, "南通开发区") != entity_iri(EntityType.ZONE, "如皋开发区")
    assert entity_iri(EntityType.ZONE, "南通高新区") != entity_iri(EntityType.ZONE, "南通开发区")
