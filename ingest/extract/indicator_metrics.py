"""The metric of each figure a sentence gives: the phrase naming it, completed with what the sentence
carried so far (the verb of an enumeration, the base a growth or rank is built on, a topic clause).

:class:`Reading` is the state one sentence passes from figure to figure; :func:`figure_metrics` names one
figure (none when it is not the zone's, several when a rank names two).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.extract.indicator_figures import BREAKS, Figure
from ingest.extract.indicator_links import (
    event_total,
    linked_metric,
    names_a_quantity,
    progress_metric,
    rank_metric,
    ranking_frame,
    rate_metric,
    respective_metrics,
    share_metric,
    share_of,
    shared_growth_metrics,
    stock_metric,
    unnamed_area,
)
from ingest.extract.indicator_phrases import (
    after_noun,
    carried_prefix,
    clause_fragment,
    clause_sector,
    clause_topic,
    clean_metric,
    leading_verb,
    listed_honour,
    names_dropped,
    number_first_metric,
    tidy_metric,
    without_zone,
    without_zone_name,
)
from ingest.extract.indicator_subjects import about_one_body, about_region, after_one_project, published_above
from ingest.extract.zones import find_zone_names

# How far a clause is looked along for (a sentence is rarely longer).
LOOKBACK = 300
_MONEY_LIKE = frozenset({"CNY", "USD", "EUR", "JPY", "HKD", "GBP", "percent", "percentage_point"})
_DISTRIBUTIVE_RE = re.compile(r"每年|年均|每季度|每月")
_AREA_OF_DISTRICT_RE = re.compile(
    r"^(?P<district>[\u4e00-\u9fff]{0,4}(?:启动区|核心区|起步区|先行区|示范区|建成区|拓展区|片区|园区))(?=的|[,，;；。]|$)")
_PROJECTS_TOTAL_RE = re.compile(r"^(?:这些|上述)?项目(?P<total>(?:计划)?总投资(?:额)?|投资总额)$")
_PER_UNIT_LEAD_RE = re.compile(r"每(?:平方公里|平方千米|万人|亩|千人)|人均|亩均|地均")
# A metric is a noun phrase; a longer "metric" is a clause or a list of names the rules failed to cut.
_METRIC_LENGTH = 24
# 某某商业综合体总投资60亿元: the total of one named project (a class of projects ends in 项目).
_NAMED_TOTAL_RE = re.compile(
    r"^(?![^项]*项目)[\u4e00-\u9fff]{4,}(?<!项目)(?<!年度)总投资(?:额)?$"
    # 甲医疗机器人项目签约额: one named project's amount; a class of projects names a kind (集中签约, 重点, 亿元以上)
    r"|^(?![^项]*(?:签约|开工|集中|重点|重大|引进|在建|续建|竣工|投产|亿元|以上|产业|工业|招商|外资|内资|台资|入园|落户"
    r"|新建|实施|储备|谋划))[\u4e00-\u9fff]{3,}项目(?:签约额|投资额|签约金额|合同额)$"
)
_RANK_VERB_RE = re.compile(r"(?:位列|位居|名列|排名|稳居|跃居|列|居)$")
_SHARED_SHARE_RE = re.compile(r"[均都共]占")
_FRONTED_OBJECT_RE = re.compile(r"(?:的|^)(?P<noun>[\u4e00-\u9fff]{2,10}?(?:企业|项目|人才|平台|机构|团队))[,，]$")
_DOUBLING_VERB_RE = re.compile(r"(?:实现|完成)?$")
_YIELD_QUANTITY_RE = re.compile(r"产值|税收|利税|就业|营业收入|销售收入|营收|销售额")
_YIELD_CUE_RE = re.compile(r"达产|达效|建成后|投产后|全部投产|预计")


@dataclass
class Reading:
    """What the figures read so far in a sentence pass on to the next one."""

    zone: str
    text: str = ""
    carried: str = ""
    """The pieces of the same sentence before this one (it was cut after ；)."""
    base: str = ""
    """The last metric that names a quantity on its own (增长/rank metrics are built on it)."""
    last: str = ""
    last_word: str = ""
    verb: str = ""
    """The verb of the sentence's first counted metric (签约…) for items that list names."""
    sector: str = ""
    """An industry the clauses before name as their subject (…的智能制造产业集群，集聚…): it names their figures."""
    topic: str = ""
    """A short lead-in clause (拆迁工作稳步推进，…) that names the figures of the next clause."""
    respective: list[str] = field(default_factory=list)
    """Names still owed a figure after A、B分别增长8.8%和11.5%."""
    consumed: int = 0
    """End of the words after a number-first figure (they are not the next figure's name)."""
    took_after: bool = False
    segment_start: int = 0
    """Where the phrase naming the current figure begins in ``text``."""
    emitted: list[str] = field(default_factory=list)
    """The counted metrics read so far in the sentence (均占全市的四分之一 shares them all)."""
    owed_total: Figure | None = None
    """A total written before the count it belongs to (总投资560亿元的90个项目)."""
    plan: int | None = None
    """The year the whole sentence announces plans for (…，2025年，该区将…), if it does."""
    yields: bool = False
    """The figure just named is what a counted class of projects is to yield (预计达产后年产值): a target."""


