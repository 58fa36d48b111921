"""Figures of one named project, platform or company: 甲项目占地55亩, 乙交易中心注册用户3000余人.

The zone pass (:mod:`indicators`) skips a figure whose sentence is about one body; this pass gives it to
that body instead.  It runs after every mention is known, because the body is a mention of the sentence:

- a body that opens a clause run (after 其中, 此外, 在…中) owns the figures after it, up to the next such
  body or the end of the piece (pieces are cut at ；);
- 总投资2.4亿元、占地面积3.5万平方米的甲基地: figures written before ``的`` + the body are its own;
- a piece that opens with 该项目 / 项目 / 该公司 speaks of the last project or company named just before.

Only quantities a body has are kept (land, floor area, output, sales, taxes, jobs, users, firms settled…);
an investment amount is the project's ``investment`` fact, not an indicator.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.document import Document, Fact, Mention, Sentence
from ingest.extract.indicator_figures import Figure, figures, in_local_currency
from ingest.extract.indicator_phrases import QUOTE_RE
from ingest.extract.numbers import normalise_digits
from kg.model import EntityType, IndicatorKind, Predicate

_BODY_TYPES = (EntityType.PROJECT, EntityType.PLATFORM, EntityType.ENTERPRISE)
_PIECE_BREAK_RE = re.compile(r"[;；。]")
_CLAUSE_BREAKS = ",，、:：;；"
# Words that open a clause without naming anything: 其中, 此外, 在签约的12个项目中.
_LEAD_RE = re.compile(r"^(?:其中|此外|另外|同时|目前|据悉|据了解|在[^,，;；]{0,16}?中|[,，、\s])+")
# A modifier before the body: 总投资2.4亿元、占地面积3.5万平方米的 / 位于…的.
_MODIFIER_END = "的"
# 该项目, 项目建成后…, 该公司: a piece about the last project or company named.
_ANAPHORA = (
    (re.compile(r"^(?:该|此|这个)?项目"), EntityType.PROJECT),
    (re.compile(r"^(?:该|这家)(?:公司|企业)"), EntityType.ENTERPRISE),
)
_LIST_RE = re.compile(r"等|、|和$")
# A body named as a member of a list (甲、乙等8个项目) or as the owner of a class (甲集团项目揭牌10个).
_MEMBER_AFTER = ("、", "和", "与", "及", "等", "项目", "旗下")
_SHORT_PROJECT_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,12}?项目")
# What a project or a company has; a platform also counts the firms, projects and users it gathers.
_QUANTITY_RE = re.compile(
    r"占地|用地|面积|产值|营业额|营业收入|营收|销售收入|销售额|利税|税收|就业|产量|年产|年加工|订单|完成投资"
)
_PLATFORM_QUANTITY_RE = re.compile(r"用户|商家|会员|成交|交易额|入驻|孵化|引进|团队|服务站|企业|项目")
# Investments are the project's own fact (investment); a platform's signed amount is its indicator.
_INVESTMENT_RE = re.compile(r"投资")
# 已完成投资1.3亿元: how far a body's investment has got, which its investment fact (the total) does not say.
_PROGRESS_RE = re.compile(r"完成投资")
# 年产, 年加工: the yearly capacity of a body, named by the product after the figure when none comes before.
_CAPACITY_RE = re.compile(r"年产(?!值)|年加工")
_NAME_AFTER_RE = re.compile(r"[^,，;；。的]{0,24}?项目")
_PLATFORM_INVESTMENT_RE = re.compile(r"签约投资额|签约额|协议投资")
_HEDGE_RE = re.compile(r"(?:约|达到|可达|达|超过|超|近|逾|共计|共|合计|总计|为|有|已|将|可|实现)+$")
_TRIM_HEAD_RE = re.compile(r"^(?:的|并|且|和|及|其|将|,|，|(?:该|此)?项目|设计能力为|设计产能为)+")
# 达产后可实现年产值, 年可实现销售收入: the mood (read by _kind first) is no part of the name.
_MOOD_RE = re.compile(r"(?:预计)?可(?:实现|达到|达)|(?<=后)预计")
_TARGET_RE = re.compile(r"建成后|投产后|达产后|运营后|预计|计划|可实现|可达|年可|将|拟|设计能力|规划")
_AFTER_RE = re.compile(r"(?:建成|投产|达产|运营|竣工|满产)后")
_NOUN_AFTER_RE = re.compile(r"^[\u4e00-\u9fff]{2,12}")
# Land and floor area: a body has it whatever word names it (总规划400亩, 二期120亩).
_AREA_UNITS = frozenset({"mu", "m2", "km2", "ha"})
_COUNT_VERB_RE = re.compile(r"^(?:已|新|将|累计|共)?(?:建成|新建|建设|引进|入驻|孵化|落户|聚集|集聚|吸引)$")


def body_indicators(doc: Document, mentions: Iterable[Mention]) -> list[Fact]:
    """Indicator facts whose subject is one project, platform or company named in the sentence."""
    by_sentence: dict[int, list[Mention]] = {}
    zones: dict[int, list[Mention]] = {}
    for mention in mentions:
        if mention.type in _BODY_TYPES:
            by_sentence.setdefault(mention.sentence_index, []).append(mention)
        elif mention.type is EntityType.ZONE:
            zones.setdefault(mention.sentence_index, []).append(mention)
    facts: list[Fact] = []
    last: dict[EntityType, Mention] = {}
    for sentence in doc.sentences:
        found = _outermost(by_sentence.get(sentence.index, []))
        if found or last:
            facts.extend(_sentence_facts(sentence, found, last, zones.get(sentence.index, [])))
        for mention in found:
            last[mention.type] = mention
        if "\n" in doc.text[sentence.end : sentence.end + 2]:
            last = {}  # a new paragraph: 该项目 no longer points back
    return in_local_currency(facts, doc)


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """The longest mention of each span (a project name holds its company's name)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in ordered:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _sentence_facts(sentence: Sentence, mentions: list[Mention], last: dict[EntityType, Mention],
                    zones: list[Mention]) -> list[Fact]:
    """Figures of the bodies of one sentence; a zone named after a body takes the clauses after it back."""
    text = sentence.text
    local = [(m.start - sentence.start, m.end - sentence.start, m) for m in _outermost(mentions + zones)]
    facts: list[Fact] = []
    start = 0
    for piece_end in [m.start() for m in _PIECE_BREAK_RE.finditer(text)] + [len(text)]:
        piece = [(s, e, m) for s, e, m in local if start <= s and e <= piece_end]
        facts.extend(_piece_facts(sentence, start, piece_end, piece, last))
        start = piece_end + 1
    return facts


