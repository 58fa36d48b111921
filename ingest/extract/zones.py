"""Zone names in a sentence.

A zone name is a place prefix (2–4 Han characters, :mod:`ingest.extract.zone_places`) followed by a
zone-kind ending (高新技术产业开发区, 经济开发区, 园区 …, :mod:`ingest.extract.zone_kinds`). The zone a
page is about and the mentions of it live in :mod:`ingest.extract.home_zone`.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ingest.extract.zone_kinds import (
    ENDING_RE,
    ZONE_KINDS,
    ZoneName,
    canonical_zone,
    longest_ending,
    same_place,
    zone_class,
)
from ingest.extract.zone_places import (
    COOPERATION_PARK,
    ZONE_ORGANS,
    hosted_place,
    place_before,
    plausible,
    sub_park_place,
)
from ingest.extract.zone_words import (
    FUNCTION_CHARS,
    GENERIC_PREFIX,
    is_common_word,
    is_dictionary_word,
    is_known_place,
    known_districts,
    known_places,
    word_tag,
)

# Names other modules import from here, where they lived before the split.
__all__ = ["ENDING_RE", "ZONE_KINDS", "ZoneName", "canonical_zone", "find_zone_names", "is_common_word",
           "is_dictionary_word", "known_districts", "same_place", "word_tag", "zone_class", "zone_name_of"]

_FREE_TRADE_NAME = re.compile(
    r"中国\([\u4e00-\u9fff]{2,4}\)(?:自由贸易试验区|自由贸易区|自贸试验区|自由贸易示范区)(?:[\u4e00-\u9fff]{2,3}片区)?")


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls in one of ``spans`` (sorted by start, not overlapping)."""
    at = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= offset < spans[at][1]


_LEVEL_BEFORE = re.compile(r"(?:国家级|省级|国家)$")
_NATION = ("中国", "全国", "我国")
# A province-level region written in full: the kind after it is all the region's zones, not one zone.
_REGION = "自治区"

# National innovation zones spanning two cities are named by the cities' first characters (AB国家级自创区).
_PAIRED_KINDS = frozenset({"自主创新示范区", "自创区"})


def _paired_cities(place: str, ending: str) -> bool:
    """Two characters no dictionary knows before a national innovation zone, each the first of a city's name."""
    return (ending in _PAIRED_KINDS and len(place) == 2 and not is_dictionary_word(place, 1)
            and all(char in _city_initials() for char in place))


@lru_cache(maxsize=1)
def _city_initials() -> frozenset[str]:
    return frozenset(place[0] for place in known_places())


def find_zone_names(text: str, sited_parks: bool = True) -> list[tuple[int, int, ZoneName]]:
    """Named zones in ``text`` (place + ending), with spans.

    ``sited_parks``: also a park whose place the lexicons lack, right after a verb of siting (在X园区); such
    a name is good enough for the sentence's facts but too weak, said once, to make a page's home zone."""
    return list(_zone_names(text, sited_parks))


