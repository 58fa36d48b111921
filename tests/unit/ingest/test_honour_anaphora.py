"""An honour given to 该公司 goes to the company named just before (invented text)."""

from __future__ import annotations

from ingest.document import Document
from ingest.pipeline import run
from kg.model import Predicate


def _awarded(text: str) -> set[tuple[str, str]]:
    doc = run(Document("anaphora", "anaphora.txt", text))
    return {(f.subject[1], f.obj[1]) for f in doc.facts if f.predicate is Predicate.AWARDED and f.obj}


def test_gai_gongsi_takes_the_company_before() -> None:
    text = ("星河高新区青松机器人有限公司投资5亿元建设智能装备项目。"
            "该公司先后获得国家高新技术企业、省级企业技术中心等荣誉。")
    found = _awarded(text)
    assert ("青松机器人有限公司", "国家高新技术企业") in found or ("青松机器人", "国家高新技术企业") in found


def test_no_company_before_gives_no_holder() -> None:
    assert _awarded("该公司先后获得国家高新技术企业等荣誉。") == set()


def test_award_year_is_the_year_nearest_before_the_honour() -> None:
    text = "星河高新区青松机器人有限公司成立于2015年,2021年被评为国家级专精特新小巨人企业。"
    doc = run(Document("year", "year.txt", text))
    years = {f.attr("year") for f in doc.facts if f.predicate is Predicate.AWARDED}
    assert years == {2021}


def test_a_carrier_holding_a_title_is_hosted_by_the_zone() -> None:
    text = "星河高新区今年发展良好。星光产业园获批全省首批数字化车间培育试点。"
    doc = run(Document("carrier", "carrier.txt", text))
    hosted = {(f.subject[1], f.obj[1]) for f in doc.facts if f.predicate is Predicate.HOSTS_PLATFORM and f.obj}
    assert ("星河高新区", "星光产业园") in hosted
    assert ("星光产业园", "全省首批数字化车间培育试点") in _awarded(text)


def test_a_subjectless_clause_giving_a_firm_title_is_about_the_company_before() -> None:
    text = ("星河高新区讯。“今年营收增长三成。”青松机器人(南岭)有限公司创始人林远这样说。"
            "自去年入选省级专精特新中小企业名单以来,企业发展迅速。")
    found = _awarded(text)
    assert ("青松机器人(南岭)有限公司", "省级专精特新中小企业") in found
    assert ("星河高新区", "省级专精特新中小企业") not in found