def _piece_facts(sentence: Sentence, start: int, end: int, mentions: list[tuple[int, int, Mention]],
                 last: dict[EntityType, Mention]) -> list[Fact]:
    """Figures of the bodies that are subjects in ``text[start:end]``."""
    text = sentence.text
    owners = _owners(text, start, [m for m in mentions if m[2].type in _BODY_TYPES], last)
    facts = []
    for figure in figures(text[start:end], project_sizes=True):
        position = start + figure.start
        if any(ms <= position < me for ms, me, _ in mentions):
            continue  # 年产2.5万吨基础油项目: a figure inside a name
        owner = _owner_of(text, position, start + figure.end, owners, mentions)
        if owner is None:
            continue
        metric = _metric(text, start, position, start + figure.end, end, owners)
        if not metric or not _has_quantity(metric, owner.type, figure.unit):
            continue
        if _CAPACITY_RE.match(metric) and _names_capacity(text[position : start + figure.end], owner.name):
            continue  # 甲公司年产5万吨涂料项目…可实现年产涂料5万吨: the name's capacity restated
        kind = _kind(text, start, position)
        attrs = (("metric", metric), ("value", figure.value), ("unit", figure.unit), ("period", None),
                 ("kind", kind.value))
        facts.append(Fact(Predicate.INDICATOR, (owner.type, owner.name), None, sentence.index, attrs))
    return facts


def _owners(text: str, start: int, mentions: list[tuple[int, int, Mention]],
            last: dict[EntityType, Mention]) -> list[tuple[int, int, Mention]]:
    """The bodies that are the subject of a clause run, with where their run starts."""
    owners = []
    opening = _LEAD_RE.sub("", text[start:])
    lead = len(text) - start - len(opening)
    if not any(s == start + lead for s, _, _ in mentions):
        named = _named_before(opening, last)
        if named:
            owners.append((start + lead, start + lead + named[0], named[1]))
    for s, e, mention in mentions:
        if text[e:].startswith(_MEMBER_AFTER) or text[s - 1 : s] == "、":
            continue  # one member of a list: the figures after it are the list's
        clause_start = max((text.rfind(ch, start, s) for ch in _CLAUSE_BREAKS), default=-1) + 1
        clause_start = max(clause_start, start)
        before = _LEAD_RE.sub("", text[clause_start:s])
        if not before or before.endswith(_MODIFIER_END):
            owners.append((s, e, mention))
    return sorted(owners, key=lambda o: o[0])


def _named_before(opening: str, last: dict[EntityType, Mention]) -> tuple[int, Mention] | None:
    """该项目 / 项目 / 该公司, or a short name of the last project (甲基地项目 after 甲智能终端产业基地项目)."""
    for pattern, kind in _ANAPHORA:
        match = pattern.match(opening)
        if match and kind in last:
            return match.end(), last[kind]
    short = _SHORT_PROJECT_RE.match(opening)
    project = last.get(EntityType.PROJECT)
    if short and project and project.name[:2] == opening[:2]:
        return short.end(), project
    return None


