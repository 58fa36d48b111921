"""locatedIn and focusIndustry on a page that is not about one zone: a round-up naming many zones once each.

A page of a province's or a city's signing event names its zones once each ("A管委会与X公司签署…项目、
B管委会和Y公司签署…项目"); the zone named first is no home for every company of the page. There a
company or project is located only in a zone named in its own clause.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.document import Document, Fact, Mention
from ingest.extract.home_zone import home_aliases
from ingest.extract.zones import ENDING_RE, ZoneName, known_districts, zone_name_of
from kg.model import EntityType, Predicate

_CLAUSE_MARK = re.compile(r"[，,；;、。:：]")
# Zones other than the home one a page must name for it to count as a round-up.
_MIN_OTHER_ZONES = 2
# Most mentions of the home zone a round-up page has (it may open the page and name one clause).
_MAX_HOME_MENTIONS = 2
_LOCATED = (EntityType.ENTERPRISE, EntityType.PROJECT)


def located_facts(doc: Document, mentions: list[Mention], facts: list[Fact]) -> list[Fact]:
    """The page's facts with every locatedIn step of this module applied, in the order they rely on:
    round-ups and deal partners, then zones a sentence sites or signs with, then settling verbs and
    placements spread over several zones."""
    facts = without_partners(doc, mentions, relocated(doc, mentions, facts))
    facts = signed_with_zone(doc, mentions, sited_in_zones(doc, mentions, facts))
    return without_spread_placements(doc, mentions, settled_by_verb(doc, mentions, facts))


def relocated(doc: Document, mentions: list[Mention], facts: list[Fact]) -> list[Fact]:
    """``facts`` with locatedIn tied to the clause's zone on a round-up page, unchanged elsewhere."""
    zones = [m for m in mentions if m.type is EntityType.ZONE]
    if doc.home_zone is None:
        return facts
    own = _home_forms(doc.home_zone[1], zones)
    if not _is_round_up(own, zones, doc.text):
        return _sectors_of_the_zone_named(doc.home_zone, own, zones, facts)
    clause_zones = {clause: doc.home_zone[1] if name in own else name
                    for clause, name in _zones_by_clause(doc, zones).items()}
    placed: dict[tuple[EntityType, str], set[str]] = {}
    for mention in mentions:
        if mention.type in _LOCATED:
            zone = clause_zones.get(_clause_of(doc, mention.sentence_index, mention.start))
            placed.setdefault((mention.type, mention.name), set()).update([zone] if zone else [])
    home_sentences = {m.sentence_index for m in zones if m.name in own}
    kept = [f for f in facts if _kept_on_round_up(f, doc.home_zone, placed, home_sentences)]
    known = {(f.subject, f.obj) for f in kept if f.predicate is Predicate.LOCATED_IN}
    for subject, names in placed.items():
        for name in sorted(names):
            if (subject, (EntityType.ZONE, name)) not in known:
                sentence = next(m.sentence_index for m in mentions if (m.type, m.name) == subject)
                kept.append(Fact(Predicate.LOCATED_IN, subject, (EntityType.ZONE, name), sentence))
    return kept


# Projects as the subject of a sector list (此次签约项目…涉及A、B等领域): the fields of the projects.
_PROJECT_FIELDS = re.compile(r"项目[^。;；]{0,40}?(?:涉及|涵盖|覆盖|包括|囊括)[^。;；]*$")


def sectors_of_a_zone(doc: Document, mentions: list[Mention], facts: list[Fact]) -> list[Mention]:
    """``mentions`` without the fields of a page's projects that no zone takes as its focus (此次签约项目涉及
    A、B等领域 on a district's or a province's page): those are no sectors of a zone."""
    targeted = {f.obj for f in facts if f.predicate is Predicate.FOCUS_INDUSTRY}
    return [m for m in mentions
            if m.type is not EntityType.INDUSTRY or (m.type, m.name) in targeted or not _project_fields(doc, m)]


def _project_fields(doc: Document, mention: Mention) -> bool:
    sentence = doc.sentences[mention.sentence_index]
    return _PROJECT_FIELDS.search(sentence.text, 0, mention.start - sentence.start) is not None


