"""Reporting periods and actual/target reading for indicator figures.

A report states its year once ("2021年，高新区…", "展望2020年", "2022年度工作计划")
and then lists figures without it, so the year and the mood (looking back →
actual, looking ahead → target) are carried from sentence to sentence by
:class:`PeriodContext`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.model import IndicatorKind

YEAR = r"(?:19[5-9]\d|20\d\d)"
HEDGES = "力争|确保|争取"
"""The hedges of a plan: a figure after them is a target, and they are no part of its metric."""
# A year that ends a range (2023—2025年) or a target (到2025年) is no year the report covers.
_YEAR_WORD_RE = re.compile(rf"(?<![\d\-—~～至到])(?P<year>{YEAR})(?:年|年度)")
# A sentence that opens with a year sets the topic year for what follows; a section number
# (一、 (二) 3.) may come first.
_TOPIC_YEAR_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．]|PART\d+)?\s*"
    rf"(?:回顾|展望|到|至|进入|迈入|在)?(?P<year>{YEAR})(?:年|年度)?(?!\d)"
)
# The mood of a topic sentence is read close to its year (2025年，该区将…), not in its later clauses.
_FUTURE_WINDOW = 24
_PLAN_TITLE_RE = re.compile(rf"(?P<year>{YEAR})年度?(?:工作计划|工作要点|工作目标|目标任务|计划)")
# 拟 plans, but 拟上市企业 and 拟入库企业 are firms of a kind (about to list, proposed for a register).
_PLANNED = "拟(?!上市|入库|挂牌)"
# 计划总投资 is the planned sum of projects already signed, not a plan of the zone.
_FUTURE_CUES = re.compile(
    rf"展望|(?<!即)将(?!近)|计划(?!总?投资)|开启|目标|{HEDGES}|{_PLANNED}|预期|(?<![主重需必纲])要(?![求素点])"
)
_TARGET_CUES = re.compile(
    rf"{HEDGES}|目标|计划[,，:：]?(?=到|在|于|完成|实现|新增|引进|招引|投资|建设|开工|实施|推进|签约|竣工|投产)|{_PLANNED}|力求|有望"
    rf"|(?<![主重需必纲])要|(?<!即)将(?!近)|到{YEAR}年|不少于|不低于"
)
# 28个项目将在本月开工: a count whose own words after it say what is yet to happen.
_FUTURE_AFTER_RE = re.compile(rf"^[^,，;；。、“”\"]{{0,8}}?(?:(?<!即)将(?!近)|{_PLANNED})")
_PROGRESS_TAIL_RE = re.compile(r"(?:完成|占|达到)(?:全年|年度|当年|考核|计划)*(?:目标|任务)(?:任务|数)?$")
_HEDGE_RE = re.compile(HEDGES)
_ANNUAL_PLAN_RE = re.compile(r"(?:^|项目)年度(?:计划)?投资$")
_DONE_RE = re.compile(r"完成|实现|累计|已")
_FUTURE_RE = re.compile(r"未来(?!产业)")
# 预计可创造, 预估可带动, 达产后新增: what a park or project is able to yield once built, not a figure reached.
_PROSPECT_RE = re.compile(r"预[计估](?:还|将)?可|(?:建成|投产|达产|运营)后")


_BASE_YEAR_RE = re.compile(rf"(?:较|比|是)(?P<year>{YEAR})年度?")


def average_span(metric: str, before: str, period: str | None) -> str | None:
    """A yearly average growth measured from a base year (是2015年的3倍,年均增长25%) covers the years between.

    >>> average_span("收入年均增长", "2020年,收入96亿元,是2015年的3倍,", "2020")
    '2015-2020'
    """
    base = list(_BASE_YEAR_RE.finditer(before))
    if "年均" not in metric or not base or not period or not period.isdigit():
        return period
    start = base[-1].group("year")
    return f"{start}-{period}" if start < period else period


def annual_period(metric: str, period: str | None) -> str | None:
    """The year of a year's planned investment (2021-Q1 → 2021): the plan covers the whole year.

    >>> annual_period("开工项目年度投资", "2021-Q1"), annual_period("完成投资", "2021-Q1")
    ('2021', '2021-Q1')
    """
    return period[:4] if period and _ANNUAL_PLAN_RE.search(metric) else period
_TITLE_RE = re.compile(r"《[^《》]*》")
_OPEN_TITLE_RE = re.compile(r"《[^《》]*(?:》|$)")
_PLAN_WORDS_RE = re.compile(rf"{HEDGES}|目标|计划(?!总?投资)|到{YEAR}年|力求")
# 今年以来, 十年来: a sentence looking back reports what was done.
_SINCE_RE = re.compile(r"以来|年来")
_AS_OF_RE = re.compile(r"截至|截止")
_ACTUAL_CUES = re.compile(r"近年来|已经|已|累计|现有|以来|发挥")
_CONGRESS_YEARS = {"十八": 2012, "十九": 2017, "二十": 2022, "二十一": 2027}
_CONGRESS_RE = re.compile(r"党的(?P<n>十八|十九|二十一|二十)大(?:胜利)?召开")
_FIVE_YEAR_PLANS = {"十三五": "2016-2020", "十四五": "2021-2025", "十五五": "2026-2030"}

_PERIOD_MARKERS = re.compile(
    # 截至3月31日, 截至6月底: a stock counted to a month's end covers the year so far
    rf"(?:截至|截止)到?(?:(?P<asof_year>{YEAR})年)?(?P<asof>1[0-2]|0?[1-9])月(?:底|末|3[01]日|30日)"
    rf"|(?P<year>{YEAR})(?:年|年度)"
    r"|(?P<half>上半年|下半年)"
    r"|(?:第?(?P<quarter>[一二三四1-4])季度)"
    r"|(?P<first>前三季度)"
    r"|(?P<m1>\d{1,2})\s*[-—~至到]\s*(?P<m2>\d{1,2})月"
    r"|(?P<plan>十三五|十四五|十五五)"
    r"|(?P<every>每年|近年来|近年)"
    r"|(?P<whole>全年|全年度|今年|本年度?|当年)"
    r"|(?P<last>(?<![较比超])(?:去年|过去一年|上一年)(?:全年|全年度)?(?!同期))"
    r"|(?P<congress>(?:党的)?十八大以来)"
    r"|(?P<decade>(?:十|10)年来|近十年)"
)
# Periods named only as a comparison (环比1-6月, 环比一季度, 在2019年基础上) or in a title (《…(2023—2025年)》)
# are not the figure's own.
# 较2021年度上升两位, 是2005年的5倍: a year named as the base of a comparison is not the figure's either,
# nor the year the zone was founded in (成立于1992年的X开发区).
_COMPARISON_RE = re.compile(
    rf"(?:环比|同比|较|比)[^,，;；]{{0,8}}?(?:月|季度|半年)|(?:较|比|是)(?:{YEAR})年度?|(?:成立|始建|创建|设立|组建|创办)于{YEAR}年|在[^,，;；]{{0,12}}?基础上|《[^《》]*》")
# 比年初计划多出9个: a figure measured against the plan is what was done, not a plan.
_AGAINST_PLAN_RE = re.compile(r"(?:较|比|超)(?:年初|年度|全年|原)?计划")
# 《2022年度某市雏鹰培育企业名单》: firms counted on a list of a year are that year's.
_LIST_TITLE_YEAR_RE = re.compile(rf"《(?P<year>{YEAR})年度?[^《》]*?(?:名单|榜单|名录)》")
# An event held for a period (举行2022年第三季度集中签约活动): what follows reports its figures.
_EVENT_RE = re.compile(
    r"(?:举行|举办|召开)[^,，;；:：。]{0,30}?(?:签约|开工|投产|竣工|动工|招商)[^,，;；:：。]{0,12}?(?:活动|仪式|大会)"
    r"|(?:签约|开工|投产|竣工|动工)[^,，;；:：。]{0,6}?(?:活动|仪式)(?:在[^,，;；。]{1,12})?(?:举行|举办|启动)"
    r"|(?:季度|上半年|下半年|\d{4}年度?)[^,，;；:：。]{0,12}?集中(?:签约|开工|投产|竣工|开竣工)"
)
_PLAN_AFTER_TITLE_RE = re.compile(r"计划|目标|展望|思路|安排|要点")
# Words of a later paragraph that refer back to the event (此次签约的项目, 开工的22个项目中).
_EVENT_REFERENCE_RE = re.compile(
    r"此次|本次|当天|当日|会上|现场|活动上|集中(?:签约|开工|竣工|投产)|(?:签约|开工|投产)的"
)
_THIS_EVENT_RE = re.compile(r"此次|本次")
# 2023年度全省开发区发展水平评价排名, 《2019年某省开发区考核报告》: a ranking of a year.
_RANKING_YEAR_RE = re.compile(
    rf"(?<![\d到至—-])(?P<year>{YEAR})年度?[^,，;；。《》]{{0,30}}?(?:排名|排行|评价|考评|评估|考核|榜单|百强)"
)
# A plan stated later in the same sentence (……3月4日，会议传来消息，2025年，该区将……).
_PLAN_LATER_RE = re.compile(rf"(?<![\d到至])(?P<year>{YEAR})年[,，][^。,，]{{0,12}}?(?:将|力争|计划|目标)")
_MID_YEAR_RE = re.compile(r"年中工作|年中会议|年中经济|半年工作|半年度工作|上半年经济运行")
_DATELINE_RE = re.compile(rf"(?<!\d)(?P<year>{YEAR})(?:[-/.]|年)[01]?\d(?:[-/.]|月)[0-3]?\d(?!\d)")
# 19-12-31 10:55: a two-digit year, taken only with the clock time a date line gives.
_SHORT_DATELINE_RE = re.compile(r"(?<![\d/.-])(?P<yy>[0-4]\d)-[01]\d-[0-3]\d\s+[0-2]\d:[0-5]\d(?!\d)")
_DATELINE_REACH = 800
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class PeriodContext:
    """The year and mood in force at a sentence."""

    year: int | None
    target: bool = False
    mid_year: bool = False
    """A mid-year report: figures without a period of their own are first-half figures."""
    report_year: int | None = None
    """The year relative words (今年, 去年, 上半年, 25日) are read against: the dateline's, else the latest."""
    event: str | None = None
    """The period of the last event held (举行2022年第三季度签约活动): the figures after it are its own."""
    event_near: bool = False
    """Whether the event was held in the current paragraph; later ones must refer to it (此次, 当天…)."""
    ranking: str | None = None
    """The year of the last ranking or assessment named (2023年度…综合评价, 《2017年…考评报告》): its ranks' period."""
    dateline: int | None = None
    """The year of the page's date line: the period of a figure nothing else dates (reported as of that day)."""

    def _event_period(self, opening: str) -> str | None:
        """The period an event is held for: its own marker, else the report's year (an event of the day)."""
        if not _PERIOD_MARKERS.search(opening):
            return str(self.report_year) if self.report_year else None
        return period_for(opening, replace(self, event=None, mid_year=False, year=self.year or self.report_year))

    def next_paragraph(self) -> PeriodContext:
        """The context at a paragraph break: the last event is only in force where a sentence refers to it."""
        return replace(self, event_near=False) if self.event_near else self

    def titled(self, title: str) -> PeriodContext:
        """The context after a title line: its one year (青松高新区2023年企业荣誉情况) is the topic if none is yet."""
        years = {m.group("year") for m in _YEAR_WORD_RE.finditer(title)}
        if self.year is not None or len(years) != 1 or _PLAN_AFTER_TITLE_RE.search(title):
            return self
        return replace(self, year=int(years.pop()))

    def advance(self, sentence: str) -> PeriodContext:
        """The context after reading ``sentence``: a year at its start becomes the topic year."""
        title = _PLAN_TITLE_RE.search(sentence)
        if title:
            return PeriodContext(int(title.group("year")), target=True, report_year=self.report_year,
                                 dateline=self.dateline)
        topic = _TOPIC_YEAR_RE.match(sentence)
        context = self
        if topic is not None:
            window = _OPEN_TITLE_RE.sub("", sentence[topic.start("year") : topic.end() + _FUTURE_WINDOW])
            window = _AGAINST_PLAN_RE.sub("", window)
            context = PeriodContext(int(topic.group("year")), bool(_FUTURE_CUES.search(window)), self.mid_year,
                                    self.report_year, dateline=self.dateline)
        ranking = _RANKING_YEAR_RE.search(sentence)
        if ranking:
            context = replace(context, ranking=ranking.group("year"))
        event = _EVENT_RE.search(sentence)
        if event:
            return replace(context, event=context._event_period(sentence[: event.end()]), event_near=True)
        if context.event and not context.event_near and _EVENT_REFERENCE_RE.search(sentence):
            return replace(context, event_near=True)
        return context


