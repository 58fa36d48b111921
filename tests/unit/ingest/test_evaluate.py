"""Scoring rules of FORMAT.md: alias and script-insensitive names, one match per gold item, 0.5 % numbers."""

from __future__ import annotations

from typing import Any

import pytest

from ingest.evaluate import format_report, score

GOLD = [{
    "doc": "d.txt",
    "entities": [
        {"type": "Zone", "name": "南通开发区", "aliases": ["开发区", "南通開發區"]},
        {"type": "Enterprise", "name": "中天科技海缆股份有限公司", "aliases": ["中天海缆"]},
        {"type": "Project", "name": "东旭科技项目", "aliases": []},
    ],
    "facts": [
        {"s": "中天科技海缆股份有限公司", "p": "locatedIn", "o": "南通开发区"},
        {"s": "东旭科技项目", "p": "investment", "amount": 2000000000, "currency": "CNY"},
        {"s": "东旭科技项目", "p": "status", "o": "signed", "year": 2021},
    ],
}]


def _score(entities: list[dict[str, Any]], facts: list[dict[str, Any]]) -> dict[str, Any]:
    return score([{"doc": "d.txt", "entities": entities, "facts": facts}], GOLD)


@pytest.mark.parametrize(
    ("name", "tp"),
    [("南通开发区", 1), ("南通開發區", 1), ("“开发区”", 1), ("南通", 0)],
)
def test_evaluate_entity_name_rules(name: str, tp: int) -> None:
    report = _score([{"type": "Zone", "name": name, "aliases": []}], [])
    assert report["entities"]["by_type"]["Zone"]["tp"] == tp


def test_evaluate_each_gold_entity_matches_once() -> None:
    twice = [{"type": "Enterprise", "name": "中天海缆", "aliases": []}] * 2
    counts = _score(twice, [])["entities"]["by_type"]["Enterprise"]
    assert (counts["tp"], counts["fp"], counts["fn"]) == (1, 1, 0)


@pytest.mark.parametrize(
    ("fact", "tp"),
    [
        ({"s": "中天海缆", "p": "locatedIn", "o": "开发区"}, 1),
        ({"s": "中天海缆", "p": "investor", "o": "开发区"}, 0),
        ({"s": "东旭科技项目", "p": "investment", "amount": 2009000000, "currency": "CNY"}, 1),
        ({"s": "东旭科技项目", "p": "investment", "amount": 2020000000, "currency": "CNY"}, 0),
        ({"s": "东旭科技项目", "p": "status", "o": "signed", "year": 2021}, 1),
        ({"s": "东旭科技项目", "p": "status", "o": "signed", "year": 2020}, 0),
    ],
)
def test_evaluate_fact_rules(fact: dict[str, Any], tp: int) -> None:
    assert _score([], [fact])["facts"]["by_predicate"][fact["p"]]["tp"] == tp


def test_evaluate_report_totals_and_table() -> None:
    report = _score([{"type": "Zone", "name": "开发区", "aliases": []}], [])
    assert report["entities"]["precision"] == 1.0
    assert report["entities"]["recall"] == pytest.approx(1 / 3, abs=1e-3)
    assert "Zone" in format_report(report) and "overall" in format_report(report)
