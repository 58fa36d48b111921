"""Figures of a sentence that can be indicator values: amounts, counts, shares and ranks.

:func:`figures` finds them in text order and rejects numbers that are parts of names
(20亿元项目, “营商环境88条”), terms of a grant (给予最高100万元), durations (6个月) and the size of
the group a rank is taken in; an amount written before the projects it totals
(总投资560亿元的90个项目) is kept and marked ``of_count``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import cn2an

from ingest.document import Document, Fact
from ingest.extract.numbers import Quantity, find_percent_words, find_quantities, local_currency

BREAKS = frozenset(",;:。!?，；：！？\n")
# Units folded into the indicator vocabulary: people and households are counted.
_UNIT_CODES = {"person": "count", "household": "count", "person_time": "count"}
# Where a rank is taken: a region, or the zones of a region (全省开发区).
_SCOPE = r"(?:(?:全市|全省|全国)(?:开发区|高新区|经开区|园区)?|全区|全县|全州|省内|市内|区内)"
_RANK_RE = re.compile(
    rf"(?:(?P<verb>位居|位列|名列|排名|列|居|排|保持|稳居|上升至|升至|跃居|跃升至|提升至)(?P<scope>{_SCOPE})?"
    r"(?:“(?P<list>[^”]{2,24})”)?"
    rf"|(?P<scope_only>{_SCOPE}|开发园区|高新区|经开区|园区))"
    r"第(?P<n>[一二三四五六七八九十]+|\d+)(?:名|位)?(?![批届次期个家条季轮阶方章部款项号层类步线年大])"
    r"|排名(?P<n2>\d+)名"
)
# 挺进省级高新区前十五: a rank to reach, named by the words between the verb and 前.
_TOP_RE = re.compile(
    r"(?:进入|挺进|跻身|迈入|稳居|保持)(?P<core>[^,，;；、]{2,12}?)前(?P<n>[一二三四五六七八九十]+|\d+)(?:名|位|强)?"
)
# 荣登榜首, 位居全国首位, 独占鳌头: first place written without a numeral.
_FIRST_RE = re.compile(
    rf"(?:荣登|位居|位列|名列|稳居|跃居|居)(?P<scope>{_SCOPE})?(?:榜首|首位)(?!次)|独占鳌头|拔得头筹")
_RANK_STEP_RE = re.compile(r"(?:升|提升|前进|上升|进位|晋升)了?$")
_DESCRIPTOR_TAIL_RE = re.compile(r"^(?:以上|及以上|及|级|重特大|重大|产业|的)*(?:项目|企业|级)|^的|^(?:及|和|、|或)\d")
# 总投资3.2亿元甲光学镜头合作项目: the total of the project named right after it, not a figure of the zone.
_INVESTED_BEFORE_RE = re.compile(r"投资(?:额|总额)?(?:约|达|超|近|逾)?$")
_NAME_OF_PROJECT_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,30}?项目(?:[,，;；。、]|$)")
_RANGE_RE = re.compile(r"\d\s*[-—~～至到]")
# 给予最高100万元奖励, 最高奖励50万元: the terms of a grant, not a figure of the zone (兑现奖励3亿元 is one).
_POLICY_TERMS_RE = re.compile(r"(?:给予|最高)[\u4e00-\u9fff]{0,5}$")
# 在全国169家国家高新区…中位列第4: the size of the group a rank is taken in.
_RANK_GROUP_RE = re.compile(r"在(?:全国|全省|全市)?$")
# 在西部地区(共46家综合保税区)中: a note giving the size of a group, not a figure of the zone.
_GROUP_NOTE_RE = re.compile(r"[(（](?:全国|全省|全市)?共有?$")
_POLICY_COUNT_RE = re.compile(r"(?:措施|政策|新政|举措|意见|清单|条例|办法|方案|营商环境)$")
# 总投资560亿元的90个项目, 总投资640亿元的重点建设项目72个: an amount that describes the projects counted next.
_AMOUNT_OF_COUNT_RE = re.compile(r"(?:以上)?的[^,，;；。\d]{0,12}?\d+(?:个|项)")
_TOTAL_BEFORE_RE = re.compile(r"(?:总投资|投资总额|计划总投资|总投资额)(?:达|约|超|近|逾)?$")
# 投资80亿 / 产值12.5亿: money written without 元 after a money word (not 80亿元, not 80亿美元).
_BARE_YUAN_RE = re.compile(
    r"(?:投资|总投资|产值|收入|营收|销售额|税收|利税|总额|金额|资金)(?:达到|达|约|超过|超|近|逾|突破)?"
    r"(?P<num>\d+(?:\.\d+)?)(?P<mult>亿|万)(?![\d元美欧日港英万亿])"
)
_YUAN_MULTIPLIERS = {"亿": 100_000_000, "万": 10_000}
_RESTATED_RE = re.compile(r"(?:这|这些|上述|以上)$")
_AMONG_RE = re.compile(r"[^,，;；。\d]{0,8}?中")
_AMONG_OPENING_RE = re.compile(r"(?:^|[,，;；。])在[^,，;；。\d]{1,10}的$")
_COUNTED_UNITS = frozenset({"count", "person", "household", "person_time", "percent", "percentage_point", "rank",
                            "个", "家", "项"})
_PROJECT_AFTER_RE = re.compile(r"[^,，;；。]{0,30}?项目")
_QUOTES_AND_SPACE = re.compile(r"[“”\"「」『』《》\s]")


@dataclass(frozen=True)
class Figure:
    """One figure of a sentence before its metric is known."""

    start: int
    end: int
    value: float
    unit: str
    word: str = ""
    """The counting word as written (个, 家, 套…): a bare second figure only repeats a metric in the same word."""
    rank_scope: str = ""
    core: str = ""
    """For 挺进省级高新区前十五: the words naming the ranking."""
    ordinal: bool = False
    """A rank written as an ordinal (居全市第二), named after the figure before it."""
    of_count: bool = False
    """总投资560亿元的90个项目: the total of the projects counted next, named after them."""


def figures(text: str, *, project_sizes: bool = False) -> list[Figure]:
    """Every figure of the sentence that can be an indicator value, in text order.

    ``project_sizes`` keeps the size written before a project's name (占地200亩的物流园项目), which the
    zone's figures leave out and the project's own figures need.
    """
    figures = [_as_figure(start, end, q, text, project_sizes) for start, end, q in _measures(text)]
    figures.extend(_ranks(text))
    kept = [f for f in figures if f is not None]
    return sorted(kept, key=lambda figure: figure.start)


def _measures(text: str) -> list[tuple[int, int, Quantity]]:
    found = find_quantities(text)
    covered = {index for start, end, _ in found for index in range(start, end)}
    extra = [*find_percent_words(text), *_bare_yuan_amounts(text)]
    return [*found, *(item for item in extra if covered.isdisjoint(range(item[0], item[1])))]


def _bare_yuan_amounts(text: str) -> list[tuple[int, int, Quantity]]:
    """预计总投资80亿,年度投资50亿: an amount of money written without 元 after a word that names money.

    >>> [(s, q.value) for s, _, q in _bare_yuan_amounts("总投资80亿,年度投资5.5亿,项目30个,80亿元")]
    [(3, 8000000000.0), (11, 550000000.0)]
    """
    return [(m.start("num"), m.end(), Quantity(float(m.group("num")) * _YUAN_MULTIPLIERS[m.group("mult")], "CNY",
                                               m.group(0)))
            for m in _BARE_YUAN_RE.finditer(text)]


def _as_figure(start: int, end: int, quantity: Quantity, text: str, project_sizes: bool = False) -> Figure | None:
    if quantity.is_money and _AMOUNT_OF_COUNT_RE.match(text, end) and _TOTAL_BEFORE_RE.search(text, 0, start):
        return Figure(start, end, quantity.value, quantity.unit, of_count=True)
    if not _plausible(start, end, quantity, text, project_sizes):
        return None
    unit = _UNIT_CODES.get(quantity.unit, quantity.unit)
    if unit == "count" and (_RANK_STEP_RE.search(text[max(0, start - 4) : start]) or text[end : end + 2] == "名次"):
        unit = "rank"
    return Figure(start, end, quantity.value, unit, word=text[end - 1])


def _plausible(start: int, end: int, quantity: Quantity, text: str, project_sizes: bool = False) -> bool:
    """Reject figures that are parts of names: 20亿元项目, “营商环境88条”, 一个, 排名17名."""
    if _inside_quotes(text, start) or text[max(0, start - 2) : start] == "排名":
        return False
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return False  # 高于全市平均通过率(60.45%): a figure in brackets is a note on the words before it
    if quantity.is_money:
        terms = _POLICY_TERMS_RE.search(text[max(0, start - 8) : start])
        named = _INVESTED_BEFORE_RE.search(text, max(0, start - 6), start) and _NAME_OF_PROJECT_RE.match(text, end)
        return not terms and not named and not _DESCRIPTOR_TAIL_RE.match(text[end:])
    if _RANK_GROUP_RE.search(text[max(0, start - 4) : start]) or _GROUP_NOTE_RE.search(text, 0, start):
        return False
    words = quantity.unit in ("percent", "percentage_point") and not quantity.text[:1].isdigit()
    words = words or text.startswith("位次", end)  # 上升两个位次
    if not (words or any(ch.isdigit() for ch in quantity.text)) or _RANGE_RE.search(quantity.text):
        return False
    if text[end - 1 : end + 1] in ("个月", "个年") or text[end - 1 : end + 2] == "个季度":
        return False
    if (_RESTATED_RE.search(text, max(0, start - 3), start) or _AMONG_OPENING_RE.search(text, 0, start)) \
            and _AMONG_RE.match(text, end):
        return False  # 在这57个项目中, 在签约的12个项目中: the figure given before, restated to detail it
    if text[start - 1 : start] == "前" and text[end - 1] in "位名":
        return False  # 位列前25位: a bound of a ranking, not a count
    if quantity.unit not in _COUNTED_UNITS and not project_sizes and _PROJECT_AFTER_RE.match(text, end):
        return False  # 开工年产2.5万吨基础油项目, 占地200亩的物流园项目: the size of one project, part of its name
    if text[end - 1] == "条":
        noun_after = _QUOTES_AND_SPACE.sub("", text[end : clause_end(text, end, len(text))])
        policy = _POLICY_COUNT_RE.search(_QUOTES_AND_SPACE.sub("", text[max(0, start - 12) : start]))
        return not policy and len(noun_after) >= 2
    return True


def _inside_quotes(text: str, position: int) -> bool:
    """Whether ``position`` sits inside a short quotation (“营商环境88条”) or title (《安居保障12条》)."""
    window = max(0, position - 20)
    for opening, closing in (("“", "”"), ("《", "》")):  # 《全区8项便民工程》: a title names a document
        opened = text.rfind(opening, window, position)
        if opened != -1 and text.rfind(closing, window, position) < opened and closing in text[position:position + 12]:
            return True
    return False


def ordinal(numeral: str) -> int | None:
    """The rank an ordinal numeral gives (3, 十五), or None when it is not a well-formed number."""
    if numeral.isdigit():
        value = int(numeral)
    else:
        try:
            value = int(cn2an.cn2an(numeral, "normal"))
        except ValueError:
            return None
    return value if value > 0 else None


def _ranks(text: str) -> list[Figure]:
    ranks = []
    for match in _TOP_RE.finditer(text):
        value = ordinal(match.group("n"))
        if value is not None:
            core = match.group("core")
            ranks.append(Figure(match.start(), match.end(), float(value), "rank", core=core, ordinal=True))
    for match in _FIRST_RE.finditer(text):
        ranks.append(Figure(match.start(), match.end(), 1.0, "rank", rank_scope=match.group("scope") or "",
                            ordinal=True))
    for match in _RANK_RE.finditer(text):
        value = ordinal(match.group("n") or match.group("n2"))
        if value is not None:
            scope = match.group("scope") or match.group("scope_only") or ""
            listed = match.group("list") or ""
            ranks.append(Figure(match.start(), match.end(), float(value), "rank", rank_scope="" if listed else scope,
                                 core=listed, ordinal=True))
    return ranks


def clause_end(text: str, end: int, limit: int) -> int:
    """Where the words after a figure stop: a clause break, an enumeration comma or the next figure."""
    position = end
    while position < limit and text[position] not in BREAKS and text[position] != "、":
        position += 1
    return position


def in_local_currency(facts: list[Fact], doc: Document) -> list[Fact]:
    """Figures in bare 元 on a page whose 元 is another currency (TWD on a Taiwan page) are in that currency;
    a sentence that names 人民币 keeps CNY."""
    currency = local_currency(doc.text, bool(doc.meta.get("regional_words")))
    if currency == "CNY":
        return facts
    return [replace(f, attrs=tuple((k, currency if k == "unit" and v == "CNY" else v) for k, v in f.attrs))
            if f.attr("unit") == "CNY" and "人民币" not in doc.sentences[f.sentence_index].text else f
            for f in facts]
