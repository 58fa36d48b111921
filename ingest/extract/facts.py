"""Fact rules: locatedIn, investor, investment, status, awarded and role.

``extract_core`` is the core extractor: it gathers the mentions of every
core module and links them. Enterprises and projects a zone document names are
located in its home zone; a project named after a company has that company as
investor; amounts and status verbs in a list's clause go to every list item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ingest.document import Document, Fact, Mention, Sentence
from ingest.extract.boundaries import clean, zone_prefix
from ingest.extract.entities import (
    CLAUSE_AMOUNT_RE,
    find_brands,
    find_built_projects,
    find_clause_projects,
    find_invested_projects,
    find_legal_companies,
    find_named_projects,
    find_projects_by,
    statuses_in,
)
from ingest.extract.honour_titles import fuller_titles
from ingest.extract.honours import find_awards
from ingest.extract.lists import (
    ITEM_AMOUNT_RE,
    ListHit,
    company_of_project,
    find_facilities,
    find_lists,
    looks_like_company,
)
from ingest.extract.numbers import parse_amount
from ingest.extract.patterns import COMPANY_SUFFIX_RE, ENTERPRISE_ENDINGS, HAN, PERSON_TITLES, YEAR_RE
from ingest.extract.people import find_people
from ingest.extract.short_names import abbreviates_named_company
from ingest.extract.years import document_year, sentence_year
from ingest.extract.zones import find_zone_names, zone_mentions
from kg.model import EntityType, Predicate

E, P = EntityType.ENTERPRISE, EntityType.PROJECT
# Works being built: "…建设加快推进", "…施工", "…快建设", "…建设进度".
_BUILDING = re.compile(r"(?:快)?建设(?!成)|施工")
# Works being sped up or inspected are being built (加快…项目建设, 察看…项目建设情况).
_SPEEDING_OR_SEEING = re.compile(r"加快|察看|查看|考察|视察|调研")
_BUILDS_FACTORY = re.compile(r"(?:投资)?建厂")
_CARRIER_ENDINGS = ("园", "大厦", "大楼", "中心", "基地", "孵化器", "空间", "城")
_PERSON_ITEM = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,3})(?P<title>博士|教授|院士)$")


def _as_organisation(key: tuple[EntityType, str]) -> tuple[EntityType, str] | None:
    """An enterprise key that is a zone name becomes the zone; other company and project names
    are cleaned at their boundaries (None when what is left is no name)."""
    if key[0] is E and zone_prefix(key[1]) == len(key[1]):
        return (EntityType.ZONE, key[1])
    cleaned = clean(*key)
    return (key[0], cleaned.name) if cleaned else None


@dataclass
class _Collector:
    """Mentions and facts found so far in one document."""

    doc: Document
    year: int | None
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    external: set[str] = field(default_factory=set)
    """Companies named only as outside partners: not located in the zone."""
    visitors: set[str] = field(default_factory=set)
    """Companies whose officials attend or visit ("X公司董事长出席"): not located unless they invest."""
    project_set: tuple[int, list[str]] = (-1, [])
    """Paragraph and statuses of the last "在签约的项目中," opening: its paragraph's projects share them."""

    def paragraph_statuses(self, sentence: Sentence) -> list[str]:
        """Statuses of the project set the sentence's paragraph opened, if any."""
        paragraph = self.doc.text.count("\n", 0, sentence.start)
        return list(self.project_set[1]) if self.project_set[0] == paragraph else []

    def mention(self, etype: EntityType, name: str, sentence: Sentence, start: int, end: int) -> None:
        if etype is E and zone_prefix(name) == len(name):
            return
        cleaned = clean(etype, name)
        if cleaned is None:
            return
        start, end = start + cleaned.left, max(start + cleaned.left + 1, end - cleaned.right)
        self.mentions.append(Mention(etype, cleaned.name, sentence.start + start, sentence.start + end,
                                     sentence.index))

    def fact(self, predicate: Predicate, subject: tuple[EntityType, str], obj: tuple[EntityType, str] | None,
             sentence: Sentence, **attrs: object) -> None:
        items = tuple((k, v) for k, v in attrs.items() if v is not None)
        subject_key, object_key = _as_organisation(subject), obj and _as_organisation(obj)
        if subject_key is None or (obj is not None and object_key is None):
            return
        self.facts.append(Fact(predicate, subject_key, object_key, sentence.index, items))

    def detail_statuses(self, sentence: Sentence) -> list[str]:
        """A sentence opening with 其中 details the one before, so it takes that sentence's statuses."""
        if sentence.text.startswith("其中") and sentence.index > 0:
            return statuses_in(self.doc.sentences[sentence.index - 1].text)
        return []

    def sentence_year(self, sentence: Sentence) -> int | None:
        """The sentence's own year, else the last year of the few sentences before, else the report year."""
        return sentence_year(self.doc, sentence, self.year)


