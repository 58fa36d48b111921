"""Projects named inside a frame rather than a clause of their own.

- A site: "在X项目施工现场", "设在X项目现场" (a site being worked on is under construction).
- An anaphor: "该项目总投资N亿元", "该项目已于3月开工" after a sentence or clause that named the project.
- Amounts given in order: "总投资分别为5亿元、3亿元的X项目和Y项目".
- A tour of places: "先后到X产业园、Y项目和Z公司等地调研": each item typed by its ending.
- Projects named in a row without a closing 等-head: "重点推进X项目、Y项目和Z项目建设".
- A project after a signing verb ("签约了X项目"), or after 项目名称: on a project sheet.
- An amount in the clause right after a project ("引进X项目,总投资5亿元").
"""

from __future__ import annotations

import re

from ingest.document import Sentence
from ingest.extract.entities import (
    AMOUNT,
    APPROX,
    CLAUSE_AMOUNT_RE,
    PROJECT_NAME_UNIT,
    NameHit,
    find_brands,
    find_legal_companies,
    generic_project,
    parse_project_amount,
    statuses_in,
)
from ingest.extract.fact_collector import Collector
from ingest.extract.lists import ITEM_NOTE_RE, cut_first
from ingest.extract.patterns import COMPANY_SUFFIX_RE, HAN
from ingest.extract.project_facts import is_company as _is_company
from ingest.extract.project_owners import company_of_project
from kg.model import EntityType, Predicate

E, P = EntityType.ENTERPRISE, EntityType.PROJECT
# "在X项目施工现场", "设在X项目现场", "走进X项目工地".
_SITE = re.compile(
    rf"(?:在|到|设在|走进|来到|深入|前往)(?P<name>{PROJECT_NAME_UNIT}{{4,40}}?项目)(?P<work>施工|建设)?(?:现场|工地)")
# "该项目…" opening a sentence or a clause.
_ANAPHOR = re.compile(r"(?:^|[,，;；。])(?:据了解|据悉|记者了解到)?[,，]?(?:该|此)项目(?P<clause>[^;；。]*)")
_AMOUNT = r"[\d.]+(?:亿|万)(?:元|美元)?"
_IN_ORDER = re.compile(
    rf"(?:总|计划|协议)?投资(?:额)?分别(?:为|是|达)?(?P<amounts>{_AMOUNT}(?:[、和及]{_AMOUNT})+)的"
    rf"(?P<names>{PROJECT_NAME_UNIT}{{2,40}}?项目(?:[、和及]{PROJECT_NAME_UNIT}{{2,40}}?项目)+)")
# "先后到A、B和C等地调研": a tour of sites.
_TOUR = re.compile(
    r"(?:到|来到|走进|深入|前往|赴)(?P<list>[^,，;；。:：]{4,160}?)等(?:地|处|现场|点位|企业和项目|项目和企业)")
_TOUR_PROJECT = re.compile(r"(?:项目|工程|产业园|工业园|科技园)$")
_GENERIC = re.compile(r"^(?:重点|重大|在建|新建|续建|签约|产业|部分|有关|相关|多个|各)|^.{0,3}(?:项目|工程)$")


def site_projects(c: Collector, sentence: Sentence) -> None:
    """Projects whose site the sentence is at; a site being worked on is under construction."""
    if "现场" not in sentence.text and "工地" not in sentence.text:
        return
    for match in _SITE.finditer(sentence.text):
        start = match.start("name") + match.group("name").rfind("的") + 1  # "在位于X的Y项目现场": Y
        name = sentence.text[start:match.end("name")]
        if len(name) < 6 or _GENERIC.search(name) or generic_project(name):
            continue
        c.mention(P, name, sentence, start, match.end("name"))
        if match.group("work"):
            c.fact(Predicate.STATUS, (P, name), None, sentence, status="under_construction",
                   year=c.sentence_year(sentence))


