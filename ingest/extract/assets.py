"""Zone assets: platforms, policies and industries, with the facts linking them to the zone.

The extractor ``extract_assets`` finds Platform, Policy and Industry mentions
sentence by sentence and links the document's zone to each one it hosts
(hostsPlatform), issued (issuedPolicy) or targets (focusIndustry). The rules are
generic: see :mod:`ingest.extract.asset_text` and the lexicons under
``ingest/resources``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.budget import paced
from ingest.document import Document, Fact, Mention
from ingest.extract.asset_industries import find_industries
from ingest.extract.asset_platforms import find_platforms
from ingest.extract.asset_policies import find_policies
from ingest.extract.asset_text import Candidate, drop_nested, is_generic, load_lexicon
from ingest.extract.zones import find_zone_names, same_place, zone_name_of
from ingest.resolve import in_order
from kg.model import EntityType, Predicate

__all__ = [
    "extract_assets",
    "find_industries",
    "find_platforms",
    "find_policies",
    "is_generic",
    "load_lexicon",
    "sentence_spans",
]

_ZONE_FACTS = {
    EntityType.PLATFORM: Predicate.HOSTS_PLATFORM,
    EntityType.POLICY: Predicate.ISSUED_POLICY,
    EntityType.INDUSTRY: Predicate.FOCUS_INDUSTRY,
}


# Longer sentences (tables, run-on text) are scanned in clause-aligned pieces of at most
# this many characters, which bounds the work per piece: no name is anywhere near as long.
MAX_PIECE = 240
_CLAUSE_END = re.compile(r"[，,；;：:]")


def pieces(sentence: str, limit: int = MAX_PIECE) -> list[tuple[int, str]]:
    """``sentence`` cut after clause punctuation into (offset, text) pieces of at most ``limit`` chars."""
    if len(sentence) <= limit:
        return [(0, sentence)]
    cuts = [m.end() for m in _CLAUSE_END.finditer(sentence)] + [len(sentence)]
    result: list[tuple[int, str]] = []
    start = end = 0
    for cut in cuts:
        if cut - start > limit and end > start:
            result.append((start, sentence[start:end]))
            start = end
        while cut - start > limit:
            result.append((start, sentence[start:start + limit]))
            start += limit
        end = cut
    if end > start:
        result.append((start, sentence[start:end]))
    return result


def sentence_spans(sentence: str) -> list[Candidate]:
    """Platform, policy and industry candidates in one sentence, longest first on overlap."""
    found = []
    for offset, piece in pieces(sentence):
        named = drop_nested(find_policies(piece) + find_platforms(piece))
        for span in named + find_industries(piece, [(s.start, s.end) for s in named]):
            found.append(replace(span, start=span.start + offset, end=span.end + offset))
    return found


def abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is a shorter form of ``full`` (a head or tail of it, or its characters in order).

    Both must end alike (same last two characters) unless ``short`` is the head of ``full``.
    """
    if len(short) < 4 or len(short) >= len(full):
        return False
    if full.startswith(short) or full.endswith(short):
        return True
    return short[0] == full[0] and short[-2:] == full[-2:] and in_order(short, full)


_CONJUNCTION = re.compile("[与和及]")
# Distinct names of one type per document above which short forms are not merged (bounds the work).
MAX_NAMES = 400


def full_forms(names: set[tuple[EntityType, str]]) -> dict[tuple[EntityType, str], str]:
    """Map each platform or policy name to the one longer name it abbreviates in the same document."""
    mapping = {}
    by_kind: dict[EntityType, list[str]] = {}
    for kind, name in names:
        by_kind.setdefault(kind, []).append(name)
    joined = {_CONJUNCTION.sub("", name): name for name in by_kind.get(EntityType.INDUSTRY, ())
              if _CONJUNCTION.search(name)}
    for kind, name in names:
        if kind == EntityType.INDUSTRY and joined.get(name, name) != name:  # 软件信息服务 = 软件与信息服务
            mapping[(kind, name)] = joined[name]
        # 半导体 and 第三代半导体 are different sectors; past MAX_NAMES the pairwise check is skipped.
        if kind == EntityType.INDUSTRY or len(by_kind[kind]) > MAX_NAMES:
            continue
        longer = {full for full in by_kind[kind] if abbreviates(name, full)}
        longest = {full for full in longer if not any(abbreviates(full, other) for other in longer)}
        if len(longest) == 1:
            mapping[(kind, name)] = longest.pop()
    for key, full in mapping.items():  # follow chains: 道口一件事 → 道口开设一件事 → …一次办
        seen = {full}
        while (key[0], full) in mapping and mapping[(key[0], full)] not in seen:
            full = mapping[(key[0], full)]
            seen.add(full)
        mapping[key] = full
    return mapping


def _names_home(name: str, home: tuple[EntityType, str] | None) -> bool:
    """A carrier name that is the home zone itself (上海X科学城 in a document about X科学城)."""
    if home is None:
        return False
    zones = find_zone_names(name)
    own = zone_name_of(home[1])
    return bool(zones and own and zones[-1][1] == len(name) and zones[-1][2].ending == own.ending
                and same_place(zones[-1][2].place, own.place))


def extract_assets(doc: Document) -> tuple[list[Mention], list[Fact]]:
    """Platform, policy and industry mentions, and the zone's hostsPlatform/issuedPolicy/focusIndustry facts."""
    found = [(sentence, span) for sentence in paced(doc.sentences) for span in sentence_spans(sentence.text)]
    canonical = full_forms({(span.type, span.name) for _, span in found})
    above = {canonical.get((span.type, span.name), span.name) for _, span in found if span.above}
    mentions: list[Mention] = []
    facts: dict[tuple[Predicate, str], Fact] = {}
    for sentence, span in found:
        name = canonical.get((span.type, span.name), span.name)
        if span.type is EntityType.PLATFORM and _names_home(name, doc.home_zone):
            continue
        mentions.append(Mention(span.type, name, sentence.start + span.start,
                                sentence.start + span.end, sentence.index))
        if doc.home_zone is not None and span.zone_fact and name not in above:
            predicate = _ZONE_FACTS[span.type]
            facts.setdefault((predicate, name), Fact(predicate, doc.home_zone, (span.type, name), sentence.index))
    return mentions, list(facts.values())
