"""Platform names: innovation and business carriers (孵化器, 科创园, 研究院...)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ingest.extract.asset_text import (
    CJK,
    FUNCTION_WORDS,
    GENERIC_VERBS,
    PHASE,
    Candidate,
    alternation,
    clean_name,
    cut_after_stop,
    drop_nested,
    is_generic,
    load_lexicon,
    scan_left,
)
from ingest.extract.boundaries import city_as_centre
from ingest.extract.zone_places import COOPERATION_PARK
from ingest.extract.zones import find_zone_names
from kg.model import EntityType

_PLATFORM_VERBS = (
    "建设", "优化", "改造", "提升", "打造", "运营", "发展", "投运", "投用", "开园", "签约", "助推", "助力",
)
# A zone that borrows from, docks with, travels to or learns from a carrier does not host it
# (赴X科技城考察, 学习借鉴X科学园经验).
_BORROWING = frozenset(("借力", "借助", "对接", "携手", "联合", "与", "赴", "借鉴", "学习", "考察", "参观"))
# Words of a visit or a contrast that open the clause before a carrier (调研组先后到X产业园, 而X科技城).
_VISIT_WORDS = (
    "到", "来到", "走进", "前往", "深入", "而", "还有", "赴", "借鉴", "学习", "考察", "参观", "建有", "共有",
)
# 暨 joins two carriers run as one (A产业园暨B产业园): each is named on its own.
_PLATFORM_STOPS = tuple(sorted(set(FUNCTION_WORDS + GENERIC_VERBS + _PLATFORM_VERBS + _VISIT_WORDS + ("暨",)), key=len))


# Listed resources that are kinds of partner, not carriers (高校、科研院所等创新资源).
_NOT_CARRIERS = ("高校", "院所", "大学", "机构", "企业", "团队", "人才", "资本", "基金", "专家")
# A listed neighbour ending in an activity (无人机制造, 危废综合利用) is a line of business, not a carrier.
_ACTIVITIES = ("制造", "利用", "加工", "封装", "生产", "物流", "开发", "建设", "改造", "服务", "处置", "回收")
# A listed neighbour named as a firm (X公司, X集团) is a company.
_FIRMS = ("公司", "集团", "股份")
_LIST_SEPARATOR = re.compile("[、及]")
_ENDS_IN_PHASE = re.compile(f"{PHASE}$")


@lru_cache(maxsize=1)
def _platform_re() -> re.Pattern[str]:
    """Any platform ending, with an optional phase (二期)."""
    endings = alternation(load_lexicon("platforms") + ("产业基地",))
    return re.compile(rf"(?:{endings}|{_VALLEY})(?:{PHASE})?")


# A named valley: one sector character or letter before 谷 after a name (X声谷, X药谷, XU谷), closing the
# name; landforms, grain and figures of speech (山谷, 稻谷, 低谷) are no carriers.
_VALLEY = (rf"(?<=[{CJK}A-Za-z]{{2}})(?![山河峡溪深幽低空稻五和])[{CJK}A-Z]谷"
           rf"(?![{CJK}A-Za-z0-9](?<![等的和与及、]))")


# "以孵化园为载体": the zone's own carrier, named by its bare kind.
_AS_CARRIER = re.compile(r"为(?:载体|平台|依托|抓手)")
# "…暨技术研究院成立大会": the founding of the zone's own carrier, named by its bare kind.
_FOUNDING_EVENT = re.compile(r"(?:成立|揭牌|启用|开园)(?:大会|仪式|典礼)")
def _own_carrier(sentence: str, start: int, end: int) -> bool:
    """A carrier named by its bare kind that the text takes as the zone's own (以X为载体, X成立大会)."""
    taken_as = _AS_CARRIER.match(sentence, end) is not None and sentence[:start].endswith("以")
    return taken_as or _FOUNDING_EVENT.match(sentence, end) is not None