def _project_item(c: _Collector, sentence: Sentence, item: tuple[int, int, str],
                  kind: str = "project") -> tuple[EntityType, str] | None:
    """Mentions for one item of a project list; returns the project key."""
    start, end, name = item
    person = _PERSON_ITEM.match(name)
    if person:
        c.mention(EntityType.PERSON, person.group("name"), sentence, start, start + len(person.group("name")))
        c.mention(P, name + "项目", sentence, start, end)
        return (P, name + "项目")
    if kind != "facility" and looks_like_company(name):
        if clean(E, name) is None:  # "污水处理、集中供热等项目": projects named by their works, no company
            c.mention(P, name + "项目", sentence, start, end)
            return (P, name + "项目")
        c.mention(E, name, sentence, start, end)
        c.mention(P, name + "项目", sentence, start, end)
        c.fact(Predicate.INVESTOR, (P, name + "项目"), (E, name), sentence)
        return (P, name + "项目")
    c.mention(P, name, sentence, start, end)
    company = company_of_project(name) if kind != "facility" else None
    if company:
        c.mention(E, company, sentence, start, start + len(company))
        c.fact(Predicate.INVESTOR, (P, name), (E, company), sentence)
    return (P, name)


def _list_facts(c: _Collector, sentence: Sentence, hit: ListHit, inherited: list[str]) -> list[str]:
    """Mentions and facts of one list; returns the statuses it used (carried to the next list)."""
    if hit.kind == "enterprise":
        builds = _BUILDS_FACTORY.search(sentence.text[hit.head_end:hit.clause_end])
        for start, end, name in hit.items:
            if name.endswith(_CARRIER_ENDINGS):
                continue  # "A产业园、B大厦等载体承载企业…": places, not companies
            c.mention(E, name, sentence, start, end)
            if hit.external:
                c.external.add(name)
            elif builds:  # FORMAT.md: a company that 投资建厂 gets "<company>项目"
                c.mention(P, name + "项目", sentence, start, end)
                c.fact(Predicate.INVESTOR, (P, name + "项目"), (E, name), sentence)
        return inherited
    statuses = statuses_in(sentence.text[hit.clause_start:hit.clause_end])
    if not statuses and sentence.text[hit.head_end:hit.clause_end].strip() == "":
        statuses = statuses_in(sentence.text[hit.clause_end:_next_clause_end(sentence.text, hit.clause_end)])
    statuses = statuses or inherited or c.detail_statuses(sentence) or _statuses_included(sentence.text, hit)
    building = _BUILDING.match(sentence.text[hit.head_end:])
    if hit.kind == "facility":
        statuses = ["under_construction"] if building else statuses_in(sentence.text[hit.clause_start:hit.clause_end])
    elif building and not statuses and _SPEEDING_OR_SEEING.search(sentence.text[hit.clause_start:hit.head_start]):
        statuses = ["under_construction"]  # "加快A、B等项目建设", "察看A、B等项目建设情况"
    year = c.sentence_year(sentence)
    for item in hit.items:
        project = _project_item(c, sentence, item, hit.kind)
        if project is None:
            continue
        amount = hit.amount or _item_amount(sentence.text, item[0])
        if amount:
            c.fact(Predicate.INVESTMENT, project, None, sentence, amount=amount, currency="CNY")
        for status in statuses:
            c.fact(Predicate.STATUS, project, None, sentence, status=status, year=year)
    return statuses


