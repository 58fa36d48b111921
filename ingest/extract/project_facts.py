"""Facts of projects named one at a time: investor, investment amount and status.

"X公司投资N亿元建设Y项目", "由X投资建设的Y项目", "Y项目总投资N亿元,于4月开工", a brand that
竣工投产, and "该项目由X投资建设" after a sentence that named the project.
"""

from __future__ import annotations

import re

from ingest.document import Sentence
from ingest.extract.entities import (
    AMOUNT,
    APPROX,
    CLAUSE_AMOUNT_RE,
    find_brands,
    find_built_projects,
    find_clause_projects,
    find_invested_projects,
    find_legal_companies,
    find_named_projects,
    find_projects_by,
    parse_project_amount,
    statuses_in,
)
from ingest.extract.fact_collector import Collector
from ingest.extract.lists import company_of_project, looks_like_company
from ingest.extract.patterns import COMPANY_SUFFIX_RE, ENTERPRISE_ENDINGS, HAN
from ingest.extract.project_owners import ORIGIN_RE
from ingest.extract.short_names import abbreviates_named_company
from kg.model import EntityType, Predicate

E, P = EntityType.ENTERPRISE, EntityType.PROJECT


def named_projects(c: Collector, sentence: Sentence) -> None:
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


def brands(c: Collector, sentence: Sentence) -> None:
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


# "在签约仪式上,…X项目也成为一大亮点": the projects of a sentence set at an event have its status.
_EVENT_OPENING = re.compile(
    r"^(?:在|于)(?P<event>[^,，;；。]{0,10}?(?:签约|开工|竣工|投产)(?:仪式|活动|大会))(?:现场)?上?[,，]")


def _shared_statuses(text: str, end: int) -> list[str]:
    """Statuses a sentence gives all its projects: its opening set or event, or a closing 均…clause."""
    opening = _SET_OPENING.match(text) or _EVENT_OPENING.match(text)
    closing = _SHARED_CLOSE.search(text, end)
    shared = opening.group(opening.lastgroup or 0) if opening else ""
    return statuses_in(shared + "|" + (closing.group("verb") if closing else ""))


# "共签约项目79个,…,特别是引进了X项目": a project singled out from the projects the clauses before count.
_SINGLED_OUT = re.compile(r"特别是|尤其是|其中")
_COUNTED_PROJECTS = re.compile(r"项目\d+个|\d+个(?:[^,，;；。]{0,6})项目")


def _singled_out_statuses(text: str, start: int) -> list[str]:
    """The statuses of the counted projects of the sentence a project's clause singles it out from."""
    clause_start = max(text.rfind(mark, 0, start) for mark in ",，;；") + 1
    before = text[:clause_start]
    if not _SINGLED_OUT.match(text, clause_start) or not _COUNTED_PROJECTS.search(before):
        return []
    return statuses_in(before)


def invested_projects(c: Collector, sentence: Sentence) -> None:
    """"X公司总投资N亿元的Y项目开工建设": amount, investor (the company before) and status."""
    companies = list(find_legal_companies(sentence.text)) + find_brands(sentence.text)
    for hit in find_invested_projects(sentence.text):
        project = (P, hit.name)
        c.mention(P, hit.name, sentence, hit.start, hit.end)
        amount = parse_project_amount(hit.amount)
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
                or _singled_out_statuses(sentence.text, hit.start) \
                or c.paragraph_statuses(sentence) or c.detail_statuses(sentence):
            c.fact(Predicate.STATUS, project, None, sentence, status=status, year=c.sentence_year(sentence))


# "…建设Y项目,已于8月竣工投产": a clause after the project that only says what has become of it.
_FOLLOW_UP = re.compile(r"[,，](?P<clause>(?:目前|现)?[已于并][^,，;；。]*)")
# Clauses that go on telling the same state ("…,已主体完工,进入设备调试阶段").
_GOES_ON = re.compile(r"[,，](?P<clause>(?:目前|现|正|并|已|已经)?(?:进入|转入|开始)[^,，;；。]*)")


def _follow_up(text: str, end: int) -> str:
    """The clause after a project when it opens with 已/于/并 (its status), and the clauses that go on
    from it (进入…阶段), else ''."""
    m = _FOLLOW_UP.match(text, end)
    if m is None:
        return ""
    clauses = "|" + m.group("clause")
    more = _GOES_ON.match(text, m.end())
    while more is not None:
        clauses += "|" + more.group("clause")
        more = _GOES_ON.match(text, more.end())
    return clauses


def is_company(name: str) -> bool:
    return bool(COMPANY_SUFFIX_RE.search(name)) or looks_like_company(name) or (
        len(name) <= 8 and name.endswith(ENTERPRISE_ENDINGS))


def _add_project(c: Collector, sentence: Sentence, project: tuple[EntityType, str], amount_text: str | None,
                 statuses: list[str]) -> None:
    """Amount and status facts of one project."""
    amount = parse_project_amount(amount_text) if amount_text else None
    if amount is not None:
        c.fact(Predicate.INVESTMENT, project, None, sentence, amount=amount.value, currency=amount.currency)
    for status in statuses:
        c.fact(Predicate.STATUS, project, None, sentence, status=status, year=c.sentence_year(sentence))