def _sectors_of_the_zone_named(home: tuple[EntityType, str], own: set[str], zones: list[Mention],
                               facts: list[Fact]) -> list[Fact]:
    """A sector named in a sentence about one other zone (记者从X园区了解到,该园区重点打造A、B) is that zone's."""
    named: dict[int, set[str]] = {}
    for mention in sorted(zones, key=lambda m: m.start):
        names = named.setdefault(mention.sentence_index, set())
        bare = (zone_name_of(mention.name) or ZoneName(mention.name, "")).place == ""
        if bare and names - {home[1]}:
            continue  # 该园区 after another zone's name is that zone
        names.add(home[1] if mention.name in own else mention.name)
    out = []
    for fact in facts:
        names = named.get(fact.sentence_index, set())
        if fact.predicate is Predicate.FOCUS_INDUSTRY and fact.subject == home and len(names) == 1 \
                and home[1] not in names:
            fact = replace(fact, subject=(EntityType.ZONE, next(iter(names))))
        out.append(fact)
    return out


def _kept_on_round_up(fact: Fact, home: tuple[EntityType, str], placed: dict[tuple[EntityType, str], set[str]],
                      home_sentences: set[int]) -> bool:
    """A locatedIn in the home zone needs the home zone in the subject's clause; a sector, in its sentence
    (the sectors of the event's projects are not the first zone's)."""
    if fact.predicate is Predicate.LOCATED_IN and fact.obj == home:
        return home[1] in placed.get(fact.subject, set())
    if fact.predicate is Predicate.FOCUS_INDUSTRY and fact.subject == home:
        return fact.sentence_index in home_sentences
    return True


def _home_forms(home_name: str, zones: list[Mention]) -> set[str]:
    home = zone_name_of(home_name)
    return (home_aliases(home, zones) if home else set()) | {home_name}


# Local governments that sign for their own county or district (X区人民政府与Y公司签署).
_GOVERNMENT = re.compile(r"[\u4e00-\u9fff]{2,6}?[区市县旗]人民政府")


def _is_round_up(own: set[str], zones: list[Mention], text: str) -> bool:
    """The home zone is named at most twice and at least two other zones or local governments are named too."""
    others = {m.name for m in zones if m.name not in own and len(m.name) >= 4}
    others |= {m.group() for m in _GOVERNMENT.finditer(text)}
    return sum(1 for m in zones if m.name in own) <= _MAX_HOME_MENTIONS and len(others) >= _MIN_OTHER_ZONES


def _clause_of(doc: Document, sentence_index: int, offset: int) -> tuple[int, int]:
    """(sentence, clause start) of a document offset; clauses end at commas, 、 and colons."""
    sentence = doc.sentences[sentence_index]
    local = offset - sentence.start
    marks = [m.end() for m in _CLAUSE_MARK.finditer(sentence.text, 0, max(0, local))]
    return sentence_index, max(marks, default=0)


def _zones_by_clause(doc: Document, zones: list[Mention]) -> dict[tuple[int, int], str]:
    """The zone each clause names (the first when it names several)."""
    found: dict[tuple[int, int], str] = {}
    for mention in sorted(zones, key=lambda m: m.start):
        found.setdefault(_clause_of(doc, mention.sentence_index, mention.start), mention.name)
    return found


# A strategic-cooperation agreement: its parties are partners of the zone, not firms settling in it.
_COOPERATION = re.compile(r"战略合作(?:框架)?协议|战略合作伙伴|合作框架协议")
# "位于X区的" / "地处X的" right before a company (or before the part of its name the rules cut off):
# it is somewhere the text names, not the zone.
_SITED_ELSEWHERE = re.compile(r"(?:位于|地处|坐落于)([\u4e00-\u9fff]{2,8}?)的[\u4e00-\u9fff]{0,4}$")