def latest_report_year(text: str) -> int | None:
    """The latest year the text reports on, or the year of a party congress it anticipates.

    Figures take the newest period a report speaks of; events take the report's main year
    (:func:`ingest.extract.years.document_year`, the most mentioned one) instead.

    >>> latest_report_year("2021年，高新区……到2035年基本实现"), latest_report_year("2022年度工作计划……展望2023年")
    (2021, 2023)
    >>> latest_report_year("以实际行动迎接党的二十大胜利召开")
    2022
    """
    years = [int(m.group("year")) for m in _YEAR_WORD_RE.finditer(text)]
    if years:
        return max(years)
    congress = _CONGRESS_RE.search(text)
    return _CONGRESS_YEARS[congress.group("n")] if congress else None


def start_context(text: str, raw: str = "") -> PeriodContext:
    """The context before the first sentence: no topic year yet, relative words read against the dateline.

    ``raw`` is the page as loaded: normalisation blanks metadata lines (来源:…2022-10-29), which still date it.
    """
    dateline = dateline_year(text) or dateline_year(raw)
    report = dateline or latest_report_year(text)
    return PeriodContext(None, mid_year=_is_mid_year_report(text), report_year=report, dateline=dateline)


def dateline_year(text: str) -> int | None:
    """The year of the page's date line (2022-09-29, 2013年03月26日 07:50), looked for near the top.

    >>> dateline_year("来源:新闻中心 2022-08-03 09:15"), dateline_year("2021年,高新区……")
    (2022, None)
    >>> dateline_year("新闻网  19-12-31 10:55  来源:日报"), dateline_year("电话 0513-12-34")
    (2019, None)
    """
    match = _DATELINE_RE.search(text, 0, _DATELINE_REACH)
    if match:
        return int(match.group("year"))
    short = _SHORT_DATELINE_RE.search(text, 0, _DATELINE_REACH)
    return 2000 + int(short.group("yy")) if short else None


