"""The one rule that names an entity on every surface (REST API, graph page, zone list)."""

from __future__ import annotations

from collections.abc import Iterable


def fullest(names: Iterable[str | None]) -> str | None:
    """The name to show for an entity several documents label differently: the longest, then the first in order.

    The other names are its aliases.

    >>> fullest(["南通开发区", None, "南通经济技术开发区"])
    '南通经济技术开发区'
    """
    return min((n for n in names if n), key=lambda n: (-len(n), n), default=None)