def anaphoric_projects(c: Collector, sentence: Sentence) -> None:
    """"该项目总投资N亿元,已于3月开工": amount and statuses of the project named just before."""
    if "项目" not in sentence.text:
        return
    for match in _ANAPHOR.finditer(sentence.text):
        project = _last_project(c, sentence, match.start())
        if project is None:
            continue
        clause = match.group("clause")
        amount = CLAUSE_AMOUNT_RE.search(clause)
        parsed = parse_project_amount(amount.group("amount")) if amount else None
        if parsed is not None:
            c.fact(Predicate.INVESTMENT, (P, project), None, sentence, amount=parsed.value, currency=parsed.currency)
        for status in statuses_in(re.split(r"[,，]", clause, maxsplit=2)[0] + "|" + clause):
            c.fact(Predicate.STATUS, (P, project), None, sentence, status=status, year=c.sentence_year(sentence))


def _last_project(c: Collector, sentence: Sentence, before: int) -> str | None:
    """The last project named before ``before`` in the sentence, else in the sentence before (same paragraph)."""
    here = [m for m in c.mentions_between(P, sentence.index, sentence.index)
            if m.end <= sentence.start + before]
    if here:
        return max(here, key=lambda m: m.end).name
    if sentence.index == 0 or c.paragraph(c.doc.sentences[sentence.index - 1]) != c.paragraph(sentence):
        return None
    earlier = c.mentions_between(P, sentence.index - 1, sentence.index - 1)
    return max(earlier, key=lambda m: m.end).name if earlier else None


def projects_in_order(c: Collector, sentence: Sentence) -> None:
    """"总投资分别为A、B的X项目和Y项目": the n-th amount goes to the n-th project."""
    if "分别" not in sentence.text:
        return
    for match in _IN_ORDER.finditer(sentence.text):
        amounts = re.split(r"[、和及]", match.group("amounts"))
        names = list(re.finditer(r"(?:^|[、和及])(?P<name>[^、和及]+?项目)", match.group("names")))
        if len(amounts) != len(names):
            continue
        unit = re.search(r"(?:元|美元)$", amounts[-1])
        for text, name in zip(amounts, names, strict=True):
            parsed = parse_project_amount(text if text.endswith("元") or not unit else text + unit.group())
            start = match.start("names") + name.start("name")
            c.mention(P, name.group("name"), sentence, start, start + len(name.group("name")))
            if parsed is not None:
                c.fact(Predicate.INVESTMENT, (P, name.group("name")), None, sentence,
                       amount=parsed.value, currency=parsed.currency)
            clause = sentence.text[match.end():].split("。")[0]
            for status in statuses_in(re.split(r"[,，;；]", clause, maxsplit=1)[0]):
                c.fact(Predicate.STATUS, (P, name.group("name")), None, sentence, status=status,
                       year=c.sentence_year(sentence))


def toured_sites(c: Collector, sentence: Sentence) -> None:
    """"先后到A产业园、B项目和C公司等地": projects and companies among the sites visited."""
    if "等" not in sentence.text:
        return
    for match in _TOUR.finditer(sentence.text):
        offset = match.start("list")
        position = 0
        for name in re.split(r"、|(?<=项目|公司|工程)[和及]", match.group("list")):
            start, position = offset + position, position + len(name) + 1
            if COMPANY_SUFFIX_RE.search(name) and any(h.name == name for h in find_legal_companies(name)):
                c.mention(E, name, sentence, start, start + len(name))
            elif _TOUR_PROJECT.search(name) and not _GENERIC.search(name) and len(name) >= 4:
                c.mention(P, name, sentence, start, start + len(name))
                owner = company_of_project(name.removesuffix("项目")) if name.endswith("项目") else None
                if owner:
                    c.mention(E, owner, sentence, start, start + len(owner))
                    c.fact(Predicate.INVESTOR, (P, name), (E, owner), sentence)