def _is_mid_year_report(text: str) -> bool:
    """A report of the first half: a mid-year meeting or review (年中工作会议, 半年工作总结).

    >>> _is_mid_year_report("8月初召开的全区年中工作会议上"), _is_mid_year_report("上半年，全年")
    (True, False)
    """
    return bool(_MID_YEAR_RE.search(text))


def period_for(before: str, context: PeriodContext, *, target: bool = False, rank: bool = False) -> str | None:
    """The period of a figure, from the nearest marker in ``before`` (the sentence up to it).

    >>> period_for("上半年，开发区完成地区生产总值", PeriodContext(2022))
    '2022-H1'
    >>> period_for("同时，1-7月，外贸进出口总额", PeriodContext(2022))
    '2022-01/07'
    >>> period_for("4月，举行二季度重大项目集中开工活动，集中开工项目", PeriodContext(2023))
    '2023-Q2'
    >>> period_for("力争“十四五”期间，每年新培养技能人才", PeriodContext(2020))
    '2021-2025'
    >>> period_for("《2017年开发区综合考评报告》显示,青松开发区位列", PeriodContext(None, ranking="2017"), rank=True)
    '2017'
    """
    scanned = _COMPARISON_RE.sub("", before)
    markers = list(_PERIOD_MARKERS.finditer(scanned))
    listed = _LIST_TITLE_YEAR_RE.search(before)
    if listed and not markers:
        return listed.group("year")
    if rank and context.ranking and not _explicit_year(markers):
        return context.ranking
    year = _explicit_year(markers) or context.year or context.report_year
    # 今年以来……本次共签约项目19个: the figures are the event's, whatever year word came first.
    if (context.event and markers and _THIS_EVENT_RE.search(scanned, markers[-1].end())
            and (markers[-1].group("whole") or markers[-1].group("year"))):
        return context.event
    for marker in reversed(markers):
        if target and marker.group("asof"):
            continue  # what is still to come is not counted to the date
        period = _marker_period(marker, year, markers, context.report_year)
        if period != "":
            return period
    if context.event and (context.event_near or _EVENT_REFERENCE_RE.search(scanned)):
        return context.event
    if year and context.mid_year and not target:
        return f"{year}-H1"
    if context.year:
        return str(context.year)
    if context.dateline and not target:
        return str(context.dateline)
    # a page without a date line that tells of an event held in a year reports that year
    return context.event[:4] if context.event and not target else None


