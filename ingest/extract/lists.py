"""Enumerations of enterprises and projects: "X、Y等N个项目开工", "以X、Y为代表的…企业".

A clause holding a list ends in a head that tells what the items are
(项目/工程 → projects, 企业 → enterprises). Items are split on 、/和/及; the
first item is cut after the last lead verb (签约, 推动, 组织 …). Amounts glued
to the list (20亿元项目, 亿元项目) and status verbs in the clause go with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.numbers import parse_amount
from ingest.extract.patterns import ENTERPRISE_ENDINGS, HAN, LEAD_VERBS
from ingest.extract.project_owners import company_of_project
from ingest.extract.zones import find_zone_names, is_common_word, is_dictionary_word

__all__ = ["ListHit", "company_of_project", "cut_first", "find_facilities", "find_lists", "looks_like_company",
           "split_items"]

# Clause separators (a list never crosses them).
CLAUSE_RE = re.compile(r"[^,，;；:：。!！?？]+")
# Head after a list: 等 (or 等在内的), an amount, a count and a qualifier in either order, then the kind
# word ("等5个项目", "等腾讯生态圈10个项目", "等140余家世界500强及行业领军企业"); without 等, a count or
# an amount right after the last item ("4个功能性机构项目", "20亿元项目1个").
_AMOUNT = r"\d+(?:\.\d+)?亿元|亿元"
_COUNT = r"(?:\d+|[一二三四五六七八九十两百]+)(?:余|多)?(?:个|家|项|幅|宗)|一大?批"
_QUAL = r"(?:[^\W_]|、){0,14}?"
KIND_RE = re.compile(r"项目|工程|企业|服务商|基础设施|独角兽")
_ETC_HEAD = re.compile(rf"等(?:在内的?)?(?P<amount>{_AMOUNT})?(?P<count>{_COUNT})?(?P<qual>{_QUAL})(?:{_COUNT})?")
_BARE_HEAD = re.compile(rf"(?:(?P<amount>{_AMOUNT})(?P<count>{_COUNT})?|(?P<count2>{_COUNT}))(?P<qual>[^\W_]{{0,14}}?)")
_AFTER_COUNT = re.compile(r"\d+(?:个|家|项)")
_HEAD_WINDOW = 24


@dataclass(frozen=True)
class Head:
    """The words closing a list: where the list ends, where the head ends, what it says."""

    list_end: int
    end: int
    kind: str
    qual: str
    amount: str | None
    counted: bool
    etc: bool


def find_heads(clause: str) -> list[Head]:
    """Every list head of a clause, left to right."""
    heads: list[Head] = []
    floor = 0
    for kind in KIND_RE.finditer(clause):
        window_start = max(floor, kind.start() - _HEAD_WINDOW)
        head = _head_before(clause, window_start, kind)
        if head is not None and head.list_end - floor >= 2:
            heads.append(head)
            floor = head.end
    return heads


def _first_amount(qual: str) -> str | None:
    """An amount inside a head's qualifier ("2个新开工10亿元重特大项目")."""
    found = re.search(r"\d+(?:\.\d+)?亿元", qual)
    return found.group() if found else None


def _head_before(clause: str, window_start: int, kind: re.Match[str]) -> Head | None:
    etc = clause.rfind("等", window_start, kind.start())
    after = _AFTER_COUNT.match(clause, kind.end())
    end = after.end() if after else kind.end()
    if etc >= 0:
        found = _ETC_HEAD.fullmatch(clause, etc, kind.start())
        if found:
            amount = found.group("amount") or _first_amount(found.group("qual"))
            return Head(etc, end, kind.group(), found.group("qual"), amount,
                        bool(found.group("count")), True)
    for start in range(window_start, kind.start()):
        found = _BARE_HEAD.fullmatch(clause, start, kind.start())
        if found and (start == 0 or not re.match(r"[\d.]", clause[start - 1])):
            amount = found.group("amount") or _first_amount(found.group("qual"))
            return Head(start, end, kind.group(), found.group("qual"), amount,
                        bool(found.group("count") or found.group("count2") or after), False)
    return None