@lru_cache(maxsize=256)  # the stages of one sentence ask about the same text and names several times
def _zone_names(text: str, sited_parks: bool) -> tuple[tuple[int, int, ZoneName], ...]:
    found: list[tuple[int, int, ZoneName]] = []
    last_end = -1
    if "中国(" in text:
        for match in _FREE_TRADE_NAME.finditer(text):
            ending = "片区" if match.group().endswith("片区") else match.group()[match.group().index(")") + 1:]
            found.append((match.start(), match.end(), ZoneName(match.group()[:-len(ending)], ending)))
    # Names found below end before last_end, so only the free-trade spans need a lookup (by start, sorted).
    free_trade = [(s, e) for s, e, _ in found]
    for match in ENDING_RE.finditer(text):
        if match.start() < last_end or _inside(free_trade, match.start()):
            continue
        sub_park = sub_park_place(text, match, found)
        if sub_park is None:
            sub_park = hosted_place(text, match)
        if sub_park is not None:
            found.append((match.start() - len(sub_park), match.end(), ZoneName(sub_park, match.group())))
            last_end = match.end()
            continue
        if text.endswith(_REGION, 0, match.start()):
            continue  # 内蒙古自治区综合保税区: the region's zones of that kind, as 江苏省开发区 is
        place = place_before(text, match.start(), match.group())
        level = _LEVEL_BEFORE.search(text, max(0, match.start() - 3), match.start()) if place is None else None
        if level is not None:  # 衢州国家级经济技术开发区: the level stays in the name, the place is the city
            place = place_before(text, level.start(), match.group())
            if place is None or place in _NATION or place not in known_places() and not is_known_place(place) \
                    and not _paired_cities(place, match.group()):
                continue  # 中国省级开发区百强: a ranking's class, not a zone
            found.append((level.start() - len(place), match.end(), ZoneName(place, level.group() + match.group())))
            last_end = match.end()
            continue
        if place is None or not plausible(text, match, place, sited_parks):
            continue
        start = match.start() - len(place)
        if found and found[-1][1] == start and match.group() == "片区":
            # A part of a zone named after it: 渝新区 + 北碚片区 is one zone.
            outer_start, _, outer = found.pop()
            start, place = outer_start, outer.name + place
        found.append((start, match.end(), ZoneName(place, match.group())))
        last_end = match.end()
    if "示范区" in text:
        found += _demonstration_zones(text, found)
    if "产业园" in text:
        found += _cooperation_parks(text, found)
    return tuple(sorted(found, key=lambda item: item[0]))


# A place and a descriptor before 示范区 open a clause (,X县现代农业产业示范区…). 示范区 is also an honour's
# ending (生态文明建设示范区), so the name counts only beside other zones or before a zone's organs.
_DEMONSTRATION = re.compile(r"(?:^|(?<=[,，;；:：、。\s]))([\u4e00-\u9fff]{4,12}?)示范区")
_MIN_ZONES_BESIDE = 2


def _demonstration_zones(text: str, found: list[tuple[int, int, ZoneName]]) -> list[tuple[int, int, ZoneName]]:
    """Zones named place + descriptor + 示范区 in a list of zones, or before 管委会/党工委."""
    out = []
    for match in _DEMONSTRATION.finditer(text):
        if any(s < match.end() and match.start() < e for s, e, _ in found):
            continue
        if len(found) < _MIN_ZONES_BESIDE and not text.startswith(ZONE_ORGANS, match.end()):
            continue
        place = match.group(1)
        head = next((place[:size] for size in (4, 3, 2) if is_known_place(place[:size])), None)
        descriptor = place[len(head):] if head else ""
        if head and len(descriptor) >= 2 and not (GENERIC_PREFIX.search(descriptor)
                                                   or FUNCTION_CHARS.intersection(descriptor)):
            out.append((match.start(1), match.end(), ZoneName(place, "示范区")))
    return out


def _cooperation_parks(text: str, found: list[tuple[int, int, ZoneName]]) -> list[tuple[int, int, ZoneName]]:
    """Parks named by two partner countries (中韩产业园), with the host city before them if known."""
    out = []
    for match in COOPERATION_PARK.finditer(text):
        if any(s < match.end() and match.start() < e for s, e, _ in found):
            continue
        start = match.start()
        city = next((text[start - size:start] for size in (3, 2)
                     if start >= size and text[start - size:start] in known_places()), "")
        start -= len(city)
        out.append((start, match.end(), ZoneName(text[start:match.end() - 3], "产业园")))
    return out


def zone_name_of(name: str) -> ZoneName | None:
    """``name`` (a zone's full name, as the home zone is kept) split into place and kind ending.

    A name a sentence alone would not accept (a new place before a weak kind, a bare 经开区) is split
    at its longest kind ending all the same."""
    found = find_zone_names(name)
    if found and found[0][0] == 0 and found[0][1] == len(name):
        return found[0][2]
    ending = longest_ending(name, 0)
    return ZoneName(name[:-len(ending)], ending) if ending else None
