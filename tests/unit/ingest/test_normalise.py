"""Normalisation: NFKC, traditional → simplified, boilerplate blanked, offsets into raw."""

from __future__ import annotations

import pytest

from ingest.document import Document
from ingest.normalise import blank_boilerplate, normalise, normalise_name, normalise_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("區黨工委副書記、管委會主任保德林出席會議并講話。", "区党工委副书记、管委会主任保德林出席会议并讲话。"),
        ("實際利用外資5億美元", "实际利用外资5亿美元"),
        ("ＡＢＣ１２３，高新区", "ABC123,高新区"),
        ("2021年签约东旭科技20亿元项目1个。", "2021年签约东旭科技20亿元项目1个。"),
    ],
)
def test_normalise_text_converts_script_and_width(raw: str, expected: str) -> None:
    text, _ = normalise_text(raw)
    assert text == expected


@pytest.mark.parametrize(
    "line",
    ["电话：0513-12345678", "苏ICP备12345678号-1", "地址：南通市崇川区某路1号", "【收藏】【打印】【关闭】",
     "当前位置：首页 > 新闻中心", "信息索引号：014000000/2021-00001", "发布机构：南通市某局"],
)
def test_normalise_blank_boilerplate_lines(line: str) -> None:
    text = f"前文。\n{line}\n后文。"
    blanked = blank_boilerplate(text)
    assert len(blanked) == len(text)
    assert blanked.splitlines()[1].strip() == ""
    assert blanked.startswith("前文。") and blanked.endswith("后文。")


def test_normalise_keeps_content_lines() -> None:
    line = "2021年,高新区抢抓机遇、开拓创新、真抓实干,经济社会各项工作取得了新成效。"
    assert blank_boilerplate(line) == line


def test_normalise_offsets_map_back_to_raw() -> None:
    raw = "㈠南通開發區召開全區年中工作會議"
    doc = normalise(Document("d", "d.txt", raw))
    start = doc.text.index("南通开发区")
    raw_start, raw_end = doc.raw_span(start, start + len("南通开发区"))
    assert raw[raw_start:raw_end] == "南通開發區"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("“南通開發區”", "南通开发区"), ("中天 海缆", "中天海缆"), ("「雉水英才」", "雉水英才")],
)
def test_normalise_name_strips_quotes_and_spaces(name: str, expected: str) -> None:
    assert normalise_name(name) == expected