def enter_clause(reading: Reading, text: str, seg_start: int) -> None:
    """Reset what does not cross a clause: the topic (one clause), the verb (not past ；)."""
    if seg_start == 0 or text[seg_start - 1] not in BREAKS:
        return
    if text[seg_start - 1] in ";；":
        reading.verb = reading.sector = ""
    reading.respective = []
    previous_clause = text[segment_start(text, seg_start - 1, 0) : seg_start - 1]
    reading.topic = clause_topic(previous_clause)
    reading.sector = clause_sector(previous_clause) or reading.sector


_CLAUSE_MARKS = ",，;；。"
_CLAUSE_LEAD_RE = re.compile(r"(?:同时|其中|而|另外|此外)")
_RANK_OPENING_RE = re.compile(r"(?:位列|位居|名列|排名|稳居|跃居|荣登|独占鳌头)")
# 在全国154个综合保税区中: the group a rank is taken in, which names no metric of its own.
_RANK_GROUP_SEGMENT_RE = re.compile(
    r"^(?:在|全国|全省|全市)*(?:\d+|[一二三四五六七八九十百]+)?[个家]?[^,，;；。]{0,24}中$|^\d+[个家]")
# 在西部地区(共46家综合保税区)中,…: the group a rank is taken in, and the kind its note counts.
_GROUP_FRAME_RE = re.compile(
    r"在(?P<group>[^,，;；。()（）]{2,20})(?:[(（][^)）]*?\d+[个家](?P<kind>[^)）]{2,12})[)）])?中[,，]")


def clause_start(text: str, end: int) -> int:
    return max(text.rfind(mark, 0, end) for mark in _CLAUSE_MARKS) + 1


def rank_clause_zone(text: str, start: int) -> str | None:
    """The zone a rank's clause opens with (…,B综保区紧随其后,位居第二 → B综保区), or None."""
    clause = clause_start(text, start)
    if _RANK_OPENING_RE.match(text, clause) and clause > 0:
        clause = clause_start(text, clause - 1)  # a clause of the rank alone continues the one before
    lead = _CLAUSE_LEAD_RE.match(text, clause)
    opening = text[lead.end() if lead else clause: start]
    zones = find_zone_names(opening)
    return zones[0][2].name if zones and zones[0][0] == 0 else None


_LISTED_CLASS_RE = re.compile(r"^[^,，;；。]*?的?(?P<kind>[^,，;；。的]{0,10}?项目)(?:有|包括)[^,，;；。]+等$")