def built_projects(c: Collector, sentence: Sentence) -> None:
    """"X公司投资N亿元建设Y项目": investor, amount, and the statuses of the sentence's opening or clause.

    A sentence opening with 其中 details the one before, so it takes that sentence's statuses.
    """
    earlier: list[tuple[str, int]] = []
    for hit in find_built_projects(sentence.text):
        investors = co_investors(hit.investor, hit.investor_start) if hit.investor else earlier
        if not investors:
            continue
        earlier = investors
        project = (P, hit.name)
        c.mention(P, hit.name, sentence, hit.start, hit.end)
        for investor, start in investors:
            c.mention(E, investor, sentence, start, start + len(investor))
            c.fact(Predicate.INVESTOR, project, (E, investor), sentence)
        opening = sentence.text[:hit.investor_start]
        rest = re.split(r"[,，;；。]", sentence.text[hit.end:], maxsplit=1)[0] + _follow_up(sentence.text, hit.end)
        statuses = statuses_in(opening + "|" + rest) or _shared_statuses(sentence.text, hit.end) \
            or c.paragraph_statuses(sentence)
        statuses = statuses or c.detail_statuses(sentence)
        _add_project(c, sentence, project, hit.amount, statuses)


# "X公司拟投资N亿元,在Y建设Z园": works that close the clause, named without 项目 (a park, a base, a centre).
_BUILDS_WORKS = re.compile(
    rf"(?P<lead>[^,，;；。:：]{{2,30}}?)(?:拟|计划|将)?总?投资{APPROX}(?P<amount>{AMOUNT})[,，]?"
    rf"(?:在[^,，;；。]{{1,12}}?)?(?:建设|新建|兴建)(?P<name>[{HAN}A-Za-z0-9]{{2,20}}?(?:园|基地|中心|总部|大厦))"
    rf"(?=[,，;；。]|$)")
_OPENING_WORDS = re.compile(r"^(?:其中|此外|同时|另外|目前|今年|近日|另|再|还)+")


def built_works(c: Collector, sentence: Sentence) -> None:
    """"X公司拟投资N亿元,在Y建设Z园": the works are a project of the company, with its amount."""
    if "投资" not in sentence.text:
        return
    for match in _BUILDS_WORKS.finditer(sentence.text):
        lead = _OPENING_WORDS.sub("", match.group("lead"))
        origin = ORIGIN_RE.match(lead)
        investor = lead[origin.end():] if origin and len(lead) - origin.end() >= 4 else lead
        if not COMPANY_SUFFIX_RE.search(investor):
            continue
        start = match.end("lead") - len(investor)
        project = (P, match.group("name"))
        c.mention(P, project[1], sentence, match.start("name"), match.end("name"))
        c.mention(E, investor, sentence, start, match.end("lead"))
        c.fact(Predicate.INVESTOR, project, (E, investor), sentence)
        _add_project(c, sentence, project, match.group("amount"), [])


# "A将和B共同投资…": partners joined by 和/与/携手, the adverbs of a joint investment after them.
_JOINT = re.compile(r"(?:将|拟|计划|共同|联合|合资|携手)+$")
_PARTNER_SPLIT = re.compile(r"和|与|携手|联合")
# A rank or origin before a company's name (世界500强德国X): not part of the name (FORMAT.md).
_RANK_OR_ORIGIN = re.compile(r"^(?:世界|全球|中国|国内)?(?:财富)?\d*强|^(?:行业)?龙头")


def co_investors(lead: str, start: int) -> list[tuple[str, int]]:
    """The investor a clause opens with, or each of two or more partners investing jointly; [] when the
    lead names no company."""
    if is_company(lead):
        return [(lead, start)]
    joint = _JOINT.search(lead)
    if joint is None:
        return []
    partners, position = [], 0
    for part in _PARTNER_SPLIT.split(lead[:joint.start()]):
        begin, position = position, position + len(part) + 1
        part = _JOINT.sub("", part)
        rank = _RANK_OR_ORIGIN.match(part)
        cut = rank.end() if rank else 0
        origin = ORIGIN_RE.match(part[cut:])
        cut += origin.end() if origin and len(part) - cut - origin.end() >= 2 else 0
        partners.append((part[cut:], start + begin + cut))
    return partners if len(partners) >= 2 and all(is_company(p) for p, _ in partners) else []


def projects_by(c: Collector, sentence: Sentence) -> None:
    """"由X公司投资建设的Y项目于3月开工,总投资86亿元": investor, then amount and statuses of the clause group."""
    for hit in find_projects_by(sentence.text):
        if not (is_company(hit.investor) or abbreviates_named_company(hit.investor, c.doc.text)):
            continue
        project = (P, hit.name)
        c.mention(P, hit.name, sentence, hit.start, hit.end)
        c.mention(E, hit.investor, sentence, hit.investor_start, hit.investor_start + len(hit.investor))
        c.fact(Predicate.INVESTOR, project, (E, hit.investor), sentence)
        rest = re.split(r"[;；。]", sentence.text[hit.end:], maxsplit=1)[0]
        amount = CLAUSE_AMOUNT_RE.search(rest)
        _add_project(c, sentence, project, amount.group("amount") if amount else None, _clause_statuses(rest))


