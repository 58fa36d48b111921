"""Generic rules found wanting on unseen documents (a bonded zone's signing news, a 台商投资区 report in Big5)."""

from __future__ import annotations

import pytest

from ingest.document import Document
from ingest.extract.asset_platforms import find_platforms
from ingest.extract.entities import find_brands, find_projects_by
from ingest.extract.home_zone import find_home_zone
from ingest.extract.indicator_phrases import clean_metric
from ingest.extract.short_names import abbreviates_named_company
from ingest.extract.zones import find_zone_names
from ingest.load import load_bytes
from ingest.pipeline import run
from kg.model import EntityType, Predicate


def _run(text: str, encoding: str = "utf-8") -> Document:
    return run(load_bytes(text.encode(encoding), "news.txt"))


def test_taiwan_investment_zone_is_a_zone() -> None:
    assert [z.name for _, _, z in find_zone_names("莆田台商投资区党工委书记出席活动并致辞")] == ["莆田台商投资区"]
    home = find_home_zone("6月20日,莆田台商投资区举行集中签约活动。莆田台商投资区被评为示范区。")
    assert home is not None and home.name == "莆田台商投资区"


def test_settling_verb_is_no_place_name() -> None:
    """落户台商投资区智能制造产业园: 落户 is the verb, not the zone's place."""
    assert [z.name for _, _, z in find_zone_names("项目落户台商投资区智能制造产业园")] == []


@pytest.mark.parametrize(
    ("segment", "zone", "metric"),
    [("莆田台商投资区实现规模以上工业总产值", "莆田台商投资区", "规模以上工业总产值"),
     ("南宁综保区实现进出口总额", "南宁综合保税区", "进出口总额")],
)
def test_metric_drops_zone_subject_of_other_zone_kinds(segment: str, zone: str, metric: str) -> None:
    assert clean_metric(segment, money=True, zone=zone) == metric


def test_headline_figures_are_not_indicators() -> None:
    text = ("莆田台商投资区举行第二季度重点项目集中签约活动 签约总额逾60亿元\n"
            "6月20日,莆田台商投资区举行2024年第二季度重点项目集中签约活动,共有9个项目集中签约,总投资62亿元。\n")
    metrics = [f.attr("metric") for f in _run(text).facts if f.predicate is Predicate.INDICATOR]
    assert metrics == ["集中签约项目", "集中签约项目总投资"]


def test_brand_after_by_drops_the_preposition() -> None:
    hits = find_brands("项目建设方面,由漳联光电投资建设的光学膜材料项目已于5月竣工投产")
    assert [(h.name, h.start) for h in hits] == [("漳联光电", 8)]


def test_project_built_by_a_clause_opening_company() -> None:
    sentence = ("由邕江智造科技有限公司投资建设的新能源电池材料项目已于3月开工建设,总投资15亿元;"
                "桂韵供应链投资建设的跨境电商监管中心项目已于4月竣工投产。")
    assert [(h.name, h.investor) for h in find_projects_by(sentence)] == [
        ("新能源电池材料项目", "邕江智造科技有限公司"), ("跨境电商监管中心项目", "桂韵供应链")]


def test_short_form_of_a_named_company() -> None:
    text = "桂韵跨境电商供应链有限公司投资5亿元建设东盟跨境电商分拨中心项目。"
    assert abbreviates_named_company("桂韵供应链", text)
    assert not abbreviates_named_company("供应链", text)
    assert not abbreviates_named_company("星河供应链", text)


def _facts(doc: Document, predicate: Predicate) -> set[tuple[str, ...]]:
    names = {e.key: e.name for e in doc.entities}
    return {(names.get(f.subject, f.subject[1]), str(f.attr("status") or names.get(f.obj, "")))
            for f in doc.facts if f.predicate is predicate}


def test_short_named_investor_and_started_project() -> None:
    text = ("南宁综合保税区举行重点项目集中签约仪式。桂韵跨境电商供应链有限公司投资5亿元建设东盟跨境电商分拨中心项目。"
            "项目建设方面,由邕江智造科技有限公司投资建设的新能源电池材料项目已于3月开工建设,总投资15亿元;"
            "桂韵供应链投资建设的跨境电商监管中心项目已于4月竣工投产。\n")
    doc = _run(text)
    assert ("跨境电商监管中心项目", "桂韵跨境电商供应链有限公司") in _facts(doc, Predicate.INVESTOR)
    statuses = _facts(doc, Predicate.STATUS)
    assert {("新能源电池材料项目", "started"), ("新能源电池材料项目", "under_construction"),
            ("跨境电商监管中心项目", "completed"), ("跨境电商监管中心项目", "in_production")} <= statuses


def test_stated_investor_is_not_guessed_from_project_name() -> None:
    """保税生物制品研发中心项目 is built by the company the sentence names, not by a "保税生物"."""
    doc = _run("南宁综合保税区举行集中签约仪式。岭澜生物科技有限公司投资8000万元建设保税生物制品研发中心项目。\n")
    enterprises = sorted(e.name for e in doc.entities if e.type is EntityType.ENTERPRISE)
    assert enterprises == ["岭澜生物科技有限公司"]


def test_big5_traditional_news_yields_simplified_zone() -> None:
    doc = _run("莆田台商投資區舉行集中簽約活動。莆田台商投資區黨工委書記蔡明哲出席活動並致辭。\n", "big5")
    assert doc.home_zone == (EntityType.ZONE, "莆田台商投资区")


def test_entrepreneurship_base_is_a_platform() -> None:
    assert [p.name for p in find_platforms("建成两岸青年创业基地等平台")] == ["两岸青年创业基地"]
