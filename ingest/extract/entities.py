"""Entity mentions: zones, enterprises, projects, honours and people."""

from __future__ import annotations

from ingest.document import Document, Mention
from ingest.extract.zones import find_zone_names, zone_mentions


def extract_mentions(doc: Document) -> list[Mention]:
    """Every core mention of the document."""
    home = find_zone_names(doc.home_zone[1]) if doc.home_zone else []
    return zone_mentions(doc, home[0][2] if home else None)
