"""Platform names: designations, apposed kinds, trips and deals bound or drop a carrier (invented sentences)."""

import pytest

from ingest.extract.asset_platforms import find_platforms


def _found(sentence: str) -> set[tuple[str, bool]]:
    return {(c.name, c.zone_fact) for c in find_platforms(sentence)}


@pytest.mark.parametrize("sentence", [
    "建设国家级中试基地和省级制造业创新中心。",
    "青松公司建有市级企业技术中心和博士后工作站。",
    "蓝湾冷链获评省级工程技术研究中心。",
])
def test_a_carrier_with_a_level_is_a_designation_not_a_name(sentence: str) -> None:
    assert not find_platforms(sentence)


def test_a_kind_set_before_the_name_is_not_part_of_it() -> None:
    assert _found("省级重点实验室青松新材料实验室通过验收。") == {("青松新材料实验室", True)}


@pytest.mark.parametrize(("sentence", "name"), [
    ("代表团赴青松科技城考察学习。", "青松科技城"),
    ("学习借鉴蓝湾科学园的先进经验。", "蓝湾科学园"),
])
def test_a_carrier_visited_or_learnt_from_is_not_hosted(sentence: str, name: str) -> None:
    assert _found(sentence) == {(name, False)}


def test_the_second_party_of_a_deal_is_not_joined_to_the_first() -> None:
    assert _found("青松电子与蓝湾大学白鹭研究院签订合作协议。") == {("蓝湾大学白鹭研究院", False)}
    assert [c.name for c in find_platforms("钨及钨合金材料研究院与青松大学签订协议。")] == ["钨及钨合金材料研究院"]


def test_a_pilot_base_and_an_incubation_centre_are_carriers() -> None:
    names = {c.name for c in find_platforms("市委书记先后来到青松中试基地、蓝湾创新育成中心调研。")}
    assert names == {"青松中试基地", "蓝湾创新育成中心"}


@pytest.mark.parametrize(("sentence", "name"), [
    ("园区今年引进青松股份、白鹭E谷、芯片封装等一批项目。", "白鹭E谷"),
    ("采访团走进白鹭药谷，目睹了园区的变化。", "白鹭药谷"),
])
def test_a_named_valley_of_a_sector_is_a_carrier(sentence: str, name: str) -> None:
    assert [c.name for c in find_platforms(sentence)] == [name]


@pytest.mark.parametrize("sentence", [
    "项目位于白鹭山谷南侧。", "市场走出低谷。", "青松和谷机电监测项目开工。", "与蓝湾光谷联合控股签约。",
])
def test_a_landform_a_figure_or_a_company_word_is_no_valley(sentence: str) -> None:
    assert not find_platforms(sentence)


@pytest.mark.parametrize("sentence", [
    "青松科技获批江南省企业技术中心。", "青松公司被认定为江南省重点实验室。", "园区新增江南省众创空间2家。",
])
def test_a_province_before_a_bare_kind_names_a_designation(sentence: str) -> None:
    assert not find_platforms(sentence)


def test_a_place_before_a_described_carrier_or_a_park_keeps_it() -> None:
    found = [c.name for c in find_platforms("举行了江南省跨境电商公共服务平台揭牌仪式。")]
    assert found == ["江南省跨境电商公共服务平台"]
    assert [c.name for c in find_platforms("白鹭市科技创业园开园。")] == ["白鹭市科技创业园"]


def test_a_count_of_kinds_is_no_carrier() -> None:
    assert not find_platforms("该园区共有孵化器、加速器、众创空间等双创载体18个。")


def test_an_institute_counted_among_companies_is_a_company() -> None:
    assert not find_platforms("片区已引进青松检测中心、蓝湾材料研究所等8家企业。")


def test_a_park_counted_among_companies_stays_a_carrier_and_a_firm_beside_it_does_not_join() -> None:
    assert [c.name for c in find_platforms("青松产业园、蓝湾公司等3家企业落户。")] == ["青松产业园"]


def test_carriers_spread_over_several_places_are_not_the_zones() -> None:
    sentence = "今年签约的青松乳业、蓝湾陶瓷产业园等9个项目，分别落户青松高新区、白鹭乡和蓝湾工业园。"
    assert _found(sentence) == {("蓝湾陶瓷产业园", False)}
    assert _found("青松产业园、蓝湾科技园分别位于园区东西两侧。") == {("青松产业园", True), ("蓝湾科技园", True)}


@pytest.mark.parametrize("sentence", [
    "双方在东坪举办飞地产业园投资推介会。",
    "该飞地产业园于今年1月开工建设。",
])
def test_a_verb_of_holding_or_a_demonstrative_is_no_part_of_a_carrier_s_name(sentence: str) -> None:
    assert {name for name, _ in _found(sentence)} <= {"飞地产业园"}