def figure_metrics(figure: Figure, segment: str, after: str, reading: Reading) -> list[str]:
    """The metric names for one figure (a rank such as 总量和增幅均居第一 names two)."""
    if figure.ordinal:
        ranked = rank_metric(figure.core or segment, figure.rank_scope, reading.base, reading.zone)
        core = clean_metric(_RANK_VERB_RE.sub("", segment), money=False, zone=reading.zone)
        bare = not core or bool(_RANK_GROUP_SEGMENT_RE.match(core))
        clause = clause_start(reading.text, reading.segment_start + len(segment))
        framed = ranking_frame(reading.text[: reading.segment_start], reading.zone) if bare else ""
        framed = framed or (ranking_frame(reading.text[:clause], reading.zone) if bare and clause else "")
        group = _GROUP_FRAME_RE.search(reading.text, 0, clause) if bare and not framed and not ranked else None
        framed = framed or (group.group("group") + (group.group("kind") or "") + "排名" if group else "")
        return [framed] if framed else ranked
    if about_region(segment):
        reading.base = reading.last = ""
        return []
    money = figure.unit not in ("count", "rank")
    listed = _LISTED_CLASS_RE.search(segment) if figure.unit == "count" else None
    if listed:  # 开工项目有A、B等11个: the class the list belongs to is what is counted
        reading.base = reading.last = clean_metric(listed.group("kind"), money=False, zone=reading.zone)
        return [reading.last]
    metric = clean_metric(segment, money=money, zone=reading.zone)
    shared = bool(_SHARED_SHARE_RE.search(segment))
    share = share_of(metric, after, reading.emitted, shared=shared, previous=reading.last) if (
        figure.unit == "percent") else ""
    if share:
        reading.last, reading.took_after = share, after.startswith("的")
        return [share]
    if figure.word in ("番", "倍") and metric:
        # 外贸进出口总量实现翻番 → 外贸进出口总量增长 100 %
        metric = _DOUBLING_VERB_RE.sub("", metric) + "增长"
    if reading.respective and not metric:
        return [reading.respective.pop(0)]
    respective = respective_metrics(segment, money=money, zone=reading.zone)
    if respective:
        reading.respective = respective[1:]
        return respective[:1]
    shared = shared_growth_metrics(metric) if figure.unit == "percent" else []
    if shared:
        reading.base = reading.last = shared[-1]
        return shared
    held = "" if reading.base else event_total(metric, reading.text[: reading.segment_start])
    if held:
        reading.base = reading.last = held
        return [held]
    progress = progress_metric(metric, reading.emitted, reading.base) if figure.unit == "percent" else ""
    if progress:
        reading.last = progress
        return [progress]
    linked = linked_metric(metric, reading.base) or rate_metric(metric, reading.base)
    if linked:
        reading.last = linked
        return [linked + ("名次" if after.startswith("名次") else "")]
    district = _AREA_OF_DISTRICT_RE.match(after) if figure.unit in ("km2", "mu", "ha") else None
    if district:
        return [district.group("district") + "面积"]  # 建好5平方公里核心区的道路管网 → 核心区面积
    metric = _own_metric(figure, metric, segment, after, reading)
    metric = tidy_metric(without_zone_name(metric, reading.zone))
    class_total = _class_total(metric, reading)
    if class_total:
        reading.base = reading.last = class_total
        return [class_total]
    yielded = _class_yield(metric, reading)
    if yielded:
        reading.yields = True
        return [yielded]
    if unnamed_area(metric, figure.unit) or clause_fragment(metric) or _other_district(metric, reading.zone):
        return []
    if len(metric) <= 2 and not names_a_quantity(metric):
        # 领域, 培育, 授权: a bare word names no figure of its own, though a growth after it may link to it
        reading.base = reading.last = metric
        return []
    if not 2 <= len(metric) <= _METRIC_LENGTH or about_one_body(reading.text, metric) or _NAMED_TOTAL_RE.search(
            metric) or after_one_project(reading.text[: reading.segment_start]) or published_above(
            reading.text[: reading.segment_start] + segment):
        return []
    reading.verb = carried_prefix(metric) or reading.verb
    reading.base = reading.last = metric
    reading.last_word = figure.word
    if reading.topic and not metric.startswith(reading.topic):
        metric = reading.topic + metric
    elif reading.sector and reading.sector not in metric:
        metric = reading.sector + metric
    return [metric]


# 钟楼区开竣工项目: a figure of a district named by its place (not 启动区, 建成区, 核心区 … of the zone).
_DISTRICT_METRIC_RE = re.compile(r"(?P<place>[\u4e00-\u9fff]{2})区(?!域|级|内|外)")
_AREA_WORDS = ("启动", "核心", "建成", "示范", "规划", "功能", "起步", "拓展", "先行", "保税", "综保", "开发",
               "高新", "经开", "产业", "工业", "生活", "商务", "城区", "社区", "园区", "片区", "新区", "全区", "本部")


def _other_district(metric: str, zone: str) -> bool:
    district = _DISTRICT_METRIC_RE.match(metric)
    return bool(district) and district.group("place") not in zone and not metric.startswith(_AREA_WORDS)


