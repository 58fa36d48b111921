"""Merge mentions into entities (canonical name + aliases) and rewrite fact keys.

Aliases are found by generic rules: zone short forms of the home zone, company
short names inside legal names (云帆海缆 ↔ 云帆科技海缆股份有限公司), a project
known as "<company>项目" inside the full project name that starts with the
company, and the traditional-script form of a name as the raw text has it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import replace

from ingest.document import Document, Entity, Fact, Mention
from ingest.extract.home_zone import home_aliases
from ingest.extract.patterns import COMPANY_SUFFIX_RE, ENTERPRISE_ENDINGS, PLACE_PREFIX_RE
from ingest.extract.zone_aliases import bracketed_zone_names, same_zone_forms
from ingest.extract.zones import ZoneName, canonical_zone, find_zone_names, zone_name_of
from ingest.normalise import normalise_name
from kg.model import EntityType, Predicate

Key = tuple[EntityType, str]


def company_core(name: str) -> str:
    """A company name without place prefix and legal suffix (南通X有限公司 → X)."""
    core = COMPANY_SUFFIX_RE.sub("", name)
    stripped = PLACE_PREFIX_RE.sub("", core)
    return stripped if len(stripped) >= 2 else core


def is_short_form(short: str, full: str) -> bool:
    """True when ``short`` abbreviates ``full``: same first character, characters in order.

    Tried on the core without and with its place prefix, since a brand can look like a place (东方电气).

    >>> is_short_form("云帆海缆", "云帆科技海缆股份有限公司"), is_short_form("禾泰生物", "南通禾泰生物工程有限公司")
    (True, True)
    """
    if short == full or len(short) < 2 or len(short) >= len(full):
        return False
    core = company_core(full)
    return any(short[0] == body[:1] and in_order(short, body) for body in (core, COMPANY_SUFFIX_RE.sub("", full)))


class _Clusters:
    """Union of names per entity type; the canonical name is chosen per cluster."""

    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}

    def add(self, key: Key) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: Key) -> Key:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: Key, b: Key) -> None:
        self.add(a)
        self.add(b)
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> dict[Key, list[Key]]:
        out: dict[Key, list[Key]] = defaultdict(list)
        for key in self.parent:
            out[self.find(key)].append(key)
        return out


def _link_zones(clusters: _Clusters, doc: Document, mentions: list[Mention]) -> None:
    for name, other in bracketed_zone_names(doc.text) + same_zone_forms(doc.text):
        clusters.union((EntityType.ZONE, other), (EntityType.ZONE, name))
    if doc.home_zone is None:
        return
    home = zone_name_of(doc.home_zone[1]) or ZoneName(doc.home_zone[1][:-3], doc.home_zone[1][-3:])
    for alias in home_aliases(home, mentions):
        clusters.union((EntityType.ZONE, alias), doc.home_zone)


_LEGAL_FORM = re.compile(r"(?:有限|股份|集团)公司$")


def _link_companies(clusters: _Clusters, names: list[str]) -> None:
    """Join each short company name to the legal name it abbreviates (if exactly one)."""
    bodies_by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)  # first character → (body, full)
    for full in (n for n in names if COMPANY_SUFFIX_RE.search(n)):
        for body in {company_core(full), COMPANY_SUFFIX_RE.sub("", full)}:
            bodies_by_first[body[:1]].append((body, full))
    for short in names:
        if len(short) < 2:
            continue
        candidates = bodies_by_first.get(short[0], ())
        # "X公司" for X营造股份有限公司; a legal name (X有限公司) is a company of its own, never a short form
        bare = short[:-2] if short.endswith("公司") and not _LEGAL_FORM.search(short) else short
        targets = list(dict.fromkeys(full for body, full in candidates
                                     if len(short) < len(full) and len(bare) >= 2 and in_order(bare, body)))
        if len(targets) == 1:
            clusters.union((EntityType.ENTERPRISE, short), (EntityType.ENTERPRISE, targets[0]))


def in_order(short: str, full: str) -> bool:
    """Every character of ``short`` occurs in ``full`` in the same order."""
    position = 0
    for char in short:
        position = full.find(char, position) + 1
        if position == 0:
            return False
    return True


def _link_projects(clusters: _Clusters, names: list[str]) -> None:
    """Join "<X>项目" to the one longer project whose name starts like X and contains it in order."""
    for short in names:
        if not short.endswith("项目"):
            continue
        stem = short[:-2]
        targets = [n for n in names if n != short and len(n) > len(short) and n[:2] == stem[:2]
                   and in_order(stem, n)]
        if len(targets) == 1:
            clusters.union((EntityType.PROJECT, short), (EntityType.PROJECT, targets[0]))


_PHASE = re.compile(r"[一二三四五六七八九十\d]+期")


def _link_extensions(clusters: _Clusters, names: list[str]) -> None:
    """A project named as another project plus a part (…服务中心门诊大楼) is that project."""
    for short in names:
        if len(short) < 5 or short.endswith("项目"):
            continue
        for full in names:
            if full != short and full.startswith(short) and not _PHASE.search(full[len(short):]):
                clusters.union((EntityType.PROJECT, full), (EntityType.PROJECT, short))


def _link_abbreviations(clusters: _Clusters, etype: EntityType, names: list[str]) -> None:
    """Join an abbreviated title to the one full title it shortens (国家科技进步奖一等奖)."""
    for short in names:
        targets = [full for full in names if len(full) > len(short) >= 4 and full[:2] == short[:2]
                   and full[-3:] == short[-3:] and in_order(short, full)]
        if len(targets) == 1:
            clusters.union((etype, short), (etype, targets[0]))


def _link_brands(clusters: _Clusters, names: list[str]) -> None:
    """Join a bare brand to the one name that is the brand plus a business word (海辰 ↔ 海辰科技)."""
    for short in names:
        targets = [n for n in names if n != short and n.startswith(short) and n[len(short):] in ENTERPRISE_ENDINGS]
        if len(targets) == 1:
            clusters.union((EntityType.ENTERPRISE, short), (EntityType.ENTERPRISE, targets[0]))


def _link_company_projects(clusters: _Clusters, projects: list[str]) -> None:
    """"<X>项目" and "<Y>项目" are one project when X and Y are one enterprise."""
    by_company: dict[Key, str] = {}
    for name in projects:
        company = (EntityType.ENTERPRISE, name[:-2])
        if name.endswith("项目") and company in clusters.parent:
            root = clusters.find(company)
            if root in by_company:
                clusters.union((EntityType.PROJECT, name), (EntityType.PROJECT, by_company[root]))
            by_company.setdefault(root, name)


def _canonical(keys: list[Key], counts: dict[Key, int], home: Key | None) -> Key:
    if home is not None and home in keys:
        return home
    if keys[0][0] is EntityType.ZONE:
        zones = [z for k in keys for _, _, z in find_zone_names(k[1])]
        if zones:
            return (EntityType.ZONE, canonical_zone(zones).name)
    return max(keys, key=lambda k: (len(k[1]), counts[k]))


def _raw_forms(doc: Document, mentions: list[Mention]) -> dict[Key, set[str]]:
    """Forms of each mention as the raw text writes them, when they differ (traditional script)."""
    forms: dict[Key, set[str]] = defaultdict(set)
    if not doc.raw:
        return forms
    for mention in mentions:
        start, end = doc.raw_span(mention.start, mention.end)
        raw = re.sub(r"\s", "", doc.raw[start:end])
        script_only = unicodedata.normalize("NFKC", raw) != mention.name
        if script_only and normalise_name(raw) == mention.name:
            forms[(mention.type, mention.name)].add(raw)
    return forms


def _rewrite(fact: Fact, canon: dict[Key, Key]) -> Fact:
    obj = canon.get(fact.obj, fact.obj) if fact.obj is not None else None
    return replace(fact, subject=canon.get(fact.subject, fact.subject), obj=obj)


_PROJECT_FACTS = frozenset({Predicate.STATUS, Predicate.INVESTMENT, Predicate.INVESTOR})


def _platforms_win(doc: Document) -> Document:
    """A name typed both Platform and Project is the platform, unless the text gives it project
    facts (status, investment, investor): then it is both."""
    platforms = {m.name for m in doc.mentions if m.type is EntityType.PLATFORM}
    busy = {f.subject for f in doc.facts if f.predicate in _PROJECT_FACTS}
    gone = {(EntityType.PROJECT, name) for name in platforms} - busy
    mentions = tuple(m for m in doc.mentions if (m.type, m.name) not in gone)
    facts = tuple(f for f in doc.facts if f.subject not in gone and f.obj not in gone)
    return replace(doc, mentions=mentions, facts=facts)


def resolve(doc: Document) -> Document:
    """Fill ``entities`` and rewrite ``facts`` onto canonical keys, dropping duplicates."""
    doc = _platforms_win(doc)
    mentions = list(doc.mentions)
    clusters = _Clusters()
    counts: dict[Key, int] = defaultdict(int)
    for mention in mentions:
        clusters.add((mention.type, mention.name))
        counts[(mention.type, mention.name)] += 1
    for fact in doc.facts:
        for key in (fact.subject, fact.obj):
            if key is not None:
                clusters.add(key)
    _link_zones(clusters, doc, mentions)
    by_type: dict[EntityType, list[str]] = defaultdict(list)
    for etype, name in clusters.parent:
        by_type[etype].append(name)
    _link_companies(clusters, by_type[EntityType.ENTERPRISE])
    _link_brands(clusters, by_type[EntityType.ENTERPRISE])
    _link_company_projects(clusters, by_type[EntityType.PROJECT])
    _link_projects(clusters, by_type[EntityType.PROJECT])
    _link_extensions(clusters, by_type[EntityType.PROJECT])
    for etype in (EntityType.HONOUR, EntityType.POLICY):
        _link_abbreviations(clusters, etype, by_type[etype])
    return _build(doc, clusters, counts, _raw_forms(doc, mentions))


def _build(doc: Document, clusters: _Clusters, counts: dict[Key, int], raw: dict[Key, set[str]]) -> Document:
    entities: list[Entity] = []
    canon: dict[Key, Key] = {}
    for keys in clusters.groups().values():
        main = _canonical(sorted(keys), counts, doc.home_zone)
        aliases = {k[1] for k in keys if k != main} | {f for k in keys for f in raw.get(k, ())}
        aliases.discard(main[1])
        entities.append(Entity(main[0], main[1], tuple(sorted(aliases))))
        canon.update({k: main for k in keys})
    facts = list(dict.fromkeys(_rewrite(f, canon) for f in doc.facts))
    facts = [f for f in facts if f.subject != f.obj]
    entities.sort(key=lambda e: (e.type.value, e.name))
    return replace(doc, entities=tuple(entities), facts=tuple(_first_per_content(facts)))


def _first_per_content(facts: list[Fact]) -> list[Fact]:
    """Keep one fact per (predicate, subject, object, attrs), the earliest sentence."""
    seen: dict[tuple[object, ...], Fact] = {}
    for fact in facts:
        seen.setdefault((fact.predicate, fact.subject, fact.obj, fact.attrs), fact)
    return list(seen.values())
