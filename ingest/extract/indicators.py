"""Zone indicator facts: the figures a report gives for its zone (GDP, counts, areas, ranks).

Each figure becomes ``Fact(INDICATOR, home zone, None, attrs=(metric, value,
unit, period, kind))``.  The metric is the phrase that names the figure as
written: the words before the number in its clause (``新认定高新技术企业49家``
→ 新认定高新技术企业), or the verb plus the noun after it when the number comes
first (``新建28个“两新”党组织`` → 新建两新党组织).  A clause that only says
增长/增幅/总量 borrows the metric of the figure before it (``规模工业产值874.2亿元，
增长15%`` → 规模工业产值增长), and a rank (居全市第二) is named after it too.

The stages live in their own modules: :mod:`indicator_figures` finds the figures,
:mod:`indicator_phrases` trims the phrase naming one, :mod:`indicator_links` builds metrics from
other figures (growth, totals, rates, shares, coordinated figures, ranks), :mod:`indicator_subjects`
decides whose figure it is (zone, city, one project or company) and :mod:`indicator_periods` its
period and kind (topic year, date line, events, plans).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ingest.budget import paced
from ingest.document import Document, Fact, Mention, Sentence
from ingest.extract.indicator_figures import BREAKS, Figure, clause_end, figures
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
from ingest.extract.indicator_periods import (
    PeriodContext,
    annual_period,
    kind_for,
    period_for,
    planned_year,
    start_context,
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
from ingest.extract.indicator_rankings import bracketed_ranks, respective_ranks, streaks
from ingest.extract.indicator_subjects import (
    about_many_zones,
    about_one_body,
    about_region,
    after_one_project,
    published_above,
    sentence_zone,
)
from ingest.extract.zones import find_zone_names
from kg.model import EntityType, IndicatorKind, Predicate

_MONEY_LIKE = frozenset({"CNY", "USD", "EUR", "JPY", "HKD", "GBP", "percent", "percentage_point"})
_DISTRIBUTIVE_RE = re.compile(r"每年|年均|每季度|每月")
# Cheap test that lets sentences without any numeral skip the full scan.
_MAY_HOLD_FIGURE = re.compile(
    r"[\d０-９]|[零〇一二两三四五六七八九十百千][万亿億萬]|第|前[一二三四五六七八九十]|分之|榜首|首位|鳌头|头筹")
# How far back a figure's period and mood cues are looked for (a sentence is rarely longer).
_LOOKBACK = 300
_FULL_STOP_RE = re.compile(r"[。！？!?\n]")
# A lead that sets the mood of a whole sentence is short: 全年力争, 2025年, 下一步.
_LEAD_LENGTH = 10
# A metric is a noun phrase; a longer "metric" is a clause or a list of names the rules failed to cut.
_METRIC_LENGTH = 24
# 某某商业综合体总投资60亿元: the total of one named project (a class of projects ends in 项目).
_NAMED_TOTAL_RE = re.compile(
    r"^(?![^项]*项目)[\u4e00-\u9fff]{4,}(?<!项目)(?<!年度)总投资(?:额)?$"
    # 甲医疗机器人项目签约额: one named project's amount; a class of projects names a kind (集中签约, 重点, 亿元以上)
    r"|^(?![^项]*(?:签约|开工|集中|重点|重大|引进|在建|续建|竣工|投产|亿元|以上|产业|工业|招商|外资|内资|台资|入园|落户"
    r"|新建|实施|储备|谋划))[\u4e00-\u9fff]{3,}项目(?:签约额|投资额|签约金额|合同额)$"
)
_CLASS_END_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:企业|机构|项目|单位|平台|园区|载体)")
_RANK_VERB_RE = re.compile(r"(?:位列|位居|名列|排名|稳居|跃居|列|居)$")
_SHARED_SHARE_RE = re.compile(r"[均都共]占")
_FRONTED_OBJECT_RE = re.compile(r"(?:的|^)(?P<noun>[\u4e00-\u9fff]{2,10}?(?:企业|项目|人才|平台|机构|团队))[,，]$")
_DOUBLING_VERB_RE = re.compile(r"(?:实现|完成|数量)?$")
_TOTAL_AFTER_RE = re.compile(r"(?:总投资|计划总投资|投资总额|总投资额)(?:达|约|超|近|逾)?$")
_LEAD_CLAUSE_RE = re.compile(r"[^,，;；]*")
_YIELD_QUANTITY_RE = re.compile(r"产值|税收|利税|就业|营业收入|销售收入|营收|销售额")
_YIELD_CUE_RE = re.compile(r"达产|达效|建成后|投产后|全部投产|预计")
_TITLE_LENGTH = 60
_HEADLINE_LENGTH = 40
_SENTENCE_ENDS = ("。", "！", "？", "!", "?", "”", "；", ";")
# 其中,… details the figures of the sentence before.
_DETAIL_RE = re.compile(r"^\s*(?:其中|在?这(?:些)?[^,，;；。]{0,12}中)[,，:：]")


def extract_indicators(doc: Document) -> tuple[list[Mention], list[Fact]]:
    """Indicator facts of the document's own zone (or of another zone a sentence opens with)."""
    if doc.home_zone is None:
        return [], []
    context = start_context(doc.text, doc.raw)
    facts: list[Fact] = []
    carried = ""
    previous_end = 0
    previous: list[Fact] = []
    detailing = False
    for sentence in paced(doc.sentences):
        if "\n" in doc.text[previous_end : sentence.start]:
            context = context.next_paragraph()
        previous_end = sentence.end
        context = context.advance(sentence.text)
        if _is_title(sentence, doc.text):
            context = context.titled(sentence.text)
        if _is_headline(sentence, doc.text):
            continue
        found: list[Fact] = []
        if _MAY_HOLD_FIGURE.search(sentence.text) and not about_many_zones(sentence.text):
            plan = planned_year(carried + _whole_sentence(doc.text, sentence.start))
            found = _sentence_facts(sentence, doc.home_zone, context, carried, plan)
            ranked = respective_ranks(sentence.index, sentence.text, context) or bracketed_ranks(
                sentence.index, sentence.text, context)
            found = [f for f in found if f.attr("unit") != "rank"] + ranked if ranked else found
            found += streaks(sentence.index, sentence.text, doc.home_zone, context)
        # a piece after ；of a detailing sentence details the same figures
        detail = bool(_DETAIL_RE.match(sentence.text)) or (bool(carried) and detailing)
        detailing = detail
        if detail:
            found = [_as_detail(fact, previous) for fact in found]
        facts.extend(found)
        previous = found or previous
        carried = _carried_text(carried, sentence.text)
    return [], _unique(facts)


