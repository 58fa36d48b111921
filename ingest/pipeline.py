"""The ingest pipeline: normalise → segment → home zone → extractors → resolve."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from ingest.document import Document, Fact, Mention
from ingest.extract.zones import find_home_zone
from ingest.normalise import normalise
from ingest.resolve import resolve
from ingest.segment import segment
from kg.model import EntityType

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
    home = find_home_zone(doc.text)
    return replace(doc, home_zone=(EntityType.ZONE, home.name) if home else None)


def extract(doc: Document) -> Document:
    """Run every extractor and collect mentions and facts."""
    mentions: list[Mention] = list(doc.mentions)
    facts: list[Fact] = list(doc.facts)
    for extractor in extractors():
        found_mentions, found_facts = extractor(doc)
        mentions.extend(found_mentions)
        facts.extend(found_facts)
    return replace(doc, mentions=tuple(mentions), facts=tuple(facts))


def run(doc: Document) -> Document:
    """The whole pipeline on a loaded document."""
    return resolve(extract(with_home_zone(segment(normalise(doc)))))
