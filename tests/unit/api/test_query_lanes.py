"""Worker lanes: a slow-lane (demoted) query never takes the last free worker."""

from __future__ import annotations

from api.query_pool import Lanes


def test_lanes_slow_queries_leave_the_last_worker_to_others() -> None:
    lanes = Lanes(2)
    assert lanes.acquire(slow=True, timeout_s=0)
    assert not lanes.acquire(slow=True, timeout_s=0)  # one worker left: kept for well-behaved clients
    assert lanes.acquire(slow=False, timeout_s=0)
    assert not lanes.acquire(slow=False, timeout_s=0)
    lanes.release()
    lanes.release()
    assert lanes.acquire(slow=True, timeout_s=0)


def test_lanes_a_single_worker_serves_both_lanes() -> None:
    lanes = Lanes(1)
    assert lanes.acquire(slow=True, timeout_s=0)
    assert not lanes.acquire(slow=False, timeout_s=0)
    lanes.release()
    assert lanes.acquire(slow=False, timeout_s=0)
