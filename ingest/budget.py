"""What one document may cost the pipeline: characters, sentences and wall-clock time.

A pathological text (20 MB of one letter, a million empty lines) must be refused
with a clear message instead of holding a worker for minutes.  The character and
sentence limits are checked as soon as they are known; the time limit between
pipeline stages and every few sentences inside the extractors (``paced``), so a
document that runs over it is stopped with where it was: "extraction stopped
after 61 s at sentence 12,000 of 40,000".  Memory is bounded where untrusted
documents are extracted (api.extract_pool: a worker process under RLIMIT_AS).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

from kg.errors import DocumentRejected

T = TypeVar("T")

CHECK_EVERY = 32
"""Sentences between two looks at the clock inside an extractor."""


@dataclass(frozen=True)
class Budget:
    """Limits on one document's extraction."""

    max_chars: int = 2_000_000
    """Characters of text (before and after normalisation); about 1,000 pages of Chinese."""
    max_sentences: int = 100_000
    seconds: float = 60.0

    @classmethod
    def from_settings(cls, settings: object) -> Budget:
        return cls(max_chars=settings.max_document_chars,  # type: ignore[attr-defined]
                   seconds=settings.extract_timeout_s)  # type: ignore[attr-defined]


class Deadline:
    """The running clock of one document's extraction."""

    def __init__(self, budget: Budget, name: str) -> None:
        self.budget = budget
        self.name = name
        self.started = time.monotonic()
        self.ends = self.started + budget.seconds

    def check(self, stage: str, done: int | None = None, total: int = 0) -> None:
        """Raise DocumentRejected when the time is up, naming the stage (and sentence) reached."""
        if time.monotonic() <= self.ends:
            return
        where = f"in {stage}" if done is None else f"in {stage} at sentence {done:,} of {total:,}"
        raise DocumentRejected(
            f"{self.name}: extraction stopped after {time.monotonic() - self.started:.0f} s {where} "
            f"(limit {self.budget.seconds:g} s per document)"
        )

    def check_chars(self, text: str, stage: str) -> None:
        if len(text) > self.budget.max_chars:
            raise DocumentRejected(
                f"{self.name}: {len(text):,} characters {stage} is over the limit of "
                f"{self.budget.max_chars:,} per document"
            )

    def check_sentences(self, count: int) -> None:
        if count > self.budget.max_sentences:
            raise DocumentRejected(
                f"{self.name}: {count:,} sentences is over the limit of {self.budget.max_sentences:,} per document"
            )


_current: ContextVar[tuple[Deadline, str] | None] = ContextVar("extraction_deadline", default=None)


@contextmanager
def deadline(budget: Budget, name: str) -> Iterator[Deadline]:
    """Start the clock of one document; ``paced`` loops inside it check it (an enclosing clock is kept)."""
    current = _current.get()
    if current is not None:
        yield current[0]
        return
    clock = Deadline(budget, name)
    token = _current.set((clock, "extraction"))
    try:
        yield clock
    finally:
        _current.reset(token)


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Name the pipeline stage that ``paced`` loops report when the time is up."""
    current = _current.get()
    if current is None:
        yield
        return
    token = _current.set((current[0], name))
    try:
        yield
    finally:
        _current.reset(token)
    current[0].check(name)


def check_reading(reading: str, chars: int) -> None:
    """For a file reader building a document's text: stop once the running document's clock is out or
    its text has passed the character limit (without a running document: nothing to check)."""
    current = _current.get()
    if current is None:
        return
    clock = current[0]
    clock.check(reading)
    if chars > clock.budget.max_chars:
        raise DocumentRejected(f"{clock.name}: over {clock.budget.max_chars:,} characters of text per document "
                               f"(stopped {reading} at {chars:,})")


def paced(items: Sequence[T]) -> Iterator[T]:
    """``items`` (sentences), checking the running document's clock every ``CHECK_EVERY`` of them."""
    current = _current.get()
    if current is None:
        yield from items
        return
    clock, stage_name = current
    for index, item in enumerate(items):
        if index % CHECK_EVERY == 0:
            clock.check(stage_name, index + 1, len(items))
        yield item
