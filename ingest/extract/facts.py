"""Fact rules: locatedIn, investor, investment, status, awarded and role.

``extract_core`` is the core extractor: it gathers the mentions of every
core module and links them. Enterprises and projects a zone document names are
located in its home zone; a project named after a company has that company as
investor; amounts and status verbs in a list's clause go to every list item.
The rules per kind live in project_facts.py (projects named one at a time),
list_facts.py (enumerations) and award_facts.py (honours); this module runs
them sentence by sentence, then adds investors by name, locations and roles.
"""

from __future__ import annotations

import re

from ingest.budget import paced
from ingest.document import Document, Fact, Mention, Sentence
from ingest.extract.award_facts import award_facts, fuller_honours
from ingest.extract.entities import find_legal_companies
from ingest.extract.fact_collector import Collector
from ingest.extract.headed_lists import find_headed_lists
from ingest.extract.home_zone import zone_mentions
from ingest.extract.list_facts import list_facts
from ingest.extract.lists import find_facilities, find_lists
from ingest.extract.patterns import HAN, LEGAL_COMPANY_RE, PERSON_TITLES
from ingest.extract.people import find_people
from ingest.extract.project_facts import (
    brands,
    built_projects,
    built_works,
    clause_projects,
    invested_projects,
    named_projects,
    note_project_set,
    projects_by,
    that_project,
)
from ingest.extract.project_frames import (
    anaphoric_projects,
    building_companies,
    event_statuses,
    projects_in_a_row,
    projects_in_order,
    signed_projects,
    site_projects,
    toured_sites,
    trailing_amounts,
)
from ingest.extract.project_rows import (
    counted_companies,
    drop_zone_place_owners,
    one_of_the_event,
    signatory_projects,
    zone_expansions,
    zone_rows,
)
from ingest.extract.years import report_year
from ingest.extract.zones import zone_name_of
from kg.model import EntityType, Predicate

E, P = EntityType.ENTERPRISE, EntityType.PROJECT


def _sentence(c: Collector, sentence: Sentence) -> None:
    note_project_set(c, sentence)
    for hit in find_legal_companies(sentence.text):
        c.mention(E, hit.name, sentence, hit.start, hit.end)
        if _visiting(sentence.text, hit.end):
            c.visitors.add(hit.name)
    brands(c, sentence)
    invested_projects(c, sentence)
    built_projects(c, sentence)
    built_works(c, sentence)
    projects_by(c, sentence)
    clause_projects(c, sentence)
    site_projects(c, sentence)
    projects_in_order(c, sentence)
    toured_sites(c, sentence)
    signatory_projects(c, sentence)
    projects_in_a_row(c, sentence)
    counted_companies(c, sentence)
    one_of_the_event(c, sentence)
    zone_rows(c, sentence)
    zone_expansions(c, sentence)
    used: list[list[str]] = []  # lists with statuses of their own that disagree leave none to a later list
    for list_hit in find_lists(sentence.text) + find_headed_lists(sentence.text):
        used.append(list_facts(c, sentence, list_hit, used[-1] if used and all(u == used[-1] for u in used) else []))
    for facility in find_facilities(sentence.text):
        list_facts(c, sentence, facility, [])
    named_projects(c, sentence)
    signed_projects(c, sentence)
    that_project(c, sentence)
    anaphoric_projects(c, sentence)
    building_companies(c, sentence)
    trailing_amounts(c, sentence)
    award_facts(c, sentence)
    for person in find_people(sentence.text, c.doc.home_zone):
        c.mention(EntityType.PERSON, person.name, sentence, person.start, person.end)
        for title, org in person.roles:
            org = _named_company(c, sentence) if org == (E, "公司") else org
            if org is None:
                continue  # a bare 公司 with no company named before: no one to give the role to
            c.fact(Predicate.ROLE, (EntityType.PERSON, person.name), org, sentence, title=title)