# Carriers a visit takes in (实地探访A、B研究院、C谷): the visitors' stops, not what the zone hosts.
_VISITED = re.compile(r"(?:探访|走访|走进|参观|考察|调研)[^,，。;；]*$")
# Carriers spread over several places (…等N个项目，分别位于A、B和C): which one is the zone's is not said.
_SPREAD_OVER_PLACES = re.compile(r"分别(?:位于|落户|落地|坐落于|布局在|在)[^。；;]*?[、和及]")


def find_platforms(sentence: str) -> list[Candidate]:
    """Platform names in one sentence."""
    spans = []
    for m in _platform_re().finditer(sentence):
        follow = sentence[m.end():m.end() + 2]
        # A park named as a project (A产业园项目) is both a Project and a Platform.
        park_project = follow == "项目" and m.group().endswith(_PARK_ENDINGS)
        if follow.startswith(("区", "有限", "公司", "集团", "股份")) or follow == "项目" and not park_project:
            continue
        start = scan_left(sentence, m.start(), allow_list_comma=False)
        run = sentence[start:m.start()]
        prefix, stop = _glued_verb(*cut_after_stop(run, _PLATFORM_STOPS), run)
        if stop not in ("与", "和") or not _COOPERATION.match(sentence, m.end()):
            prefix, stop = _joined(prefix, stop, run)
        prefix = prefix.lstrip("·・")  # 运营方·X产业园: the name after the operator's
        if prefix.count("“") > prefix.count("”"):
            prefix = prefix[prefix.rindex("“") + 1:]
        ending = m.group()
        prefix = _after_apposed_kind(prefix)
        name_start = m.start() - len(prefix)
        named_carrier = is_generic(prefix) and _own_carrier(sentence, m.start() - len(prefix), m.end())
        if not (named_carrier or _platform_prefix_ok(prefix, ending)) \
                or _held_as_honour(sentence, name_start, m.end()) \
                or _opens_other_name(sentence, m.end(), ending.endswith(_PARK_ENDINGS)) \
                or _cooperation_park(sentence, m.end()):
            continue
        hosted = stop not in _BORROWING and not _SPREAD_OVER_PLACES.search(sentence, m.end()) \
            and not _VISITED.search(sentence, 0, name_start)
        spans.append(Candidate(EntityType.PLATFORM, clean_name(prefix + ending), name_start, m.end(), hosted))
    return drop_nested(spans + list(_listed_platforms(sentence, spans)))


_CARRIER_LIST = re.compile(
    rf"([{CJK}A-Za-z0-9]+(?:[、及][{CJK}A-Za-z0-9]+)+)等(?:一批)?[{CJK}]{{0,4}}?"
    r"(?:载体|平台|科创资源|创新资源)"
)
_NEIGHBOUR = re.compile(rf"、([{CJK}A-Za-z0-9]{{2,8}}?)(?:等|申报|入选|获批|获评|成功)")


def _listed_platforms(sentence: str, found: list[Candidate]) -> Iterator[Candidate]:
    """Names listed next to platforms, or listed as carriers (A、B等科创载体), without an ending."""
    # The pattern backtracks over every run of characters, so it runs only where it can match.
    carriers = _CARRIER_LIST.finditer(sentence) if "等" in sentence else ()
    for m in carriers:
        rest, _ = cut_after_stop(m.group(1), tuple(w for w in _PLATFORM_STOPS if w != "及"))
        items = _LIST_SEPARATOR.split(rest)
        if len(items) >= 2 and not any(_is_kind(item) for item in items):
            offset = m.end(1) - len(rest)
            hosted = not m.group().endswith("资源")
            for item in items:
                yield Candidate(EntityType.PLATFORM, item, offset, offset + len(item), hosted)
                offset += len(item) + 1
    for span in found:
        m = _NEIGHBOUR.match(sentence, span.end)
        if m and not is_generic(m.group(1)) and not _platform_re().search(m.group(1)) \
                and not m.group(1).endswith(_NOT_CARRIERS + _ACTIVITIES + _FIRMS):
            yield Candidate(EntityType.PLATFORM, m.group(1), m.start(1), m.end(1), span.zone_fact)