def _owner_of(text: str, position: int, figure_end: int, owners: list[tuple[int, int, Mention]],
              mentions: list[tuple[int, int, Mention]]) -> Mention | None:
    """The body a figure belongs to: the owner whose run it is in, or the one it modifies (…的甲基地)."""
    for s, _, mention in owners:
        if s >= figure_end and _modifies(text, figure_end, s):
            return mention
    preceding = [o for o in owners if o[1] <= position]
    if not preceding:
        return None
    s, e, mention = preceding[-1]
    # another body named in the figure's clause, after the owner, takes the clause away from it
    # (a body named in an earlier clause, 投资主体为乙集团, is a complement of that clause only); so does a
    # project a company builds (甲公司…,建设乙项目,达产后年产值…: the yield is the project's)
    clause_start = max(text.rfind(ch, 0, position) for ch in ",，;；") + 1
    if any((max(e, clause_start) <= ms or (m.type is EntityType.PROJECT and mention.type is EntityType.ENTERPRISE
                                            and e <= ms)) and me <= position for ms, me, m in mentions):
        return None
    return mention


def _names_capacity(written: str, name: str) -> bool:
    """Whether a body's name holds the capacity figure as written (5万吨 in 年产5万吨涂料项目)."""
    return bool(written) and normalise_digits(written) in normalise_digits(name)


def _modifies(text: str, figure_end: int, body_start: int) -> bool:
    """总投资2.4亿元、占地面积35000平方米的甲基地: the figure describes the body named after ``的``."""
    between = text[figure_end:body_start]
    return between.endswith(_MODIFIER_END) and not re.search(r"[,，;；。]", between) and len(between) <= 20


def _metric(text: str, start: int, position: int, figure_end: int, end: int,
            owners: list[tuple[int, int, Mention]]) -> str:
    """The words naming a figure: back to the clause break, the previous figure or the body's name."""
    begin = max([text.rfind(ch, start, position) + 1 for ch in _CLAUSE_BREAKS] + [start])
    begin = max([begin] + [e for _, e, _ in owners if e <= position])
    phrase = _TRIM_HEAD_RE.sub("", _HEDGE_RE.sub("", QUOTE_RE.sub("", text[begin:position])))
    phrase = _MOOD_RE.sub("", phrase)
    capacity = _CAPACITY_RE.search(phrase)
    if capacity:
        # 建成后可实现年产12万吨乙二醇 → 年产乙二醇: the capacity and the product it counts
        phrase = phrase[capacity.start():]
        if _NAME_AFTER_RE.match(text, figure_end, end):
            return ""  # 年产125万吨新能源材料项目: a capacity that is part of a project's name
        noun = _NOUN_AFTER_RE.match(text[figure_end:end]) if phrase == capacity.group(0) else None
        return phrase + (noun.group(0).split("的")[0] if noun else "")
    if not phrase or _COUNT_VERB_RE.match(phrase):
        # 建成20家服务站 / 将建设5栋厂房: the verb before the count and the noun after it
        noun = _NOUN_AFTER_RE.match(QUOTE_RE.sub("", text[figure_end:end]))
        return phrase + noun.group(0) if noun else ""
    return phrase


def _has_quantity(metric: str, kind: EntityType, unit: str) -> bool:
    platform = kind is EntityType.PLATFORM
    if _LIST_RE.search(metric):
        return False  # 孵化等3个中心: the words of a list, not a measure
    if unit not in _AREA_UNITS and not _QUANTITY_RE.search(metric) and not (platform and (
            _PLATFORM_QUANTITY_RE.search(metric) or _PLATFORM_INVESTMENT_RE.search(metric))):
        return False
    if _INVESTMENT_RE.search(metric) and not _PROGRESS_RE.search(metric):
        return kind is EntityType.PLATFORM and bool(_PLATFORM_INVESTMENT_RE.search(metric))
    return len(metric) <= 16


def _kind(text: str, start: int, position: int) -> IndicatorKind:
    """A figure is a target when its clause looks ahead (预计, 可达), or when the piece has said since when
    (投产后…, 带动就业600人); a plan word of an earlier clause (计划总投资…, 新增用地) does not carry."""
    clause_start = max([text.rfind(ch, start, position) + 1 for ch in ",，;；"] + [start])
    clause = text[clause_start:position]
    if _TARGET_RE.search(clause) or _AFTER_RE.search(text, start, clause_start):
        return IndicatorKind.TARGET
    return IndicatorKind.ACTUAL


def figure_of(fact: Fact) -> tuple[int, str, float]:
    """The key the zone pass and this pass share for one figure (sentence, unit, value)."""
    return (fact.sentence_index, str(fact.attr("unit")), round(float(fact.attr("value", 0)), 2))


__all__ = ["Figure", "body_indicators", "figure_of"]