def without_partners(doc: Document, mentions: list[Mention], facts: list[Fact]) -> list[Fact]:
    """``facts`` without the locatedIn of companies the page names only as partners or as sited elsewhere:
    parties to a strategic-cooperation agreement that invest in no project, firms "位于X区的" another place."""
    investors = {f.obj for f in facts if f.predicate is Predicate.INVESTOR and f.obj}
    contexts: dict[tuple[EntityType, str], list[bool]] = {}
    in_district: set[str] = set()
    for mention in mentions:
        if mention.type is EntityType.ENTERPRISE:
            contexts.setdefault((mention.type, mention.name), []).append(_outside(doc, mention))
            if _in_other_district(doc, mention):
                in_district.add(mention.name)
    # A company the page once sites in another district (位于茅箭区的X) is there, however often it is named;
    # so is the same company named in full (万向X for X).
    sited = {key for key in contexts if any(len(name) >= 4 and key[1].endswith(name) for name in in_district)}
    outside = {key for key, flags in contexts.items() if all(flags) or key in sited} - investors
    return [f for f in facts if f.predicate is not Predicate.LOCATED_IN or f.subject not in outside]


def _sited_before(doc: Document, mention: Mention) -> re.Match[str] | None:
    sentence = doc.sentences[mention.sentence_index]
    local = mention.start - sentence.start
    return _SITED_ELSEWHERE.search(sentence.text, max(0, local - 16), local)


def _in_other_district(doc: Document, mention: Mention) -> bool:
    """"位于茅箭区的X": X is named as sited in a county-level district that is not the zone's."""
    sited = _sited_before(doc, mention)
    return sited is not None and sited.group(1) in known_districts() and doc.home_zone is not None \
        and sited.group(1)[:2] not in doc.home_zone[1]


def _outside(doc: Document, mention: Mention) -> bool:
    sited = _sited_before(doc, mention)
    if sited is not None:
        return _in_other_district(doc, mention) or ENDING_RE.search(sited.group(1)) is None
    return _COOPERATION.search(doc.sentences[mention.sentence_index].text) is not None


# "位于A园区B片区的X公司", "X项目位于A开发区B工业园区": X is in every zone the 位于 phrase names.
_SITED_BEFORE = re.compile(r"(?:位于|落户|入驻|坐落于)([^，。,;；:：]{2,30}?)的$")
_SITED_AFTER = re.compile(r"(?:项目)?(?:位于|落户|落户于|入驻|坐落于)([^，。,;；:：]{2,30})")


def sited_in_zones(doc: Document, mentions: list[Mention], facts: list[Fact]) -> list[Fact]:
    """``facts`` plus the locatedIn a 位于 phrase gives a company or project in each zone it names."""
    zones = sorted((m for m in mentions if m.type is EntityType.ZONE), key=lambda m: m.start)
    if not zones:
        return facts
    known = {(f.subject, f.obj) for f in facts if f.predicate is Predicate.LOCATED_IN}
    added = []
    for mention in mentions:
        if mention.type not in _LOCATED:
            continue
        for start, end in _sited_spans(doc, mention):
            for zone in zones:
                key = ((mention.type, mention.name), (EntityType.ZONE, zone.name))
                if start <= zone.start and zone.end <= end and key not in known:
                    known.add(key)
                    added.append(Fact(Predicate.LOCATED_IN, *key, mention.sentence_index))
    return facts + added


def _sited_spans(doc: Document, mention: Mention) -> list[tuple[int, int]]:
    """Document spans of the 位于 phrases before (位于…的X) and right after (X位于…) a mention."""
    sentence = doc.sentences[mention.sentence_index]
    local_start, local_end = mention.start - sentence.start, mention.end - sentence.start
    spans = []
    before = _SITED_BEFORE.search(sentence.text, max(0, local_start - 40), local_start)
    if before is not None:
        spans.append((sentence.start + before.start(1), sentence.start + before.end(1)))
    after = _SITED_AFTER.match(sentence.text, local_end)
    if after is not None:
        spans.append((sentence.start + after.start(1), sentence.start + after.end(1)))
    return spans


# The zone (or its organ) as one party of a signing with the companies after 与: "X开发区相继与A、B等企业签订投资协议".
_ZONE_SIGNS_WITH = re.compile(r"(?:党工委|管委会|管理委员会)?(?:相继|分别|先后|正式|成功|集中)?(?:与|同|和)")
_SIGNING = re.compile(r"签约|签订|签署")


