"""Fact rules through the pipeline on short texts made of real corpus sentences."""

from __future__ import annotations

from typing import Any

import pytest

from ingest.document import Document
from ingest.emit import to_gold_json
from ingest.extract.years import document_year
from ingest.pipeline import run

REPORT = (
    "2021年,高新区抢抓机遇、开拓创新、真抓实干,经济社会各项工作取得了新成效。\n"
    "第四届中国·如皋第三代半导体晶体及装备论坛成功举办,高新区综合评价排名第4。\n"
    "2021年签约东旭科技20亿元项目1个,际弘半导体、弘远晶体10亿元项目2个,力瑞电子、宏景智能亿元项目2个。\n"
    "50亿元重特大项目正海磁材、10亿元重特大项目如天光电开工建设。\n"
    "正海磁材高性能稀土永磁体研发生产基地项目开工仪式\n"
    "卓远半导体、世睿电力分别被省科技厅评为潜在独角兽企业、瞪羚企业。\n"
    "区党工委副书记、管委会主任保德林出席会议并讲话。\n"
)


@pytest.fixture(scope="module")
def facts() -> list[dict[str, Any]]:
    return to_gold_json(run(Document("t", "t.txt", REPORT)))["facts"]


@pytest.mark.parametrize(
    "fact",
    [
        {"s": "东旭科技项目", "p": "investment", "amount": 2e9, "currency": "CNY"},
        {"s": "力瑞电子项目", "p": "investment", "amount": 1e8, "currency": "CNY"},
        {"s": "东旭科技项目", "p": "investor", "o": "东旭科技"},
        {"s": "弘远晶体项目", "p": "status", "o": "signed", "year": 2021},
        {"s": "正海磁材高性能稀土永磁体研发生产基地项目", "p": "status", "o": "started", "year": 2021},
        {"s": "正海磁材高性能稀土永磁体研发生产基地项目", "p": "investment", "amount": 5e9, "currency": "CNY"},
        {"s": "正海磁材高性能稀土永磁体研发生产基地项目", "p": "investor", "o": "正海磁材"},
        {"s": "东旭科技", "p": "locatedIn", "o": "如皋高新区"},
        {"s": "世睿电力", "p": "awarded", "o": "瞪羚企业", "year": 2021},
        {"s": "保德林", "p": "role", "o": "如皋高新区", "title": "管委会主任"},
    ],
)
def test_facts_extracted(facts: list[dict[str, Any]], fact: dict[str, Any]) -> None:
    assert fact in facts


def test_facts_signing_status_carries_along_the_sentence(facts: list[dict[str, Any]]) -> None:
    signed = {f["s"] for f in facts if f["p"] == "status" and f["o"] == "signed"}
    assert {"东旭科技项目", "际弘半导体项目", "弘远晶体项目", "力瑞电子项目", "宏景智能项目"} <= signed


def test_facts_plans_are_not_statuses() -> None:
    text = "港闸经济开发区2022年度工作计划\n推动塑之源、新帝克高性能单丝等项目及早开工。\n"
    facts = to_gold_json(run(Document("t", "t.txt", text)))["facts"]
    assert [f for f in facts if f["p"] == "status"] == []


@pytest.mark.parametrize(
    ("text", "year"),
    [("2019年全区工作。2019年度表彰。到2022年,力争。到2022年,确保。", 2019),
     ("从2022年营商环境50条。在2004年落户。顺利承办2024年南通马拉松赛。", 2024),
     ("没有年份。", None),
     # The end of a title's range is no reported year.
     ("2023年前三季度经济运行。落实《经开区产业升级行动方案(2023—2025年)》和《人才新政(2024-2026年)》。", 2023)],
)
def test_facts_document_year(text: str, year: int | None) -> None:
    assert document_year(text) == year


def test_facts_park_opening_a_sentence_locates_its_companies() -> None:
    text = ("江阴高新技术开发区召开2019年度工作总结大会。高新区全年工作取得新成效。\n"
            "青阳园区累计签约项目超过30个,3个项目完成土地摘牌,冉溪环保竣工投产。\n")
    facts = to_gold_json(run(Document("t", "t.txt", text)))["facts"]
    assert {"s": "冉溪环保", "p": "locatedIn", "o": "青阳园区"} in facts
    assert {"s": "冉溪环保项目", "p": "status", "o": "in_production", "year": 2019} in facts
    assert {"s": "冉溪环保项目", "p": "investor", "o": "冉溪环保"} in facts


def test_facts_project_after_its_investment_amount() -> None:
    text = ("嘉泰经济技术开发区2022年工作总结\n"
            "远钧新能源科技有限公司落户嘉泰经济技术开发区。\n"
            "2022年,远钧新能源科技有限公司总投资87亿元的远钧新能源生产基地项目开工建设。\n")
    facts = to_gold_json(run(Document("t", "t.txt", text)))["facts"]
    project = "远钧新能源生产基地项目"
    assert {"s": project, "p": "investment", "amount": 8.7e9, "currency": "CNY"} in facts
    assert {"s": project, "p": "investor", "o": "远钧新能源科技有限公司"} in facts
    assert {"s": project, "p": "status", "o": "started", "year": 2022} in facts


OTHER_ZONE = (
    "合肥高新区2023年工作回顾\n"
    "2023年,合肥高新区坚持创新驱动,全年签约亿元以上项目86个。\n"
    "新开工长鑫存储二期、晶合集成三期等项目32个,阳光电源储能基地等项目竣工投产。\n"
    "高新区党工委书记、管委会主任张泉出席签约仪式并致辞。\n"
    "成功获批国家知识产权示范园区。\n"
)


