"""Zone assets: platforms, policies and industries, with the facts linking them to the zone.

The extractor ``extract_assets`` finds Platform, Policy and Industry mentions
sentence by sentence and links the document's zone to each one it hosts
(hostsPlatform), issued (issuedPolicy) or targets (focusIndustry). The rules are
generic: see :mod:`ingest.extract.asset_text` and the lexicons under
``ingest/resources``.
"""

from __future__ import annotations

from ingest.document import Document, Fact, Mention
from ingest.extract.asset_industries import find_industries
from ingest.extract.asset_platforms import find_platforms
from ingest.extract.asset_policies import find_policies
from ingest.extract.asset_text import Candidate, drop_nested, is_generic, load_lexicon
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


def sentence_spans(sentence: str) -> list[Candidate]:
    """Platform, policy and industry candidates in one sentence, longest first on overlap."""
    named = drop_nested(find_policies(sentence) + find_platforms(sentence))
    return named + find_industries(sentence, [(s.start, s.end) for s in named])


def extract_assets(doc: Document) -> tuple[list[Mention], list[Fact]]:
    """Platform, policy and industry mentions, and the zone's hostsPlatform/issuedPolicy/focusIndustry facts."""
    mentions: list[Mention] = []
    facts: dict[tuple[Predicate, str], Fact] = {}
    for sentence in doc.sentences:
        for span in sentence_spans(sentence.text):
            mentions.append(Mention(span.type, span.name, sentence.start + span.start,
                                    sentence.start + span.end, sentence.index))
            if doc.home_zone is None or not span.zone_fact:
                continue
            predicate = _ZONE_FACTS[span.type]
            facts.setdefault((predicate, span.name), Fact(
                predicate, doc.home_zone, (span.type, span.name), sentence.index))
    return mentions, list(facts.values())
