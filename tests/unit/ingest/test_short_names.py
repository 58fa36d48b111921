"""Short company names found after the legal name, and linked to it."""

from __future__ import annotations

import pytest

from ingest.document import Document, Mention
from ingest.extract.short_names import short_name_mentions
from ingest.normalise import normalise
from ingest.resolve import company_core, is_short_form
from ingest.segment import segment
from kg.model import EntityType


def _short_forms(text: str, legal_names: list[str]) -> list[str]:
    doc = segment(normalise(Document("d", "d.txt", text)))
    mentions = [Mention(EntityType.ENTERPRISE, name, start, start + len(name), 0)
                for name in legal_names for start in [doc.text.find(name)]]
    return [m.name for m in short_name_mentions(doc, mentions)]


def test_short_names_brand_plus_business_word_after_the_legal_name() -> None:
    text = ("其中，来自南通开发区的中天科技海缆股份有限公司参与的项目获得国家科学技术进步奖一等奖。"
            "中天海缆相关负责人表示，开发区在产业发展方向上持之以恒。")
    assert _short_forms(text, ["中天科技海缆股份有限公司"]) == ["中天海缆"]


def test_short_names_without_the_generic_tail_in_traditional_script() -> None:
    text = "長沙楚天電驅科技有限公司新廠房竣工。楚天電驅產品出口增長。"
    assert _short_forms(text, ["长沙楚天电驱科技有限公司"]) == ["楚天电驱"]


def test_short_names_need_a_core_longer_than_the_short_form() -> None:
    assert _short_forms("长沙楚天电驱有限公司新厂房竣工。楚天电驱产品出口增长。", ["长沙楚天电驱有限公司"]) == []


@pytest.mark.parametrize(("text", "legal"), [
    # 中天科技 names the parent group, not the cable maker: it does not end like the core.
    ("中天科技海缆股份有限公司落户开发区。中天科技集团同期扩产。", ["中天科技海缆股份有限公司"]),
    # Two companies share the brand and the ending: the short form is ambiguous.
    ("江城智能装备有限公司与江城精密装备有限公司签约。江城装备将扩产。",
     ["江城智能装备有限公司", "江城精密装备有限公司"]),
])
def test_short_names_not_taken_when_they_may_name_another_company(text: str, legal: list[str]) -> None:
    assert _short_forms(text, legal) == []


def test_short_names_place_prefixes_of_any_province_are_stripped() -> None:
    assert company_core("湖南省长沙市湘江智造科技有限公司") == "湘江智造科技"
    assert company_core("乌鲁木齐天山新材料股份有限公司") == "天山新材料"


def test_short_names_brand_that_looks_like_a_place_still_links() -> None:
    assert company_core("东方电气集团有限公司") == "电气"
    assert is_short_form("东方电气", "东方电气集团有限公司")
