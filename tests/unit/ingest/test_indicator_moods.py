"""Periods and moods of indicator figures read against comparisons, cut-off dates and plans
(invented pages shaped like real reports)."""

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
