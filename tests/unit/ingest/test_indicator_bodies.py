"""Figures of one named project, platform or company go to it, on invented sentences."""

from __future__ import annotations

from ingest.document import Document, Fact, Mention, Sentence
from ingest.extract.indicator_bodies import body_indicators
from ingest.pipeline import with_body_figures
from kg.model import EntityType, Predicate

ZONE = (EntityType.ZONE, "青松经济开发区")
P, F, E, Z = EntityType.PROJECT, EntityType.PLATFORM, EntityType.ENTERPRISE, EntityType.ZONE


def _doc(sentences: list[str], names: list[tuple[EntityType, str]]) -> tuple[Document, list[Mention]]:
    """A document of one paragraph per blank-free list of sentences, with a mention of every name found."""
    text, parts, mentions = "", [], []
    for index, sentence in enumerate(sentences):
        parts.append(Sentence(index, len(text), len(text) + len(sentence), sentence))
        for kind, name in names:
            at = sentence.find(name)
            if at >= 0:
                mentions.append(Mention(kind, name, len(text) + at, len(text) + at + len(name), index))
        text += sentence
    doc = Document(doc_id="d", source_name="d.txt", raw=text, text=text, sentences=tuple(parts), home_zone=ZONE)
    return doc, mentions


def _rows(sentences: list[str], names: list[tuple[EntityType, str]]) -> set[tuple[str, str, float, str, str]]:
    doc, mentions = _doc(sentences, names)
    return {(f.subject[1], f.attr("metric"), f.attr("value"), f.attr("unit"), f.attr("kind"))
            for f in body_indicators(doc, mentions)}


def test_a_project_that_opens_the_sentence_owns_its_land_and_floor_area() -> None:
    rows = _rows(["蓝湾冷链物流园项目占地约120亩,总建筑面积约8.6万平方米,总投资6亿元。"], [(P, "蓝湾冷链物流园项目")])
    assert ("蓝湾冷链物流园项目", "占地", 120.0, "mu", "actual") in rows
    assert ("蓝湾冷链物流园项目", "总建筑面积", 86000.0, "m2", "actual") in rows
    assert not any("投资" in metric for _, metric, *_ in rows)  # the amount is the project's investment fact


def test_yields_after_completion_are_targets_of_the_project() -> None:
    rows = _rows(["总投资2.4亿元的青松机器人减速器项目,投产后年营业额可达15亿元,带动就业600人。"],
                 [(P, "青松机器人减速器项目")])
    assert ("青松机器人减速器项目", "投产后年营业额", 1_500_000_000.0, "CNY", "target") in rows
    assert ("青松机器人减速器项目", "带动就业", 600.0, "count", "target") in rows


def test_figures_written_before_the_project_they_describe_are_its_own() -> None:
    rows = _rows(["占地面积12000平方米的启明光电封装基地项目主体工程竣工。"], [(P, "启明光电封装基地项目")])
    assert ("启明光电封装基地项目", "占地面积", 12000.0, "m2", "actual") in rows


def test_a_sentence_opening_with_project_points_back_to_the_last_project() -> None:
    rows = _rows(["白鹭新材料产业基地项目正式开工。", "项目建成后,年可实现销售收入3.2亿元、利税4000万元。"],
                 [(P, "白鹭新材料产业基地项目")])
    assert ("白鹭新材料产业基地项目", "年销售收入", 320_000_000.0, "CNY", "target") in rows
    assert ("白鹭新材料产业基地项目", "利税", 40_000_000.0, "CNY", "target") in rows


def test_a_short_name_of_the_last_project_points_back_to_it() -> None:
    rows = _rows(["白鹭新材料产业基地项目正式开工。", "白鹭基地项目新增用地90亩。"], [(P, "白鹭新材料产业基地项目")])
    assert ("白鹭新材料产业基地项目", "新增用地", 90.0, "mu", "actual") in rows


def test_a_platform_counts_its_users_and_firms() -> None:
    rows = _rows(["青松农产品电子交易中心注册用户2000余人、入驻商家300余户,成交总额达2.5亿元。"],
                 [(F, "青松农产品电子交易中心")])
    assert ("青松农产品电子交易中心", "注册用户", 2000.0, "count", "actual") in rows
    assert ("青松农产品电子交易中心", "入驻商家", 300.0, "count", "actual") in rows
    assert ("青松农产品电子交易中心", "成交总额", 250_000_000.0, "CNY", "actual") in rows


def test_a_project_counts_no_firms_and_list_members_own_nothing() -> None:
    rows = _rows(["蓝湾冷链项目、启明光电项目等工业项目8个集中签约,新引进企业12家。"],
                 [(P, "蓝湾冷链项目"), (P, "启明光电项目")])
    assert rows == set()


