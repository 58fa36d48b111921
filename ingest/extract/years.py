"""Years of a report and of its sentences: which year a status, award or figure belongs to."""

from __future__ import annotations

import re
from collections import Counter

from ingest.document import Document, Sentence
from ingest.extract.indicator_periods import dateline_year
from ingest.extract.patterns import YEAR_RE

# How many sentences back a sentence without a year looks for one.
_YEAR_LOOKBACK = 3
_OTHER_YEAR = re.compile(r"(?:从|到|至|自|展望|在|截至|\d[—–~～-])$")
# A year that opens a history ("2019年,国家启动评选以来"): when things began, not the year reported on.
_SINCE_AFTER = re.compile(r"[^。;；\n]{0,30}?以来")
# A year whose sentence plans ahead ("2024年工作安排", "2024年,高新区将力争…"): not the report's year.
_PLAN_AFTER = re.compile(r"[^。;；\n]{0,12}?(?:工作安排|将|力争|计划|目标|展望)")
# "去年12月动工" dates an event a year before the report; "较去年增长" only compares.
_LAST_YEAR = re.compile(r"(?<![较比超])去年(?!同期|全年|水平)")


# Words that date an event by the page's own date (近日, 日前, 昨日).
_RECENTLY = re.compile(r"近日|日前|昨日|昨天")


def document_year(text: str) -> int | None:
    """The year the document reports on: the most mentioned year, the latest on ties.

    Years of targets and history (到2022年, 从2022年, 展望2020年, 在2004年) do not count; plan
    years (2024年工作安排, 2024年将…) count only when the text gives no other year.
    """
    found = [m for m in YEAR_RE.finditer(text) if not _OTHER_YEAR.search(text[max(0, m.start() - 2):m.start()])
             and not _SINCE_AFTER.match(text, m.end())]
    reported = [m for m in found if not _PLAN_AFTER.match(text, m.end())]
    years = Counter(int(m.group(1)) for m in reported or found)
    if not years:
        return None
    top = max(years.values())
    return max(y for y, n in years.items() if n == top)


def report_year(doc: Document) -> int | None:
    """The year statuses and awards default to: :func:`document_year`, else the page's date line.

    Normalisation blanks metadata lines (来源:…2022-10-29), so the date line is read from the page as loaded.
    """
    return document_year(doc.text) or dateline_year(doc.raw)


def sentence_year(doc: Document, sentence: Sentence, report_year: int | None) -> int | None:
    """The sentence's own year, else the last year of the sentences before in its paragraph (or of the few
    sentences before), else ``report_year``."""
    index = sentence.index
    while index >= 0:
        current = doc.sentences[index]
        years = [m for m in YEAR_RE.finditer(current.text)
                 if not _OTHER_YEAR.search(current.text[max(0, m.start() - 2):m.start()])]
        if years:
            return int((years[0] if index == sentence.index else years[-1]).group(1))
        if index == sentence.index and report_year is not None and _LAST_YEAR.search(current.text):
            return report_year - 1
        if index == sentence.index and _RECENTLY.search(current.text) and (dated := dateline_year(doc.raw)):
            return dated  # 近日X升级为…: the days before the page's date, whatever year the page talks most of
        if sentence.index - index >= _YEAR_LOOKBACK and not _same_paragraph(doc, doc.sentences[index - 1], sentence):
            break
        index -= 1
    return report_year


def _same_paragraph(doc: Document, earlier: Sentence, sentence: Sentence) -> bool:
    """Whether no line break lies between ``earlier`` and ``sentence``: a paragraph's opening year dates all of it."""
    return earlier.index >= 0 and "\n" not in doc.text[earlier.start:sentence.start]
