"""Per-client limits on /sparql: concurrent evaluations, query time and errors per minute (WDQS model)."""

from __future__ import annotations

import math
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from api.errors import ApiError
from kg.errors import KgError, StoreUnavailable

WINDOW_S = 60.0
BUSY_RETRY_S = 5


class ClientBusy(ApiError):
    """The client already has as many queries running as it may."""

    status, code = 503, "client_busy"

    def __init__(self, message: str, retry_after: int = BUSY_RETRY_S) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ClientThrottled(ApiError):
    """The client spent its query time or its errors for the current minute."""

    status, code = 429, "rate_limited"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class ClientLimits:
    """The three per-client bounds; a bound of 0 switches that check off."""

    concurrency: int = 1
    seconds_per_minute: float = 60.0
    errors_per_minute: int = 30


class ClientLimiter:
    """Admit, time and account queries per client key (the client IP) over a sliding minute."""

    def __init__(self, limits: ClientLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self._running: dict[str, int] = defaultdict(int)
        self._spent: dict[str, deque[tuple[float, float]]] = defaultdict(deque)
        self._errors: dict[str, deque[tuple[float, float]]] = defaultdict(deque)
        self._last_sweep = clock()

    @contextmanager
    def evaluation(self, client: str) -> Iterator[None]:
        """Run one evaluation for ``client``: refuse it when over a limit, account its time and failure."""
        self.check(client)
        self._running[client] += 1
        started = self.clock()
        try:
            yield
        except StoreUnavailable:
            raise  # the service was busy or down: not the client's fault
        except KgError:
            self._record(self._errors, client, 1.0)
            raise
        finally:
            self._running[client] -= 1
            self._record(self._spent, client, self.clock() - started)
            self._forget_idle()

    def check(self, client: str) -> None:
        """Raise :class:`ClientBusy` or :class:`ClientThrottled` when ``client`` may not start a query now."""
        limits = self.limits
        if limits.concurrency and self._running[client] >= limits.concurrency:
            raise ClientBusy(f"at most {limits.concurrency} concurrent queries per client")
        self._refuse_over(self._errors, client, limits.errors_per_minute, "errors")
        self._refuse_over(self._spent, client, limits.seconds_per_minute, "seconds of query time")

    def _refuse_over(self, log: dict[str, deque[tuple[float, float]]], client: str, bound: float, what: str) -> None:
        if not bound:
            return
        entries = self._window(log, client)
        if sum(amount for _, amount in entries) >= bound:
            retry = max(1, math.ceil(entries[0][0] + WINDOW_S - self.clock()))
            raise ClientThrottled(f"over {bound:g} {what} per minute for this client", retry)

    def _window(self, log: dict[str, deque[tuple[float, float]]], client: str) -> deque[tuple[float, float]]:
        entries = log[client]
        horizon = self.clock() - WINDOW_S
        while entries and entries[0][0] <= horizon:
            entries.popleft()
        return entries

    def _forget_idle(self) -> None:
        """Once a window, drop clients with nothing running or recorded, so memory follows active clients only."""
        if self.clock() - self._last_sweep < WINDOW_S:
            return
        self._last_sweep = self.clock()
        for client in [c for c, n in self._running.items() if n == 0]:
            if not self._window(self._spent, client) and not self._window(self._errors, client):
                del self._running[client]
                self._spent.pop(client, None)
                self._errors.pop(client, None)

    @property
    def tracked_clients(self) -> int:
        """How many client keys the limiter holds state for."""
        return len(self._running.keys() | self._spent.keys() | self._errors.keys())

    def _record(self, log: dict[str, deque[tuple[float, float]]], client: str, amount: float) -> None:
        self._window(log, client).append((self.clock(), amount))