def _as_detail(fact: Fact, previous: list[Fact]) -> Fact:
    """A figure of a sentence that details the one before (其中,…) shares its period and, in a plan, its mood."""
    if not previous:
        return fact
    attrs = dict(fact.attrs)
    if attrs["period"] is None:
        attrs["period"] = previous[-1].attr("period")
    if all(f.attr("kind") == IndicatorKind.TARGET.value for f in previous):
        attrs["kind"] = IndicatorKind.TARGET.value
    return replace(fact, attrs=tuple(attrs.items()))


def _is_headline(sentence: Sentence, text: str) -> bool:
    """A news headline restates figures of the body in other words: the first line without a closing 。,
    or a short line of its own before the body (青松高新区一季度重点项目开工——共涉及17个项目,总投资96亿元)."""
    first_line = "\n" not in text[: sentence.start].strip()
    if (first_line and not sentence.text.endswith(_SENTENCE_ENDS)
            and text[sentence.end:sentence.end + 1] == "\n"):
        return True
    whole_line = text[sentence.start - 1 : sentence.start] in ("\n", "") and text[sentence.end : sentence.end + 1] in (
        "\n", "")
    return whole_line and len(sentence.text) <= _HEADLINE_LENGTH and not sentence.text.endswith(("。", "；", ";"))


def _is_title(sentence: Sentence, text: str) -> bool:
    """A short line without closing punctuation: a page or section title."""
    return (len(sentence.text) <= _TITLE_LENGTH and not sentence.text.endswith(_SENTENCE_ENDS)
            and text[sentence.end : sentence.end + 1] in ("\n", ""))


def _carried_text(carried: str, text: str) -> str:
    """What a piece cut off a long sentence after ；passes on: the sentence so far (its period, its mood)."""
    if not text.endswith((";", "；")):
        return ""
    return (carried + text)[-_LOOKBACK:]


def _unique(facts: list[Fact]) -> list[Fact]:
    seen: set[tuple[object, ...]] = set()
    kept = []
    for fact in facts:
        key = (fact.subject, fact.attrs)
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept


@dataclass
class _Reading:
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


def _whole_sentence(text: str, start: int) -> str:
    """The text from ``start`` to the end of its full sentence (pieces cut at ；run on to the 。)."""
    stop = _FULL_STOP_RE.search(text, start, start + _LOOKBACK)
    return text[start : stop.end() if stop else start + _LOOKBACK]