def _statuses_included(text: str, hit: ListHit) -> list[str]:
    """"…签约落户的5个项目备受瞩目,包括A、B等项目": a 包括 list takes the statuses of the clauses before it."""
    if not re.match(r"(?:包括了?|分别为|分别是|有)", text[hit.clause_start:hit.items[0][0]] if hit.items else ""):
        return []
    return statuses_in(text[:hit.clause_start])


def _item_amount(text: str, start: int) -> float | None:
    """The amount written just before one list item ("投资10亿元的X产业园")."""
    found = re.search(rf"(?:{ITEM_AMOUNT_RE.pattern})$", text[max(0, start - 16):start])
    amount = parse_amount(found.group("amount") + ("" if found.group("amount").endswith("元") else "元")) \
        if found else None
    return amount.value if amount and amount.currency == "CNY" else None


def _next_clause_end(text: str, end: int) -> int:
    """End of the clause after ``end`` when a list's own clause ends at its head (…为代表,…正式落地)."""
    found = re.search(r"[;；。]", text[end + 1:])
    return end + 1 + found.start() if found else len(text)


def _named_projects(c: _Collector, sentence: Sentence) -> None:
    # A project the sentence names its investor for ("X公司投资…建设Y项目") needs no guess from its name.
    stated = {built.name for built in find_built_projects(sentence.text)}
    for hit in find_named_projects(sentence.text):
        c.mention(P, hit.name, sentence, hit.start, hit.end)
        company = company_of_project(hit.name.removesuffix("项目")) if hit.name not in stated else None
        if company:
            c.mention(E, company, sentence, hit.start, hit.start + len(company))
            c.fact(Predicate.INVESTOR, (P, hit.name), (E, company), sentence)
        rest = re.split(r"[,，;；。]", sentence.text[hit.end:], maxsplit=1)[0]
        before = re.split(r"[,，;；。]", sentence.text[:hit.start])[-1]
        statuses = statuses_in(before + "|" + rest)
        if before.endswith("完成") and "completed" not in statuses:
            statuses.append("completed")
        for status in statuses:
            c.fact(Predicate.STATUS, (P, hit.name), None, sentence, status=status, year=c.sentence_year(sentence))


_DONE_AFTER = re.compile(r"(?:正式|顺利|全面|已)?(?:竣工|投产|开工|签约)")


def _brands(c: _Collector, sentence: Sentence) -> None:
    """Short company names; one followed by 竣工/投产/开工 stands for its project."""
    for hit in find_brands(sentence.text):
        c.mention(E, hit.name, sentence, hit.start, hit.end)
        if not _DONE_AFTER.match(sentence.text, hit.end):
            continue
        project = (P, hit.name + "项目")
        c.mention(P, project[1], sentence, hit.start, hit.end)
        c.fact(Predicate.INVESTOR, project, (E, hit.name), sentence)
        clause = re.split(r"[,，;；。]", sentence.text[hit.end:], maxsplit=1)[0]
        for status in statuses_in(clause):
            c.fact(Predicate.STATUS, project, None, sentence, status=status, year=c.sentence_year(sentence))


# "在开工项目中,…" opens a sentence about projects of one status; "…,均正式开工" closes one.
_SET_OPENING = re.compile(r"^(?:在|其中)?(?P<set>[^,，;；。]{0,12}?)(?:的)?项目中")
_SHARED_CLOSE = re.compile(r"[,，](?:均|都|全部|同时|同日)(?P<verb>[^,，;；。]*)")


def _shared_statuses(text: str, end: int) -> list[str]:
    """Statuses a sentence gives all its projects: its opening set or a closing 均…clause."""
    opening = _SET_OPENING.match(text)
    closing = _SHARED_CLOSE.search(text, end)
    return statuses_in((opening.group("set") if opening else "") + "|" + (closing.group("verb") if closing else ""))


