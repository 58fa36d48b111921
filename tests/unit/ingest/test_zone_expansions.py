"""A zone's expansion named after it is a project in that zone (INVENTED sentences)."""

from __future__ import annotations

from typing import Any

from ingest.document import Document
from ingest.emit import to_gold_json
from ingest.extract.entities import statuses_in
from ingest.pipeline import run

OPENING = "青松经济开发区上半年营业额增长。\n"


def _facts(text: str, predicate: str) -> set[tuple[Any, ...]]:
    facts = to_gold_json(run(Document("t", "t.txt", OPENING + text)))["facts"]
    return {(f["s"], f.get("o")) for f in facts if f["p"] == predicate}


def test_an_expansion_after_the_zone_name_is_a_project_in_that_zone() -> None:
    text = "持续推动青松经济开发区扩建2期计划,今年已完成土地取得,公共工程亦同步动工。\n"
    assert ("青松经济开发区扩建2期计划", "青松经济开发区") in _facts(text, "locatedIn")
    assert ("青松经济开发区扩建2期计划", "started") in _facts(text, "status")


def test_a_zone_extension_breaking_ground_is_started() -> None:
    text = "昨日举行青松经济开发区扩区动土典礼。\n"
    assert ("青松经济开发区扩区", "started") in _facts(text, "status")


def test_dong_tu_is_ground_breaking() -> None:
    assert statuses_in("扩区动土典礼") == ["started"]
