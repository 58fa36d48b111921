"""Zone indicator facts: the figures a report gives for its zone (GDP, counts, areas, ranks).

Each figure becomes ``Fact(INDICATOR, home zone, None, attrs=(metric, value,
unit, period, kind))``.  The metric is the phrase that names the figure as
written: the words before the number in its clause (``新认定高新技术企业49家``
→ 新认定高新技术企业), or the verb plus the noun after it when the number comes
first (``新建28个“两新”党组织`` → 新建两新党组织).  A clause that only says
增长/增幅/总量 borrows the metric of the figure before it (``规模工业产值874.2亿元，
增长15%`` → 规模工业产值增长), and a rank (居全市第二) is named after it too.

The stages live in their own modules: :mod:`indicator_figures` finds the figures,
:mod:`indicator_metrics` names each one (:mod:`indicator_phrases` trims the phrase naming it,
:mod:`indicator_links` builds metrics from other figures: growth, totals, rates, shares, coordinated
figures, ranks), :mod:`indicator_subjects` decides whose figure it is (zone, city, one project or
company) and :mod:`indicator_periods` its period and kind (topic year, date line, events, plans).
This module walks the sentences and turns each named figure into a fact.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.budget import paced
from ingest.document import Document, Fact, Mention, Sentence
from ingest.extract.indicator_figures import Figure, clause_end, figures, in_local_currency
from ingest.extract.indicator_metrics import (
    LOOKBACK,
    Reading,
    enter_clause,
    figure_metrics,
    rank_clause_zone,
    segment_end,
    segment_start,
)
from ingest.extract.indicator_periods import (
    PeriodContext,
    annual_period,
    average_span,
    kind_for,
    period_for,
    planned_year,
    start_context,
)
from ingest.extract.indicator_rankings import bracketed_ranks, respective_ranks, streaks
from ingest.extract.indicator_subjects import (
    about_many_zones,
    opens_with_zone,
    park_just_named,
    refers_to_event,
    region_event,
    sentence_zone,
)
from kg.model import EntityType, IndicatorKind, Predicate

# Cheap test that lets sentences without any numeral skip the full scan.
_MAY_HOLD_FIGURE = re.compile(
    r"[\d０-９]|[零〇一二两三四五六七八九十百千][万亿億萬]|第|前[一二三四五六七八九十]|分之|榜首|首位|鳌头|头筹")
_FULL_STOP_RE = re.compile(r"[。！？!?\n]")
# A lead that sets the mood of a whole sentence is short: 全年力争, 2025年, 下一步.
_LEAD_LENGTH = 10
_CLASS_END_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:企业|机构|项目|单位|平台|园区|载体)")
_TOTAL_AFTER_RE = re.compile(r"(?:总投资|计划总投资|投资总额|总投资额)(?:达|约|超|近|逾)?$")
_LEAD_CLAUSE_RE = re.compile(r"[^,，;；]*")
_TITLE_LENGTH = 60
_HEADLINE_LENGTH = 40
_SENTENCE_ENDS = ("。", "！", "？", "!", "?", "”", "；", ";")
_CRITERIA_RE = re.compile(r"[需须应]满足|[需须应]具备|(?:申报|认定|入选|评选)(?:的)?(?:条件|标准)|硬杠杠")
_MARKUP_RE = re.compile(r"-->|<!--|\.s?html?\b|https?://")
# 的24个, 等78个, 24个项目涉及…: a count taken up again after an attribute or a list of names, or to say
# what the projects counted before are.
_RESTATED_COUNT_RE = re.compile(
    r"(?:的|等)(?P<n>\d+)(?:个|家|项)|^(?P<opening>\d+)个项目(?:涉及|涵盖|覆盖|包括|主要)")
_RESTATED_LEAST = 10
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
    regional = False
    for sentence in paced(doc.sentences):
        if "\n" in doc.text[previous_end : sentence.start]:
            context = context.next_paragraph()
            regional = regional and refers_to_event(sentence.text)
        regional = regional or region_event(sentence.text)
        previous_end = sentence.end
        context = context.advance(sentence.text)
        if _is_title(sentence, doc.text):
            context = context.titled(sentence.text)
        if _is_headline(sentence, doc.text) and _restated(sentence, doc.text):
            continue
        found: list[Fact] = []
        # the figures of a city's or province's event are its own, unless the sentence opens with a zone
        of_region = regional and not opens_with_zone(sentence.text)
        if (_MAY_HOLD_FIGURE.search(sentence.text) and not about_many_zones(sentence.text) and not of_region
                and not _no_figures_of_the_zone(carried + sentence.text)):
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
        found = _without_restated(found, sentence.text, facts)
        facts.extend(found)
        previous = found or previous
        carried = _carried_text(carried, sentence.text)
    return [], in_local_currency(_unique(facts), doc)


def _no_figures_of_the_zone(text: str) -> bool:
    """The conditions a designation sets (入选…需满足…营业收入在1亿元以上) or a line of markup left by the
    page's publishing system (--> 2023-02-21 … content_1.html): no figures of the zone."""
    return bool(_CRITERIA_RE.search(text) or _MARKUP_RE.search(text))


def _without_restated(found: list[Fact], text: str, earlier: list[Fact]) -> list[Fact]:
    """签约的24个项目涉及…, 甲、乙等78个项目均已开工: a sentence that takes up a count given before
    describes those projects; its figures already given are not new ones.

    Small counts (2个, 5家) recur by chance, so only a count of ten or more is taken as restated.
    """
    numbers = {float(m.group("n") or m.group("opening")) for m in _RESTATED_COUNT_RE.finditer(text)} if found else set()
    if not numbers:
        return found
    counted = {_figure_key(f) for f in earlier if f.attr("unit") == "count"}
    restated = {_figure_key(f) for f in found if f.attr("unit") == "count" and f.attr("value") >= _RESTATED_LEAST}
    if not any(key[1] in numbers and _same_year(key, counted) for key in restated):
        return found
    given = {_figure_key(f) for f in earlier}
    return [f for f in found if not _same_year(_figure_key(f), given)]


