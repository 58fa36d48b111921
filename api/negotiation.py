"""HTTP content negotiation: Accept headers parsed with q-values and matched by specificity (RFC 9110 §12.5.1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

VARY = {"Vary": "Accept"}


@dataclass(frozen=True)
class MediaRange:
    """One entry of an Accept header."""

    type: str
    subtype: str
    quality: float

    def matches(self, media_type: str) -> int:
        """How specifically this range matches ``media_type``: 2 exact, 1 ``type/*``, 0 ``*/*``, -1 not at all."""
        main, _, sub = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != main:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


def _quality(params: list[str]) -> float:
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "q":
            try:
                return min(max(float(value.strip()), 0.0), 1.0)
            except ValueError:
                return 0.0
    return 1.0


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an Accept header; no header (or an empty one) accepts everything.

    >>> [(r.type, r.subtype, r.quality) for r in parse_accept("application/ld+json;q=0.1, application/json")]
    [('application', 'ld+json', 0.1), ('application', 'json', 1.0)]
    """
    ranges = []
    for part in (header or "").split(","):
        media, *params = (p.strip() for p in part.split(";"))
        main, slash, sub = media.lower().partition("/")
        if main and slash and sub:
            ranges.append(MediaRange(main, sub, _quality(params)))
    return ranges or [MediaRange("*", "*", 1.0)]


def quality_of(ranges: Sequence[MediaRange], media_type: str) -> float:
    """The q-value the most specific matching range gives ``media_type`` (0 when none matches)."""
    best = max(((r.matches(media_type), r.quality) for r in ranges), default=(-1, 0.0))
    return best[1] if best[0] >= 0 else 0.0


def choose(header: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers most; ties go to the earlier offer; None when nothing is acceptable.

    >>> choose("application/ld+json;q=0.1, application/json", ["application/json", "application/ld+json"])
    'application/json'
    >>> choose("application/ld+json, application/json;q=0.5", ["application/json", "application/ld+json"])
    'application/ld+json'
    >>> choose("text/csv", ["application/json"]) is None
    True
    """
    ranges = parse_accept(header)
    scored = [(quality_of(ranges, offer), -position, offer) for position, offer in enumerate(offers)]
    quality, _, offer = max(scored)
    return offer if quality > 0 else None
