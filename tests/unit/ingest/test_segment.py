"""Sentence splitting with offsets into the normalised text."""

from __future__ import annotations

import pytest

from ingest.segment import LONG_SENTENCE, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("招商引资取得成效。以“新机遇、芯发展”为主题!", ["招商引资取得成效。", "以“新机遇、芯发展”为主题!"]),
        ("保德林指出\n当前,开发区站在了新的时代机遇“风口”。", ["保德林指出", "当前,开发区站在了新的时代机遇“风口”。"]),
        ("他说:“确保躋身全国开发区前列。”随后散会。", ["他说:“确保躋身全国开发区前列。”", "随后散会。"]),
        ("  \n\n", []),
    ],
)
def test_segment_splits_on_terminators(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_segment_offsets_index_the_text() -> None:
    text = "2021年签约东旭科技20亿元项目1个。\n项目建设加快推进。"
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text


def test_segment_splits_long_list_sentences_on_semicolons() -> None:
    part = "完成新开工重特大工业项目4个、服务业重大项目4个" * 3
    text = f"{part};{part};{part}。"
    assert len(text) > LONG_SENTENCE
    assert len(split_sentences(text)) == 3


def test_a_question_mark_in_a_run_or_before_a_comma_is_a_lost_character_not_an_end() -> None:
    text = "包括青松、蓝??湾?、白鹭4家企业入选。园区怎么办?答案是创新。"
    expected = ["包括青松、蓝??湾?、白鹭4家企业入选。", "园区怎么办?", "答案是创新。"]
    assert [s.text for s in split_sentences(text)] == expected
