"""Project lists whose head comes first (开工项目有A、B等N个; 项目N个,包括A、B), on INVENTED sentences."""

from __future__ import annotations

from typing import Any

from ingest.document import Document
from ingest.emit import to_gold_json
from ingest.extract.headed_lists import find_headed_lists
from ingest.pipeline import run

OPENING = "3月8日,青松经济开发区一批重大项目集中开工。\n"


def _facts(text: str, predicate: str) -> set[tuple[Any, ...]]:
    facts = to_gold_json(run(Document("t", "t.txt", OPENING + text)))["facts"]
    return {(f["s"], f.get("o")) for f in facts if f["p"] == predicate}


def _items(sentence: str) -> list[list[str]]:
    return [[name for _, _, name in hit.items] for hit in find_headed_lists(sentence)]


def test_items_after_you_run_to_the_count() -> None:
    sentence = "当天的开工项目有蓝湾标准厂房、白鹭冷链物流中心等9个,总投资25亿元。"
    assert _items(sentence) == [["蓝湾标准厂房", "白鹭冷链物流中心"]]


def test_items_after_a_counted_head_and_baokuo() -> None:
    sentence = "其中,先进制造业项目12个,包括东坪精密材料生产基地、青禾汽车零部件项目等,总投资80亿元。"
    assert _items(sentence) == [["东坪精密材料生产基地", "青禾汽车零部件项目"]]


def test_kinds_after_hangai_are_no_names() -> None:
    assert _items("民生项目60个,涵盖人才房、养老服务、学校改造等项目。") == []


def test_a_headed_list_takes_the_status_of_its_clause_and_the_zone() -> None:
    text = "当天的开工项目有蓝湾标准厂房、白鹭冷链物流中心等9个,总投资25亿元。\n"
    assert {("蓝湾标准厂房", "started"), ("白鹭冷链物流中心", "started")} <= _facts(text, "status")
    assert ("白鹭冷链物流中心", "青松经济开发区") in _facts(text, "locatedIn")


def test_a_description_before_a_dash_is_apposition_not_part_of_the_item() -> None:
    sentence = "竣工项目有白鹭肉类加工和园区首家世界500强企业——东坪饲料生产等6个。"
    assert _items(sentence) == [["白鹭肉类加工", "东坪饲料生产"]]


def test_works_listed_under_a_count_are_projects_not_companies() -> None:
    text = "服务业类项目3个,包括白鹭海归小镇、东坪创智谷、青松新罗酒店,总投资41亿元。\n"
    assert {"白鹭海归小镇", "东坪创智谷", "青松新罗酒店"} <= {s for s, _ in _facts(text, "status")}
    assert not _facts(text, "investor")
