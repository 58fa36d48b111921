"""Per-client limits on /sparql: concurrent evaluations, query time and errors per minute (WDQS model).

Only a query's execution counts against its client's time: the runner marks when evaluation begins
and ends on the :class:`Ticket`, so time spent waiting for a worker is free.  A query that runs past
the time limit or kills its worker is a *fault*: it costs its client the full time limit and an
error, faults per minute are bounded, and a client with a fault in the last minute is demoted to the
slow lane (one query at a time, never the last free worker) so well-behaved clients keep a worker.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from api.errors import ApiError
from api.query_ticket import Ticket
from kg.errors import KgError, QueryCrashed, QueryTimeout, StoreUnavailable

WINDOW_S = 60.0
BUSY_RETRY_S = 5
Log = dict[str, deque[tuple[float, float]]]


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
    """The per-client bounds; a bound of 0 switches that check off.

    ``fault_penalty_s`` is the query time a timed-out or worker-killing query is charged (the time limit).
    """

    concurrency: int = 1
    seconds_per_minute: float = 60.0
    errors_per_minute: int = 30
    faults_per_minute: int = 2
    fault_penalty_s: float = 10.0


class ClientLimiter:
    """Admit, time and account queries per client key (the client IP) over a sliding minute."""

    def __init__(self, limits: ClientLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self._running: dict[str, int] = defaultdict(int)
        self._spent: Log = defaultdict(deque)
        self._errors: Log = defaultdict(deque)
        self._faults: Log = defaultdict(deque)
        self._last_sweep = clock()

    @contextmanager
    def evaluation(self, client: str) -> Iterator[Ticket]:
        """Run one evaluation for ``client``: refuse it when over a limit, account its execution and failure."""
        self.check(client)
        ticket = Ticket(self.clock, slow=self.demoted(client))
        self._running[client] += 1
        penalty = 0.0
        try:
            yield ticket
        except (QueryTimeout, QueryCrashed):
            self._record(self._faults, client, 1.0)
            self._record(self._errors, client, 1.0)
            penalty = self.limits.fault_penalty_s
            raise
        except StoreUnavailable:
            raise  # the service was busy or down: not the client's fault
        except KgError:
            self._record(self._errors, client, 1.0)
            raise
        finally:
            self._running[client] -= 1
            self._record(self._spent, client, max(penalty, ticket.executed_s()))
            self._forget_idle()

    def demoted(self, client: str) -> bool:
        """True when ``client`` had a timeout or crashed a worker within the last minute."""
        return bool(self._window(self._faults, client))

    def check(self, client: str) -> None:
        """Raise :class:`ClientBusy` or :class:`ClientThrottled` when ``client`` may not start a query now."""
        limits = self.limits
        concurrency = 1 if self.demoted(client) else limits.concurrency
        if concurrency and self._running[client] >= concurrency:
            raise ClientBusy(f"at most {concurrency} concurrent queries for this client")
        self._refuse_over(self._faults, client, limits.faults_per_minute, "timed-out or crashed queries")
        self._refuse_over(self._errors, client, limits.errors_per_minute, "errors")
        self._refuse_over(self._spent, client, limits.seconds_per_minute, "seconds of query time")

    def _refuse_over(self, log: Log, client: str, bound: float, what: str) -> None:
        if not bound:
            return
        entries = self._window(log, client)
        if sum(amount for _, amount in entries) >= bound:
            retry = max(1, math.ceil(entries[0][0] + WINDOW_S - self.clock()))
            raise ClientThrottled(f"over {bound:g} {what} per minute for this client", retry)

    def _window(self, log: Log, client: str) -> deque[tuple[float, float]]:
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
        logs = (self._spent, self._errors, self._faults)
        for client in [c for c, n in self._running.items() if n == 0]:
            if not any(self._window(log, client) for log in logs):
                del self._running[client]
                for log in logs:
                    log.pop(client, None)

    @property
    def tracked_clients(self) -> int:
        """How many client keys the limiter holds state for."""
        return len(self._running.keys() | self._spent.keys() | self._errors.keys() | self._faults.keys())

    def _record(self, log: Log, client: str, amount: float) -> None:
        self._window(log, client).append((self.clock(), amount))
