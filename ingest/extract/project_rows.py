"""Projects named in the rows of a signing or ground-breaking account.

- Parties who sign a project: "X管委会与Y公司签署Z项目" (the company parties are its investors).
- Companies listed under a count of projects: "集中开工项目6个,包括A、B、C" (each is "<company>项目"),
  or works named there (包括A小镇、B酒店): each a project as written (a list before its count,
  "竣工项目有A厂房、B广场等6个", is read by :mod:`ingest.extract.headed_lists`).
- Works the page calls one of its event's projects: "X投资的Y基地是本次开工的重点项目之一".
- Projects listed one per clause, each after its zone: "签约仪式上,A开发区X项目,B高新区Y项目,…".
- A zone's expansion named after it: "X产业园区扩区动土", "X园区扩建2期计划".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.document import Mention, Sentence
from ingest.extract.entities import PROJECT_NAME_UNIT, generic_project, statuses_in
from ingest.extract.fact_collector import Collector
from ingest.extract.lists import PROJECT_ENDINGS, company_of_project, split_items
from ingest.extract.patterns import HAN
from ingest.extract.project_facts import is_company
from ingest.extract.zones import find_zone_names
from kg.model import EntityType, Predicate

E, P, ZONE = EntityType.ENTERPRISE, EntityType.PROJECT, EntityType.ZONE

# "A与B签署(的)Y项目": two parties, a signing verb, the project.
_SIGNED_BY = re.compile(
    rf"(?P<parties>[^,，;；。:：、]{{4,80}}?)(?:签署|签订|签下)了?的?(?P<name>{PROJECT_NAME_UNIT}{{4,40}}?项目)(?=[、,，;；。和及]|$)")
_PARTY_SPLIT = re.compile(r"与|和|同|跟")
# Public bodies that sign for the zone: not investors.
_PUBLIC_BODY = re.compile(r"政府|管委会|管理委员会|委员会|人民政府|管理局|办事处|局$|委$")


def signatory_projects(c: Collector, sentence: Sentence) -> None:
    """"X管委会与Y公司签署Z项目": Z signed, with the company parties as investors."""
    if "签" not in sentence.text or "项目" not in sentence.text:
        return
    for match in _SIGNED_BY.finditer(sentence.text):
        parties = match.group("parties")
        if not _PARTY_SPLIT.search(parties):
            continue  # one party only: the other signing rules read "签约X项目"
        name = match.group("name")
        if generic_project(name) or len(name) < 6:
            continue
        investors = _company_parties(parties, match.start("parties"))
        if not investors:
            continue
        c.mention(P, name, sentence, match.start("name"), match.end("name"))
        for investor, start in investors:
            c.mention(E, investor, sentence, start, start + len(investor))
            c.fact(Predicate.INVESTOR, (P, name), (E, investor), sentence)
        c.fact(Predicate.STATUS, (P, name), None, sentence, status="signed", year=c.sentence_year(sentence))


def _company_parties(parties: str, offset: int) -> list[tuple[str, int]]:
    """The parties of a signing that are companies, with their offsets; [] when one is not a named body."""
    found, position = [], 0
    for part in _PARTY_SPLIT.split(parties):
        start, position = offset + position, position + len(part) + 1
        lead = re.match(r"^.*?(?:[:：]|分别是|分别为|其中)", part)
        if lead:
            part, start = part[lead.end():], start + lead.end()
        if _PUBLIC_BODY.search(part) or find_zone_names(part):
            continue
        if not is_company(part):
            return []
        found.append((part, start))
    return found


# "开工项目6个,包括A、B、C": a count of projects, then the companies that stand for them.
_COUNTED = re.compile(
    r"(?P<set>[^,，;；。]{0,16}?)项目(?:共有?|共计|合计)?(?P<count>\d{1,2}|[一二三四五六七八九十两]{1,2})个"
    r"[,，]?(?:包括|分别为|分别是|有|为|[:：])(?P<list>[^,，;；。]+)")
_ELLIPSIS = re.compile(r"等$")
_PROJECT_END = re.compile(r"(?:项目|工程|基地|中心|产业园|园区|小镇|酒店|广场|大厦|综合体|[园厂城谷])$")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


# "X投资的Y基地是本次开工的重点项目之一": a project the page's event counts, with its investor.
_ONE_OF_THE_EVENT = re.compile(
    rf"^(?:(?P<investor>[{HAN}A-Za-z0-9]{{2,12}}?)投资(?:建设)?的)?(?P<name>[^,，;；。]{{4,30}}?)(?:是|为|作为)"
    r"(?:本次|此次|这次|当天|今天)(?:集中)?(?P<act>开工|签约|竣工|投产)的(?:重点|重大)?项目之一")


def one_of_the_event(c: Collector, sentence: Sentence) -> None:
    """"X投资的Y是本次开工的重点项目之一": Y is a project with the event's status, X its investor."""
    if "之一" not in sentence.text:
        return
    match = _ONE_OF_THE_EVENT.match(sentence.text)
    if match is None:
        return
    name = re.sub(r"[“”\"‘’「」]", "", match.group("name"))
    if generic_project(name):
        return
    c.mention(P, name, sentence, match.start("name"), match.end("name"))
    investor = match.group("investor")
    if investor and is_company(investor):
        c.mention(E, investor, sentence, match.start("investor"), match.end("investor"))
        c.fact(Predicate.INVESTOR, (P, name), (E, investor), sentence)
    for status in statuses_in(match.group("act")):
        c.fact(Predicate.STATUS, (P, name), None, sentence, status=status, year=c.sentence_year(sentence))