def _class_total(metric: str, reading: Reading) -> str:
    """6个项目完成注册落户,项目合计总投资12亿元: 项目 after a count of projects is the class counted,
    not one project, so the total is theirs."""
    total = _PROJECTS_TOTAL_RE.match(metric)
    counted = next((m for m in reversed(reading.emitted) if m.endswith("项目")), "")
    return counted + total.group("total") if total and counted else ""


def _class_yield(metric: str, reading: Reading) -> str:
    """开工项目6个,总投资44.5亿元,预计达产后年产值50亿元,税收2亿元: what the counted projects are to yield,
    named after them."""
    counted = next((m for m in reversed(reading.emitted) if m.endswith("项目")), "")
    if not counted or not _YIELD_QUANTITY_RE.search(metric) or metric.startswith(counted):
        return ""
    if not _YIELD_CUE_RE.search(reading.text, 0, reading.segment_start + len(metric) + 8):
        return ""
    return counted + metric


_SUBSET_ACT_RE = re.compile(r"(?:累计|已经|已|共|先后|全部)(?:完工|竣工|开工|投产|签约|落地|建成|开业|入驻|达产|落户)")


def _own_metric(figure: Figure, metric: str, segment: str, after: str, reading: Reading) -> str:
    """A metric read from the figure's own phrase, completed with words carried from before."""
    noun_after = after_noun(after)
    chained = segment.startswith("、")
    if not metric and not noun_after:
        return reading.last if figure.word == reading.last_word else ""
    fronted = _FRONTED_OBJECT_RE.search(reading.text, 0, reading.segment_start)
    if metric and metric == leading_verb(metric) and not noun_after and fronted:
        # 像…一样的独角兽类企业，高新区已培育8家: the object stands before the clause that counts it
        return metric + fronted.group("noun")
    if not metric and chained:
        metric = carried_prefix(reading.last)
    subset = _SUBSET_ACT_RE.fullmatch(metric)
    if subset and not noun_after and figure.unit == "count" and reading.last.endswith(("项目", "企业")):
        # 73个重点项目,累计完工51个: the part of the class counted before that has reached the act
        verb = leading_verb(reading.last)
        return reading.last[len(verb):] + metric
    if not metric or metric == leading_verb(metric) or (len(noun_after) >= 2 and figure.unit == "count"):
        reading.took_after = True
        metric = number_first_metric(metric, without_zone(after, reading.zone), reading.last)
        if metric == "入选企业":
            metric = "入选" + (listed_honour(reading.carried + reading.text) or "企业")
        return share_metric(metric)
    if figure.unit not in _MONEY_LIKE and not leading_verb(metric):
        metric = _carry(metric, segment, reading)
    distributive = _DISTRIBUTIVE_RE.match(reading.last)
    if chained and distributive and not metric.startswith(distributive.group(0)):
        metric = distributive.group(0) + metric
    return share_metric(metric)


def _carry(metric: str, segment: str, reading: Reading) -> str:
    """Prefix an item with what its enumeration shares: 、B → verb (and place) of A; A等B → the sentence verb."""
    stock = stock_metric(metric, reading.last)
    if stock:
        return stock
    if segment.startswith("、"):
        return _enumeration_prefix(reading.last) + metric
    if reading.verb and (names_dropped(segment) or metric[:1].isdigit() or metric[:1] in "超亿万百千"):
        return reading.verb + metric
    return metric


def _enumeration_prefix(last: str) -> str:
    """What the next item inherits from the first: its verb, after a per-unit lead if any
    (每平方公里集聚甲类企业69家、乙类企业6家 → 每平方公里集聚乙类企业)."""
    lead = _PER_UNIT_LEAD_RE.match(last)
    if lead:
        return lead.group(0) + carried_prefix(last[lead.end():])
    return carried_prefix(last)


def segment_start(text: str, start: int, previous_end: int) -> int:
    """Where the phrase naming the figure at ``start`` begins: its clause or the previous figure."""
    position = start
    while position > previous_end and text[position - 1] not in BREAKS:
        position -= 1
    return position


def segment_end(text: str, end: int) -> int:
    """End of the clause after a figure, looked for no further than ``LOOKBACK`` characters."""
    position, limit = end, min(len(text), end + LOOKBACK)
    while position < limit and text[position] not in BREAKS:
        position += 1
    return position
