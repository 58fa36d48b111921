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


@pytest.mark.parametrize(
    ("predicted", "gold", "matches"),
    [
        ("地区生产总值", "地区生产总值", True),
        ("规上工业总产值", "规上工业产值", True),  # bigram Dice >= 0.6
        ("工业总产值", "规上工业总产值", True),  # inside, at least half as long
        ("产值", "规上工业总产值", False),  # inside but under half
        ("固定资产投资", "进出口总额", False),
    ],
)
def test_evaluate_metric_rule(predicted: str, gold: str, matches: bool) -> None:
    from ingest.evaluate import metric_matches

    assert metric_matches(predicted, gold) is matches


def test_evaluate_slot_types_keep_a_company_alias_from_standing_in_for_a_project() -> None:
    gold = [{
        "doc": "d.txt",
        "entities": [
            {"type": "Enterprise", "name": "青松科技", "aliases": ["青松"]},
            {"type": "Project", "name": "青松科技", "aliases": ["青松科技项目"]},
        ],
        "facts": [{"s": "青松科技", "p": "investor", "o": "青松科技"}],
    }]

    def tp(fact: dict[str, Any]) -> int:
        report = score([{"doc": "d.txt", "entities": [], "facts": [fact]}], gold)
        return report["facts"]["by_predicate"]["investor"]["tp"]

    assert tp({"s": "青松科技项目", "p": "investor", "o": "青松"}) == 1
    assert tp({"s": "青松", "p": "investor", "o": "青松科技"}) == 0  # the company's alias is no project


def test_evaluate_scores_an_unreadable_document_as_empty_and_goes_on(tmp_path) -> None:
    import json

    from ingest.evaluate import evaluate_documents

    (tmp_path / "ok.txt").write_text("青松机器人有限公司落户南通开发区。", encoding="utf-8")
    (tmp_path / "bad.html").write_bytes(b"<html><body><script>x</script></body></html>")
    gold = tmp_path / "gold.jsonl"
    records = [{"doc": d, "entities": [{"type": "Zone", "name": "南通开发区", "aliases": []}], "facts": []}
               for d in ("bad.html", "missing.txt", "ok.txt")]
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    report = evaluate_documents(gold, tmp_path)
    assert [u["doc"] for u in report["unreadable"]] == ["bad.html", "missing.txt"]
    assert report["by_document"]["ok.txt"]["entities_f1"] > 0
    assert report["entities"]["by_type"]["Zone"]["fn"] == 2
    assert "unreadable, scored as empty: bad.html" in format_report(report)


def test_evaluate_report_lists_each_document_when_asked() -> None:
    from ingest.evaluate import score_by_document

    predictions = [{"doc": "d.txt", "entities": [{"type": "Zone", "name": "开发区", "aliases": []}], "facts": []}]
    report = {**score(predictions, GOLD), "by_document": score_by_document(predictions, GOLD)}
    assert report["by_document"]["d.txt"]["entities_f1"] == pytest.approx(0.5)
    assert "d.txt" in format_report(report, per_document=True)
    assert "d.txt" not in format_report(report)
