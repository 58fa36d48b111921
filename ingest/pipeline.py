"""The ingest pipeline: normalise → segment → home zone → extractors → resolve."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from ingest.budget import Budget, deadline, stage
from ingest.document import Document, Fact, Mention
from ingest.extract.home_zone import find_home_zone
from ingest.extract.indicator_bodies import body_indicators, figure_of
from ingest.extract.located import located_facts, sectors_of_a_zone
from ingest.extract.short_names import short_name_mentions
from ingest.extract.tagged_names import tagged_names
from ingest.extract.zone_aliases import publisher_zone
from ingest.normalise import normalise, restore_names
from ingest.resolve import resolve
from ingest.segment import segment
from kg.model import EntityType, Predicate

log = logging.getLogger(__name__)

Extractor = Callable[[Document], tuple[list[Mention], list[Fact]]]

# (module, function) of every extractor, run in this order.
EXTRACTORS: tuple[tuple[str, str], ...] = (
    ("ingest.extract.facts", "extract_core"),
    ("ingest.extract.indicators", "extract_indicators"),
    ("ingest.extract.assets", "extract_assets"),
)


@lru_cache(maxsize=1)
def extractors() -> tuple[Extractor, ...]:
    """The extractors whose modules exist; a missing one is skipped with a log line."""
    found = []
    for module_name, function in EXTRACTORS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            log.warning("extractor %s is not available yet; skipped", module_name)
            continue
        found.append(getattr(module, function))
    return tuple(found)


def with_home_zone(doc: Document) -> Document:
    """Fill ``home_zone`` with the zone the document is about."""
    home = find_home_zone(doc.text, publisher_zone(doc.raw))
    return replace(doc, home_zone=(EntityType.ZONE, home.name) if home else None)


def extract(doc: Document) -> Document:
    """Run every extractor and collect mentions and facts."""
    mentions: list[Mention] = list(doc.mentions)
    facts: list[Fact] = list(doc.facts)
    for extractor in extractors():
        found_mentions, found_facts = extractor(doc)
        mentions.extend(found_mentions)
        facts.extend(found_facts)
    mentions.extend(short_name_mentions(doc, mentions))
    mentions, facts = tagged_names(doc, mentions, facts)
    facts = located_facts(doc, mentions, facts)
    mentions, facts = restore_names(doc, mentions, facts)
    mentions = sectors_of_a_zone(doc, mentions, facts)
    facts = with_body_figures(facts, body_indicators(doc, mentions))
    return replace(doc, mentions=tuple(mentions), facts=tuple(without_project_figures(facts)))


def with_body_figures(facts: list[Fact], bodies: list[Fact]) -> list[Fact]:
    """Give a figure of one project, platform or company to it rather than to the zone."""
    taken = {figure_of(f) for f in bodies}
    return [f for f in facts if f.predicate is not Predicate.INDICATOR or figure_of(f) not in taken] + bodies


def without_project_figures(facts: list[Fact]) -> list[Fact]:
    """Drop zone indicators that restate one project's investment from the same sentence.

    "X公司投资18亿元建设Y项目" and "Y项目总投资30亿元" are the project's amount, not a figure of the zone.
    """
    own = {(f.sentence_index, f.attr("currency"), round(float(f.attr("amount")), 2))
           for f in facts if f.predicate is Predicate.INVESTMENT and f.attr("amount") is not None}
    return [f for f in facts if f.predicate is not Predicate.INDICATOR
            or (f.sentence_index, f.attr("unit"), round(float(f.attr("value", 0)), 2)) not in own]


def run(doc: Document, budget: Budget | None = None) -> Document:
    """The whole pipeline on a loaded document, within ``budget`` (default limits when None).

    Raises:
        DocumentRejected: the document is over a limit of the budget (characters, sentences, time).
    """
    with deadline(budget or Budget(), doc.source_name) as clock:
        clock.check_chars(doc.raw, "of text")
        with stage("normalisation"):
            doc = normalise(doc)
        clock.check_chars(doc.text, "after normalisation")
        with stage("segmentation"):
            doc = segment(doc)
        clock.check_sentences(len(doc.sentences))
        with stage("finding the home zone"):
            doc = with_home_zone(doc)
        with stage("extraction"):
            doc = extract(doc)
        with stage("resolution"):
            return resolve(doc)