def _invested_projects(c: _Collector, sentence: Sentence) -> None:
    """"X公司总投资N亿元的Y项目开工建设": amount, investor (the company before) and status."""
    companies = list(find_legal_companies(sentence.text)) + find_brands(sentence.text)
    for hit in find_invested_projects(sentence.text):
        project = (P, hit.name)
        c.mention(P, hit.name, sentence, hit.start, hit.end)
        amount = parse_amount(hit.amount)
        if amount is not None:
            c.fact(Predicate.INVESTMENT, project, None, sentence, amount=amount.value, currency=amount.currency)
        owner = max((h for h in companies if h.end <= hit.start), key=lambda h: h.end, default=None)
        named_after = company_of_project(hit.name.removesuffix("项目"))
        if owner is not None and not (named_after and COMPANY_SUFFIX_RE.search(named_after)):
            c.fact(Predicate.INVESTOR, project, (E, owner.name), sentence)
        elif named_after:
            c.mention(E, named_after, sentence, hit.start, hit.start + len(named_after))
            c.fact(Predicate.INVESTOR, project, (E, named_after), sentence)
        clause = re.split(r"[,，;；。]", sentence.text[hit.end:], maxsplit=1)[0] + _follow_up(sentence.text, hit.end)
        for status in statuses_in(clause) or _shared_statuses(sentence.text, hit.end) \
                or c.paragraph_statuses(sentence) or c.detail_statuses(sentence):
            c.fact(Predicate.STATUS, project, None, sentence, status=status, year=c.sentence_year(sentence))


# "…建设Y项目,已于8月竣工投产": a clause after the project that only says what has become of it.
_FOLLOW_UP = re.compile(r"[,，](?P<clause>(?:目前|现)?[已于并][^,，;；。]*)")


def _follow_up(text: str, end: int) -> str:
    """The clause after a project when it opens with 已/于/并 (its status), else ''."""
    m = _FOLLOW_UP.match(text, end)
    return "|" + m.group("clause") if m else ""


def _is_company(name: str) -> bool:
    return bool(COMPANY_SUFFIX_RE.search(name)) or looks_like_company(name) or (
        len(name) <= 8 and name.endswith(ENTERPRISE_ENDINGS))


def _add_project(c: _Collector, sentence: Sentence, project: tuple[EntityType, str], amount_text: str | None,
                 statuses: list[str]) -> None:
    """Amount and status facts of one project."""
    amount = parse_amount(amount_text) if amount_text else None
    if amount is not None:
        c.fact(Predicate.INVESTMENT, project, None, sentence, amount=amount.value, currency=amount.currency)
    for status in statuses:
        c.fact(Predicate.STATUS, project, None, sentence, status=status, year=c.sentence_year(sentence))


def _built_projects(c: _Collector, sentence: Sentence) -> None:
    """"X公司投资N亿元建设Y项目": investor, amount, and the statuses of the sentence's opening or clause.

    A sentence opening with 其中 details the one before, so it takes that sentence's statuses.
    """
    for hit in find_built_projects(sentence.text):
        if not _is_company(hit.investor):
            continue
        project = (P, hit.name)
        c.mention(P, hit.name, sentence, hit.start, hit.end)
        c.mention(E, hit.investor, sentence, hit.investor_start, hit.investor_start + len(hit.investor))
        c.fact(Predicate.INVESTOR, project, (E, hit.investor), sentence)
        opening = sentence.text[:hit.investor_start]
        rest = re.split(r"[,，;；。]", sentence.text[hit.end:], maxsplit=1)[0] + _follow_up(sentence.text, hit.end)
        statuses = statuses_in(opening + "|" + rest) or _shared_statuses(sentence.text, hit.end) \
            or c.paragraph_statuses(sentence)
        statuses = statuses or c.detail_statuses(sentence)
        _add_project(c, sentence, project, hit.amount, statuses)


def _projects_by(c: _Collector, sentence: Sentence) -> None:
    """"由X公司投资建设的Y项目于3月开工,总投资86亿元": investor, then amount and statuses of the clause group."""
    for hit in find_projects_by(sentence.text):
        if not (_is_company(hit.investor) or abbreviates_named_company(hit.investor, c.doc.text)):
            continue
        project = (P, hit.name)
        c.mention(P, hit.name, sentence, hit.start, hit.end)
        c.mention(E, hit.investor, sentence, hit.investor_start, hit.investor_start + len(hit.investor))
        c.fact(Predicate.INVESTOR, project, (E, hit.investor), sentence)
        rest = re.split(r"[;；。]", sentence.text[hit.end:], maxsplit=1)[0]
        amount = CLAUSE_AMOUNT_RE.search(rest)
        _add_project(c, sentence, project, amount.group("amount") if amount else None, _clause_statuses(rest))