# "A项目、B项目等正式签约": a row closed by 等 and a status verb, not by a kind word the list rules read.
_ETC_VERB = r"(?:正式|顺利|已|均|相继|先后|陆续)*(?:签约|开工|动工|竣工|投产|落户|入驻)"
# "A项目、B项目和C项目" inside one clause, not closed by 等 (the list rules read "A、B等项目").
_NOTE = ITEM_NOTE_RE.pattern.replace("(?P<amount>", "(?:")
_ROW = re.compile(
    rf"(?P<row>(?:{PROJECT_NAME_UNIT}{{4,40}}?项目(?:{_NOTE})?[、和及])+{PROJECT_NAME_UNIT}{{4,40}}?项目(?:{_NOTE})?)(?![\u4e00-\u9fffA-Za-z0-9]*等(?!{_ETC_VERB}))")
# Words that open a row and are not the first name ("已有A项目、B项目…"): cut there, not at a lead verb inside A.
_ROW_OPENER = re.compile(r"^(?:目前|现|先后|还)?(?:已有|已经有|共有|现有|拥有|包括|分别为|分别是|其中)")
_ROW_MARK = re.compile(r"项目(?:[(（][^()（）]{1,20}[)）])?[、和及]")
_ROW_ITEM = re.compile(rf"(?P<name>.+?项目)(?:{ITEM_NOTE_RE.pattern})?(?:[、和及]|$)")
# Kinds of work, not names: "机制招项目、加速批项目" (a verb before 项目), "成果转化项目", "募投项目".
_KIND_OF_WORK = re.compile(r"[招批建管抓引推签谋储投审]项目$|成果转化|募投|上市公司|招商")
# "推进…项目建设", "加快…项目建设": projects being built (FORMAT.md: under_construction).
_SIGNED_BY_PARTIES = re.compile(r"(?:与|和).{2,40}?(?:签署|签订)")
_BEING_BUILT = re.compile(r"(?:推进|加快|加速|推动)[^,，;；。]*项目(?:的)?建设")


def projects_in_a_row(c: Collector, sentence: Sentence) -> None:
    """Every project of "A项目、B项目和C项目", with the statuses of its clause."""
    if _ROW_MARK.search(sentence.text) is None:
        return
    for clause in re.finditer(r"[^,，;；。:：]+", sentence.text):
        for row in _ROW.finditer(clause.group()):
            offset = clause.start() + row.start("row")
            text = row.group("row")
            opener = _ROW_OPENER.match(text)
            first = opener.end() if opener else cut_first(text[:text.index("项目")])
            offset, text = offset + first, text[first:]
            statuses = statuses_in(clause.group()) or (
                ["under_construction"] if _BEING_BUILT.search(clause.group()) else [])
            for item in _ROW_ITEM.finditer(text):
                name = item.group("name")
                if _SIGNED_BY_PARTIES.search(name):
                    continue  # "A与B签署X项目": signatory_projects reads it
                if _GENERIC.search(name) or generic_project(name) or _KIND_OF_WORK.search(name) or len(name) < 6:
                    continue
                start = offset + item.start("name")
                c.mention(P, name, sentence, start, start + len(name))
                owner = company_of_project(name.removesuffix("项目"))
                if owner:
                    c.mention(E, owner, sentence, start, start + len(owner))
                    c.fact(Predicate.INVESTOR, (P, name), (E, owner), sentence)
                noted = parse_project_amount(item.group("amount")) if item.group("amount") else None
                if noted is not None:
                    c.fact(Predicate.INVESTMENT, (P, name), None, sentence, amount=noted.value,
                           currency=noted.currency)
                for status in statuses:
                    c.fact(Predicate.STATUS, (P, name), None, sentence, status=status,
                           year=c.sentence_year(sentence))


