"""Periods, moods and subjects of indicator figures read against comparisons, cut-off dates, plans and the zone
opening a piece (invented pages shaped like real reports)."""

from __future__ import annotations

from dataclasses import replace

from ingest.document import Document
from ingest.extract.indicators import extract_indicators
from ingest.normalise import normalise
from ingest.segment import segment
from kg.model import EntityType

ZONE = (EntityType.ZONE, "青松高新技术产业开发区")


def _rows(text: str) -> dict[str, tuple[float, str | None, str]]:
    doc = segment(normalise(Document(doc_id="d", source_name="d.txt", raw=text, text=text)))
    _, facts = extract_indicators(replace(doc, home_zone=ZONE))
    return {f.attr("metric"): (f.attr("value"), f.attr("period"), f.attr("kind")) for f in facts}


def test_a_year_named_as_the_base_of_a_comparison_is_not_the_period() -> None:
    rows = _rows("2023-03-02\n省里公布2022年度园区评价结果,青松高新区综合排名升至第12位,较2021年度上升三位,"
                 "其中“创新能力”单项排名第8位。")
    assert rows["创新能力单项排名"] == (8.0, "2022", "actual")


def test_a_figure_measured_against_the_plan_is_what_was_done() -> None:
    rows = _rows("2016年,高新区40个技改项目均已完成,较年初计划多出12个。")
    assert {kind for _, _, kind in rows.values()} == {"actual"}
    assert any(value == 12.0 for value, _, _ in rows.values())


def test_a_plan_word_before_a_comma_makes_a_target() -> None:
    rows = _rows("今年,青松高新区全年计划,实施亿元以上项目60个,总投资300亿元。")
    assert {kind for _, _, kind in rows.values()} == {"target"}


def test_a_count_of_what_is_still_to_happen_is_a_target_after_a_stock_counted_to_a_date() -> None:
    rows = _rows("2019-04-20 09:10 来源:日报\n截至3月31日,高新区已开工项目40个,还有15个项目将在本月开工。")
    assert rows["开工项目"] == (40.0, "2019-Q1", "actual")
    assert rows["本月开工项目"] == (15.0, "2019", "target")


def test_a_stock_counted_to_a_months_end_covers_the_year_so_far() -> None:
    assert _rows("截至2021年6月底,高新区累计引进项目30个。")["累计引进项目"][1] == "2021-H1"
    assert _rows("截至2021年8月31日,高新区累计引进项目30个。")["累计引进项目"][1] == "2021-01/08"


def _subjects(text: str, home: str) -> dict[float, str]:
    doc = segment(normalise(Document(doc_id="d", source_name="d.txt", raw=text, text=text)))
    _, facts = extract_indicators(replace(doc, home_zone=(EntityType.ZONE, home)))
    return {f.attr("value"): f.subject[1] for f in facts}


def test_a_bonded_zone_or_a_park_opening_a_piece_of_a_city_event_owns_its_figures() -> None:
    subjects = _subjects("3月2日,青阳市举行重点项目集中签约大会,共签约项目50个,签约总金额300.5亿元。\n"
                         "据介绍,此次签约项目主要集中在纺织印染、竹木加工等产业。其中:青阳经济技术开发区签约项目12个,"
                         "总投资101.9亿元;白水县签约项目9个,总投资20.56亿元;黄山县签约项目7个,总投资11.2亿元;"
                         "东湖区签约项目6个,总投资8.3亿元;青阳综保区落地签约4个项目,总投资22.6亿元;"
                         "苏青产业园签约项目5个,总投资21.3亿元等。", "青阳经济技术开发区")
    assert set(subjects.items()) == {(12.0, "青阳经济技术开发区"), (10_190_000_000.0, "青阳经济技术开发区"),
                                     (4.0, "青阳综保区"), (2_260_000_000.0, "青阳综保区"),
                                     (5.0, "苏青产业园"), (2_130_000_000.0, "苏青产业园")}


def test_a_park_named_as_a_project_is_no_zone() -> None:
    subjects = _subjects("2023年,绿谷产业园项目、甲项目等19个项目集中签约。", "青阳经济技术开发区")
    assert set(subjects.values()) <= {"青阳经济技术开发区"}


def test_a_page_without_a_date_line_reports_the_year_of_the_event_it_tells_of() -> None:
    rows = _rows("上午,青松高新区召开2021年冬季招商项目集中签约活动,总投资90亿元的20个项目落地签约。\n"
                 "此外,甲科技、乙智能等生态圈8个项目签约。")
    assert {period for _, period, _ in rows.values()} == {"2021"}