def signed_with_zone(doc: Document, mentions: list[Mention], facts: list[Fact]) -> list[Fact]:
    """``facts`` plus the locatedIn of companies that sign with a zone the sentence opens with (X园区与A、B签约)."""
    zones = [m for m in mentions if m.type is EntityType.ZONE]
    known = {(f.subject, f.obj) for f in facts if f.predicate is Predicate.LOCATED_IN}
    added = []
    for zone in zones:
        sentence = doc.sentences[zone.sentence_index]
        partner = _ZONE_SIGNS_WITH.match(sentence.text, zone.end - sentence.start)
        if partner is None:
            continue
        start = sentence.start + partner.end()
        signing = _SIGNING.search(sentence.text, partner.end())
        if signing is None:
            continue
        end = sentence.start + signing.start()
        target = _home_or(doc, zone)
        for mention in mentions:
            key = ((mention.type, mention.name), target)
            if mention.type is EntityType.ENTERPRISE and start <= mention.start and mention.end <= end \
                    and key not in known:
                known.add(key)
                added.append(Fact(Predicate.LOCATED_IN, *key, mention.sentence_index))
    return facts + added


def _home_or(doc: Document, zone: Mention) -> tuple[EntityType, str]:
    """The zone a mention names: the home zone for its bare or short forms, else the name itself."""
    if doc.home_zone is not None and zone.name in _home_forms(doc.home_zone[1], [zone]):
        return doc.home_zone
    return EntityType.ZONE, zone.name


# Several things placed "分别" in a list of places (A、B等项目分别位于X、Y和Z): the page does not say which
# one is where, so none of them is located in any of those places nor in the home zone.
_SPREAD = re.compile(r"分别(?:位于|坐落于|落户(?:于|在|到)?|签约(?:进入|落户|入驻)|进入|入驻|落地(?:于|在)?)"
                     r"([^，。,;；:：]{2,60}?(?:、|和|及|与)[^，。,;；:：]{2,40})")
_PLACE_CHARS = re.compile(r"[区园镇乡村县市城]")
_SPREAD_OPENING = re.compile(r"[；;。]|与此同时|同时")


def without_spread_placements(doc: Document, mentions: list[Mention], facts: list[Fact]) -> list[Fact]:
    """``facts`` without the locatedIn of companies and projects a sentence places "分别" in several places
    (unless another sentence places them too); as many things as zones are paired with them in order
    (A、B两个项目分别落户X园区和Y园区)."""
    spread: set[tuple[EntityType, str]] = set()
    elsewhere: set[tuple[EntityType, str]] = set()
    spans = _spread_spans(doc)
    for mention in mentions:
        if mention.type in _LOCATED:
            inside = any(start <= mention.start and mention.end <= end for start, _, end in spans)
            (spread if inside else elsewhere).add((mention.type, mention.name))
    dropped = spread - elsewhere
    kept = [f for f in facts if f.predicate is not Predicate.LOCATED_IN or f.subject not in dropped]
    for span in spans:
        kept += [f for f in _paired(doc, mentions, span) if f.subject in dropped]
    return kept


def _paired(doc: Document, mentions: list[Mention], span: tuple[int, int, int]) -> list[Fact]:
    """A locatedIn for each group of things before 分别 in the zone of the same rank in the list after it,
    when the list names only zones and as many as there are groups."""
    start, list_start, end = span
    things = sorted((m for m in mentions if m.type in _LOCATED and start <= m.start and m.end <= list_start),
                    key=lambda m: m.start)
    zones = sorted((m for m in mentions if m.type is EntityType.ZONE and list_start <= m.start and m.end <= end),
                   key=lambda m: m.start)
    groups: list[list[Mention]] = []
    for thing in things:
        if groups and thing.start < max(m.end for m in groups[-1]):
            groups[-1].append(thing)
        else:
            groups.append([thing])
    places = len(re.split(r"、|和|及|与", doc.text[list_start:end]))
    if not 2 <= len(groups) == len(zones) == places:
        return []
    return [Fact(Predicate.LOCATED_IN, (m.type, m.name), _home_or(doc, zone), m.sentence_index)
            for group, zone in zip(groups, zones, strict=True) for m in group]