def _sentence_facts(
    sentence: Sentence, home: tuple[EntityType, str], context: PeriodContext, carried: str = "",
    plan: int | None = None,
) -> list[Fact]:
    text = sentence.text
    found = figures(text)
    subject = sentence_zone(text, home)
    reading = _Reading(zone=subject[1], text=text, carried=carried, plan=plan)
    facts: list[Fact] = []
    for index, figure in enumerate(found):
        seg_start = _segment_start(text, figure.start, max(found[index - 1].end if index else 0, reading.consumed))
        next_start = found[index + 1].start if index + 1 < len(found) else len(text)
        after_end = clause_end(text, figure.end, next_start)
        segment, after = text[seg_start : figure.start], text[figure.end : after_end]
        whole_after = after
        next_follows = index + 1 < len(found) and after_end == next_start
        runs_on = "" if _TOTAL_AFTER_RE.search(after) else _runs_into_next(figure, after, next_follows)
        after = runs_on or after
        _enter_clause(reading, text, seg_start)
        reading.segment_start = seg_start
        if figure.of_count:
            reading.owed_total = figure
            continue
        ranked_zone = _rank_clause_zone(text, figure.start) if figure.ordinal else None
        if ranked_zone is not None:
            reading.zone, figure_subject = ranked_zone, (EntityType.ZONE, ranked_zone)
        else:
            reading.zone, figure_subject = subject[1], subject
        metrics = _metrics(figure, segment, after, reading)
        if reading.took_after:
            # 9个工业项目总投资81.6亿元: the total word after the count names the next figure.
            total = _TOTAL_AFTER_RE.search(whole_after)
            reading.consumed, reading.took_after = after_end - (len(total.group(0)) if total else 0), False
            if runs_on:
                reading.consumed = figure.end  # the words after the count also name the next figure
        clause_after = text[figure.end : _segment_end(text, figure.end)]
        if figure.unit == "count":
            reading.emitted.extend(metrics)
        for metric in metrics:
            fact = _fact(sentence.index, figure_subject, metric, figure, (segment, clause_after), reading, context)
            facts.append(_as_target(fact) if reading.yields else fact)
        reading.yields = False
        owed, reading.owed_total = reading.owed_total, None
        if owed is not None and figure.unit == "count" and len(metrics) == 1:
            total = metrics[0] + "总投资"
            facts.append(_fact(sentence.index, subject, total, owed, (segment, clause_after), reading, context))
        if figure.ordinal and metrics and not reading.base:
            reading.base = reading.last = metrics[-1]
    return facts


def _runs_into_next(figure: Figure, after: str, next_follows: bool) -> str:
    """12家银行机构意向授信300亿元: the class a count ends with (银行机构) when its words run on into
    the next figure's name, or ``""``."""
    if figure.unit != "count" or not next_follows:
        return ""
    head = _CLASS_END_RE.match(after)
    return head.group(0) if head and len(after) - head.end() >= 2 else ""


def _enter_clause(reading: _Reading, text: str, seg_start: int) -> None:
    """Reset what does not cross a clause: the topic (one clause), the verb (not past ；)."""
    if seg_start == 0 or text[seg_start - 1] not in BREAKS:
        return
    if text[seg_start - 1] in ";；":
        reading.verb = reading.sector = ""
    reading.respective = []
    previous_clause = text[_segment_start(text, seg_start - 1, 0) : seg_start - 1]
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


def _clause_start(text: str, end: int) -> int:
    return max(text.rfind(mark, 0, end) for mark in _CLAUSE_MARKS) + 1


def _rank_clause_zone(text: str, start: int) -> str | None:
    """The zone a rank's clause opens with (…,B综保区紧随其后,位居第二 → B综保区), or None."""
    clause = _clause_start(text, start)
    if _RANK_OPENING_RE.match(text, clause) and clause > 0:
        clause = _clause_start(text, clause - 1)  # a clause of the rank alone continues the one before
    lead = _CLAUSE_LEAD_RE.match(text, clause)
    opening = text[lead.end() if lead else clause: start]
    zones = find_zone_names(opening)
    return zones[0][2].name if zones and zones[0][0] == 0 else None