# A page about one event: "…项目集中开工", "重点项目开工仪式", "集中签约活动" in its opening lines.
_EVENT = re.compile(
    r"项目(?:集中|正式|同时|同步)?(?P<verb>开工|签约|竣工|投产)|集中(?P<verb2>开工|签约|竣工|投产)"
    r"|(?P<verb3>开工|签约|竣工投产|竣工)(?:仪式|活动|大会|典礼)")
_EVENT_STATUS = {"开工": "started", "签约": "signed", "竣工": "completed", "投产": "in_production",
                 "竣工投产": "completed"}
_OPENING_CHARS = 400
# A sentence about what the zone brought in over the years (近年来先后引进了A、B…): not the event's projects.
_PAST_RECORD = re.compile(r"近年来|近几年|历年|先后引进|累计引进|此前")


def event_statuses(c: Collector) -> None:
    """On a page about one signing or ground-breaking event, the projects it names with no status of their
    own take the event's status."""
    events = list(_EVENT.finditer(c.doc.text[:_OPENING_CHARS]))
    statuses = {_EVENT_STATUS[next(v for v in m.groups() if v)] for m in events}
    if len(statuses) != 1:
        return  # no event, or a page of several (签约 and 开工): each project's own clause decides
    status = statuses.pop()
    dated = [c.sentence_year(s) for s in c.doc.sentences if s.start <= events[-1].start() < s.end]
    year = dated[0] if dated else c.year  # the event's date, not a plan year named later
    with_status = {f.subject for f in c.facts if f.predicate is Predicate.STATUS}
    for mention in [m for m in c.mentions if m.type is P]:
        if (P, mention.name) in with_status or _PAST_RECORD.search(c.doc.sentences[mention.sentence_index].text):
            continue
        with_status.add((P, mention.name))
        c.fact(Predicate.STATUS, (P, mention.name), None, c.doc.sentences[mention.sentence_index],
               status=status, year=year)


# "签约了X项目", "引进X项目": a project named as the object of a signing verb, at the end of its clause.
_SIGNED = re.compile(
    rf"(?P<verb>签约|签订|签下|引进|引入|招引)(?:了)?(?P<name>{PROJECT_NAME_UNIT}{{4,40}}?项目)(?=[,，;；。]|$)")
_SHEET = re.compile(rf"项目名称[:：]\s*(?P<name>{PROJECT_NAME_UNIT}{{4,40}}?(?:项目|工程))")


def signed_projects(c: Collector, sentence: Sentence) -> None:
    """Projects a signing verb names, signed when the verb is 签约/签订; and the name on a project sheet."""
    if "项目" not in sentence.text:
        return
    for match in [*_SIGNED.finditer(sentence.text), *_SHEET.finditer(sentence.text)]:
        name = match.group("name")
        if _GENERIC.search(name) or generic_project(name) or _KIND_OF_WORK.search(name) or len(name) < 6 \
                or re.search("[和与及]", name):
            continue
        c.mention(P, name, sentence, match.start("name"), match.end("name"))
        if match.re is _SIGNED and match.group("verb") in ("签约", "签订", "签下"):
            c.fact(Predicate.STATUS, (P, name), None, sentence, status="signed", year=c.sentence_year(sentence))


# "总投资:15亿元" opening the line after a project's name on a project sheet.
_SHEET_AMOUNT = re.compile(rf"^\s*(?:项目)?(?:计划)?(?:总投资额?|投资总额)[:：]\s*(?P<amount>{AMOUNT})")
_TRAILING_AMOUNT = re.compile(rf"[,，](?:该项目|项目)?(?:{CLAUSE_AMOUNT_RE.pattern})")


# "服务业项目3个,包括A、B、C,总投资41亿元": the amount after a counted list is the total of its projects.
_COUNT_OF_PROJECTS = re.compile(r"项目(?:共有?|共计|合计)?(?:\d{1,3}|[一二三四五六七八九十两]{1,3})个"
                                r"[,，]?(?:包括|分别为|分别是|有|为|[:：])[^;；。]*$")


