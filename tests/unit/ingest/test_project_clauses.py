"""Projects listed one per clause with their amount after a comma, on INVENTED sentences."""

from __future__ import annotations

from typing import Any

from ingest.document import Document
from ingest.emit import to_gold_json
from ingest.pipeline import run

OPENING = "2023年5月,青松经济开发区举行重点项目集中开工仪式。\n"
LISTED = "其中,青松智造谷项目,总投资21.5亿元;白鹭维新健康饮品项目,总投资9亿元。\n"


def _facts(text: str, predicate: str) -> set[tuple[Any, ...]]:
    facts = to_gold_json(run(Document("t", "t.txt", OPENING + text)))["facts"]
    return {(f["s"], f.get("o", f.get("amount"))) for f in facts if f["p"] == predicate}


def test_project_then_a_comma_then_its_total_amount_is_named() -> None:
    assert {("青松智造谷项目", 2.15e9), ("白鹭维新健康饮品项目", 9e8)} <= _facts(LISTED, "investment")


def test_a_long_name_ending_in_industry_project_is_a_name_not_a_class() -> None:
    text = "蓝湖万通精细医药产业项目总投资13亿元。\n"
    assert ("蓝湖万通精细医药产业项目", 1.3e9) in _facts(text, "investment")


def test_a_short_class_ending_in_industry_project_stays_a_class() -> None:
    text = "全年新引进重大产业项目总投资80亿元。\n"
    assert not _facts(text, "investment")


def test_a_project_followed_by_what_it_will_build_is_named() -> None:
    text = "签约项目中,白鹭湖数字港项目将建设商务总部区;青禾支付综合结算项目将建设运营总部。\n"
    names = {s for s, _ in _facts(text, "locatedIn")}
    assert {"白鹭湖数字港项目", "青禾支付综合结算项目"} <= names


def test_a_project_done_on_schedule_is_named() -> None:
    text = "捷报频传:蓝湾精工公司新建车间项目如期交付。\n"
    assert ("蓝湾精工公司新建车间项目", "青松经济开发区") in _facts(text, "locatedIn")
