"""Per-document extraction limits: characters, sentences, time (ingest.budget), and the pipeline's
stages that check them."""

from __future__ import annotations

import time

import pytest

from ingest.budget import Budget, deadline, paced, stage
from ingest.document import Document
from ingest.html_text import MAX_PAGE_ELEMENTS
from ingest.load import load_bytes
from ingest.pipeline import run
from ingest.runner import extract_upload
from ingest.segment import MAX_SENTENCE_CHARS, split_sentences
from kg.errors import DocumentRejected

SENTENCE = "苏州工业园区内，示例科技有限公司投资建设新项目。"


def _doc(text: str) -> Document:
    return load_bytes(text.encode(), "report.txt")


def test_text_over_the_character_limit_is_refused_before_normalisation() -> None:
    with pytest.raises(DocumentRejected, match=r"report.txt: 2,400 characters of text is over the limit of 1,000"):
        run(_doc(SENTENCE * 100), Budget(max_chars=1000))


def test_too_many_sentences_are_refused() -> None:
    with pytest.raises(DocumentRejected, match=r"100 sentences is over the limit of 10 per document"):
        run(_doc(SENTENCE * 100), Budget(max_sentences=10))


def test_time_limit_names_the_stage_reached() -> None:
    with pytest.raises(DocumentRejected, match=r"report.txt: extraction stopped after \d+ s in normalisation"):
        run(_doc(SENTENCE * 10), Budget(seconds=0))


def test_paced_loop_stops_at_the_sentence_it_reached() -> None:
    reached: list[int] = []
    message = r"x.txt: extraction stopped after \d+ s in extraction at sentence 1 of 100 \(limit 0 s per document\)"
    with pytest.raises(DocumentRejected, match=message), deadline(Budget(seconds=0), "x.txt"), stage("extraction"):
        time.sleep(0.01)
        reached.extend(paced(list(range(100))))
    assert reached == []


def test_paced_without_a_clock_yields_everything() -> None:
    assert list(paced([1, 2, 3])) == [1, 2, 3]


def test_within_budget_the_document_is_extracted() -> None:
    done = run(_doc(SENTENCE * 3), Budget(max_chars=1000, max_sentences=10, seconds=600))
    assert any(m.name == "示例科技有限公司" for m in done.mentions)


def test_an_overlong_run_without_terminators_is_cut_into_bounded_sentences() -> None:
    text = "甲" * 2500 + "，" + "乙" * 300 + "。" + SENTENCE
    sentences = split_sentences(text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE_CHARS
    assert "".join(s.text for s in sentences) == text  # nothing lost, offsets still cover the text
    assert sentences[-1].text == SENTENCE


def test_an_overlong_sentence_is_cut_after_a_comma_within_the_limit() -> None:
    text = "甲" * 700 + "，" + "乙" * 700 + "。"
    first = split_sentences(text)[0]
    assert first.text == "甲" * 700 + "，"


def test_a_page_with_too_many_elements_is_refused() -> None:
    page = b"<html><body><p>" + "开发区".encode() + b"</p>" + b"<br>" * (MAX_PAGE_ELEMENTS + 1) + b"</body></html>"
    with pytest.raises(DocumentRejected, match=r"page.html: [\d,]+ HTML elements is over the limit of"):
        load_bytes(page, "page.html")


def test_a_docx_is_read_only_up_to_the_character_limit() -> None:
    import io

    import docx

    document = docx.Document()
    for _ in range(600):
        document.add_paragraph(SENTENCE)
    data = io.BytesIO()
    document.save(data)
    with pytest.raises(DocumentRejected, match=r"big.docx: over 5,000 characters of text per document "
                                               r"\(stopped reading the DOCX at [\d,]+\)"):
        extract_upload(data.getvalue(), "big.docx", Budget(max_chars=5000))
    assert extract_upload(data.getvalue(), "big.docx").result.chars == 600 * len(SENTENCE) + 599
