"""Boundary clean-up of company and project names (invented names)."""

from __future__ import annotations

import pytest

from ingest.extract.boundaries import clean, generic_only
from kg.model import EntityType

E, P = EntityType.ENTERPRISE, EntityType.PROJECT


@pytest.mark.parametrize(
    ("etype", "raw", "name"),
    [
        (P, "随着星澜钠电池产业化项目", "星澜钠电池产业化项目"),
        (E, "如杭州微衡智能科技有限公司", "杭州微衡智能科技有限公司"),
        (E, "已引入青松机器人", "青松机器人"),
        (E, "先后引入蓝湾冷链", "蓝湾冷链"),
        (P, "察看启明光电模组项目", "启明光电模组项目"),
        (P, "总投资50亿元的恒拓新材料项目", "恒拓新材料项目"),
        (E, "包括苏州远帆材料科技有限公司", "苏州远帆材料科技有限公司"),
        (P, "先后有禾丰食品加工项目", "禾丰食品加工项目"),
        (E, "像华鼎电子公司", "华鼎电子公司"),
        (E, "另青禾公司", "青禾公司"),  # 另 opens the clause "另X公司从事…"
        (P, "中的北岭物流园项目", "北岭物流园项目"),
    ],
)
def test_glued_words_are_trimmed(etype: EntityType, raw: str, name: str) -> None:
    cleaned = clean(etype, raw)
    assert cleaned is not None
    assert cleaned.name == name
    assert raw[cleaned.left:len(raw) - cleaned.right] == name


@pytest.mark.parametrize(
    ("etype", "name"),
    [
        (E, "如意光电"),  # 如意 is a word: the 如 is part of the name
        (E, "如澜光电"),  # a bare 如 before a brand is kept (no place or legal name follows)
        (E, "远帆材料科技有限公司"),
        (P, "蓝湾冷链物流项目"),
        (E, "长安远航"),  # a place name before a non-business word is a brand
    ],
)
def test_names_are_kept_whole(etype: EntityType, name: str) -> None:
    cleaned = clean(etype, name)
    assert cleaned is not None and cleaned.name == name


@pytest.mark.parametrize(
    ("etype", "name"),
    [
        (E, "总投资"),
        (E, "新能源装备"),
        (E, "统筹协调"),
        (E, "特种焊接材料"),
        (E, "医药健康"),
        (E, "羊毛"),
        (E, "产值过"),
        (P, "生物医药产业项目"),
        (P, "全区新签约"),
        (P, "总投资1亿美元及"),
    ],
)
def test_fragments_are_vetoed(etype: EntityType, name: str) -> None:
    assert clean(etype, name) is None


def test_generic_only_needs_every_part_generic() -> None:
    assert generic_only("医药健康")
    assert not generic_only("晶澜医药")


def test_joined_events_keep_the_last() -> None:
    cleaned = clean(P, "示范园区揭牌暨青川总部经济大楼")
    assert cleaned is not None and cleaned.name == "青川总部经济大楼"


@pytest.mark.parametrize("name", ["先进制造业项目", "新一代信息技术产业项目", "生物医药项目"])
def test_industries_are_no_projects(name: str) -> None:
    assert clean(P, name) is None


@pytest.mark.parametrize(
    ("etype", "raw", "name"),
    [
        (P, "仍有澜庭盛世通用厂房", "澜庭盛世通用厂房"),
        (E, "力促青岚机器人", "青岚机器人"),
    ],
)
def test_more_lead_words(etype: EntityType, raw: str, name: str) -> None:
    cleaned = clean(etype, raw)
    assert cleaned is not None and cleaned.name == name


def test_numbered_headings_are_no_names() -> None:
    assert clean(P, "二、跟进洽谈项目") is None


@pytest.mark.parametrize("name", ["污水处理项目", "光伏发电项目", "集中供热项目"])
def test_works_named_by_common_words_are_projects(name: str) -> None:
    cleaned = clean(P, name)
    assert cleaned is not None and cleaned.name == name


def test_a_bare_zone_word_glued_before_a_company_is_cut() -> None:
    from ingest.extract.boundaries import clean

    cleaned = clean(EntityType.ENTERPRISE, "高新区青松电子")
    assert cleaned is not None and cleaned.name == "青松电子"
    assert clean(EntityType.ENTERPRISE, "高新区共有") is None
    kept = clean(EntityType.ENTERPRISE, "园区集团")
    assert kept is not None and kept.name == "园区集团"  # nothing but an ending would be left


def test_brands_with_machine_endings_before_a_review_verb() -> None:
    from ingest.extract.entities import find_brands

    assert [hit.name for hit in find_brands("蓝湾风机通过复核,")] == ["蓝湾风机"]


def test_countries_by_their_short_forms_are_no_company() -> None:
    from ingest.extract.boundaries import is_fragment, names_countries
    from kg.model import EntityType

    assert names_countries("欧美") and names_countries("中马合资公司")
    assert is_fragment(EntityType.ENTERPRISE, "韩日")
    assert not is_fragment(EntityType.ENTERPRISE, "中德青松机器人有限公司")


def test_output_words_and_a_glued_you_are_no_company() -> None:
    from ingest.extract.boundaries import clean, is_fragment
    from kg.model import EntityType

    assert is_fragment(EntityType.ENTERPRISE, "年产")
    cleaned = clean(EntityType.ENTERPRISE, "又有青松包装")
    assert cleaned is not None and cleaned.name == "青松包装"
