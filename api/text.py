"""Search text: traditional script folded to simplified, as ingest stores names."""

from __future__ import annotations

from functools import cache

import opencc


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Fold traditional characters to simplified and trim spaces.

    >>> to_simplified(" 青嵐經濟開發區 ")
    '青岚经济开发区'
    """
    return _converter().convert(text.strip())