def clause_projects(c: Collector, sentence: Sentence) -> None:
    """"Y项目总投资N亿元,于4月开工建设": amount and statuses from the rest of the clause group."""
    hits = find_clause_projects(sentence.text)
    for index, hit in enumerate(hits):
        project = (P, fuller_project(c, hit.name))
        c.mention(P, project[1], sentence, hit.start, hit.end)
        following = hits[index + 1].start if index + 1 < len(hits) else len(sentence.text)
        rest = re.split(r"[;；。]", sentence.text[hit.end:following], maxsplit=1)[0]  # up to the next project
        stated = _STATED_INVESTOR.search(rest)
        if stated and is_company(stated.group("investor")):
            start = hit.end + stated.start("investor")
            c.mention(E, stated.group("investor"), sentence, start, start + len(stated.group("investor")))
            c.fact(Predicate.INVESTOR, project, (E, stated.group("investor")), sentence)
        elif (company := company_of_project(hit.name.removesuffix("项目"))) and plausible_owner(company, hit.name):
            c.mention(E, company, sentence, hit.start, hit.start + len(company))
            c.fact(Predicate.INVESTOR, project, (E, company), sentence)
        amount = CLAUSE_AMOUNT_RE.search(rest)
        if amount and _PROJECT_COUNT.search(rest, 0, amount.start()):
            amount = None  # "…举行,另签约项目N个、总投资M亿元": the total of the projects counted
        own = re.split(r"[,，]", rest, maxsplit=1)[0]
        _add_project(c, sentence, project, amount.group("amount") if amount else None,
                     _clause_statuses(own) or _clause_statuses(rest) or _shared_statuses(sentence.text, hit.end))


_PROJECT_COUNT = re.compile(r"项目\d+个|\d+个(?:[^,，;；。]{0,6})项目")


def fuller_project(c: Collector, name: str) -> str:
    """The fuller name of a project named before, when ``name`` is its short form (X基地项目 for
    X智能终端产业基地项目: same opening, same kind word, every character in order); else ``name``."""
    core = name.removesuffix("项目")
    if len(core) > 6 or len(core) < 4:
        return name
    for mention in reversed(c.mentions):
        if mention.type is P and len(mention.name) > len(name) + 2 and mention.name[:2] == name[:2] \
                and mention.name.endswith(name[-4:]) and _in_order(core, mention.name):
            return mention.name
    return name


def _in_order(short: str, full: str) -> bool:
    rest = iter(full)
    return all(char in rest for char in short)


def plausible_owner(company: str, project: str) -> bool:
    """A building or park (X城市综合体, X科技城) shows its company only by a longer or Latin name, not by
    two characters that may be a place."""
    return project.endswith(("项目", "工程")) or len(company) >= 3 or company.isascii()


# "…,投资方为X公司": the clause after a project names its investor outright.
_STATED_INVESTOR = re.compile(
    rf"(?:^|[,，])(?:其)?(?:投资方|投资主体|建设主体|项目业主|业主单位)(?:为|是)(?P<investor>[{HAN}A-Za-z0-9()（）]{{2,30}}?)(?=[,，;；。]|$)")


def _clause_statuses(clause: str) -> list[str]:
    """Statuses a project's own clause states; 开工建设 also says the project is now being built."""
    statuses = statuses_in(clause)
    if re.search(r"(?:开工|动工)建设", clause) and "under_construction" not in statuses:
        statuses.append("under_construction")
    return statuses


def note_project_set(c: Collector, sentence: Sentence) -> None:
    """"在签约的项目中,…": the paragraph's later projects share the statuses the opening names."""
    opening = _SET_OPENING.match(sentence.text)
    if opening and statuses_in(opening.group("set")):
        c.project_set = (c.paragraph(sentence), statuses_in(opening.group("set")))


# "该项目由X投资建设": the last project of the sentence before has X as investor.
_THAT_PROJECT_BY = re.compile(
    rf"^(?:该|此)项目(?:由|是)(?P<investor>[{HAN}A-Za-z0-9()（）]{{2,30}}?)(?:投资|出资|建设|打造)")


def that_project(c: Collector, sentence: Sentence) -> None:
    found = _THAT_PROJECT_BY.match(sentence.text)
    earlier = c.mentions_between(P, sentence.index - 1, sentence.index - 1)
    if not found or not earlier or not is_company(found.group("investor")):
        return
    investor = found.group("investor")
    c.mention(E, investor, sentence, found.start("investor"), found.end("investor"))
    c.fact(Predicate.INVESTOR, (P, earlier[-1].name), (E, investor), sentence)
