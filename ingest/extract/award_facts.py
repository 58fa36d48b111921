"""Awarded facts: each honour a sentence names, held by its recipient in the year the sentence gives;
an honour named in short and in full in one document is the full title throughout."""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.document import Sentence
from ingest.extract.boundaries import BRAND_STOP
from ingest.extract.fact_collector import Collector
from ingest.extract.honour_projects import ProjectTitle, project_titles
from ingest.extract.honour_titles import fuller_titles
from ingest.extract.honours import find_awards
from ingest.extract.patterns import YEAR_RE
from kg.model import EntityType, Predicate

E, P = EntityType.ENTERPRISE, EntityType.PROJECT


def award_facts(c: Collector, sentence: Sentence) -> None:
    """Honour mentions of the sentence and the awarded facts of those with a recipient."""
    for award in find_awards(sentence.text, c.doc.home_zone):
        c.mention(EntityType.HONOUR, award.honour, sentence, award.start, award.end)
        if award.anaphoric:
            award = replace(award, recipient=_company_before(c, sentence))
        if award.recipient is not None:
            award = replace(award, recipient=_carrier_as_platform(award.recipient))
            c.fact(Predicate.AWARDED, award.recipient, (EntityType.HONOUR, award.honour), sentence,
                   year=_award_year(sentence.text, award.end) or c.sentence_year(sentence))
            if award.recipient[0] in (E, EntityType.PERSON, EntityType.PLATFORM):
                c.mention(award.recipient[0], award.recipient[1], sentence, award.recipient_start,
                          award.recipient_end)
            if award.recipient[0] is EntityType.PLATFORM and c.doc.home_zone is not None:
                # A carrier of the zone's page that holds a title (X产业园获批…试点) is one the zone hosts.
                c.fact(Predicate.HOSTS_PLATFORM, c.doc.home_zone, award.recipient, sentence)
    for title in project_titles(sentence.text):
        c.mention(EntityType.HONOUR, title.honour, sentence, title.start, title.end)
        project = _titled_project(c, sentence, title)
        if project is not None:  # held by the project's company: see company_of_titled_projects
            c.fact(Predicate.AWARDED, (P, project), (EntityType.HONOUR, title.honour), sentence,
                   year=_award_year(sentence.text, title.end) or c.sentence_year(sentence))


# A holder named like a carrier (光谷产业园, 青松孵化器) is a platform, not a company.
_CARRIER_END = re.compile(r"(?:产业园|科技园|科创园|创业园|创新园|孵化器|众创空间|加速器|[^公]园)$")


def _carrier_as_platform(holder: tuple[EntityType, str]) -> tuple[EntityType, str]:
    return (EntityType.PLATFORM, holder[1]) if holder[0] is E and _CARRIER_END.search(holder[1]) else holder


def _award_year(text: str, end: int) -> int | None:
    """The year nearest before the honour's end ("成立于2015年,2021年获评…" → 2021), if the sentence gives one."""
    years = [m for m in YEAR_RE.finditer(text, 0, end) if not re.search(r"(?:成立于|始建于|创建于|成立|\d[—–~～-])$",
                                                                          text[max(0, m.start() - 3):m.start()])]
    return int(years[-1].group(1)) if years else None


def _company_before(c: Collector, sentence: Sentence) -> tuple[EntityType, str] | None:
    """The company last named in this sentence or the two before ("…微光科技…。该公司获评…")."""
    named = c.mentions_between(E, sentence.index - 2, sentence.index)
    return (E, max(named, key=lambda m: m.start).name) if named else None


def _titled_project(c: Collector, sentence: Sentence, title: ProjectTitle) -> str | None:
    """The project a key-project title is given to: named right before it, else the last one named before."""
    here = [m for m in c.mentions_between(P, sentence.index, sentence.index)
            if m.end - sentence.start <= title.subject_end]
    if here and not title.anaphoric:
        return max(here, key=lambda m: m.end).name
    if not title.anaphoric:  # a project the rules did not take: its holder is found by the sentence alone
        clause = re.split(r"[,，;；。]", sentence.text[:title.subject_end])[-1]
        return clause if len(clause) >= 4 else None
    before = c.mentions_between(P, max(0, sentence.index - 3), sentence.index - 1)
    return before[-1].name if before else None


def company_of_titled_projects(c: Collector) -> None:
    """A project's key-project title goes to its company (FORMAT.md): the project's investor, else a company
    named in the same sentence or the next; with neither, the title has no holder."""
    investors = {f.subject[1]: f.obj for f in c.facts if f.predicate is Predicate.INVESTOR and f.obj}
    kept = []
    for fact in c.facts:
        if fact.predicate is Predicate.AWARDED and fact.subject[0] is P:
            owner = investors.get(fact.subject[1]) or _company_near(c, fact.sentence_index)
            if owner is None:
                continue
            fact = replace(fact, subject=owner)
        kept.append(fact)
    c.facts = kept


# A group or company name in running text, after the last function character before it (将为青松集团 → 青松集团).
_GROUP_NAME = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:集团|股份有限公司|有限公司|公司)")


def _company_near(c: Collector, index: int) -> tuple[EntityType, str] | None:
    """A company the rules named in sentence ``index`` or the next, else a group or company name in the sentence."""
    named = c.mentions_between(E, index, index + 1)
    if named:
        return (E, named[0].name)
    for m in _GROUP_NAME.finditer(c.doc.sentences[index].text):
        name = BRAND_STOP.split(m.group())[-1]
        if len(name) >= 4:
            return (E, name)
    return None


def fuller_honours(c: Collector) -> None:
    """An honour named in short and in full in one document is the full title throughout."""
    company_of_titled_projects(c)
    renamed = fuller_titles([m.name for m in c.mentions if m.type is EntityType.HONOUR])
    c.mentions = [replace(m, name=renamed[m.name]) if m.type is EntityType.HONOUR and m.name in renamed else m
                  for m in c.mentions]
    c.facts = [replace(f, obj=(EntityType.HONOUR, renamed[f.obj[1]]))
               if f.predicate is Predicate.AWARDED and f.obj and f.obj[1] in renamed else f for f in c.facts]
