"""Titles a higher body approves zones to carry: "国务院批复同意A高新区、B高新区建设国家生态工业示范园区".

The zones listed between the approval and 建设/创建/升级为 each hold the title that follows. A zone raised to
the national level ("A开发区获批为国家级经济技术开发区") holds that level and kind as its title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.extract.honour_recipients import zones_before
from ingest.extract.honour_titles import honours_after

_APPROVED = re.compile(r"(?:批复(?:同意)?|批准|同意)(?P<zones>[^,，;；。]{4,60}?)(?:建设|创建|设立|升级为)"
                       r"(?P<title>[^,，;；。]{4,30})")


# A zone raised to the national level of its kind.
_RAISED = re.compile(r"(?P<zones>[^,，;；。]{4,40}?)(?:正式)?(?:升级为|晋升为|获批为?|被批准为)"
                     r"(?P<title>国家级(?:经济技术开发区|高新技术产业开发区))")


def approved_titles(sentence: str) -> Iterator[tuple[int, int, str, tuple[int, int, str]]]:
    """(start, end, title, zone) for each zone approved to carry a title."""
    if "国家级" in sentence:
        for match in _RAISED.finditer(sentence):
            for zone in zones_before(match.group("zones"), match.start("zones")):
                yield match.start("title"), match.end("title"), match.group("title"), zone
    if "批" not in sentence and "同意" not in sentence:
        return
    for match in _APPROVED.finditer(sentence):
        zones = zones_before(match.group("zones"), match.start("zones"))
        for start, end, title in honours_after(match.group("title"), match.start("title")) if zones else ():
            for zone in zones:
                yield start, end, title, zone