# A qualifier that makes the items sectors, not names ("整车、零部件等行业龙头企业", "A、B等产业项目").
_SECTOR_QUAL = re.compile(r"产业(?!园)|^(?:行业|领域)")
# An amount before a single name: "50亿元重特大项目恒海磁材".
PREFIXED_RE = re.compile(
    rf"(?:(?P<amount>\d+(?:\.\d+)?亿元)(?:重特大|重大|产业|工业|外资)?|(?:重特大|重大|外资|内资|民营)|亿元)项目(?P<name>[{HAN}A-Za-z0-9]{{2,8}}?)"
    rf"(?=[、和,，;；。]|开工|竣工|投产|签约|落户|一季度|二季度|三季度|四季度|年内|尽快|及早)"
)
# "…、重大项目能耗单列、…等政策": items of a list of measures, not a project's name.
_MEASURES_AFTER = re.compile(r"[^,，;；。]*?等[^,，;；。]{0,4}(?:政策|措施|机制|制度)")
_PARTNER_BEFORE = re.compile(r"(?:与|同|和|跟)$")
REPRESENT_RE = re.compile(r"以(?P<list>.+?)等?为代表")
# Lead verbs and function words: the first list item starts after the last of them.
LEAD_WORDS = (
    "签约", "引进", "推动", "推进", "组织", "确保", "引导", "鼓励", "完成", "实施", "新增", "成功申报",
    "申报", "促进", "加快", "积极", "重点", "对接", "支持", "培育", "服务", "打造", "建设", "以", "与",
    "年", "的", "在", "和", "是", "将", "把", "对", "由", "向", "从", "其中", "包括", "如", "全年",
    "上半年", "下半年", "今年", "去年", "近年来", "目前", "此外", "同时", "出让", "成功出让", "助推",
    "一批", "重特大", "重大", "外资", "民营", "项目", "企业", "充分发挥", "发挥", "细化", "启动", "落实",
    "保障", "全力", "加快", "促进", "确保", "首批", "按照", "时序", "节点", "新开工", "开工",
    "兴办", "开展", "举办", "承办", "办好", "做好", "暨", "来到", "走进", "分别为", "分别是", "签署",
    "全年有", "今年有", "共有", "已有", "现有", "累计有",  # "全年有A、B等N个项目…": 有 opens no name
)
_LEAD_RE = re.compile("|".join(sorted(map(re.escape, LEAD_WORDS + LEAD_VERBS), key=len, reverse=True)))
_MAX_ITEM = 24
# A project's full name is longer (X公司年产N吨Y生产线项目); a glued clause seldom ends in 项目.
_MAX_PROJECT_ITEM = 40
# A one-item list ("X等3个项目") is read whole when its clause is this short, else from its last characters.
_SINGLE_ITEM, _SINGLE_WINDOW = 16, 12
# An amount leading one item of a list ("投资10亿元的X产业园、投资9.6亿的Y汽车城等签约项目").
ITEM_AMOUNT_RE = re.compile(r"(?:总|计划|协议)?投资(?:额)?(?:约|超|近|达)?(?P<amount>[\d.]+(?:亿|万)(?:元|美元)?)的")
_MAX_FACILITY = 12
# Items are split at 、 and at 和 between two names of two characters or more (not 丰和羊绒).
_ITEM_SPLIT = re.compile(r"[、]|(?<=[^\d、和]{2})和(?=[^\d、和]{2})")
# A name's characters; a short bracketed part (X商业广场(Y购物中心)) and a slash or hyphen between two of
# them (30MW/60MWh) stay inside the name.
_NAME_OK = re.compile(
    rf"(?:[{HAN}A-Za-z0-9#+·]|(?<=[{HAN}A-Za-z0-9])[/-](?=[{HAN}A-Za-z0-9])|[(（][^()（）]{{1,12}}[)）]){{2,30}}")
# Words that make an item a generic phrase, not a name.
_GENERIC_ITEM = re.compile(
    r"^(?:新|改|扩建|重大|重点|产业|工业|服务业|民生|实事|基础设施|人才|科技|创新|各类|一批|相关|龙头|骨干|"
    r"传统|新兴|优质|规上|规模以上|高新|外资|内资|民营|国有|中小|重特大|超亿元|亿元|其他|多|全区|全市|"
    r"投资|公司|国家级|省级|市级|全部|所有|其余|部分|新开工|力争|智能制造服务商|总部经济|设备投入类|人才创业类|科创型|科创类)$|等|地块征地|用地|"
    r"^(?:新|改|扩)$|建设$|^.{1,2}(?:合作|配套|招商|保障|服务)$|(?:投资|投入)$|^(?:新|集中|同步|正式)?(?:签约|竣工|开工|开复工|投产|引进)$|^[一二三四五六七八九十两几多数]+[大家个项类]|^个|超$|荣誉|奖|活动|政策|计划|行动|年$|月$|^第"
)
_APPOSED = re.compile(r".+?(?:企业|公司|集团|项目)——")
_KINDS_LEAD = re.compile(r"(?:涵盖|涉及)$")
_FIRMS_JOINED = re.compile(r"(?<=[^\d、和及]{2})及(?=[^\d、和及]{2})")
_PHASE_RE = re.compile(r"[一二三四五六七八九十\d]+期$")
# Physical works rather than companies: rivers, roads, plots.
_FACILITY_RE = re.compile(r"(?:河|路|港|桥|湖|山|段|地块|片区|小区|社区|花苑|公园|广场|街区)$")
PROJECT_ENDINGS = (
    "项目", "工程", "基地", "中心", "总部", "学校", "医院", "园", "广场", "街区", "酒店", "公园", "线",
    "地块", "小镇", "花苑", "大楼", "机组", "单丝", "建筑", "商场", "岛", "幼儿园", "路", "河",
)