def _figure_key(fact: Fact) -> tuple[object, ...]:
    period = fact.attr("period")
    return fact.subject, float(fact.attr("value")), fact.attr("unit"), period[:4] if period else None


def _same_year(key: tuple[object, ...], keys: set[tuple[object, ...]]) -> bool:
    """Whether ``keys`` hold the same figure, of the same year or of one not dated."""
    return any(other[:3] == key[:3] and None in (other[3], key[3]) or other == key for other in keys)


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


_FIGURE_RE = re.compile(r"\d+(?:\.\d+)?")


def _restated(headline: Sentence, text: str) -> bool:
    """Whether the body gives the headline's figures again (a headline whose figure the body never
    states is the page's only word on it)."""
    body = text[: headline.start] + text[headline.end :]
    return all(figure in body for figure in _FIGURE_RE.findall(headline.text) if "." in figure or len(figure) > 2)


def _is_title(sentence: Sentence, text: str) -> bool:
    """A short line without closing punctuation: a page or section title."""
    return (len(sentence.text) <= _TITLE_LENGTH and not sentence.text.endswith(_SENTENCE_ENDS)
            and text[sentence.end : sentence.end + 1] in ("\n", ""))


def _carried_text(carried: str, text: str) -> str:
    """What a piece cut off a long sentence after ；passes on: the sentence so far (its period, its mood)."""
    if not text.endswith((";", "；")):
        return ""
    return (carried + text)[-LOOKBACK:]


def _unique(facts: list[Fact]) -> list[Fact]:
    seen: set[tuple[object, ...]] = set()
    kept = []
    for fact in facts:
        key = (fact.subject, fact.attrs)
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept


def _whole_sentence(text: str, start: int) -> str:
    """The text from ``start`` to the end of its full sentence (pieces cut at ；run on to the 。)."""
    stop = _FULL_STOP_RE.search(text, start, start + LOOKBACK)
    return text[start : stop.end() if stop else start + LOOKBACK]


def _sentence_facts(
    sentence: Sentence, home: tuple[EntityType, str], context: PeriodContext, carried: str = "",
    plan: int | None = None,
) -> list[Fact]:
    text = sentence.text
    found = figures(text)
    subject = sentence_zone(text, home)
    reading = Reading(zone=subject[1], text=text, carried=carried, plan=plan)
    facts: list[Fact] = []
    for index, figure in enumerate(found):
        seg_start = segment_start(text, figure.start, max(found[index - 1].end if index else 0, reading.consumed))
        next_start = found[index + 1].start if index + 1 < len(found) else len(text)
        after_end = clause_end(text, figure.end, next_start)
        segment, after = text[seg_start : figure.start], text[figure.end : after_end]
        whole_after = after
        next_follows = index + 1 < len(found) and after_end == next_start
        runs_on = "" if _TOTAL_AFTER_RE.search(after) else _runs_into_next(figure, after, next_follows)
        after = runs_on or after
        enter_clause(reading, text, seg_start)
        reading.segment_start = seg_start
        if figure.of_count:
            reading.owed_total = figure
            continue
        ranked_zone = rank_clause_zone(text, figure.start) if figure.ordinal else park_just_named(text, seg_start)
        if ranked_zone is not None:
            reading.zone, figure_subject = ranked_zone, (EntityType.ZONE, ranked_zone)
        else:
            reading.zone, figure_subject = subject[1], subject
        metrics = figure_metrics(figure, segment, after, reading)
        if figure.unit == "rank" and not figure.ordinal:
            metrics = [m if m.endswith(("位次", "名次")) else m + "位次" for m in metrics]  # 排名升5位: a step
        if reading.took_after:
            # 9个工业项目总投资81.6亿元: the total word after the count names the next figure.
            total = _TOTAL_AFTER_RE.search(whole_after)
            reading.consumed, reading.took_after = after_end - (len(total.group(0)) if total else 0), False
            if runs_on:
                reading.consumed = figure.end  # the words after the count also name the next figure
        clause_after = text[figure.end : segment_end(text, figure.end)]
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


def _as_target(fact: Fact) -> Fact:
    attrs = dict(fact.attrs)
    attrs["kind"] = IndicatorKind.TARGET.value
    return replace(fact, attrs=tuple(attrs.items()))


def _fact(
    index: int,
    subject: tuple[EntityType, str],
    metric: str,
    figure: Figure,
    around: tuple[str, str],
    reading: Reading,
    context: PeriodContext,
) -> Fact:
    segment, clause_after = around
    text = reading.text
    window = max(0, figure.start - LOOKBACK)
    carried = reading.carried if window == 0 else ""
    before = carried + text[window : figure.start]
    clause = text[segment_start(text, figure.start, window) : figure.start]
    # A hedge in an earlier piece of the sentence (…都将位列第二；工业增加值…) governs it only from the lead.
    piece = max(text.rfind(";", 0, figure.start), text.rfind("；", 0, figure.start)) + 1
    lead = _LEAD_CLAUSE_RE.match(carried + text[:piece]).group(0) if carried or piece else ""
    lead = lead if len(lead) <= _LEAD_LENGTH else ""
    mood = lead + text[max(window, piece) : figure.start]
    kind = kind_for(segment, mood, context, clause=clause, after=clause_after, metric=metric)
    period = period_for(before, context, target=kind is IndicatorKind.TARGET, rank=figure.unit == "rank")
    period = average_span(metric, before, annual_period(metric, period))
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
