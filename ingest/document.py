"""The carrier that flows through the ingest stages.

Each stage takes a :class:`Document` and returns a new one with more fields
filled (``dataclasses.replace``); nothing is mutated in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.model import EntityType, Predicate


@dataclass(frozen=True)
class Sentence:
    """A sentence of the normalised text; ``start``/``end`` index ``Document.text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A span of the normalised text that names an entity."""

    type: EntityType
    name: str
    start: int
    end: int
    sentence_index: int


@dataclass(frozen=True)
class Entity:
    """A resolved entity: canonical name plus every other form the document uses."""

    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[EntityType, str]:
        return (self.type, self.name)


@dataclass(frozen=True)
class Fact:
    """One statement. ``obj`` names an entity; n-ary facts carry ``attrs``.

    attrs keys by predicate: investment → amount, currency; status → status, year;
    awarded → year, body; role → title; indicator → metric, value, unit, period, kind.
    """

    predicate: Predicate
    subject: tuple[EntityType, str]
    obj: tuple[EntityType, str] | None
    sentence_index: int
    attrs: tuple[tuple[str, Any], ...] = ()

    def attr(self, name: str, default: Any = None) -> Any:
        return dict(self.attrs).get(name, default)


@dataclass(frozen=True)
class Document:
    """A source document and everything learnt from it so far."""

    doc_id: str
    source_name: str
    raw: str
    """The decoded original text; evidence offsets point into it."""
    encoding: str = "utf-8"
    text: str = ""
    """Normalised text: NFKC, simplified script."""
    offsets: tuple[int, ...] = ()
    """``offsets[i]`` is the index in ``raw`` of ``text[i]`` (empty when lengths are equal)."""
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    home_zone: tuple[EntityType, str] | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` back to ``raw``."""
        if not self.offsets:
            return start, end
        last = len(self.raw)
        raw_start = self.offsets[start] if start < len(self.offsets) else last
        raw_end = self.offsets[end - 1] + 1 if 0 < end <= len(self.offsets) else raw_start
        return raw_start, raw_end