@dataclass(frozen=True)
class ListHit:
    """One enumeration: its items (offsets relative to the sentence) and what the head says."""

    kind: str
    """"project", "enterprise" or "facility" (a named work: always a project, never a company)."""
    items: tuple[tuple[int, int, str], ...]
    amount: float | None
    head_start: int
    head_end: int
    clause_start: int
    clause_end: int
    external: bool = False
    """Partners the zone deals with ("与X、Y等服务商对接"), not companies located in it."""
    zone: str | None = None
    """A zone named before the first item ("其中,X工业园A、B等4个项目"): where the items are."""


_KIND_TAILS = ("中心", "基地", "项目", "工程", "园")


def cut_first(text: str) -> int:
    """Offset where the first item starts: after the last lead word, digits or quotes."""
    start = 0
    for match in _LEAD_RE.finditer(text):
        rest = text[match.end():]
        if match.group() == "年" and not re.match(r"[\d今去全明上下]", text[match.start() - 1:match.start()]):
            continue  # 年 inside a name (…青年创业谷), not a date (2021年X)
        if rest and not (rest in PROJECT_ENDINGS or rest.endswith(_KIND_TAILS) and len(rest) <= 3
                         or re.fullmatch(r"[(（][^()（）]+[)）]", rest)):  # X项目(一期): a note, no lead
            start = max(start, match.end())  # not a word inside the name (…航材保障中心)
    for match in re.finditer(r"[\d.]+(?:亿元|万元)(?:重特大|重大)?(?:项目)?", text):
        if match.end() < len(text) and match.end() > start and match.group().strip("."):
            start = match.end()
    return start


def split_items(text: str, offset: int) -> list[tuple[int, int, str]]:
    """Items of a list text with offsets; quotes dropped from names."""
    items = []
    position = 0
    for part in _ITEM_SPLIT.split(text):
        begin = offset + position
        position += len(part) + 1
        lead = ITEM_AMOUNT_RE.match(part)
        if lead:
            begin, part = begin + lead.end(), part[lead.end():]
        part = part.rstrip(_MASK)
        if (apposed := _APPOSED.match(part)) is not None:  # 首家500强企业——X饲料生产: X饲料生产 is the name
            begin, part = begin + apposed.end(), part[apposed.end():]
        name = re.sub(r"[“”\"‘’「」《》]", "", part).strip()
        name = re.sub(r"\d+(?:个|家|项).*$", "", name)
        name = re.sub(r"(?<=.{2})[(（][^()（）]+[)）]$", "", name)  # a note after the name: X广场(Y购物中心)
        if name and _NAME_OK.fullmatch(name) and not _GENERIC_ITEM.search(name) and not is_common_word(name) \
                and len(name) <= _max_item(name):
            items.append((begin, begin + len(part), name))
    return items


def _list_before(clause: str, end: int, offset: int, firms: bool = False) -> list[tuple[int, int, str]]:
    """Items of the list that ends at ``end`` of ``clause``; ``firms``: a list of companies, whose items 及
    also joins (A基金及B医疗等6家企业; in a project's name 及 joins its parts)."""
    text = clause[:end]
    if firms and "及" in text:
        text = _FIRMS_JOINED.sub("、", text)
    if "、" not in text and "和" not in text and len(text) > _SINGLE_ITEM:
        text = text[-_SINGLE_WINDOW:]
        offset += end - _SINGLE_WINDOW
        end = _SINGLE_WINDOW
    start = cut_first(text.split("、")[0].rstrip(_MASK)) if "、" in text else cut_first(text.rstrip(_MASK))
    return split_items(text[start:], offset + start)


def _prefixed(match: re.Match[str], start: int, end: int) -> ListHit:
    items = split_items(match.group("name"), start + match.start("name"))
    return ListHit("project", tuple(items), _amount(match.group("amount")), start + match.start(),
                   start + match.end(), start, end)


