"""Policy names: named policies, measure lists and programmes, and whether the zone issued them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ingest.extract.asset_text import (
    CJK,
    CLOSING,
    FUNCTION_WORDS,
    GENERIC_VERBS,
    PHASE,
    QUOTES,
    Candidate,
    alternation,
    clean_name,
    cut_after_stop,
    drop_nested,
    is_generic,
    load_lexicon,
    scan_left,
)
from kg.model import EntityType

_POLICY_STOPS = tuple(sorted(set(FUNCTION_WORDS + GENERIC_VERBS), key=len))

# Verbs by which a zone issues a policy, and verbs by which it applies someone else's.
_ISSUING_VERBS = frozenset(
    ["出台", "制定", "印发", "发布", "推出", "推行", "实施", "开展", "开展好", "推进", "深化", "启动", "形成"]
)
_APPLYING_VERBS = frozenset(["落实", "用好", "用足", "执行", "按照", "结合", "依据", "对照"])
_POLICY_VERBS = _ISSUING_VERBS | _APPLYING_VERBS
# Verbs that bring a policy into being, as against carrying one on (实施, 推进, 深化).
_ENACTING_VERBS = frozenset(["出台", "制定", "印发", "发布", "推出", "推行", "启动"])
# Programmes that select or train people and firms on ladders set above the zone (人才计划, 引才行动,
# 小巨人培育计划): the zone's own only when it enacts them.
_LADDER_WORDS = ("人才计划", "引才", "英才", "企业家", "小巨人", "隐形冠军", "单项冠军", "瞪羚", "独角兽",
                 "小升高", "小升规", "高升规")

# A 工程 naming one of these is a construction project, not a programme.
_CONSTRUCTION = ("路", "桥", "河", "管网", "污水", "安置", "绿化", "地块", "厂房", "水系", "整治",
                 "学校", "医院", "公园", "小区", "管廊", "场馆")
# Party-building, enforcement and internal-assessment programmes are not development policies.
_INTERNAL = ("党", "整治", "整改", "考核", "巡察", "巡视", "纪检", "监察", "换届")
_OWNER_PREFIXES = ("全区", "全市", "全省", "区", "市")
_STRONG_POLICY_ENDINGS = ("一件事一次办", "一件事", "三年行动计划", "三年行动方案", "三年计划",
                          "三年行动", "英才计划", "人才计划", "英才")


_CLAUSE_BREAK = re.compile(r"[，。；：,;:]")
# A counted quantity (17人, 3个, 2022年) ends whatever came before a name.
_COUNTED = re.compile(r"\d+[人个家项名件条年]")


@lru_cache(maxsize=1)
def _policy_re() -> re.Pattern[str]:
    """Any policy ending (or N条) that closes a word."""
    endings = alternation(load_lexicon("policies") + ("活动",))
    return re.compile(
        rf"(?:[{QUOTES}]?(?:\d+|[一二三四五六七八九十百]+)条|[{CLOSING}]制度|{endings})"
        rf"(?:[{CLOSING}]|(?![{CJK}])|(?=[为等的和与及]|要求|出台|实施))"
    )


_LIST_POLICY = re.compile(rf"([^，。；：,;:]*?)等([{CJK}]{{0,4}})(?:政策|措施)")
_CODE_MECHANISM = re.compile(rf"[{QUOTES}]?\d+(?:\+\d+)+[{QUOTES}]?[{CJK}]{{2,6}}?机制")
_MEANS_PHRASE = re.compile(r"为(?:主要)?(?:抓手|指引|引领|主线|统领|驱动|重点|牵引)")


def find_policies(sentence: str) -> list[Candidate]:
    """Policy names in one sentence: named ending, measure lists, code-named mechanisms."""
    spans = list(_ending_policies(sentence))
    spans.extend(_listed_policies(sentence))
    spans.extend(_titled_policies(sentence))
    for m in _CODE_MECHANISM.finditer(sentence):
        spans.append(Candidate(EntityType.POLICY, clean_name(m.group()), m.start(), m.end(), True))
    return drop_nested(spans)


# The zone itself as the owner of a titled policy (结合开发区《…》).
_ZONE_OWNERS = ("开发区", "高新区", "经开区", "园区", "本区", "我区", "该区", "管委会")
_TITLE = re.compile(r"《([^《》]{2,40})》")
# A title opening with a zone's short name (X高新区支持…若干政策), not a province's or city's.
_ZONE_TITLE = re.compile(rf"^[{CJK}]{{2,6}}?(?<![省市])(?:高新区|经开区|开发区|园区|新区)(?!条例)")
_COUNTED_MEASURES = re.compile(r"(?:\d+|[一二三四五六七八九十百]+)条$")


def _titled_policies(sentence: str) -> Iterator[Candidate]:
    """A title in 《》 that ends like a policy (办法, 意见, 十条...) names one."""
    for m in _TITLE.finditer(sentence):
        title = m.group(1)
        if title.endswith(load_lexicon("policies")) or _COUNTED_MEASURES.search(title) \
                or title.endswith(("规定", "规划", "纲要", "通知", "条例")):
            own = sentence[:m.start()].endswith(_ZONE_OWNERS) or bool(_ZONE_TITLE.match(title))
            zone_fact = own or _clause_verb(sentence[:m.start()]) not in _APPLYING_VERBS
            yield Candidate(EntityType.POLICY, clean_name(title), m.start(), m.end(), zone_fact)


def _clause_verb(text: str) -> str | None:
    """The right-most policy verb in the clause ``text`` ends with."""
    clause = _CLAUSE_BREAK.split(text)[-1]
    hits = [(clause.rfind(v) + len(v), len(v), v) for v in _POLICY_VERBS if v in clause]
    return max(hits)[2] if hits else None


@dataclass(frozen=True)
class _Ending:
    """A policy ending found in a sentence, with the name part before it."""

    prefix: str
    ending: str
    begin: int
    end: int
    stop: str | None
    """The word that bounds the name on the left (出台, 落实, 、...)."""
    inherited: bool | None
    """The zone link of the list item before this one, when it continues a list."""


def _ending_policies(sentence: str) -> Iterator[Candidate]:
    """Names ending in a policy word (政策, 工程, 三年行动计划, 66条...)."""
    previous: Candidate | None = None
    floor = 0
    for m in _policy_re().finditer(sentence):
        ending_start = m.start() + (1 if sentence[m.start()] in QUOTES else 0)
        start = scan_left(sentence, ending_start, allow_list_comma=True, limit=36)
        if m.start() != floor:  # an ending right after another one extends it (措施66条)
            start = max(floor, start)
        floor = m.end()
        prefix, stop = cut_after_stop(_after_count(sentence[start:ending_start]), _POLICY_STOPS)
        begin = ending_start - len(prefix)
        continued = previous is not None and sentence[previous.end:begin] == "、"
        found = _Ending(prefix, sentence[ending_start:m.end()], begin, m.end(), stop,
                        previous.zone_fact if continued and previous else None)
        for span in _policy_from(sentence, found):
            previous = span
            yield span


def _after_count(prefix: str) -> str:
    """The part of ``prefix`` after its last counted quantity (17人, 3个)."""
    counts = list(_COUNTED.finditer(prefix))
    return (prefix[counts[-1].end():] if counts else prefix).lstrip("、")


# Things counted in 条 that are no measure lists (生产线12条, 道路5条).
_COUNTED_THINGS = ("线", "路", "河", "道", "管网", "航线", "渠")


def _policy_from(sentence: str, found: _Ending) -> list[Candidate]:
    """The policies ``found`` names, if its context makes it one (a verb, a list, 以…为抓手)."""
    ending = clean_name(found.ending)
    if ending.endswith("条") and found.prefix.endswith(_COUNTED_THINGS):
        return []
    prefix, owned = _strip_owner(found.prefix)
    if not _plausible(prefix, found.ending, ending):
        return []
    strong = ending.endswith(_STRONG_POLICY_ENDINGS) or ending.endswith("条")
    quoted = any(q in prefix for q in "“「") and ending.endswith(("计划", "制度"))
    means = sentence[max(0, found.begin - 1):found.begin] == "以" \
        and bool(_MEANS_PHRASE.match(sentence, found.end))
    anchored = found.stop in _POLICY_VERBS or found.inherited is not None or means
    if not (strong or quoted or anchored) or (ending == "活动" and not means):
        return []
    ladder = any(word in prefix + ending for word in _LADDER_WORDS) and found.stop not in _ENACTING_VERBS
    zone_fact = not (owned or ladder or means) and found.stop not in _APPLYING_VERBS
    if found.inherited is not None:
        zone_fact = found.inherited
    return _distribute(prefix, ending, found.begin, found.end, zone_fact)


def _plausible(prefix: str, raw_ending: str, ending: str) -> bool:
    """Whether ``prefix`` can be the proper part of a policy name (not a kind, list or project).

    A quoted measure list (“惠企十条”) is named by its count even when its words are generic.
    """
    quoted_list = prefix.startswith(("“", "「")) and len(clean_name(prefix)) >= 2 and ending.endswith("条")
    generic = is_generic(prefix) and not quoted_list
    if "等" in prefix or generic or _unbalanced(prefix + raw_ending) or re.search(PHASE, prefix):
        return False
    if any(word in prefix for word in _INTERNAL) or prefix.endswith("第"):
        return False
    return not (ending == "工程" and any(word in prefix for word in _CONSTRUCTION))


def _distribute(prefix: str, ending: str, begin: int, end: int, zone_fact: bool) -> list[Candidate]:
    """Split "“A”、“B”、“C”培育计划" into one policy per item; two items stay one name."""
    items = prefix.split("、")
    if len(items) < 3:
        return [Candidate(EntityType.POLICY, clean_name(prefix + ending), begin, end, zone_fact)]
    return [Candidate(EntityType.POLICY, clean_name(item + ending), begin, end, zone_fact)
            for item in items if not is_generic(item)]


def _strip_owner(prefix: str) -> tuple[str, bool]:
    """Drop a leading owner (全区, 市...) naming a government above the zone."""
    for owner in _OWNER_PREFIXES:
        if prefix.startswith(owner) and not prefix.startswith("区域"):
            return prefix[len(owner):], True
    return prefix, prefix.startswith("省")


def _unbalanced(text: str) -> bool:
    """Whether the quotes in ``text`` do not pair up."""
    return text.count("“") != text.count("”")


def _listed_policies(sentence: str) -> Iterator[Candidate]:
    """Items of "推出A、B、C等扶持政策": each item is a named policy."""
    for m in _LIST_POLICY.finditer(sentence):
        clause = m.group(1)
        verb = _clause_verb(clause)
        if verb is None:
            continue
        cut = clause.rfind(verb) + len(verb)
        if "、" not in clause[cut:]:
            continue
        offset = m.start(1) + cut
        for item in clause[cut:].split("、"):
            name = clean_name(item)
            if 2 <= len(name) <= 14 and not is_generic(name):
                yield Candidate(EntityType.POLICY, name, offset, offset + len(item), verb in _ISSUING_VERBS)
            offset += len(item) + 1
