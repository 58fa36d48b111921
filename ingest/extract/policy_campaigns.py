"""Quoted campaigns ("五比五看"竞赛, “招商提质”专项行动) and whether a body above the zone runs them.

A quoted name followed by 竞赛 is a campaign in its own right; a quoted name followed by 活动 is one
when a verb of running it (开展, 推进, 以…为抓手) opens the clause, not when an event is held (举行…活动).
A campaign belongs to a city, county or province when its clause opens with that body (洪湖市深入开展…,
结合全省正在进行的…): a Policy, but no issuedPolicy of the zone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.extract.asset_text import CJK, Candidate, clean_name, is_generic
from kg.model import EntityType

_INNER = r"[“「](?P<inner>[^“”「」，。；,;]{2,16})[”」]"
_CONTEST = re.compile(rf"{_INNER}(?P<kind>[{CJK}]{{0,2}}竞赛)")
_RUN_ACTIVITY = re.compile(rf"(?:开展|推进|实施|以)[^，。；,;“”「」]{{0,12}}?{_INNER}(?:主题)?活动")
# The body above the zone that owns what follows in its clause: 全省, 我市, or a place's 市/县/省 running it.
_HIGHER_BODY = re.compile(
    rf"全市|全县|全省|我市|我县|我省|[市县省]委|[市县省]政府"
    rf"|[{CJK}]{{2,3}}[市县省](?=(?:正在|深入|持续|全面|大力|继续)?(?:开展|推进|实施|举行|启动|进行|部署))")
_ZONE_WORD = re.compile(r"开发区|高新区|经开区|园区|新区|管委会")


# A city, county or province opening the sentence as its subject (今年以来,青松市统筹…): what the sentence's
# later clauses set up is the city's, unless the zone is named after it.
_CITY_SUBJECT = re.compile(
    rf"^(?:今年以来|近年来|去年以来|今年|去年|目前|同时|此外|近日)?[,，]?[{CJK}]{{2,3}}[市县省](?![场民级区长委])"
    rf"(?=[{CJK}])")


def higher_owner(sentence: str, start: int) -> bool:
    """Whether the clause before ``start`` is led by a city, county or province rather than the zone, or the
    sentence opens with one and names no zone before ``start``."""
    clause_start = max(sentence.rfind(mark, 0, start) for mark in "。；;,，") + 1
    clause = sentence[clause_start:start]
    owner = _HIGHER_BODY.search(clause)
    if owner is not None and not _ZONE_WORD.search(clause, owner.end()):
        return True
    city = _CITY_SUBJECT.match(sentence)
    return city is not None and city.end() <= start and not _ZONE_WORD.search(sentence, city.end(), start)


# What follows a district's name when the zone is run with it (江宁区(开发区), 东湖区高新区): the zone's own.
_RUN_AS_ZONE = re.compile(rf"[(（{CJK}]{{0,8}}?(?:开发区|高新区|经开区|园区)")


def district_issuer(text: str, at_start: bool = False) -> bool:
    """Whether ``text`` (the clause before a title, or with ``at_start`` the title) names a county-level
    district or county (余杭区, 东海县) as the issuer, not as the zone run with it."""
    from ingest.extract.zones import known_districts

    for m in re.finditer("[区县]", text):
        for size in (3, 2):
            start = m.start() - size
            name = text[max(0, start):m.end()]
            if start < 0 or at_start and start > 0 or name not in known_districts():
                continue
            if not _RUN_AS_ZONE.match(text, m.end()):
                return True
    return False


def quoted_campaigns(sentence: str) -> Iterator[Candidate]:
    """Campaigns named in quotes: “X”竞赛 always, “X”活动 after a verb of running it."""
    if "“" not in sentence and "「" not in sentence:
        return
    for m in _CONTEST.finditer(sentence):
        yield _campaign(sentence, m.group("inner") + m.group("kind"), m.start(), m.end())
    for m in _RUN_ACTIVITY.finditer(sentence):
        inner = m.group("inner")
        if not inner.endswith("年") and not is_generic(inner):  # campaign years are read by their own rule
            yield _campaign(sentence, inner, m.start("inner") - 1, m.end("inner") + 1)


def _campaign(sentence: str, name: str, start: int, end: int) -> Candidate:
    above = higher_owner(sentence, start)
    return Candidate(EntityType.POLICY, clean_name(name), start, end, not above, above)
