"""Whose sectors a text names (a province's or a city's key sectors, a ranking's field are not the zone's), and
sectors glued without a mark (invented sentences)."""

from __future__ import annotations

from ingest.extract.asset_industries import find_industries


def industries(text: str) -> list[str]:
    return [c.name for c in find_industries(text, [])]


def test_sectors_a_province_owns_are_not_the_zones() -> None:
    text = "签约的18个项目,涉及生物医药、新材料、现代物流等湖南的重点产业领域。"
    assert industries(text) == []


def test_sectors_a_city_owns_are_not_the_zones() -> None:
    assert industries("园区聚焦生物医药、新材料等衡阳市的重点产业。") == []


def test_a_list_without_an_owner_keeps_its_sectors() -> None:
    text = "签约的18个项目,涉及生物医药、新材料、现代物流等重点产业领域。"
    assert industries(text) == ["生物医药", "新材料", "现代物流"]


def test_field_of_a_ranking_is_no_sector() -> None:
    assert industries("该企业入选“青松百强”等数字经济热门榜单。") == []


def test_two_sectors_glued_in_a_headline_are_both_sectors() -> None:
    assert industries("青松经开区:聚焦新材料新能源 打造制造业高地") == ["新材料", "新能源"]
