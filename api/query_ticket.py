"""The ticket an admitted /sparql query carries: its lane and its execution time (what its client is charged)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Ticket:
    """One admitted query: its lane, and when its execution began and ended (set by the runner)."""

    clock: Callable[[], float] = time.monotonic
    slow: bool = False
    began: float | None = None
    ended: float | None = None

    def begin(self) -> None:
        self.began = self.clock()

    def end(self) -> None:
        self.ended = self.clock()

    def executed_s(self) -> float:
        """Seconds spent executing (0 if it never reached a worker); queueing is not counted."""
        if self.began is None:
            return 0.0
        return (self.ended if self.ended is not None else self.clock()) - self.began