def test_a_zone_named_after_the_body_takes_its_clauses_back() -> None:
    rows = _rows(["青松创业谷累计孵化企业120家,白鹭产业园新签约项目3个。"], [(F, "青松创业谷"), (Z, "白鹭产业园")])
    assert ("青松创业谷", "累计孵化企业", 120.0, "count", "actual") in rows
    assert not any(metric == "新签约项目" for _, metric, *_ in rows)


def test_a_body_figure_replaces_the_zone_reading_of_the_same_figure() -> None:
    zone_fact = Fact(Predicate.INDICATOR, ZONE, None, 3, (("metric", "利税"), ("value", 4e7), ("unit", "CNY")))
    other = Fact(Predicate.INDICATOR, ZONE, None, 3, (("metric", "签约项目"), ("value", 5.0), ("unit", "count")))
    body = Fact(Predicate.INDICATOR, (P, "甲项目"), None, 3, (("metric", "利税"), ("value", 4e7), ("unit", "CNY")))
    assert with_body_figures([zone_fact, other], [body]) == [other, body]


def test_a_zone_or_investor_named_in_an_earlier_clause_leaves_the_figures_to_the_project() -> None:
    rows = _rows(["蓝湾冷链仓储项目位于青松工业园北区,投资主体为白鹭物流集团,新增用地80亩,总规划300亩。"],
                 [(P, "蓝湾冷链仓储项目"), (Z, "青松工业园"), (E, "白鹭物流集团")])
    assert ("蓝湾冷链仓储项目", "新增用地", 80.0, "mu", "actual") in rows
    assert ("蓝湾冷链仓储项目", "总规划", 300.0, "mu", "target") in rows  # an area needs no quantity word


def test_a_body_named_in_the_figures_own_clause_takes_it() -> None:
    rows = _rows(["蓝湾冷链仓储项目开工,白鹭物流集团年营业收入12亿元。"],
                 [(P, "蓝湾冷链仓储项目"), (E, "白鹭物流集团")])
    assert not any(subject == "蓝湾冷链仓储项目" for subject, *_ in rows)


def test_a_yearly_capacity_is_named_by_the_product_it_counts() -> None:
    sentences = ["白鹭化工新材料项目正式开工。",
                 "项目建成后可实现年产12万吨环保涂料,年加工30万吨原油的配套装置同步建设。"]
    rows = _rows(sentences, [(P, "白鹭化工新材料项目")])
    assert ("白鹭化工新材料项目", "年产环保涂料", 120_000.0, "t", "target") in rows
    assert ("白鹭化工新材料项目", "年加工原油", 300_000.0, "t", "target") in rows


def test_investment_completed_so_far_is_the_projects_indicator_but_its_total_is_not() -> None:
    rows = _rows(["青松智能装备项目总投资6亿元,已完成投资2.5亿元。"], [(P, "青松智能装备项目")])
    assert ("青松智能装备项目", "已完成投资", 250_000_000.0, "CNY", "actual") in rows
    assert not any(value == 600_000_000.0 for *_, value, _, _ in rows)


def test_the_mood_of_a_yield_is_read_but_left_out_of_its_name() -> None:
    rows = _rows(["总投资9亿元的青松精密铸件项目,达产后可实现年产值18亿元,年可实现税收6000万元。"],
                 [(P, "青松精密铸件项目")])
    assert ("青松精密铸件项目", "达产后年产值", 1_800_000_000.0, "CNY", "target") in rows
    assert ("青松精密铸件项目", "年税收", 60_000_000.0, "CNY", "target") in rows


def test_a_capacity_the_projects_name_holds_is_not_restated_as_its_figure() -> None:
    name = "青松化工有限公司年产8万吨环保涂料项目"
    rows = _rows([f"{name}总投资5亿元,已完成投资1.2亿元,建成投产后可实现年产环保涂料8万吨。"], [(P, name)])
    assert {metric for _, metric, *_ in rows} == {"已完成投资"}


def test_a_capacity_inside_a_project_name_the_tagger_cut_short_is_no_figure() -> None:
    rows = _rows(["蓝湾新材料有限公司开工建设年产30万吨新能源材料项目。"], [(E, "蓝湾新材料有限公司")])
    assert rows == set()


def test_a_yield_after_a_project_the_company_builds_is_not_the_companys() -> None:
    rows = _rows(["在签约的项目中,蓝湾精工有限公司投资2亿美元,建设精密轴承生产基地项目,达产后预计年产值30亿元。"],
                 [(E, "蓝湾精工有限公司"), (P, "精密轴承生产基地项目")])
    assert not any(subject == "蓝湾精工有限公司" for subject, *_ in rows)