def _amount(amount: str | None) -> float | None:
    if not amount:
        return None
    parsed = parse_amount(amount if amount != "亿元" else "1亿元")
    return parsed.value if parsed else None


def _kind(head: Head) -> str:
    """Enterprises for 企业/服务商 heads and for science programmes (科创类项目), facilities for
    基础设施, else projects."""
    if head.kind in ("企业", "服务商", "独角兽") or re.search(r"(?:科创|科技)(?:类|型)", head.qual):
        return "enterprise"
    return "facility" if head.kind == "基础设施" else "project"


# An amount noted in brackets after an item ("X项目(总投资15亿元)、Y项目(总投资3亿元)等"): masked while the
# list is read, so its digits neither cut nor join items; list_facts reads the amount from the text.
ITEM_NOTE_RE = re.compile(
    r"[(（](?:总|计划|协议)?投资(?:额)?(?:约|超|近|达)?(?P<amount>[\d.]+(?:亿|万)(?:元|美元)?)[)）]")
_MASK = "〔"


def find_lists(sentence: str) -> list[ListHit]:
    """Every enumeration of enterprises or projects in a sentence."""
    if "投资" in sentence:
        sentence = ITEM_NOTE_RE.sub(lambda m: _MASK * len(m.group()), sentence)
    hits = []
    for clause in CLAUSE_RE.finditer(sentence):
        hits.extend(_clause_lists(sentence, clause.start(), clause.end()))
    return hits


def _clause_lists(sentence: str, start: int, end: int) -> list[ListHit]:
    clause = sentence[start:end]
    represent = REPRESENT_RE.search(clause)
    if represent:
        items = split_items(represent.group("list"), start + represent.start("list"))
        rest = sentence[start + represent.end():]
        kind = "enterprise" if re.match(r"[^,，;；。]{0,20}?企业", rest) else "project"
        return [ListHit(kind, tuple(items), None, start + represent.start(), start + represent.end(), start, end)]
    prefixed = [_prefixed(m, start, end) for m in PREFIXED_RE.finditer(clause)
                if not _MEASURES_AFTER.match(clause, m.end())]
    if prefixed:
        return prefixed
    hits: list[ListHit] = []
    list_start = 0
    for head in find_heads(clause):
        if not _is_head(head, clause[list_start:head.list_end]):
            continue
        items = _list_before(clause[list_start:], head.list_end - list_start, start + list_start,
                             _kind(head) == "enterprise")
        if items and len(items) > head_count(clause[head.list_end:head.end]):
            items = []  # "A、B、C和D两个项目": the marks split names, not items
        if items and head.kind == "项目" and _KINDS_LEAD.search(clause[list_start:items[0][0] - start]):
            items = []  # "涵盖人才房、安置房等项目": the kinds of works a class holds, not named projects
        if items:
            external = bool(_PARTNER_BEFORE.search(sentence[start + list_start:items[0][0]]))
            zone, items = _zone_before_items(items)
            hits.append(ListHit(_kind(head), tuple(items), _amount(head.amount), start + head.list_end,
                                start + head.end, start, end, external, zone))
        list_start = head.end + (1 if clause[head.end:head.end + 1] in ("和", "及", "、") else 0)
    return hits


def _max_item(name: str) -> int:
    """The longest an item may be: longer when it ends in 项目, or when a zone's name opens it."""
    if name.endswith("项目") or "有限公司" in name[:-2]:  # X有限公司Y技改升级: a company's works, named in full
        return _MAX_PROJECT_ITEM
    return _MAX_ITEM + (_leading_zone(name) if len(name) > _MAX_ITEM else 0)


def _zone_before_items(items: list[tuple[int, int, str]]) -> tuple[str | None, list[tuple[int, int, str]]]:
    """A zone glued before the first item when a company's project follows ("X工业园Y科技年产…、Z…等项目"):
    the zone, and the items without it. The zone's own works (X高新区总部大楼) keep its name."""
    start, end, first = items[0]
    cut = _leading_zone(first)
    if not cut:
        return None, items
    return first[:cut], [(start + cut, end, first[cut:]), *items[1:]]


def _leading_zone(name: str) -> int:
    """Length of a zone's name opening ``name`` when a company's project follows it, else 0."""
    zones = find_zone_names(name) if len(name) > 6 else []
    if not zones or zones[0][0] != 0 or len(name) - zones[0][1] < 4 \
            or not company_of_project(name[zones[0][1]:].removesuffix("项目")):
        return 0
    return zones[0][1]


