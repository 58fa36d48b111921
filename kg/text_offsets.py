"""The map from a document's normalised text back to its original text, stored compactly.

``Document.offsets[i]`` is the index in the original (raw) text of normalised character ``i``;
evidence spans index the raw text. The map is mostly the identity, so it is stored as its
breakpoints only: ``"i:r"`` pairs, one wherever ``offsets[i] != offsets[i-1] + 1``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence


def encode_offsets(offsets: Sequence[int]) -> str:
    """The breakpoints of an offset map; ``""`` for the identity (or an empty map).

    >>> encode_offsets([0, 1, 2, 5, 6])
    '3:5'
    >>> encode_offsets([0, 1, 2])
    ''
    """
    points = [f"{i}:{r}" for i, r in enumerate(offsets) if r != (offsets[i - 1] + 1 if i else 0)]
    return " ".join(points)


def decode_offsets(encoded: str, length: int) -> list[int]:
    """The full offset map of a normalised text of ``length`` characters.

    >>> decode_offsets("3:5", 5)
    [0, 1, 2, 5, 6]

    Raises:
        ValueError: ``encoded`` is not a list of ``i:r`` pairs.
    """
    breaks = dict(tuple(int(n) for n in pair.split(":", 1)) for pair in encoded.split())  # type: ignore[misc]
    out: list[int] = []
    for i in range(length):
        out.append(breaks[i] if i in breaks else (out[-1] + 1 if out else 0))
    return out


def text_span(offsets: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """The span of the normalised text whose characters come from ``raw[start:end]``.

    >>> text_span([0, 1, 2, 5, 6], 2, 6)
    (2, 4)
    """
    return bisect_left(offsets, start), bisect_right(offsets, end - 1)