def _clause_projects(c: _Collector, sentence: Sentence) -> None:
    """"Y项目总投资N亿元,于4月开工建设": amount and statuses from the rest of the clause group."""
    hits = find_clause_projects(sentence.text)
    for index, hit in enumerate(hits):
        project = (P, hit.name)
        c.mention(P, hit.name, sentence, hit.start, hit.end)
        company = company_of_project(hit.name.removesuffix("项目"))
        if company:
            c.mention(E, company, sentence, hit.start, hit.start + len(company))
            c.fact(Predicate.INVESTOR, project, (E, company), sentence)
        following = hits[index + 1].start if index + 1 < len(hits) else len(sentence.text)
        rest = re.split(r"[;；。]", sentence.text[hit.end:following], maxsplit=1)[0]  # up to the next project
        amount = CLAUSE_AMOUNT_RE.search(rest)
        own = re.split(r"[,，]", rest, maxsplit=1)[0]
        _add_project(c, sentence, project, amount.group("amount") if amount else None,
                     _clause_statuses(own) or _clause_statuses(rest))


def _clause_statuses(clause: str) -> list[str]:
    """Statuses a project's own clause states; 开工建设 also says the project is now being built."""
    statuses = statuses_in(clause)
    if re.search(r"(?:开工|动工)建设", clause) and "under_construction" not in statuses:
        statuses.append("under_construction")
    return statuses


def _sentence(c: _Collector, sentence: Sentence) -> None:
    opening = _SET_OPENING.match(sentence.text)
    if opening and statuses_in(opening.group("set")):
        c.project_set = (c.doc.text.count("\n", 0, sentence.start), statuses_in(opening.group("set")))
    for hit in find_legal_companies(sentence.text):
        c.mention(E, hit.name, sentence, hit.start, hit.end)
        if _visiting(sentence.text, hit.end):
            c.visitors.add(hit.name)
    _brands(c, sentence)
    _invested_projects(c, sentence)
    _built_projects(c, sentence)
    _projects_by(c, sentence)
    _clause_projects(c, sentence)
    statuses: list[str] = []
    for list_hit in find_lists(sentence.text):
        statuses = _list_facts(c, sentence, list_hit, statuses)
    for facility in find_facilities(sentence.text):
        _list_facts(c, sentence, facility, [])
    _named_projects(c, sentence)
    _that_project(c, sentence)
    for award in find_awards(sentence.text, c.doc.home_zone):
        c.mention(EntityType.HONOUR, award.honour, sentence, award.start, award.end)
        if award.anaphoric:
            award = replace(award, recipient=_company_before(c, sentence))
        if award.recipient is not None:
            c.fact(Predicate.AWARDED, award.recipient, (EntityType.HONOUR, award.honour), sentence,
                   year=_award_year(sentence.text, award.end) or c.sentence_year(sentence))
            if award.recipient[0] in (E, EntityType.PERSON):
                c.mention(award.recipient[0], award.recipient[1], sentence, award.recipient_start,
                          award.recipient_end)
    for person in find_people(sentence.text, c.doc.home_zone):
        c.mention(EntityType.PERSON, person.name, sentence, person.start, person.end)
        for title, org in person.roles:
            c.fact(Predicate.ROLE, (EntityType.PERSON, person.name), org, sentence, title=title)


def _award_year(text: str, end: int) -> int | None:
    """The year nearest before the honour's end ("成立于2015年,2021年获评…" → 2021), if the sentence gives one."""
    years = [m for m in YEAR_RE.finditer(text, 0, end) if not re.search(r"(?:成立于|始建于|创建于|成立|\d[—–~～-])$",
                                                                          text[max(0, m.start() - 3):m.start()])]
    return int(years[-1].group(1)) if years else None


def _company_before(c: _Collector, sentence: Sentence) -> tuple[EntityType, str] | None:
    """The company last named in this sentence or the two before ("…微光科技…。该公司获评…")."""
    named = [m for m in c.mentions if m.type is E and sentence.index - 2 <= m.sentence_index <= sentence.index]
    return (E, max(named, key=lambda m: m.start).name) if named else None