_SIGNING = re.compile(r"签约|签订|落户|入驻|投资")
_VISIT = re.compile(r"出席|来访|考察|调研|参观|见证|会见|拜访|座谈|致辞|参加")
_OFFICIAL_AFTER = re.compile(rf"(?:[{HAN}、]{{0,12}}?)(?:{'|'.join(sorted(PERSON_TITLES, key=len, reverse=True))})")


def _visiting(text: str, end: int) -> bool:
    """Whether the company ending at ``end`` is named for an official of it who attends or visits."""
    return _OFFICIAL_AFTER.match(text, end) is not None and _VISIT.search(text) is not None \
        and _SIGNING.search(text) is None  # a signer's official at a signing stands for a company that settles


def _investors(c: Collector) -> None:
    """A project whose name starts with a known enterprise name has it as investor."""
    enterprises = sorted({m.name for m in c.mentions if m.type is E}, key=lambda n: (-len(n), n))
    for mention in [m for m in c.mentions if m.type is P]:
        owner = next((e for e in enterprises if mention.name.startswith(e) and mention.name != e), None)
        if owner:
            sentence = c.doc.sentences[mention.sentence_index]
            c.fact(Predicate.INVESTOR, (P, mention.name), (E, owner), sentence)


def _located(c: Collector) -> None:
    """Enterprises and projects of a zone document are located in its home zone,
    and also in a park that opens their sentence ("北湖园区累计签约…,清溪环保竣工投产")."""
    openers = {m.sentence_index: m.name for m in c.mentions
               if m.type is EntityType.ZONE and m.start == c.doc.sentences[m.sentence_index].start}
    investors = {f.obj[1] for f in c.facts if f.predicate is Predicate.INVESTOR and f.obj}
    outside = c.external | (c.visitors - investors)
    zones = sorted({m.name for m in c.mentions if m.type is EntityType.ZONE and len(m.name) >= 3},
                   key=len, reverse=True)
    for mention in c.mentions:
        if mention.type not in (E, P) or mention.name in outside:
            continue
        sentence = c.doc.sentences[mention.sentence_index]
        if c.doc.home_zone is not None:
            c.fact(Predicate.LOCATED_IN, (mention.type, mention.name), c.doc.home_zone, sentence)
        if mention.sentence_index in openers:
            c.fact(Predicate.LOCATED_IN, (mention.type, mention.name),
                   (EntityType.ZONE, openers[mention.sentence_index]), sentence)
        named_after = next((z for z in zones if mention.name.startswith(z) and len(mention.name) > len(z) + 1), None)
        if named_after:  # X新城研究中心项目: in the sub-park it is named after, as well as the home zone
            c.fact(Predicate.LOCATED_IN, (mention.type, mention.name), (EntityType.ZONE, named_after), sentence)


def _named_company(c: Collector, sentence: Sentence) -> tuple[EntityType, str] | None:
    """The company a bare 公司 of a title refers to (X股份有限公司…。公司总经理Y介绍): the last legal name
    mentioned in this or the sentence before; None when there is none."""
    for mention in reversed(c.mentions):
        if mention.sentence_index < sentence.index - 1:
            break
        if mention.type is E and LEGAL_COMPANY_RE.fullmatch(mention.name):
            return (E, mention.name)
    return None


def extract_core(doc: Document) -> tuple[list[Mention], list[Fact]]:
    """Core extractor: zone/enterprise/project/honour/person mentions and their facts."""
    home = zone_name_of(doc.home_zone[1]) if doc.home_zone else None
    collector = Collector(doc, report_year(doc))
    collector.mentions.extend(zone_mentions(doc, home))
    for sentence in paced(doc.sentences):
        _sentence(collector, sentence)
    event_statuses(collector)
    _investors(collector)
    drop_zone_place_owners(collector)
    _located(collector)
    fuller_honours(collector)
    return collector.mentions, collector.facts
