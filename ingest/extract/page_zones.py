"""Zones a page confirms by repetition that no single sentence would accept.

A weak kind ending (新区, 园区, 产业园区 …) needs a known place before it, so a zone named after a
new place (two cities' first characters, a lake, a county the lexicon lacks) is missed in every
sentence. A page that writes the same place + weak ending at least twice names a zone by it. When
every one of those mentions has the same two characters before the place and they form no ordinary
word, they belong to the name too (川渝 + 高竹新区).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ingest.extract.zones import (
    _BAD_START,
    _FUNCTION_CHARS,
    _GENERIC_PREFIX,
    _PROVINCES,
    _WEAK_ENDINGS,
    ENDING_RE,
    ZoneName,
    _place_before,
    find_zone_names,
    is_dictionary_word,
    is_place_word,
)

# How often a page must write a new place + weak ending for it to count as a zone's name.
_MIN_REPEATS = 2
_HAN2 = re.compile(r"[\u4e00-\u9fff]{2}")


def repeated_zone_names(text: str) -> list[ZoneName]:
    """Zones with a weak ending that ``text`` names at least twice and ``find_zone_names`` rejects."""
    accepted = find_zone_names(text)
    spans = [(start, end) for start, end, _ in accepted]
    starts: dict[ZoneName, list[int]] = defaultdict(list)
    for match in ENDING_RE.finditer(text):
        if match.group() not in _WEAK_ENDINGS or any(s <= match.start() < e for s, e in spans):
            continue
        place = _place_before(text, match.start(), match.group())
        if place is None or not _usable_place(place, match.group()):
            continue
        starts[ZoneName(place, match.group())].append(match.start() - len(place))
    return [_with_shared_prefix(text, zone, at) for zone, at in starts.items() if len(at) >= _MIN_REPEATS]


def _usable_place(place: str, ending: str) -> bool:
    """A place word of two or more characters that is no generic word (此次, 城市) nor a province (安徽园区)."""
    return (len(place) >= 2 and is_place_word(place[-2:]) and not _GENERIC_PREFIX.search(place)
            and not ENDING_RE.search(place) and not (ending == "园区" and place in _PROVINCES))


def _with_shared_prefix(text: str, zone: ZoneName, starts: list[int]) -> ZoneName:
    """``zone`` with the two characters every mention has before it, when they are a place, not a word."""
    if len(zone.place) > 2:
        return zone
    before = {text[max(0, at - 2):at] for at in starts}
    if len(before) != 1:
        return zone
    prefix = before.pop()
    if (not _HAN2.fullmatch(prefix) or is_dictionary_word(prefix, 1) or _GENERIC_PREFIX.search(prefix)
            or prefix[0] in _BAD_START or _FUNCTION_CHARS.intersection(prefix)):
        return zone
    return ZoneName(prefix + zone.place, zone.ending)


def page_zone_spans(text: str, zones: list[ZoneName], taken: list[tuple[int, int]]) -> list[tuple[int, int, ZoneName]]:
    """Where ``zones`` occur in ``text`` outside the ``taken`` spans, in text order."""
    found = []
    for zone in sorted(zones, key=lambda z: -len(z.name)):
        for match in re.finditer(re.escape(zone.name), text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                found.append((match.start(), match.end(), zone))
                taken = [*taken, (match.start(), match.end())]
    return sorted(found, key=lambda item: item[0])