def counted_companies(c: Collector, sentence: Sentence) -> None:
    """Companies listed under a count of projects: each is "<company>项目", its investor, with the
    status the count's words give (集中开工项目 → started, 签约项目 → signed)."""
    if "个" not in sentence.text or "项目" not in sentence.text:
        return
    for match in _COUNTED.finditer(sentence.text):
        items = split_items(_ELLIPSIS.sub("", match.group("list")), match.start("list"))
        count = _count(match.group("count"))
        if not 1 <= len(items) <= count or len(items) == 1 and "、" not in match.group("list"):
            continue
        if any(n.endswith(PROJECT_ENDINGS) or _PROJECT_END.search(n) for _, _, n in items):
            # the class's words, or else the sentence's opening (此次集中开工项目中,制造业项目5个,包括…)
            statuses = statuses_in(match.group("set")) or statuses_in(sentence.text[:match.start()])
            _counted_projects(c, sentence, items, statuses)
            continue
        if len(items) == 1 or any(len(n) > 10 for _, _, n in items):
            continue
        statuses = statuses_in(match.group("set"))
        for start, end, company in items:
            project = (P, company + "项目")
            c.mention(E, company, sentence, start, end)
            c.mention(P, project[1], sentence, start, end)
            c.fact(Predicate.INVESTOR, project, (E, company), sentence)
            for status in statuses:
                c.fact(Predicate.STATUS, project, None, sentence, status=status, year=c.sentence_year(sentence))


def _counted_projects(c: Collector, sentence: Sentence, items: list[tuple[int, int, str]],
                      statuses: list[str]) -> None:
    """Projects named by their works under a count (服务业项目3个,包括A小镇、B酒店、C项目): each is a
    project as written, its company read from its name."""
    for start, end, name in items:
        if generic_project(name):
            continue
        c.mention(P, name, sentence, start, end)
        company = company_of_project(name.removesuffix("项目")) if name.endswith("项目") else None
        if company:
            c.mention(E, company, sentence, start, start + len(company))
            c.fact(Predicate.INVESTOR, (P, name), (E, company), sentence)
        for status in statuses:
            c.fact(Predicate.STATUS, (P, name), None, sentence, status=status, year=c.sentence_year(sentence))