def _counted_before(text: str, start: int) -> bool:
    return _COUNT_OF_PROJECTS.search(text, 0, start) is not None


def trailing_amounts(c: Collector, sentence: Sentence) -> None:
    """"…X项目,总投资5亿元": the amount of the clause right after a project that has none yet; on a
    project sheet, the 总投资: line after the name."""
    if "投资" not in sentence.text:
        return
    found: list[tuple[str, str]] = []
    sheet = _SHEET_AMOUNT.match(sentence.text)
    earlier = c.mentions_between(P, sentence.index - 1, sentence.index - 1) if sheet and sentence.index else []
    if earlier:
        found.append((earlier[-1].name, sheet.group("amount")))
    for mention in c.mentions_between(P, sentence.index, sentence.index):
        trailing = _TRAILING_AMOUNT.match(sentence.text, mention.end - sentence.start)
        if trailing and not _counted_before(sentence.text, mention.start - sentence.start):
            found.append((mention.name, trailing.group("amount")))
    if not found:
        return  # the facts are scanned only when an amount is there to attach
    invested = {f.subject for f in c.facts if f.predicate is Predicate.INVESTMENT}
    for name, text in found:
        parsed = parse_project_amount(text)
        if parsed is not None and (P, name) not in invested:
            invested.add((P, name))
            c.fact(Predicate.INVESTMENT, (P, name), None, sentence, amount=parsed.value, currency=parsed.currency)


# "X公司计划投资12亿元新建…", "投资26亿元扩建新厂的X电机": a company investing to build, no project named.
_BUILD_VERB = r"(?:新建|扩建|建设|兴建|建厂|设厂|建置|打造|布局)"
_INVESTS_TO_BUILD = re.compile(
    rf"(?:计划|拟|将|追加|再|新增|累计)?(?:总)?投资{APPROX}(?P<amount>{AMOUNT})[,，]?(?:在[^,，;；。]{{2,10}})?{_BUILD_VERB}"
    rf"(?P<object>[^,，;；。]*)")
_INVESTED_TO_BUILD = re.compile(
    rf"(?:计划|拟|将|追加|再|新增|累计)?(?:总)?投资{APPROX}(?P<amount>{AMOUNT}){_BUILD_VERB}(?P<object>[^,，;；。的]*)的"
    rf"(?P<company>[{HAN}A-Za-z0-9]{{2,12}}?)(?=[,，;；。、]|$)")
_NAMED_WORKS = re.compile(r"(?:基地|中心|产业园|工厂|园区)$")
_PLAIN_WORKS = re.compile(r"^(?:新|一座|一个|一期|二期|厂房|生产线|总部|大楼|年产)")


def building_companies(c: Collector, sentence: Sentence) -> None:
    """A company that invests to build gets its project: the works it names, else "<company>项目"
    (FORMAT.md: a company that 投资建厂 gets "<company>项目")."""
    if "投资" not in sentence.text:
        return
    text = sentence.text
    named = [(h, _INVESTS_TO_BUILD.match(text, h.end)) for h in [*find_legal_companies(text), *find_brands(text)]]
    named += [(NameHit(m.group("company"), m.start("company"), m.end("company")), m)
              for m in _INVESTED_TO_BUILD.finditer(text) if _is_company(m.group("company"))]
    for company, found in named:
        if found is None:
            continue
        works = found.group("object").strip()
        if works.endswith(("项目", "工程")):
            continue  # a named project: the project rules read it
        name = works if _NAMED_WORKS.search(works) and len(works) >= 6 and not _PLAIN_WORKS.match(works) \
            else company.name + "项目"
        parsed = parse_project_amount(found.group("amount"))
        c.mention(P, name, sentence, company.start, company.end)
        c.fact(Predicate.INVESTOR, (P, name), (E, company.name), sentence)
        if parsed is not None:
            c.fact(Predicate.INVESTMENT, (P, name), None, sentence, amount=parsed.value, currency=parsed.currency)