def test_firms_counted_on_a_list_of_a_year_are_that_years() -> None:
    rows = _rows("发布日期:2023-02-17 09:40\n日前,市工信局公布《2022年度青阳市雏鹰培育企业名单》,"
                 "包括甲科技有限公司、乙材料有限公司等在内的8家青松高新区企业入选其中。")
    assert [period for value, period, _ in rows.values() if value == 8.0] == ["2022"]


def test_a_line_of_markup_left_by_the_publishing_system_gives_no_figures() -> None:
    assert _rows("--> 2024-03-11 青松高新区 2 1 晚报 content_5678.html 1 园区考评位次跃至全省第9 /property-->") == {}


def test_a_clause_opening_with_the_park_speaks_of_the_park_named_just_before() -> None:
    subjects = _subjects("2020年12月,青阳启动建设“青湖合作产业园”,园区规划用地面积3730亩。", "青阳经济技术开发区")
    assert subjects == {3730.0: "青湖合作产业园"}


def test_a_step_up_a_ranking_is_a_rank_change_named_after_the_ranking() -> None:
    rows = _rows("2023-03-05\n2022年,青松高新区综合评价排名跃升至第41位,较2021年度上升三个位次。")
    assert rows["综合评价排名较2021年度上升位次"] == (3.0, "2022", "actual")
    rows = _rows("2022年,力争全省排名升5位,工业投资增长12%。")
    assert rows["全省排名升位次"] == (5.0, "2022", "target")


def test_firms_about_to_list_are_a_kind_of_firm_not_a_plan() -> None:
    rows = _rows("2022年,园区新增高新技术企业20家、拟上市企业5家。")
    assert {kind for _, _, kind in rows.values()} == {"actual"}
    assert _rows("2022年,园区拟新增企业20家。")["拟新增企业"][2] == "target"


def test_what_a_park_is_estimated_able_to_yield_is_a_target() -> None:
    rows = _rows("青松高新区规划面积12平方公里,预估可带动投资30亿元、新增产值80亿元、提供就业岗位600个。")
    assert rows["规划面积"][2] == "actual"
    assert {kind for metric, (_, _, kind) in rows.items() if metric != "规划面积"} == {"target"}


def test_what_the_zone_adds_once_its_park_produces_is_a_target() -> None:
    rows = _rows("2023年,青松高新区的智造园区全面达产后新增年产值15亿元,新增税收1亿元。")
    assert {kind for _, _, kind in rows.values()} == {"target"}


def test_a_year_a_figure_is_a_multiple_of_is_no_period_and_its_yearly_average_spans_to_it() -> None:
    rows = _rows("2015年,青松高新区实现营业收入300亿元,是2010年的3倍,年均增长25%;实现税收12亿元,是2010年的4倍。")
    assert rows["税收"] == (1.2e9, "2015", "actual")
    assert rows["营业收入年均增长"] == (25.0, "2010-2015", "actual")


def test_a_change_from_the_same_period_a_year_before_continues_the_figure_before_it() -> None:
    rows = _rows("2024年上半年,青松高新区营业额800亿元,较2023年同期成长6.5%;出口总额达120亿元,"
                 "较去年同期增加15亿元。另从业人数达4,210人创历年新高。")
    assert rows["营业额成长"] == (6.5, "2024-H1", "actual")
    assert rows["出口总额增加"][0] == 1.5e9
    assert rows["从业人数"][0] == 4210.0


def test_the_year_a_zone_was_founded_is_no_period_of_its_stock() -> None:
    rows = _rows("成立于1995年的青松高新区,规划面积6.2平方公里,入园企业已有230家。")
    assert rows["入园企业"] == (230.0, None, "actual")
    assert rows["规划面积"][1] is None


def test_a_headline_figure_the_body_never_states_is_kept_and_one_it_restates_is_not() -> None:
    rows = _rows("青松高新区新签约项目12个\n今年前10个月,引进到位资金41.27亿元\n日期:2023-11-20\n"
                 "近日,青松高新区新签约项目12个。今年以来,园区新增入驻企业38家。\n")
    assert rows["引进到位资金"][0] == 4.127e9
    assert _rows("青松高新区新增入驻企业38家\n日期:2023-11-20\n今年以来,园区新增入驻企业38家。\n") == {
        "新增入驻企业": (38.0, "2023", "actual")}


def test_a_count_after_a_list_of_projects_counts_the_class_the_list_belongs_to() -> None:
    rows = _rows("2023年3月5日,青松高新区的开工项目有禾丰恒远标准厂房、青松云湖商业广场等9个,总投资20亿元;"
                 "竣工项目有双禾冷链食品加工等4个,总投资8.5亿元。")
    assert rows["开工项目"][0] == 9.0 and rows["竣工项目"][0] == 4.0
    assert rows["竣工项目总投资"][0] == 8.5e8