_COUNT_IN_HEAD = re.compile(r"(?P<n>\d+|[一二两三四五六七八九十]+)(?:余|多)?(?:个|家|项)")
_CN_COUNT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def head_count(head: str) -> int | float:
    """The number of items a list's head counts ("等5个项目", "两个项目"); infinity when it counts none."""
    found = _COUNT_IN_HEAD.search(head)
    if found is None:
        return float("inf")
    n = found.group("n")
    if n.isdigit():
        return int(n)
    return _CN_COUNT.get(n, float("inf")) if len(n) == 1 else float("inf")


def _is_head(head: Head, listed: str) -> bool:
    """Whether the head closes a list: 等, an amount, or a count after 、-separated items; and it does not
    call the items sectors."""
    if len(listed) < 2 or _SECTOR_QUAL.search(head.qual) and not _named_works(listed) \
            or head.qual.startswith("的") or re.match(r"地(?![标块产])", head.qual) or "、一批" in listed \
            or head.qual.endswith("子"):  # parts of one project (…等4个子项目)
        return False
    if head.etc:
        return True
    if head.qual.startswith("、") or listed.endswith(("企业", "项目")):
        return False  # counts of kinds ("瞪羚企业4家、雏鹰企业2家"), not a list of names
    return head.amount is not None or (head.counted and "、" in listed)


_WORKS_ITEM = re.compile(r"(?:项目|工程|基地|中心|产业园|平台)$")


def _named_works(listed: str) -> bool:
    """Items that are named works (X生产基地、Y实训基地等产业项目): names, though the head says 产业."""
    parts = listed.split("、")
    return len(parts) >= 2 and 2 * sum(len(p) >= 5 and bool(_WORKS_ITEM.search(p)) for p in parts) >= len(parts)


_FACILITY_END = r"(?:酒店|广场|街区|公园|地块|小镇|花苑|号线|大道|中心|学校|医院|大楼|幼儿园|路|河|桥|段|隧道)"
# Physical works named before a construction verb: "紫荆路、文体中心建设加快推进".
FACILITY_RE = re.compile(
    rf"(?P<list>[{HAN}A-Za-z0-9#、“”]{{2,60}}?)(?=建设|施工|快建设|早开街|开街|顺利开工|(?:率先|全线|正式|顺利|已)?通车)"
)
_FACILITY_VERB = re.compile(r"建设|施工|开街|开工|通车")
_QUOTED_PROJECT = re.compile(rf"项目“(?P<name>[{HAN}A-Za-z0-9]{{2,12}})”")


_STATUS_WORD = re.compile(r"^(?:全部|全面|顺利|正式|已经|已)?(?:开工|竣工|投产|签约|建成)")


def statuses_after(text: str) -> bool:
    """True when a status verb directly follows (项目“两路三桥”全部开工)."""
    return _STATUS_WORD.match(text) is not None


def find_facilities(sentence: str) -> list[ListHit]:
    """Named works (roads, plots, hotels, parks) before a construction verb, and 项目“X”."""
    hits = []
    for clause in CLAUSE_RE.finditer(sentence):
        text, offset = clause.group(), clause.start()
        quoted = _QUOTED_PROJECT.search(text)
        if quoted and not is_dictionary_word(quoted.group("name")) and statuses_after(text[quoted.end():]):
            item = (offset + quoted.start("name"), offset + quoted.end("name"), quoted.group("name"))
            hits.append(ListHit("facility", (item,), None, offset + quoted.start(), offset + quoted.end(),
                                offset, clause.end()))
            continue
        if not _FACILITY_VERB.search(text):  # the lazy list before the verb is tried at every position
            continue
        for match in FACILITY_RE.finditer(text):
            if re.search(r"等(?![\d一二三四五六七八九十]+[幅宗个])", match.group("list")):
                continue
            listed = match.group("list")
            start = cut_first(listed.split("、")[0])
            items = [i for i in split_items(listed[start:], offset + match.start() + start)
                     if len(i[2]) <= _MAX_FACILITY]
            if items and any(re.search(rf"{_FACILITY_END}$", name) for _, _, name in items):
                hits.append(ListHit("facility", tuple(items), None, offset + match.start(), offset + match.end(),
                                    offset, clause.end()))
    return hits


def looks_like_company(name: str) -> bool:
    """A short brand name: up to 4 characters, or up to 5 ending in a business word (科技, 电子 …)."""
    if any(name.endswith(end) for end in PROJECT_ENDINGS) or _PHASE_RE.search(name) or _FACILITY_RE.search(name):
        return False
    return len(name) <= 4 or (len(name) <= 5 and any(name.endswith(end) for end in ENTERPRISE_ENDINGS))