@pytest.mark.parametrize(
    "fact",
    [
        {"s": "长鑫存储二期", "p": "status", "o": "started", "year": 2023},
        {"s": "长鑫存储二期", "p": "investor", "o": "长鑫存储"},
        {"s": "阳光电源储能基地", "p": "status", "o": "in_production", "year": 2023},
        {"s": "张泉", "p": "role", "o": "合肥高新区", "title": "管委会主任"},
        {"s": "合肥高新区", "p": "awarded", "o": "国家知识产权示范园区", "year": 2023},
        {"s": "晶合集成三期", "p": "locatedIn", "o": "合肥高新区"},
    ],
)
def test_facts_report_of_another_zone(fact: dict[str, Any]) -> None:
    facts = to_gold_json(run(Document("t", "t.txt", OTHER_ZONE)))["facts"]
    assert fact in facts


def test_facts_statuses_stay_in_their_clause() -> None:
    facts = to_gold_json(run(Document("t", "t.txt", OTHER_ZONE)))["facts"]
    assert {"s": "长鑫存储二期", "p": "status", "o": "completed", "year": 2023} not in facts


NEW_TITLES = (
    "2024年上半年，昆明高新区召开经济形势分析会。"
    "党工委委员、管委会副主任李春梅通报了上半年经济运行情况。\n"
    "滇云动力获评国家级绿色工厂，云岭电子入选省级数字化车间。\n"
)


@pytest.mark.parametrize(
    "fact",
    [
        {"s": "李春梅", "p": "role", "o": "昆明高新区", "title": "党工委委员"},
        {"s": "李春梅", "p": "role", "o": "昆明高新区", "title": "管委会副主任"},
        {"s": "滇云动力", "p": "awarded", "o": "国家级绿色工厂", "year": 2024},
        {"s": "云岭电子", "p": "awarded", "o": "省级数字化车间", "year": 2024},
    ],
)
def test_facts_member_titles_and_factory_honours(fact: dict[str, Any]) -> None:
    facts = to_gold_json(run(Document("t", "t.txt", NEW_TITLES)))["facts"]
    assert fact in facts


FOLLOW_UPS = (
    "2023年，经开区重点项目加快建设。\n"
    "湘潭恒达装备有限公司投资26亿元建设液压件智能制造基地项目，已于8月竣工投产；"
    "总投资30亿元的岳麓微电子传感器产业园项目已完成主体结构封顶，预计年底投产。\n"
)


@pytest.mark.parametrize(
    ("fact", "present"),
    [
        ({"s": "液压件智能制造基地项目", "p": "status", "o": "completed", "year": 2023}, True),
        ({"s": "液压件智能制造基地项目", "p": "status", "o": "in_production", "year": 2023}, True),
        ({"s": "岳麓微电子传感器产业园项目", "p": "status", "o": "under_construction", "year": 2023}, True),
        # 预计年底投产 is a plan.
        ({"s": "岳麓微电子传感器产业园项目", "p": "status", "o": "in_production", "year": 2023}, False),
    ],
)
def test_facts_status_in_the_clause_after_the_project(fact: dict[str, Any], present: bool) -> None:
    facts = to_gold_json(run(Document("t", "t.txt", FOLLOW_UPS)))["facts"]
    assert (fact in facts) is present


def test_facts_list_items_lose_their_leading_verb() -> None:
    from ingest.extract.lists import find_lists

    hits = find_lists("兴办水环境整治、污水管网建设等10个为民办实事项目")
    assert [name for hit in hits for _, _, name in hit.items] == ["水环境整治"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("青松高新区蓝湾冷链物流项目已投入生产。\n", "in_production"),
        ("青松高新区启明光电模组项目已主体完工。\n", "under_construction"),
        ("青松高新区恒拓新材料项目完工。\n", "completed"),
        ("2023年,青松高新区全力推进10个重大项目。其中,包括总投资20亿元的蓝湾冷链物流项目。\n", "under_construction"),
        # a plan is no status
        ("青松高新区恒拓新材料项目计划年底完工。\n", None),
    ],
)
def test_facts_status_words_beyond_the_core_verbs(text: str, status: str | None) -> None:
    facts = to_gold_json(run(Document("t", "t.txt", text)))["facts"]
    assert [f["o"] for f in facts if f["p"] == "status"] == ([status] if status else [])


def test_facts_classes_counted_after_a_detail_keep_the_status_of_the_projects_counted() -> None:
    text = ("2022年,青松高新区集中开工项目18个,总投资61亿元。其中20亿元以上项目1个,是总投资22亿元的蓝湾冷链物流项目。"
            "5亿元以上项目2个,分别为总投资5.2亿元的启明光电模组项目,总投资5.1亿元的恒拓新材料项目。\n")
    facts = to_gold_json(run(Document("t", "t.txt", text)))["facts"]
    started = {f["s"] for f in facts if f["p"] == "status" and f["o"] == "started"}
    assert {"蓝湾冷链物流项目", "启明光电模组项目", "恒拓新材料项目"} <= started


def test_a_year_that_opens_a_history_is_not_the_report_year() -> None:
    from ingest.extract.years import document_year

    assert document_year("2019年,省里启动瞪羚企业评选以来,园区累计培育企业9家。") is None
    assert document_year("2019年,园区新增瞪羚企业9家。") == 2019


def test_a_carrier_that_wins_a_title_is_a_platform() -> None:
    from ingest.extract.award_facts import _carrier_as_platform
    from kg.model import EntityType

    assert _carrier_as_platform((EntityType.ENTERPRISE, "青松光电园")) == (EntityType.PLATFORM, "青松光电园")
    assert _carrier_as_platform((EntityType.ENTERPRISE, "青松机器人")) == (EntityType.ENTERPRISE, "青松机器人")
