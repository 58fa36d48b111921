"""A city's goal of being an innovation centre is no carrier and no project (invented sentences)."""

from __future__ import annotations

from ingest.extract.asset_platforms import find_platforms
from ingest.extract.boundaries import is_fragment
from kg.model import EntityType


def test_city_and_innovation_centre_is_a_goal() -> None:
    assert find_platforms("园区已成为衡阳科创中心建设的重要承载区。") == []


def test_bare_innovation_centre_is_no_project() -> None:
    assert is_fragment(EntityType.PROJECT, "科技创新中心")


def test_branded_innovation_centre_is_a_carrier() -> None:
    assert [p.name for p in find_platforms("青松科创中心正式开园。")] == ["青松科创中心"]
