"""Carrier endings met on zone pages of other provinces (invented names)."""

from __future__ import annotations

import pytest

from ingest.extract.asset_platforms import find_platforms


@pytest.mark.parametrize(("sentence", "name"), [
    ("白鹭澳门青年创业谷去年新引进项目21个。", "白鹭澳门青年创业谷"),
    ("园区运营的蓝湾新经济梦工厂新入驻企业13家。", "蓝湾新经济梦工厂"),
    ("作为工业设计集聚区的青松工业设计城,于去年试运营。", "青松工业设计城"),
])
def test_a_valley_a_dream_factory_and_a_design_city_are_carriers(sentence: str, name: str) -> None:
    assert name in {c.name for c in find_platforms(sentence)}


def test_a_valley_in_a_place_name_is_no_carrier() -> None:
    assert not find_platforms("项目位于白鹭山谷南侧。")


def test_a_district_before_yu_is_a_partner_not_part_of_the_name() -> None:
    found = {(c.name, c.zone_fact) for c in find_platforms("南岭设计城由青石区与东海工业设计城深度合作，共同打造。")}
    assert ("东海工业设计城", False) in found
    assert not any(name.startswith("青石区") for name, _ in found)


def test_a_single_character_before_he_starts_the_name() -> None:
    assert [c.name for c in find_platforms("投资15亿元的丰和堂药材产业园完成施工设计。")] == ["丰和堂药材产业园"]


def test_two_carriers_run_as_one_are_named_apart() -> None:
    found = [c.name for c in find_platforms("南岭发展·星河智算产业园暨南岭机器人创新产业园持续发力算力。")]
    assert found == ["星河智算产业园", "南岭机器人创新产业园"]


def test_a_name_joined_by_ji_stays_whole() -> None:
    assert [c.name for c in find_platforms("钨及钨合金材料研究院落户园区。")] == ["钨及钨合金材料研究院"]


def test_a_line_of_business_listed_beside_a_park_is_no_carrier() -> None:
    found = [c.name for c in find_platforms("先后引进建设了青松奶产业园、蓝湾危废综合利用等一批项目。")]
    assert found == ["青松奶产业园"]


@pytest.mark.parametrize(("sentence", "found"), [
    ("着手筹建青松高新人才创新发展研究院、人才发展基金。", ["青松高新人才创新发展研究院"]),
    ("园区推动发展孵化器。", []),
])
def test_a_verb_right_before_the_ending_is_part_of_a_name(sentence: str, found: list[str]) -> None:
    assert [c.name for c in find_platforms(sentence)] == found


def test_a_chain_of_kinds_of_carrier_is_no_carrier() -> None:
    assert not find_platforms("园区形成了“创业苗圃+孵化器+加速器”的阶梯式孵化体系。")


def test_a_wider_area_named_before_the_zone_is_no_carrier_of_it() -> None:
    assert not find_platforms("2024年,东部科学城青松高新区坚持创新驱动。")
    assert [c.name for c in find_platforms("园区建成青松孵化器，青松高新区企业入驻。")] == ["青松孵化器"]


def test_a_valley_counted_among_projects_stays_a_carrier() -> None:
    sentence = "意向建设白鹭航天金融服务小镇及青松大学科技园联盟(白鹭)科创谷等9个项目。"
    assert [c.name for c in find_platforms(sentence)] == ["青松大学科技园联盟(白鹭)科创谷"]
    assert find_platforms("意向建设青松检测中心、白鹭计量研究所等2个项目。") == []


@pytest.mark.parametrize("sentence", [
    "青松公司开发B2C(企业对消费者)电商交易平台,整合物流服务。",
    "本批签下的项目包括废旧物资交易平台、蓝湾供应链等项目。",
    "围绕跨境电商等新兴产业、科技金融服务平台和冷链物流等现代服务业开展招商。",
])
def test_a_platform_named_only_by_a_short_sector_word_is_a_kind_of_service(sentence: str) -> None:
    assert not [c for c in find_platforms(sentence) if c.name.endswith("平台")]


def test_a_platform_with_a_brand_or_a_place_is_a_carrier() -> None:
    assert [c.name for c in find_platforms("蓝湾大宗畜产品交易平台建成20家服务站。")] == ["蓝湾大宗畜产品交易平台"]
    found = [c.name for c in find_platforms("举行了江南省跨境电商公共服务平台揭牌仪式。")]
    assert found == ["江南省跨境电商公共服务平台"]
