"""Ranks of several zones given in one clause (在全省开发区综合考核评价中,甲开发区和乙开发区分别位列第三和第四)
and streaks of a standing (连续7年位居全国综保区前列).

Each named zone gets the rank in the same position, named after the ranking the clause before
describes; the zones are read with the zone finder, so no name lives here.
"""

from __future__ import annotations

import re

from ingest.document import Fact
from ingest.extract.indicator_figures import ordinal
from ingest.extract.indicator_links import ranking_frame
from ingest.extract.indicator_periods import PeriodContext, period_for
from ingest.extract.indicator_phrases import TIME_RE, strip_repeatedly
from ingest.extract.indicator_subjects import sentence_zone
from ingest.extract.zones import find_zone_names
from kg.model import EntityType, IndicatorKind, Predicate

_NUMERAL = r"第?(?:[一二三四五六七八九十]+|\d+)(?:名|位)?"
_RESPECTIVE_RANKS_RE = re.compile(
    r"(?P<zones>[^,，;；。]{4,80}?)(?:[,，]?(?:进入|跻身|位居|位列)[^,，;；。]{0,12}?前[一二三四五六七八九十\d]+(?:名|位|强)?)?"
    rf"[,，]?分别(?:位列|位居|名列|排名|排在|排|列|居)(?P<ranks>{_NUMERAL}(?:(?:和|、|及|与){_NUMERAL})+)"
)
_RANK_NUMBER_RE = re.compile(r"[一二三四五六七八九十]+|\d+")


def respective_ranks(index: int, text: str, context: PeriodContext) -> list[Fact]:
    """Rank facts for the zones a clause lists before 分别位列第N和第M, one rank each in order.

    >>> facts = respective_ranks(0, "在全省开发区考核评价中,青松经济开发区和白鹭经济开发区分别位列第三和第五。",
    ...                          PeriodContext(2023))
    >>> [(f.subject[1], f.attr("metric"), f.attr("value")) for f in facts]
    [('青松经济开发区', '全省开发区考核评价排名', 3.0), ('白鹭经济开发区', '全省开发区考核评价排名', 5.0)]
    """
    facts: list[Fact] = []
    for match in _RESPECTIVE_RANKS_RE.finditer(text):
        zones = [zone.name for _, _, zone in find_zone_names(match.group("zones"))]
        ranks = [ordinal(n) for n in _RANK_NUMBER_RE.findall(match.group("ranks"))]
        metric = ranking_frame(text[: match.start("zones")])
        if not metric or len(zones) != len(ranks) or None in ranks:
            continue
        period = period_for(text[: match.start()], context, rank=True)
        for zone, rank in zip(zones, ranks, strict=True):
            attrs = (("metric", metric), ("value", float(rank or 0)), ("unit", "rank"), ("period", period),
                     ("kind", IndicatorKind.ACTUAL.value))
            facts.append(Fact(Predicate.INDICATOR, (EntityType.ZONE, zone), None, index, attrs))
    return facts


_BRACKETED_RANK_RE = re.compile(r"[(（]第(?P<n>\d+|[一二三四五六七八九十]+)(?:位|名)[)）]")
# What a ranking names before its list of zones (全省经济开发区排名前30位中…,分别是): its frame.
_RANK_LIST_FRAME_RE = re.compile(r"(?P<frame>[^,，;；。]{4,30}?)(?:综合)?(?:排名|排序)(?:前|中|的|位次)")


def bracketed_ranks(index: int, text: str, context: PeriodContext) -> list[Fact]:
    """Ranks written in brackets after each zone of a list (A开发区(第22位)、B开发区(第25位)), named after
    the ranking the sentence names before the list.

    >>> facts = bracketed_ranks(0, "全省开发区排名前30位中,分别是青松经济开发区(第22位)和白鹭高新区(第28位)。",
    ...                         PeriodContext(2023))
    >>> [(f.subject[1], f.attr("metric"), f.attr("value")) for f in facts]
    [('青松经济开发区', '全省开发区排名', 22.0), ('白鹭高新区', '全省开发区排名', 28.0)]
    """
    first = _BRACKETED_RANK_RE.search(text)
    if first is None:
        return []
    frame = _RANK_LIST_FRAME_RE.search(text, 0, first.start())
    metric = ranking_frame(text[: first.start()]) or (
        strip_repeatedly(frame.group("frame"), TIME_RE) + "排名" if frame else "")
    if not metric:
        return []
    facts, start = [], 0
    for match in _BRACKETED_RANK_RE.finditer(text):
        before = text[start: match.start()]
        zones = find_zone_names(before)
        rank = ordinal(match.group("n"))
        start = match.end()
        if not zones or zones[-1][1] != len(before) or rank is None:
            continue  # the bracket follows no zone's name
        period = period_for(text[: match.start()], context, rank=True)
        attrs = (("metric", metric), ("value", float(rank)), ("unit", "rank"), ("period", period),
                 ("kind", IndicatorKind.ACTUAL.value))
        facts.append(Fact(Predicate.INDICATOR, (EntityType.ZONE, zones[-1][2].name), None, index, attrs))
    return facts


# 连续7年位居全国综保区前列, 连续4年取得第2位的好成绩: how many years in a row the zone held a standing.
_STREAK_RE = re.compile(
    r"连续(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})年(?P<act>(?:位居|位列|名列|稳居|保持|取得|获评|荣获|荣登|入选|蝉联)"
    r"[^,，;；。!！]{2,24})"
)
_BARE_PLACE_RE = re.compile(
    r"(?P<verb>取得|位列|位居|保持|稳居|名列)第(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})(?:位|名)")
_RANKED_IN = r"(?P<scope>[\u4e00-\u9fff]{{2,10}}?)(?:排名|位列|位居|名列)第{n}(?:位|名)"
_STREAK_TAIL_RE = re.compile(r"(?:的)?(?:好成绩|好成果|佳绩|成绩)$")


def _with_scope(act: str, before: str) -> str:
    """取得第2位 after 全省高新区排名第2位: the standing held in a row is the one just ranked, in its scope."""
    bare = _BARE_PLACE_RE.match(act)
    if not bare:
        return act
    ranked = list(re.finditer(_RANKED_IN.format(n=bare.group("n")), before))
    if not ranked:
        return act
    verb = bare.group("verb")
    return verb + ranked[-1].group("scope") + act[len(verb):]


def streaks(index: int, text: str, home: tuple[EntityType, str], context: PeriodContext) -> list[Fact]:
    """Year counts of a standing held in a row, named after it.

    >>> home = (EntityType.ZONE, "青松综合保税区")
    >>> facts = streaks(0, "青松综保区连续5年位居全国综保区前列。", home, PeriodContext(None))
    >>> [(f.attr("metric"), f.attr("value"), f.attr("unit")) for f in facts]
    [('连续位居全国综保区前列', 5.0, 'year')]
    """
    facts = []
    for match in _STREAK_RE.finditer(text):
        years = ordinal(match.group("n"))
        metric = "连续" + _with_scope(_STREAK_TAIL_RE.sub("", match.group("act")), text[: match.start()])
        if years is None or len(metric) < 6:
            continue
        period = period_for(text[: match.start()], context, rank=True)
        attrs = (("metric", metric), ("value", float(years)), ("unit", "year"), ("period", period),
                 ("kind", IndicatorKind.ACTUAL.value))
        facts.append(Fact(Predicate.INDICATOR, sentence_zone(text, home), None, index, attrs))
    return facts