_SIGNING = re.compile(r"签约|签订|落户|入驻|投资")
_VISIT = re.compile(r"出席|来访|考察|调研|参观|见证|会见|拜访|座谈|致辞|参加")
_OFFICIAL_AFTER = re.compile(rf"(?:[{HAN}、]{{0,12}}?)(?:{'|'.join(sorted(PERSON_TITLES, key=len, reverse=True))})")


def _visiting(text: str, end: int) -> bool:
    """Whether the company ending at ``end`` is named for an official of it who attends or visits."""
    return _OFFICIAL_AFTER.match(text, end) is not None and _VISIT.search(text) is not None \
        and _SIGNING.search(text) is None  # a signer's official at a signing stands for a company that settles


# "该项目由X投资建设": the last project of the sentence before has X as investor.
_THAT_PROJECT_BY = re.compile(
    rf"^(?:该|此)项目(?:由|是)(?P<investor>[{HAN}A-Za-z0-9()（）]{{2,30}}?)(?:投资|出资|建设|打造)")


def _that_project(c: _Collector, sentence: Sentence) -> None:
    found = _THAT_PROJECT_BY.match(sentence.text)
    earlier = [m for m in c.mentions if m.type is P and m.sentence_index == sentence.index - 1]
    if not found or not earlier or not _is_company(found.group("investor")):
        return
    investor = found.group("investor")
    c.mention(E, investor, sentence, found.start("investor"), found.end("investor"))
    c.fact(Predicate.INVESTOR, (P, earlier[-1].name), (E, investor), sentence)


def _investors(c: _Collector) -> None:
    """A project whose name starts with a known enterprise name has it as investor."""
    enterprises = sorted({m.name for m in c.mentions if m.type is E}, key=lambda n: (-len(n), n))
    for mention in [m for m in c.mentions if m.type is P]:
        owner = next((e for e in enterprises if mention.name.startswith(e) and mention.name != e), None)
        if owner:
            sentence = c.doc.sentences[mention.sentence_index]
            c.fact(Predicate.INVESTOR, (P, mention.name), (E, owner), sentence)


def _located(c: _Collector) -> None:
    """Enterprises and projects of a zone document are located in its home zone,
    and also in a park that opens their sentence ("北湖园区累计签约…,清溪环保竣工投产")."""
    openers = {m.sentence_index: m.name for m in c.mentions
               if m.type is EntityType.ZONE and m.start == c.doc.sentences[m.sentence_index].start}
    investors = {f.obj[1] for f in c.facts if f.predicate is Predicate.INVESTOR and f.obj}
    outside = c.external | (c.visitors - investors)
    for mention in c.mentions:
        if mention.type not in (E, P) or mention.name in outside:
            continue
        sentence = c.doc.sentences[mention.sentence_index]
        if c.doc.home_zone is not None:
            c.fact(Predicate.LOCATED_IN, (mention.type, mention.name), c.doc.home_zone, sentence)
        if mention.sentence_index in openers:
            c.fact(Predicate.LOCATED_IN, (mention.type, mention.name),
                   (EntityType.ZONE, openers[mention.sentence_index]), sentence)


def extract_core(doc: Document) -> tuple[list[Mention], list[Fact]]:
    """Core extractor: zone/enterprise/project/honour/person mentions and their facts."""
    home = find_zone_names(doc.home_zone[1]) if doc.home_zone else []
    collector = _Collector(doc, document_year(doc.text))
    collector.mentions.extend(zone_mentions(doc, home[0][2] if home else None))
    for sentence in doc.sentences:
        _sentence(collector, sentence)
    _investors(collector)
    _located(collector)
    _fuller_honours(collector)
    return collector.mentions, collector.facts


def _fuller_honours(c: _Collector) -> None:
    """An honour named in short and in full in one document is the full title throughout."""
    renamed = fuller_titles([m.name for m in c.mentions if m.type is EntityType.HONOUR])
    c.mentions = [replace(m, name=renamed[m.name]) if m.type is EntityType.HONOUR and m.name in renamed else m
                  for m in c.mentions]
    c.facts = [replace(f, obj=(EntityType.HONOUR, renamed[f.obj[1]]))
               if f.predicate is Predicate.AWARDED and f.obj and f.obj[1] in renamed else f for f in c.facts]