def planned_year(sentence: str) -> int | None:
    """The year a sentence announces plans for, wherever it says so (2025年，该区将…), or None.

    >>> planned_year("新增产值90亿元以上……会上传来消息，2025年，该区将紧扣目标"), planned_year("到2025年，实现")
    (2025, None)
    """
    match = _PLAN_LATER_RE.search(_TITLE_RE.sub("", sentence))
    return int(match.group("year")) if match else None


def _explicit_year(markers: list[re.Match[str]]) -> int | None:
    years = [int(m.group("year")) for m in markers if m.group("year")]
    return years[-1] if years else None


def _marker_period(
    marker: re.Match[str], year: int | None, markers: list[re.Match[str]], report: int | None = None
) -> str | None:
    """The period one marker denotes; ``""`` when the marker says nothing on its own."""
    if marker.group("plan"):
        return _FIVE_YEAR_PLANS[marker.group("plan")]
    if marker.group("every"):
        return None if not any(m.group("plan") for m in markers) else ""
    if marker.group("year"):
        return marker.group("year")
    if marker.group("asof"):
        return _year_to_date(int(marker.group("asof_year") or year or 0), int(marker.group("asof")))
    if marker.group("whole"):
        this_year = report if marker.group("whole") == "今年" and not _explicit_year(markers) else None
        return str(this_year or year) if (this_year or year) else None
    if year is None:
        return ""
    if marker.group("last"):
        return str((report or year) - 1)
    if marker.group("congress"):
        return f"2012-{report or year}"
    if marker.group("decade"):
        return f"{(report or year) - 10}-{report or year}"
    if marker.group("half"):
        return f"{year}-H1" if marker.group("half") == "上半年" else f"{year}-H2"
    if marker.group("quarter"):
        return f"{year}-Q{_QUARTERS[marker.group('quarter')]}"
    if marker.group("first"):
        return f"{year}-01/09"
    return f"{year}-{int(marker.group('m1')):02d}/{int(marker.group('m2')):02d}"


