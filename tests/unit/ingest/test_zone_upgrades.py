"""A zone raised to the national level holds that level as an honour, dated by the page (INVENTED text)."""

from __future__ import annotations

from ingest.document import Document
from ingest.emit import to_gold_json
from ingest.extract.honour_approvals import approved_titles
from ingest.pipeline import run


def test_a_zone_raised_to_the_national_level_holds_it() -> None:
    sentence = "日前,青松开发区正式升级为国家级经济技术开发区。"
    found = [(title, zone[2]) for _, _, title, zone in approved_titles(sentence)]
    assert found == [("国家级经济技术开发区", "青松开发区")]


def test_news_of_recent_days_takes_the_page_s_date_not_its_most_told_year() -> None:
    text = ("发布时间:2012-05-03 09:20\n日前,青松开发区正式升级为国家级经济技术开发区。\n"
            "青松经济技术开发区收入是2006年的5倍,财政收入是2006年的21倍,高新产值比2006年提高12个百分点。\n")
    facts = to_gold_json(run(Document("t", "t.txt", text)))["facts"]
    assert {f.get("year") for f in facts if f["p"] == "awarded"} == {2012}
