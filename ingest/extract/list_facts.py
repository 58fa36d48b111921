"""Facts of enumerations: "A、B、C等项目开工" gives every listed project the clause's amount and statuses;
a listed company that 投资建厂 gets its own project."""

from __future__ import annotations

import re

from ingest.document import Sentence
from ingest.extract.boundaries import clean, names_an_activity
from ingest.extract.entities import statuses_in
from ingest.extract.fact_collector import Collector
from ingest.extract.lists import ITEM_AMOUNT_RE, ITEM_NOTE_RE, ListHit, company_of_project, looks_like_company
from ingest.extract.numbers import parse_amount
from kg.model import EntityType, Predicate

E, P = EntityType.ENTERPRISE, EntityType.PROJECT
# Works being built: "…建设加快推进", "…施工", "…快建设", "…建设进度".
_BUILDING = re.compile(r"(?:快)?建设(?!成)|施工")
# Works being sped up or inspected are being built (加快…项目建设, 察看…项目建设情况).
_SPEEDING_OR_SEEING = re.compile(r"加快|察看|查看|考察|视察|调研")
_BUILDS_FACTORY = re.compile(r"(?:投资)?建厂")
# Companies that sign an investment agreement with the zone each bring a project (FORMAT.md: 签约入驻 alone does not).
_SIGNS_INVESTMENT = re.compile(r"^[^;；。]{0,6}?(?:签订|签署|签下)了?(?:投资|项目)(?:协议|合同)")
_CARRIER_ENDINGS = ("园", "大厦", "大楼", "中心", "基地", "孵化器", "空间", "城")
_AGREEMENT = re.compile(r"(?:融资|投资|战略|框架|合作|共建|入园|入区)*(?:协议|合同)$")
# "项目90个,涵盖A、B、C等项目": the kinds a count of projects covers, not projects of their own.
_KINDS_OF_A_COUNT = re.compile(r"个[,，]?(?:主要)?(?:涵盖|涉及)了?[“\"]?$")
_PERSON_ITEM = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,3})(?P<title>博士|教授|院士)$")


def _project_item(c: Collector, sentence: Sentence, item: tuple[int, int, str],
                  kind: str = "project") -> tuple[EntityType, str] | None:
    """Mentions for one item of a project list; returns the project key."""
    start, end, name = item
    agreement = _AGREEMENT.search(name)
    if agreement:  # "X项目融资合作协议": the agreement is about project X; one about no named project is none
        if not name[:agreement.start()].endswith("项目"):
            return None
        name, end = name[:agreement.start()], start + agreement.start()
    person = _PERSON_ITEM.match(name)
    if person:
        c.mention(EntityType.PERSON, person.group("name"), sentence, start, start + len(person.group("name")))
        c.mention(P, name + "项目", sentence, start, end)
        return (P, name + "项目")
    if kind == "project" and names_an_activity(name):
        return None  # "产业强基、产业集群培育等8项工程", "统筹协调等项目": lines of work, not projects
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


def list_facts(c: Collector, sentence: Sentence, hit: ListHit, inherited: list[str]) -> list[str]:
    """Mentions and facts of one list; returns the statuses it used (carried to the next list)."""
    if hit.kind == "enterprise":
        builds = _BUILDS_FACTORY.search(sentence.text[hit.head_end:hit.clause_end])
        signs = _SIGNS_INVESTMENT.search(sentence.text[hit.head_end:])
        for start, end, name in hit.items:
            if name.endswith(_CARRIER_ENDINGS):
                continue  # "A产业园、B大厦等载体承载企业…": places, not companies
            c.mention(E, name, sentence, start, end)
            if hit.external and not signs:
                c.external.add(name)
            elif builds or signs:  # FORMAT.md: a company that 投资建厂 gets "<company>项目"
                c.mention(P, name + "项目", sentence, start, end)
                c.fact(Predicate.INVESTOR, (P, name + "项目"), (E, name), sentence)
                if signs:
                    c.fact(Predicate.STATUS, (P, name + "项目"), None, sentence, status="signed",
                           year=c.sentence_year(sentence))
        return inherited
    if hit.items and _KINDS_OF_A_COUNT.search(sentence.text, 0, hit.items[0][0]):
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
        if hit.zone:
            _located_in(c, sentence, project, hit.zone)
        amount = hit.amount or _item_amount(sentence.text, item[0]) or _noted_amount(sentence.text, item[1])
        if amount:
            c.fact(Predicate.INVESTMENT, project, None, sentence, amount=amount, currency="CNY")
        for status in statuses:
            c.fact(Predicate.STATUS, project, None, sentence, status=status, year=year)
    return statuses


def _located_in(c: Collector, sentence: Sentence, project: tuple[EntityType, str], zone: str) -> None:
    """The project of a list after a zone's name, and its investors, are in that zone."""
    owners = [f.obj for f in c.facts if f.predicate is Predicate.INVESTOR and f.subject == project and f.obj]
    for subject in (project, *owners):
        c.fact(Predicate.LOCATED_IN, subject, (EntityType.ZONE, zone), sentence)


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


def _noted_amount(text: str, end: int) -> float | None:
    """The amount noted in brackets right after one list item ("X项目(总投资15亿元)")."""
    found = ITEM_NOTE_RE.match(text, end)
    amount = parse_amount(found.group("amount") + ("" if found.group("amount").endswith("元") else "元")) \
        if found else None
    return amount.value if amount else None


def _next_clause_end(text: str, end: int) -> int:
    """End of the clause after ``end`` when a list's own clause ends at its head (…为代表,…正式落地)."""
    found = re.search(r"[;；。]", text[end + 1:])
    return end + 1 + found.start() if found else len(text)