def _count(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 2:  # 十二, 二十
        return (_CN_DIGITS.get(text[0], 1) * 10 if text[1] == "十" else 10 + _CN_DIGITS.get(text[1], 0))
    return _CN_DIGITS.get(text, 0)


# One clause that is only a project's name after its zone ("A经济开发区X项目").
_CLAUSE = re.compile(r"[^,，;；。]+")
_ZONE_KIND_OPENING = re.compile(
    rf"^[{HAN}]{{2,10}}?(?:经济技术开发区|经济开发区|高新技术产业开发区|高新区|开发区|示范区|集聚区|工业园区|产业园区|新区)")
_BARE_NAME = re.compile(rf"(?:{PROJECT_NAME_UNIT}|、){{4,50}}项目")


def zone_rows(c: Collector, sentence: Sentence) -> None:
    """Projects listed one per clause, each clause a zone then a project ("…仪式上,A开发区X项目,B园区Y项目"):
    the project, located in its zone; the statuses of the sentence's opening clause."""
    if sentence.text.count("项目") < 2:
        return
    rows = []
    for clause in _CLAUSE.finditer(sentence.text):
        text = clause.group()
        if not text.endswith("项目") or _BARE_NAME.fullmatch(text) is None:
            continue
        zones = find_zone_names(text)
        if zones and zones[0][0] == 0:
            zone_end, zone = zones[0][1], text[:zones[0][1]]
        elif kind := _ZONE_KIND_OPENING.match(text):
            zone_end, zone = kind.end(), None  # a zone kind the zone rules do not know: no locatedIn
        else:
            continue
        if len(text) - zone_end >= 4:
            rows.append((clause.start() + zone_end, clause.end(), zone))
    if len(rows) < 2:
        return
    opening = sentence.text[:rows[0][0]]
    statuses = statuses_in(re.split(r"[,，;；]", opening)[0])
    for start, end, zone in rows:  # zone: None when only its kind was recognised
        name = sentence.text[start:end]
        if generic_project(name.replace("、", "")):
            continue
        c.mention(P, name, sentence, start, end)
        if zone:
            c.fact(Predicate.LOCATED_IN, (P, name), (ZONE, zone), sentence)
        for status in statuses:
            c.fact(Predicate.STATUS, (P, name), None, sentence, status=status, year=c.sentence_year(sentence))


# What a zone's expansion is called right after the zone's name.
_EXPANSION = re.compile(r"扩区|扩建(?:[一二三四五六七八九十\d]+期)?(?:计划|工程|项目)?")


def zone_expansions(c: Collector, sentence: Sentence) -> None:
    """A zone's expansion named after it (X园区扩区, X园区扩建2期计划): a project in that zone, with the
    statuses of the rest of the sentence."""
    if "扩" not in sentence.text:
        return
    for zone in [m for m in c.mentions if m.type is ZONE and m.sentence_index == sentence.index]:
        expansion = _EXPANSION.match(sentence.text, zone.end - sentence.start)
        if expansion is None:
            continue
        start = zone.start - sentence.start
        name = sentence.text[start:expansion.end()]
        c.mention(P, name, sentence, start, expansion.end())
        c.fact(Predicate.LOCATED_IN, (P, name), (ZONE, zone.name), sentence)
        for status in statuses_in(sentence.text[expansion.end():]):
            c.fact(Predicate.STATUS, (P, name), None, sentence, status=status, year=c.sentence_year(sentence))


_LEGAL_OR_GROUP = re.compile(r"公司|集团|股份")


def zone_places(mentions: Iterable[Mention]) -> frozenset[str]:
    """The places of the zones among ``mentions`` (东山 of 东山经济开发区)."""
    return frozenset(zone.place for m in mentions if m.type is ZONE
                     for _, _, zone in find_zone_names(m.name) if len(zone.place) >= 2)


def is_zone_cut(name: str, places: frozenset[str]) -> bool:
    """A short "company" that is only a zone's place, or that place and one business word (东山|X项目,
    东山科技小镇): the zone's name cut, not a firm."""
    return not _LEGAL_OR_GROUP.search(name) and any(name.startswith(p) and len(name) - len(p) <= 2 for p in places)


def drop_zone_place_owners(c: Collector) -> None:
    """Enterprises and investors that are a zone's name cut (:func:`is_zone_cut`) go."""
    places = zone_places(c.mentions)
    if places:
        c.mentions[:] = [m for m in c.mentions if m.type is not E or not is_zone_cut(m.name, places)]
        c.facts[:] = [f for f in c.facts
                      if not (f.predicate is Predicate.INVESTOR and f.obj and is_zone_cut(f.obj[1], places))]