def _is_kind(item: str) -> bool:
    """An item naming a kind (众创空间, 科技企业孵化器, 科研院所), not one carrier."""
    if item.endswith(_NOT_CARRIERS):
        return True
    m = _platform_re().search(item)
    return m is not None and m.end() == len(item) and is_generic(item[:m.start()]) \
        and not _ENDS_IN_PHASE.search(item) or is_generic(item)


# A place before 与 (X区与Y设计城共同打造) is a partner of the carrier, not part of its name.
_PLACE_END = re.compile(r"[省市县区镇乡州]$")


def _glued_verb(prefix: str, stop: str | None, text: str) -> tuple[str, str | None]:
    """"X创新发展研究院": a verb right before the ending (发展, 建设) is part of the name, not its bound."""
    if stop not in _PLATFORM_VERBS or len(prefix) >= 2:
        return prefix, stop
    head = text[:len(text) - len(prefix) - len(stop)]
    outer, outer_stop = cut_after_stop(head, _PLATFORM_STOPS)
    return (outer + stop + prefix, outer_stop) if len(outer) >= 2 and not is_generic(outer) else (prefix, stop)


# A carrier followed by a deal (A与B研究院签订合作协议) is the second party of "A与B", not "A与B研究院".
_COOPERATION = re.compile(r"(?:正式|共同|深度|战略)?(?:签订|签署|签约|合作|共建|达成|携手)")


def _joined(prefix: str, stop: str | None, text: str) -> tuple[str, str | None]:
    """"钨及钨合金材料研究院": a name joined by 及/与 before the ending is one name, and a single character
    before 和 (X和堂Y产业园) is the start of a name with 和 inside it."""
    if stop not in ("及", "与", "和"):
        return prefix, stop
    head = text[:len(text) - len(prefix) - 1]
    rest, outer = cut_after_stop(head, _PLATFORM_STOPS)
    if stop == "和" and len(rest) != 1 or _PLACE_END.search(rest):
        return prefix, stop
    if 1 <= len(rest) <= 8 and not _platform_re().search(rest) and not is_generic(rest):
        return rest + stop + prefix, outer
    return prefix, stop


# A designation held (获批…企业技术中心, “2021年第30批…中心”称号): an honour, not a carrier.
_HONOUR_BEFORE = re.compile(r"(?:获批|认定为|获评|入选|荣获|获得|通过)[^，。；,;]*$")
_HONOUR_AFTER = re.compile(r"^[”\"]?(?:认定|称号|荣誉)")
# Aspirations and descriptions (具有全球影响力…, 世界一流科学城), not names.
_DESCRIPTIVE = re.compile(
    r"一流|影响力|充满|具有|领先|知名|首家|总投资|亿元|万元|\d[亿万]|第[\d一二三四五六七八九十]+批|\d+家|\d{4}年|公司$"
    r"|^[\d一二两三四五六七八九十]+[座个家所栋间]")
_PARK_ENDINGS = ("产业园", "科技园", "科创园", "创业园", "创新园", "创业谷", "创新谷", "科创谷", "智谷")


def _held_as_honour(sentence: str, start: int, end: int) -> bool:
    # One character past the start: a cue cut in two by the scan (获|评) still counts.
    return bool(_HONOUR_BEFORE.search(sentence, 0, start + 1) or _HONOUR_AFTER.match(sentence[end:end + 4]))


# What follows a carrier's name when it only opens a company's or a project's name
# (X产业园运营管理有限公司, X科技城冷链仓储项目), or when it is one of a counted list of projects
# (A研究院、B中心4个功能性机构项目同步落户: FORMAT.md types those as projects) or of companies
# (已签约A中心、B研究所等N家企业: a firm that runs an institute).
_COMPANY_TAIL = re.compile(r"(?:运营|管理|发展|建设|投资|开发|服务)+(?:股份)?(?:有限)?(?:责任)?公司")
_PROJECT_TAIL = re.compile(rf"[{CJK}]{{1,8}}?项目")
_PROJECT_TAIL_WORDS = re.compile(r"建设|投资|落户|签约|开工|引进|新建|实施|推进|的|内|中|里|与|和|及|等")
_COUNTED_PROJECTS = re.compile(
    rf"(?:[、和及][^，。；,;]{{2,30}}?)?(?:等)?[\d一二三四五六七八九十]+"
    rf"(?:个[{CJK}]{{0,8}}项目|家[{CJK}]{{0,4}}?(?:企业|公司))")


