"""Project shapes of real zone news, each on an INVENTED sentence: the project's name, amount,
investor and status as a reader of any zone's page would take them."""

from __future__ import annotations

from typing import Any

from ingest.document import Document
from ingest.emit import to_gold_json
from ingest.pipeline import run

OPENING = "2023年5月,青松经济开发区召开项目推进会。\n"


def _extract(text: str) -> dict[str, Any]:
    return to_gold_json(run(Document("t", "t.txt", OPENING + text)))


def _facts(text: str, predicate: str) -> set[tuple[Any, ...]]:
    return {(f["s"], f.get("o", f.get("amount"))) for f in _extract(text)["facts"] if f["p"] == predicate}


def _projects(text: str) -> set[str]:
    return {e["name"] for e in _extract(text)["entities"] if e["type"] == "Project"}


def test_project_then_dong_gong_is_started() -> None:
    text = "在新能源领域,蓝湾控股集团高效储能电池项目动工,总投资12亿元。\n"
    assert ("蓝湾控股集团高效储能电池项目", "started") in _facts(text, "status")
    assert ("蓝湾控股集团高效储能电池项目", 1.2e9) in _facts(text, "investment")


def test_bracketed_part_stays_in_the_project_name() -> None:
    text = "总投资2.5亿元的远帆机械有限公司(二期)项目,投产后年产值可达10亿元。\n"
    assert "远帆机械有限公司(二期)项目" in _projects(text)
    assert ("远帆机械有限公司(二期)项目", 2.5e8) in _facts(text, "investment")


def test_investment_amount_and_stated_investor_after_the_project() -> None:
    text = "禾丰冷链物流项目投资额1.5亿元,投资方为禾丰食品有限公司。\n"
    assert ("禾丰冷链物流项目", 1.5e8) in _facts(text, "investment")
    assert _facts(text, "investor") == {("禾丰冷链物流项目", "禾丰食品有限公司")}


def test_signing_amount_counts_as_the_project_amount() -> None:
    text = "其中,星澜智能装备项目签约额3亿元,投资方为星澜精工有限公司。\n"
    assert ("星澜智能装备项目", 3e8) in _facts(text, "investment")


def test_complex_with_total_investment_is_a_project_without_a_guessed_owner() -> None:
    text = "启明城市综合体总投资30亿元,将建设购物中心、写字楼等设施。\n"
    assert ("启明城市综合体", 3e9) in _facts(text, "investment")
    assert not _facts(text, "investor")


def test_driven_investment_is_not_the_project_amount() -> None:
    text = "北岭康养产业园项目建成后,带动投资5亿元。\n"
    assert not _facts(text, "investment")


def test_after_completion_is_a_prospect_not_a_status() -> None:
    text = "总投资6亿元的远帆精密轴承项目开工,建成后年产值可达20亿元。\n"
    assert _facts(text, "status") == {("远帆精密轴承项目", "started")}