def _year_to_date(year: int, month: int) -> str | None:
    """The period of a stock counted to a month's end: 2017-Q1 to March, 2017-H1 to June, 2017-01/08 to August."""
    if not year:
        return ""
    if month == 12:
        return str(year)
    return {3: f"{year}-Q1", 6: f"{year}-H1"}.get(month, f"{year}-01/{month:02d}")


def kind_for(
    phrase: str, before: str, context: PeriodContext, *, clause: str = "", after: str = "", metric: str = ""
) -> IndicatorKind:
    """Target when the figure is a plan (力争, 确保, 目标…, or a forward-looking section).

    ``phrase`` is the text naming the figure, ``clause`` its clause up to the
    figure, ``before`` the whole sentence up to it, ``after`` the rest of its
    clause (…第一目标不动摇) and ``metric`` the name it was given.  A stock (现有, 已, 累计, 发挥…作用) in the clause is
    actual even inside a plan; a 任务数 in the phrase is a target.

    >>> kind_for("招引科创项目不少于", "全年力争招引科创项目不少于", PeriodContext(2022)).value
    'target'
    >>> kind_for("完成地区生产总值", "上半年，开发区完成地区生产总值", PeriodContext(2022)).value
    'actual'
    """
    before = _AGAINST_PLAN_RE.sub("", _TITLE_RE.sub("", before))
    if _PROGRESS_TAIL_RE.search(metric) and not _HEDGE_RE.search(clause or phrase):
        return IndicatorKind.ACTUAL  # 完成全年目标的88.9%: progress made towards a target
    if _ANNUAL_PLAN_RE.search(metric) and not _DONE_RE.search(clause or phrase):
        return IndicatorKind.TARGET  # 开工项目总投资124亿元,年度投资30亿元: what the year's plan allots
    if _FUTURE_RE.search(clause or phrase):
        return IndicatorKind.TARGET  # 未来累计可创造1万个就业机会
    if _ACTUAL_CUES.search(clause or phrase):
        return IndicatorKind.ACTUAL
    if _FUTURE_AFTER_RE.search(after):
        return IndicatorKind.TARGET  # 截至…已开工40个,还有15个项目将开工: the date counts the stock, not this
    if _AS_OF_RE.search(before) or _SINCE_RE.search(before):
        return IndicatorKind.ACTUAL
    if _PROSPECT_RE.search(before):
        return IndicatorKind.TARGET
    # 今年预计…将突破: an estimate of the year under way is reported as actual, unless a plan word says otherwise;
    # the 预计总产值 of projects just signed is what they are to yield, a target.
    if "预计" in before and not _PLAN_WORDS_RE.search(before):
        yields = "项目" in metric and "预计" in (clause or phrase)
        return IndicatorKind.TARGET if yields else IndicatorKind.ACTUAL
    designated = "确定" in (clause or phrase)  # 确定了86个重点建设项目: the year's plan
    if context.target or _TARGET_CUES.search(before) or designated or "任务" in phrase or "目标" in after:
        return IndicatorKind.TARGET
    return IndicatorKind.ACTUAL