def _spread_spans(doc: Document) -> list[tuple[int, int, int]]:
    """(clause opening, start of the place list, end of the list) of each 分别 placement, in the document."""
    spans = []
    for sentence in doc.sentences:
        opened = 0
        for match in _SPREAD.finditer(sentence.text):
            if not _PLACE_CHARS.search(match.group(1)):
                continue  # 分别位于全省第二、第三位: ranks, not places
            openings = [m.end() for m in _SPREAD_OPENING.finditer(sentence.text, opened, match.start())]
            start = max(openings, default=opened)
            spans.append((sentence.start + start, sentence.start + match.start(1), sentence.start + match.end()))
            opened = match.end()
    return spans


# A verb that settles something in the zone named right after it (入驻X园区, 迁入X园区, 在X园区建设).
_SETTLE_BEFORE = re.compile(r"(?:入驻|进驻|迁入|搬入|落户(?:于|在|到)?|落地(?:于|在)?|扎根)$")
_AT_BEFORE = re.compile(r"(?:在|于)$")
# After "在/于 <zone>", what is done there must be building or settling (在X园区建设, 于X园区自建厂房).
_BUILD_AFTER = re.compile(r"(?:内|区内)?(?:投资|自建|新建|建设|兴建|设立|成立|打造|布局|落地|落户|营运|运营|生产)")
# A sentence whose subject is the previous sentence's company (此次拟投资3亿元,在X园区建设…).
_ELIDED_SUBJECT = re.compile(r"^(?:此次|该公司|公司|该项目|项目|企业|并|拟|将|计划)")


def settled_by_verb(doc: Document, mentions: list[Mention], facts: list[Fact]) -> list[Fact]:
    """``facts`` plus the locatedIn of the company or project a clause settles in a zone (X公司…迁入Y园区,
    X公司投资3亿元在Y园区建设Z基地): the nearest one before the verb, or the previous sentence's first when
    the sentence leaves its subject out, and a work named right after the building verb."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        by_sentence.setdefault(mention.sentence_index, []).append(mention)
    known = {(f.subject, f.obj) for f in facts if f.predicate is Predicate.LOCATED_IN}
    added = []
    for zone in (m for m in mentions if m.type is EntityType.ZONE):
        for thing in _settled_things(doc, zone, by_sentence):
            key = ((thing.type, thing.name), _home_or(doc, zone))
            if key not in known:
                known.add(key)
                added.append(Fact(Predicate.LOCATED_IN, *key, thing.sentence_index))
    return facts + added


def _settled_things(doc: Document, zone: Mention, by_sentence: dict[int, list[Mention]]) -> list[Mention]:
    sentence = doc.sentences[zone.sentence_index]
    local_start, local_end = zone.start - sentence.start, zone.end - sentence.start
    head = sentence.text[max(0, local_start - 4):local_start]
    settle = _SETTLE_BEFORE.search(head)
    build = _BUILD_AFTER.match(sentence.text, local_end) if settle is None and _AT_BEFORE.search(head) else None
    if settle is None and build is None:
        return []
    verb_start = zone.start - (len(settle.group()) if settle else 1)
    here = by_sentence.get(zone.sentence_index, [])
    before = [m for m in here if m.end <= verb_start and not _split_by(doc, m.end, verb_start)]
    if any(m.type is EntityType.ZONE for m in before if m.start > max((b.end for b in before
                                                                      if b.type in _LOCATED), default=-1)):
        return []  # another zone between the company and the verb: the verb is that zone's clause
    things = [m for m in before if m.type in _LOCATED]
    if things:
        nearest = things[-1]
        subjects = [m for m in things if m.start < nearest.end and nearest.start < m.end]
    elif _ELIDED_SUBJECT.match(sentence.text) and zone.sentence_index > 0:
        previous = [m for m in by_sentence.get(zone.sentence_index - 1, []) if m.type in _LOCATED]
        subjects = [m for m in previous if previous and m.start < previous[0].end]
    else:
        subjects = []
    if build is not None:
        work_from = zone.end + build.end() - local_end
        subjects += [m for m in here if m.type in _LOCATED and work_from <= m.start <= work_from + 2]
    return subjects


def _split_by(doc: Document, start: int, end: int) -> bool:
    """Whether a semicolon or a full stop separates ``start`` from ``end``."""
    return re.search(r"[；;。]", doc.text[start:end]) is not None