def _cooperation_park(sentence: str, end: int) -> bool:
    """A park named by two partner countries (中韩产业园) is a zone, not a carrier."""
    return any(m.end() == end for m in COOPERATION_PARK.finditer(sentence, max(0, end - 12), end))


def _zone_right_after(sentence: str, end: int) -> bool:
    zones = find_zone_names(sentence[end:end + 20])
    return bool(zones) and zones[0][0] == 0


def _opens_other_name(sentence: str, end: int, park: bool) -> bool:
    """Whether the carrier at ``end`` opens a company's or a project's name or is a counted project
    (a park counted among projects stays a carrier too)."""
    if _COMPANY_TAIL.match(sentence, end) or not park and _COUNTED_PROJECTS.match(sentence, end):
        return True
    if _zone_right_after(sentence, end):
        return True  # 西部科学城青松高新区: the wider area the zone belongs to, named before the zone
    tail = _PROJECT_TAIL.match(sentence, end)
    return tail is not None and len(tail.group()) > 2 and not _PROJECT_TAIL_WORDS.search(tail.group()[:-2])


# A 平台 named only by a short sector word (电商, 再生资源) and service qualifiers is a kind of service;
# a named one carries a brand, a place or a longer description (青松大宗商品交易平台, X省跨境电商公共服务平台).
_SERVICE_QUALIFIERS = re.compile(r"综合|公共|一站式|线上|网上|数字化|智慧")
_SHORT_SERVICE = 4


# A level (国家级, 省级…) qualifies a designation (省级制造业创新中心, 市级企业技术中心), not a carrier's name.
_LEVEL = re.compile(r"[国省市区县]家?级")


def _after_apposed_kind(prefix: str) -> str:
    """"省级重点实验室青松新材料实验室", "实验室青松新材料实验室": a kind set before the name in apposition
    is not part of it."""
    level = _LEVEL.search(prefix)
    inner = [m for m in _platform_re().finditer(prefix, level.end() if level else 0)
             if len(prefix) - m.end() >= 2 and (level or is_generic(prefix[:m.start()]))]
    return prefix[inner[-1].end():] if inner else prefix


# A province or a city before a bare kind (江南省企业技术中心, X市重点实验室) names a designation it grants.
_PLACE_HEAD = re.compile(rf"^[{CJK}]{{2,4}}?[省市]")


def _designated_by_place(prefix: str, ending: str) -> bool:
    place = _PLACE_HEAD.match(prefix)
    return place is not None and not ending.endswith(_PARK_ENDINGS) and is_generic(prefix[place.end():])


def _platform_prefix_ok(prefix: str, ending: str) -> bool:
    """Whether ``prefix`` is a proper name part for ``ending`` (not a qualifier or a policy)."""
    if "+" in prefix:
        return False  # “苗圃+孵化器+加速器”: a chain of kinds of carrier, not one carrier
    if city_as_centre(clean_name(prefix) + ending):
        return False  # X科创中心建设: the city's goal, not a carrier
    if _LEVEL.search(prefix) or _designated_by_place(prefix, ending):
        return False
    policy_named = "政策" in prefix and not ending.startswith("研究")  # a 政策研究院 is an institute
    if policy_named or "“" in prefix and "”" not in prefix or _DESCRIPTIVE.search(prefix):
        return False
    if ending.startswith("产业基地") and not prefix.startswith(("国家", "省")):
        return False
    if ending.endswith("平台") and len(_SERVICE_QUALIFIERS.sub("", clean_name(prefix))) <= _SHORT_SERVICE:
        return False  # 电商交易平台, 金融综合服务平台: a line of service, not a named carrier
    if _ENDS_IN_PHASE.search(ending):
        return True
    return not is_generic(prefix)