def _metrics(figure: Figure, segment: str, after: str, reading: _Reading) -> list[str]:
    """The metric names for one figure (a rank such as 总量和增幅均居第一 names two)."""
    if figure.ordinal:
        ranked = rank_metric(figure.core or segment, figure.rank_scope, reading.base, reading.zone)
        core = clean_metric(_RANK_VERB_RE.sub("", segment), money=False, zone=reading.zone)
        bare = not core or bool(_RANK_GROUP_SEGMENT_RE.match(core))
        clause = _clause_start(reading.text, reading.segment_start + len(segment))
        framed = ranking_frame(reading.text[: reading.segment_start], reading.zone) if bare else ""
        framed = framed or (ranking_frame(reading.text[:clause], reading.zone) if bare and clause else "")
        group = _GROUP_FRAME_RE.search(reading.text, 0, clause) if bare and not framed and not ranked else None
        framed = framed or (group.group("group") + (group.group("kind") or "") + "排名" if group else "")
        return [framed] if framed else ranked
    if about_region(segment):
        reading.base = reading.last = ""
        return []
    money = figure.unit not in ("count", "rank")
    metric = clean_metric(segment, money=money, zone=reading.zone)
    shared = bool(_SHARED_SHARE_RE.search(segment))
    share = share_of(metric, after, reading.emitted, shared=shared, previous=reading.last) if (
        figure.unit == "percent") else ""
    if share:
        reading.last, reading.took_after = share, after.startswith("的")
        return [share]
    if figure.word == "番" and metric:
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
    metric = _own_metric(figure, metric, segment, after, reading)
    metric = tidy_metric(without_zone_name(metric, reading.zone))
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


def _class_yield(metric: str, reading: _Reading) -> str:
    """开工项目6个,总投资44.5亿元,预计达产后年产值50亿元,税收2亿元: what the counted projects are to yield,
    named after them."""
    counted = next((m for m in reversed(reading.emitted) if m.endswith("项目")), "")
    if not counted or not _YIELD_QUANTITY_RE.search(metric) or metric.startswith(counted):
        return ""
    if not _YIELD_CUE_RE.search(reading.text, 0, reading.segment_start + len(metric) + 8):
        return ""
    return counted + metric


def _as_target(fact: Fact) -> Fact:
    attrs = dict(fact.attrs)
    attrs["kind"] = IndicatorKind.TARGET.value
    return replace(fact, attrs=tuple(attrs.items()))


_SUBSET_ACT_RE = re.compile(r"(?:累计|已经|已|共|先后|全部)(?:完工|竣工|开工|投产|签约|落地|建成|开业|入驻|达产|落户)")


def _own_metric(figure: Figure, metric: str, segment: str, after: str, reading: _Reading) -> str:
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


def _carry(metric: str, segment: str, reading: _Reading) -> str:
    """Prefix an item with what its enumeration shares: 、B → verb (and place) of A; A等B → the sentence verb."""
    stock = stock_metric(metric, reading.last)
    if stock:
        return stock
    if segment.startswith("、"):
        return carried_prefix(reading.last) + metric
    if reading.verb and (names_dropped(segment) or metric[:1].isdigit() or metric[:1] in "超亿万百千"):
        return reading.verb + metric
    return metric


def _fact(
    index: int,
    subject: tuple[EntityType, str],
    metric: str,
    figure: Figure,
    around: tuple[str, str],
    reading: _Reading,
    context: PeriodContext,
) -> Fact:
    segment, clause_after = around
    text = reading.text
    window = max(0, figure.start - _LOOKBACK)
    carried = reading.carried if window == 0 else ""
    before = carried + text[window : figure.start]
    clause = text[_segment_start(text, figure.start, window) : figure.start]
    # A hedge in an earlier piece of the sentence (…都将位列第二；工业增加值…) governs it only from the lead.
    piece = max(text.rfind(";", 0, figure.start), text.rfind("；", 0, figure.start)) + 1
    lead = _LEAD_CLAUSE_RE.match(carried + text[:piece]).group(0) if carried or piece else ""
    lead = lead if len(lead) <= _LEAD_LENGTH else ""
    mood = lead + text[max(window, piece) : figure.start]
    kind = kind_for(segment, mood, context, clause=clause, after=clause_after, metric=metric)
    period = period_for(before, context, target=kind is IndicatorKind.TARGET, rank=figure.unit == "rank")
    period = annual_period(metric, period)
    planned = reading.plan if period is None else None
    if planned:
        kind = kind_for(segment, mood, replace(context, target=True), clause=clause, after=clause_after, metric=metric)
        period = str(planned) if kind is IndicatorKind.TARGET else None
    attrs = (
        ("metric", metric),
        ("value", figure.value),
        ("unit", figure.unit),
        ("period", period),
        ("kind", kind.value),
    )
    return Fact(Predicate.INDICATOR, subject, None, index, attrs)


def _segment_start(text: str, start: int, previous_end: int) -> int:
    """Where the phrase naming the figure at ``start`` begins: its clause or the previous figure."""
    position = start
    while position > previous_end and text[position - 1] not in BREAKS:
        position -= 1
    return position


def _segment_end(text: str, end: int) -> int:
    """End of the clause after a figure, looked for no further than ``_LOOKBACK`` characters."""
    position, limit = end, min(len(text), end + _LOOKBACK)
    while position < limit and text[position] not in BREAKS:
        position += 1
    return position

