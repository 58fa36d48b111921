"""Per-client /sparql limits, driven by an injected clock."""

from __future__ import annotations

from typing import Any

import pytest

from api.client_limits import ClientBusy, ClientLimiter, ClientLimits, ClientThrottled
from kg.errors import QueryCrashed, QuerySyntaxError, QueryTimeout, StoreUnavailable


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make(**limits: Any) -> tuple[ClientLimiter, Clock]:
    clock = Clock()
    return ClientLimiter(ClientLimits(**limits), clock=clock), clock


def fail(limiter: ClientLimiter, client: str, error: Exception) -> None:
    with pytest.raises(type(error)), limiter.evaluation(client):
        raise error


def test_client_limits_second_concurrent_query_of_one_ip_is_busy() -> None:
    limiter, _ = make(concurrency=1)
    with limiter.evaluation("10.0.0.1"):
        with pytest.raises(ClientBusy) as busy, limiter.evaluation("10.0.0.1"):
            pass
        with limiter.evaluation("10.0.0.2"):
            pass
    assert busy.value.retry_after == 5
    with limiter.evaluation("10.0.0.1"):
        pass


def test_client_limits_thirty_first_error_in_a_minute_is_429_until_the_first_expires() -> None:
    limiter, clock = make(errors_per_minute=30)
    for _ in range(30):
        fail(limiter, "10.0.0.1", QuerySyntaxError("bad query"))
        clock.now += 1.0
    with pytest.raises(ClientThrottled) as throttled, limiter.evaluation("10.0.0.1"):
        pass
    assert (throttled.value.status, throttled.value.retry_after) == (429, 30)
    with limiter.evaluation("10.0.0.2"):
        pass
    clock.now += 30.0
    with limiter.evaluation("10.0.0.1"):
        pass


def test_client_limits_query_time_budget_per_minute() -> None:
    limiter, clock = make(seconds_per_minute=60.0)
    for _ in range(6):
        with limiter.evaluation("10.0.0.1") as ticket:
            ticket.begin()
            clock.now += 9.5
    with limiter.evaluation("10.0.0.1") as ticket:
        ticket.begin()
        clock.now += 3.0  # 60 s spent: the next one is refused
    with pytest.raises(ClientThrottled) as throttled, limiter.evaluation("10.0.0.1"):
        pass
    assert throttled.value.retry_after == 10  # the first 9.5 s leave the window at 1069.5
    clock.now += 9.0
    with pytest.raises(ClientThrottled), limiter.evaluation("10.0.0.1"):
        pass
    clock.now += 1.0
    with limiter.evaluation("10.0.0.1"):
        pass


@pytest.mark.parametrize(
    ("error", "counted"),
    [
        (QuerySyntaxError("x"), True),
        (QueryTimeout("x"), True),
        (QueryCrashed("x"), True),
        (StoreUnavailable("x"), False),
    ],
)
def test_client_limits_which_failures_count_as_client_errors(error: Exception, counted: bool) -> None:
    limiter, _ = make(errors_per_minute=1)
    fail(limiter, "10.0.0.1", error)
    if counted:
        with pytest.raises(ClientThrottled), limiter.evaluation("10.0.0.1"):
            pass
    else:
        with limiter.evaluation("10.0.0.1"):
            pass


def test_client_limits_zero_switches_a_bound_off() -> None:
    limiter, _ = make(concurrency=0, errors_per_minute=0, seconds_per_minute=0)
    for _ in range(50):
        fail(limiter, "10.0.0.1", QuerySyntaxError("bad"))
    with limiter.evaluation("10.0.0.1"), limiter.evaluation("10.0.0.1"):
        pass


def test_client_limits_forget_clients_idle_for_a_window_but_keep_their_limits_meanwhile() -> None:
    limiter, clock = make(errors_per_minute=1)
    for n in range(500):
        with limiter.evaluation(f"10.0.{n // 256}.{n % 256}"):
            clock.now += 0.01
    fail(limiter, "10.9.9.9", QuerySyntaxError("bad"))
    assert limiter.tracked_clients == 501
    with pytest.raises(ClientThrottled):
        limiter.check("10.9.9.9")
    clock.now += 61
    with limiter.evaluation("10.1.1.1"):
        pass
    assert limiter.tracked_clients == 1
    limiter.check("10.9.9.9")


def test_client_limits_time_spent_waiting_for_a_worker_is_not_charged() -> None:
    limiter, clock = make(seconds_per_minute=5.0)
    for _ in range(10):
        with limiter.evaluation("10.0.0.1") as ticket:
            clock.now += 4.0  # queued behind other clients' queries
            ticket.begin()
            clock.now += 0.1
            ticket.end()
            clock.now += 0.5  # serialising and sending the answer
    with limiter.evaluation("10.0.0.1") as ticket:  # 1.0 s executed in all: well under 5 s
        assert not ticket.slow
    with pytest.raises(StoreUnavailable), limiter.evaluation("10.0.0.1"):
        clock.now += 30.0  # waited a whole time limit and never reached a worker: free too
        raise StoreUnavailable("every query worker is busy")
    limiter.check("10.0.0.1")


@pytest.mark.parametrize("fault", [QueryTimeout("ran too long"), QueryCrashed("worker died")])
def test_client_limits_faults_cost_the_time_limit_and_throttle_after_the_bound(fault: Exception) -> None:
    limiter, clock = make(concurrency=2, seconds_per_minute=60.0, faults_per_minute=2, fault_penalty_s=10.0)
    with pytest.raises(type(fault)), limiter.evaluation("10.0.0.1") as ticket:
        ticket.begin()
        clock.now += 0.2  # a crash can be quick: the penalty still applies
        raise fault
    with limiter.evaluation("10.0.0.1") as demoted:
        assert demoted.slow  # one fault: slow lane, one query at a time
        with pytest.raises(ClientBusy):
            limiter.check("10.0.0.1")
    with limiter.evaluation("10.0.0.2") as other:
        assert not other.slow
    fail(limiter, "10.0.0.1", fault)
    with pytest.raises(ClientThrottled) as throttled:
        limiter.check("10.0.0.1")
    assert throttled.value.status == 429 and 1 <= throttled.value.retry_after <= 60
    clock.now += 61
    with limiter.evaluation("10.0.0.1") as forgiven:
        assert not forgiven.slow


def test_client_limits_each_fault_is_charged_the_full_time_limit() -> None:
    limiter, _ = make(seconds_per_minute=25.0, faults_per_minute=0, fault_penalty_s=10.0)
    for _ in range(3):
        fail(limiter, "10.0.0.1", QueryTimeout("ran too long"))
    with pytest.raises(ClientThrottled, match="seconds of query time"):
        limiter.check("10.0.0.1")
