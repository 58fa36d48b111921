"""Policy names: named policies, measure lists and programmes, and whether the zone issued them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
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
from ingest.extract.policy_campaigns import district_issuer, higher_owner, quoted_campaigns
from ingest.extract.policy_titles import find_document_titles
from kg.model import EntityType

_POLICY_STOPS = tuple(sorted(set(FUNCTION_WORDS + GENERIC_VERBS + ("提出", "即")), key=len))
# Verbs that open a measure list's own name (支持智能终端发展“18条”).
_NAME_VERBS = ("支持", "促进", "加快", "推动")

# Verbs by which a zone issues a policy, and verbs by which it applies someone else's.
_ISSUING_VERBS = frozenset(
    ["出台", "制定", "印发", "发布", "推出", "推行", "实施", "开展", "开展好", "推进", "深化", "启动", "形成", "提出",
     "即"]  # "推进“七大行动”,即A行动、B行动…": the items spell out a programme
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
_OWNER_PREFIXES = ("全区", "全市", "全县", "全省", "区", "市", "县")
_STRONG_POLICY_ENDINGS = ("一件事一次办", "一件事", "三年行动计划", "三年行动方案", "三年计划",
                          "三年行动", "英才计划", "人才计划", "英才")


# Endings that name a policy when the part before them is quoted (“四个一”招商机制).
_QUOTED_ENDINGS = ("计划", "制度", "工作法", "行动", "战略", "思路", "规划", "工程", "机制")
_CLAUSE_BREAK = re.compile(r"[，。；：,;:]")
# A counted quantity (17人, 3个, 2022年) ends whatever came before a name.
_COUNTED = re.compile(r"\d+[人个家项名件条年]")


@lru_cache(maxsize=1)
def _policy_re() -> re.Pattern[str]:
    """Any policy ending (or N条) that closes a word."""
    endings = alternation(load_lexicon("policies") + ("活动",))
    return re.compile(
        rf"(?:[{QUOTES}]?(?:\d+|[一二三四五六七八九十百]+)条|[{CLOSING}]制度|{endings})"
        rf"(?:[{CLOSING}]|(?![{CJK}])|(?=[为等的和与及并]|要求|出台|实施))"
    )


_LIST_POLICY = re.compile(rf"([^，。；：,;:]*?)等([{CJK}]{{0,4}})(?:政策|措施)")
_CODE_MECHANISM = re.compile(rf"[{QUOTES}]?\d+(?:\+\d+)+[{QUOTES}]?[{CJK}]{{2,6}}?机制")
# "实施以“东西合作”为主题的X工程": a programme the verb before its theme runs.
_THEMED = re.compile(r"(?:实施|推进|开展|启动|推出|推行)以[^,，;；。]{1,16}为(?:主题|核心|重点|主线|抓手|牵引)的$")
_MEANS_PHRASE = re.compile(r"为(?:主要)?(?:抓手|指引|引领|主线|统领|驱动|重点|牵引)")


def find_policies(sentence: str) -> list[Candidate]:
    """Policy names in one sentence: named ending, measure lists, code-named mechanisms."""
    spans = list(_ending_policies(sentence))
    spans.extend(_listed_policies(sentence))
    spans.extend(_titled_policies(sentence))
    for m in _CODE_SYSTEM.finditer(sentence):
        spans.append(Candidate(EntityType.POLICY, m.group(1) + m.group(2), m.start(), m.end(), True))
    for m in _CODE_MECHANISM.finditer(sentence):
        spans.append(Candidate(EntityType.POLICY, clean_name(m.group()), m.start(), m.end(), True))
    spans.extend(_quoted_programmes(sentence))
    spans.extend(quoted_campaigns(sentence))
    spans.extend(find_document_titles(sentence))
    years = list(_campaign_years(sentence))
    # "以“A年”“B年”活动为抓手": the campaigns are named one by one, not as one 活动.
    spans = [s for s in spans if not (s.name.endswith("活动") and any(s.start <= y.start < s.end for y in years))]
    return _merged_overlaps(sentence, drop_nested(spans + years))


def _merged_overlaps(sentence: str, spans: list[Candidate]) -> list[Candidate]:
    """Two names that overlap without nesting are one title read in two halves
    (企业上市“X行动” + “X行动”升级工程 → 企业上市X行动升级工程); the zone link of either carries."""
    merged: list[Candidate] = []
    for span in sorted(spans, key=lambda c: (c.start, -c.end)):
        last = merged[-1] if merged else None
        if last is not None and last.start < span.start < last.end < span.end:
            merged[-1] = Candidate(EntityType.POLICY, clean_name(sentence[last.start:span.end]), last.start, span.end,
                                   last.zone_fact or span.zone_fact)
        else:
            merged.append(span)
    return merged


# A quoted name and the kind of programme after it (“四个一”招商机制, “产业强区”战略), or a quoted mechanism.
_QUOTED_PROGRAMME = re.compile(
    rf"[“「](?P<inner>[^“”「」]{{2,40}})[”」](?P<kind>[{CJK}+]{{0,4}}?(?:机制|战略规划|战略(?!定位|目标|地位|合作)|升级工程))"
    rf"|[“「](?P<own>[^“”「」]{{2,20}}?机制|[{CJK}]{{2,6}}制)[”」]")
# Verbs by which a zone sets up its own mechanism or strategy right before its quoted name.
_BUILDING_VERB = re.compile(r"(?:健全|建立|深化|推行|引入|探索|构建|实施)[^,，;；。“”「」]{0,6}$")
# A code-named system of sectors the zone builds (“4+2+N”现代产业体系, “5×1”产业体系).
_CODE_SYSTEM = re.compile(rf"[{QUOTES}]?([\dA-Za-z]+(?:[+×][\dA-Za-z]+)+)[{QUOTES}]?([{CJK}]{{0,4}}?产业体系)")


def _quoted_programmes(sentence: str) -> Iterator[Candidate]:
    """Quoted programmes and mechanisms a zone runs (numbered slogans alone, “一体两翼”, are mostly
    layouts and principles, not programmes: left out)."""
    if "“" not in sentence and "「" not in sentence:
        return
    for m in _QUOTED_PROGRAMME.finditer(sentence):
        name = clean_name(m.group("own") or m.group("inner") + m.group("kind"))
        if _BUILDING_VERB.search(sentence, max(0, m.start() - 8), m.start()) and not any(w in name for w in _INTERNAL):
            above = higher_owner(sentence, m.start())
            yield Candidate(EntityType.POLICY, name, m.start(), m.end(), not above, above)


# A campaign year (“营商服务提质年”, 园区建设攻坚年): a verb, then 年.


_YEAR_VERB = re.compile(
    r"(?:推进|突破|强化|提质|提效|转化|攻坚|提升|落实|优化|深化|争先|创优|奋进)年(?![度底初中末前后内以])")


def _campaign_years(sentence: str) -> Iterator[Candidate]:
    for m in _YEAR_VERB.finditer(sentence):
        start = m.start()
        while start > 0 and m.end() - start < 12 and re.match(rf"[{CJK}]", sentence[start - 1]):
            start -= 1
        run = sentence[start:m.end()]
        text = re.split(r"暨|和|及|与", run)[-1]
        quoted = start > 0 and sentence[start - 1] in "“「" and text == run
        name, owned = _strip_owner(text if quoted else _cut(text)[0])
        if len(name) < 5 or is_generic(name[:-3]):
            continue
        zone_fact = _zone_campaign(sentence, m.start(), owned)
        yield Candidate(EntityType.POLICY, name, m.end() - len(name), m.end(), zone_fact)
    for m in _QUOTED_CAMPAIGN.finditer(sentence):
        if not _YEAR_VERB.search(m.group("name")):
            yield Candidate(EntityType.POLICY, m.group("name"), m.start("name"), m.end("name"),
                            _zone_campaign(sentence, m.start(), False))


# A quoted campaign year run as an activity (开展“强劲活跃实干年”主题活动).
_QUOTED_CAMPAIGN = re.compile(rf"[“「](?P<name>[{CJK}]{{3,10}}年)[”」](?:主题)?(?:活动|行动)")
# A city, county or province running the campaign: the zone did not issue it.
_HIGHER_CAMPAIGN = re.compile(r"全市|全县|全省|我市|我县|我省|市委|县委|省委|市政府|县政府|省政府")


def _zone_campaign(sentence: str, start: int, owned: bool) -> bool:
    """Whether the zone runs the campaign: no city, county or province owns it in the clause before."""
    clause_start = max(sentence.rfind(mark, 0, start) for mark in "。；;") + 1
    return not owned and _HIGHER_CAMPAIGN.search(sentence, clause_start, start) is None \
        and not higher_owner(sentence, start)


# The zone itself as the owner of a titled policy (结合开发区《…》).
_ZONE_OWNERS = ("开发区", "高新区", "经开区", "园区", "本区", "我区", "该区", "管委会")
_TITLE = re.compile(r"《([^《》]{2,40})》")
# A title opening with a zone's short name (X高新区支持…若干政策), not a province's or city's.
_ZONE_TITLE = re.compile(
    rf"^(?!国家|全国|中国|关于)[{CJK}]{{2,6}}?(?<![省市])(?:高新区|经开区|开发区|园区|新区)(?!条例)")
_COUNTED_MEASURES = re.compile(r"(?:\d+|[一二三四五六七八九十百]+)条$")


# Bodies above the zone that issue documents (国务院, 科技部, 中共…市委, 省政府).
_HIGHER_ISSUER = re.compile(r"国务院|中共|中央|[部厅]|[省市县]委|[省市县]人民政府|[省市县]政府|办公厅|国家|人大|常委会")
_HIGHER_TITLE = re.compile(
    rf"^(?:国务院|中共|中央|国家|[{CJK}]{{2,4}}[省市](?![{CJK}]{{0,4}}(?:高新区|经开区|开发区)))")


def _titled_policies(sentence: str) -> Iterator[Candidate]:
    """A title in 《》 that ends like a policy (办法, 意见, 十条...) names one."""
    for m in _TITLE.finditer(sentence):
        # A period or a trial note in brackets after the title ("…行动方案(2024—2026年)", "…办法(试行)") stays in
        # the name, not in the test.
        title = re.sub(r"[(（](?:\d{4}[—–\-~～至]\d{4}年?|试行|暂行|修订|征求意见稿)[)）]$", "", m.group(1))
        if title.endswith("总体规划"):
            continue
        if title.endswith(load_lexicon("policies")) or _COUNTED_MEASURES.search(title) \
                or title.endswith(("规定", "规划", "纲要", "通知", "条例", "决定", "举措")):
            before = _CLAUSE_BREAK.split(sentence[:m.start()])[-1]
            own = before.endswith(_ZONE_OWNERS) or bool(_ZONE_TITLE.match(title))
            higher = bool(_HIGHER_TITLE.match(title) or _HIGHER_ISSUER.search(before)) or title.endswith("规划") \
                or district_issuer(before) or district_issuer(title, at_start=True)
            zone_fact = own or (not higher and _clause_verb(sentence[:m.start()]) not in _APPLYING_VERBS)
            yield Candidate(EntityType.POLICY, clean_name(m.group(1)), m.start(), m.end(), zone_fact)


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
        prefix, stop = _cut(_after_count(sentence[start:ending_start]))
        begin = ending_start - len(prefix)
        continued = previous is not None and sentence[previous.end:begin] in ("、", "和", "及", "以及")
        found = _Ending(prefix, sentence[ending_start:m.end()], begin, m.end(), stop,
                        previous.zone_fact if continued and previous else None)
        for span in _policy_from(sentence, found):
            previous = span
            yield span


# A document title written without 《》: 关于…的 belongs to the name (出台关于加快X发展的实施意见).
_ABOUT_TITLE = re.compile(rf"关于[{CJK}、]{{2,30}}的$")


def _cut(text: str) -> tuple[str, str | None]:
    """The name part of ``text`` after its bounding word; a verb glued to the ending stays (壮大计划)."""
    about = _ABOUT_TITLE.search(text)
    if about is not None:
        prefix, (_, stop) = text[about.start():], cut_after_stop(text[:about.start()], _POLICY_STOPS)
    else:
        prefix, stop = cut_after_stop(text, _POLICY_STOPS)
    if stop is not None and len(clean_name(prefix)) < 2 and not prefix.startswith(("“", "「")):
        head = text[:len(text) - len(prefix) - len(stop)]
        outer, outer_stop = cut_after_stop(head, _POLICY_STOPS)
        if len(clean_name(outer)) >= 2:
            return outer + stop + prefix, outer_stop
    if stop == "了":  # 制定了…规划: the verb before 了 bounds the name
        head = text[:len(text) - len(prefix) - 1]
        stop = next((verb for verb in _POLICY_VERBS if head.endswith(verb)), stop)
    return prefix, stop


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
    if found.prefix.startswith(("本", "该", "此", "一系列")) or found.prefix in ("上", "下", "上一", "下一", ""):
        return []
    prefix, owned = _strip_owner(found.prefix)
    if ending.endswith("条") and found.stop in _NAME_VERBS:
        prefix, found = found.stop + prefix, replace(found, begin=found.begin - len(found.stop), stop=None)
    if not _plausible(prefix, found.ending, ending):
        return []
    strong = ending.endswith(_STRONG_POLICY_ENDINGS) or ending.endswith("条")
    quoted = any(q in prefix for q in "“「") and ending.endswith(_QUOTED_ENDINGS) \
        and not re.search(r"(?:作为|当作|视为|是)[“「]?$", sentence[:found.begin])  # 把招商作为“头号工程”: a figure
    means = sentence[max(0, found.begin - 1):found.begin] == "以" \
        and bool(_MEANS_PHRASE.match(sentence, found.end))
    anchored = found.stop in _POLICY_VERBS or found.inherited is not None or means \
        or _THEMED.search(sentence, max(0, found.begin - 30), found.begin) is not None
    if not (strong or quoted or anchored) or (ending == "活动" and not means):
        return []
    ladder = any(word in prefix + ending for word in _LADDER_WORDS) and found.stop not in _ENACTING_VERBS
    above = higher_owner(sentence, found.begin)
    zone_fact = not (owned or ladder or means or above) and found.stop not in _APPLYING_VERBS
    if found.inherited is not None:
        zone_fact = found.inherited
    if prefix.startswith("关于") and _HIGHER_ISSUER.search(_CLAUSE_BREAK.split(sentence[:found.begin])[-1]):
        zone_fact = False  # 市政府印发关于…的意见: issued above the zone
    return [replace(span, above=above) for span in _distribute(prefix, ending, found.begin, found.end, zone_fact)]


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
    prefix = re.sub(r"([”」])的$", r"\1", prefix)  # “3377”的工作思路
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
    if "等" not in sentence:  # the pattern's lazy clause rescans the sentence from each position
        return
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
