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
from functools import lru_cache

from ingest.extract.asset_text import load_lexicon
from ingest.extract.zone_kinds import ENDING_RE, WEAK_ENDINGS, ZoneName
from ingest.extract.zone_places import place_before
from ingest.extract.zone_words import (
    BAD_START,
    FUNCTION_CHARS,
    GENERIC_PREFIX,
    PROVINCES,
    is_common_word,
    is_dictionary_word,
    is_known_place,
    is_place_word,
)
from ingest.extract.zones import find_zone_names

# How often a page must write a new place + weak ending for it to count as a zone's name.
_MIN_REPEATS = 2
_HAN2 = re.compile(r"[\u4e00-\u9fff]{2}")


def repeated_zone_names(text: str) -> list[ZoneName]:
    """Zones with a weak ending that ``text`` names at least twice and ``find_zone_names`` rejects."""
    return list(_repeated_zone_names(text))


@lru_cache(maxsize=4)
def _repeated_zone_names(text: str) -> tuple[ZoneName, ...]:
    """:func:`repeated_zone_names`, kept for the few last pages (the home zone and the mentions ask twice)."""
    accepted = find_zone_names(text, sited_parks=False)
    spans = [(start, end) for start, end, _ in accepted]
    starts: dict[ZoneName, list[int]] = defaultdict(list)
    for match in ENDING_RE.finditer(text):
        if match.group() not in WEAK_ENDINGS or any(s <= match.start() < e for s, e in spans):
            continue
        place = place_before(text, match.start(), match.group())
        if place is None or not _usable_place(place, match.group()):
            place = _city_and_descriptor(text, match.start())
        if place is None:
            continue
        starts[ZoneName(place, match.group())].append(match.start() - len(place))
    repeated = [_with_shared_prefix(text, zone, at) for zone, at in starts.items() if len(at) >= _MIN_REPEATS]
    return tuple(repeated + _clause_opening_names(text, accepted) + _cut_short_names(text, accepted)
                 + _sibling_parts(text, accepted))


# Parks listed by their short names after a park word (新园区,包括A、B、C以及D等): each item is a zone.
_PARK_LIST = re.compile(r"(?:园区|工业区|科学园|开发区)[,，]?(?:包括|包含|如|涵盖)"
                        r"((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6}?(?:(?:以及|及|和|与)[\u4e00-\u9fff]{2,6}?)?)等")
_ITEM_SPLIT = re.compile(r"、|以及|及|和|与")


def listed_parks(text: str) -> list[ZoneName]:
    """Parks a sentence lists by short name after a park word, when every item reads as a name."""
    found = []
    for match in _PARK_LIST.finditer(text):
        items = [item for item in _ITEM_SPLIT.split(match.group(1)) if item]
        if _SECTOR_AFTER.match(text, match.end()):
            continue
        if len(items) >= 3 and all(_park_like(item) for item in items):
            found.extend(ZoneName(item, "") for item in items)
    return found


@lru_cache(maxsize=1)
def _industry_terms() -> frozenset[str]:
    return frozenset(load_lexicon("industries"))


_SECTOR_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}(?:产业|领域|行业|业态|企业|项目)")


def _park_like(item: str) -> bool:
    """A short name, not a common word, a sector or an organisation (企业, 产业, 项目)."""
    return (2 <= len(item) <= 6 and not is_common_word(item) and item not in _industry_terms()
            and not re.search(r"企业|产业|项目|公司|平台|基地|中心|制造|服务", item))


def _city_and_descriptor(text: str, end: int) -> str | None:
    """A known city or county and a two-character descriptor before the kind (X沿边 + 产业园区)."""
    descriptor = text[max(0, end - 2):end]
    if (not _HAN2.fullmatch(descriptor) or GENERIC_PREFIX.search(descriptor)
            or FUNCTION_CHARS.intersection(descriptor)):
        return None
    for size in (3, 2):
        city = text[max(0, end - 2 - size):end - 2]
        if len(city) == size and is_known_place(city) and city[-1] not in "市省县区":
            return city + descriptor
    return None


# Clause punctuation before a name written in full at every mention.
_CLAUSE_START = "，。；：,;:!！?？、\n"
_MAX_RUN = 6


def _clause_opening_names(text: str, accepted: list[tuple[int, int, ZoneName]]) -> list[ZoneName]:
    """A named zone whose every mention (two or more) opens a clause with the same words before its place
    (兵团新型 + 建材经济技术开发区): those words belong to the name."""
    runs: dict[ZoneName, set[str]] = defaultdict(set)
    counts: dict[ZoneName, int] = defaultdict(int)
    for start, _, zone in accepted:
        if is_known_place(zone.place):
            continue
        counts[zone] += 1
        head = start
        while head > 0 and start - head < _MAX_RUN + 1 and "\u4e00" <= text[head - 1] <= "\u9fff":
            head -= 1
        opens = head == 0 or text[head - 1] in _CLAUSE_START
        runs[zone].add(text[head:start] if opens and 2 <= start - head <= _MAX_RUN else "")
    return [ZoneName(run + zone.place, zone.ending) for zone, found in runs.items()
            if counts[zone] >= _MIN_REPEATS and len(found) == 1 and (run := next(iter(found))) and _name_words(run)]


# Weak endings of the parts of one zone, listed or written one clause each (A片区、B片区; A工业园…。B工业园…).
_PART_ENDINGS = frozenset({"片区", "工业园"})


def _sibling_parts(text: str, accepted: list[tuple[int, int, ZoneName]]) -> list[ZoneName]:
    """A part named once after a place the lexicons lack (五里岭片区), opening a clause of a page that names
    another part with the same ending: the whole clause-opening run is its place."""
    endings = {zone.ending for _, _, zone in accepted if zone.ending in _PART_ENDINGS}
    spans = [(start, end) for start, end, _ in accepted]
    found = []
    for match in ENDING_RE.finditer(text):
        if match.group() not in endings or any(s <= match.start() < e for s, e in spans):
            continue
        head = match.start()
        while head > 0 and match.start() - head < 5 and "\u4e00" <= text[head - 1] <= "\u9fff":
            head -= 1
        place = text[head:match.start()]
        if (head == 0 or text[head - 1] in _CLAUSE_START) and 3 <= len(place) <= 4 and _opens_a_part(place) \
                and is_place_word(place[-2:]) and not ENDING_RE.search(place):
            found.append(ZoneName(place, match.group()))
    return found


def _opens_a_part(place: str) -> bool:
    """A run that can be a part's place: no generic, function or level word (the first two characters may
    be an ordinary word: 五里岭)."""
    return not (GENERIC_PREFIX.search(place) or FUNCTION_CHARS.intersection(place) or place[0] in BAD_START
                or _LEVEL_CHARS.intersection(place) or is_common_word(place))


# Characters of an administrative level: one before every mention is the place above the zone (X市Y区).
_LEVEL_CHARS = frozenset("市省县区镇乡村")


def _cut_short_names(text: str, accepted: list[tuple[int, int, ZoneName]]) -> list[ZoneName]:
    """A zone named after a two-character place the lexicons lack whose every mention (two or more) has the
    same character before it while the characters before that one differ (落户枫|里岙, 湾区枫|里岙): the place
    was cut short and that character opens it."""
    starts: dict[ZoneName, list[int]] = defaultdict(list)
    for start, _, zone in accepted:
        if len(zone.place) == 2 and not is_known_place(zone.place):
            starts[zone].append(start)
    found = []
    for zone, at in starts.items():
        if len(at) < _MIN_REPEATS or min(at) < 2:
            continue
        heads, before = {text[s - 1] for s in at}, {text[s - 2] for s in at}
        head = next(iter(heads))
        if len(heads) == 1 and len(before) > 1 and _opens_a_place(head, head + zone.place):
            found.append(ZoneName(head + zone.place, zone.ending))
    return found


def _opens_a_place(head: str, place: str) -> bool:
    return ("\u4e00" <= head <= "\u9fff" and head not in BAD_START and head not in FUNCTION_CHARS
            and head not in _LEVEL_CHARS and not GENERIC_PREFIX.search(head) and not is_dictionary_word(place, 1))


def _name_words(run: str) -> bool:
    """Words that can open a zone's name: no generic, function or common word (目前, 推进, 该)."""
    return not (GENERIC_PREFIX.search(run) or FUNCTION_CHARS.intersection(run) or run[0] in BAD_START
                or is_common_word(run[:2]))


def _usable_place(place: str, ending: str) -> bool:
    """A place word of two or more characters that is no generic word (此次, 城市) nor a province (安徽园区)."""
    return (len(place) >= 2 and is_place_word(place[-2:]) and not GENERIC_PREFIX.search(place)
            and not ENDING_RE.search(place) and not (ending == "园区" and place in PROVINCES))


# A word rarer than this in the dictionary is more likely a small place (a township, a village) than a
# word of the sentence, so it may open a zone's name.
_RARE_WORD = 10


def _with_shared_prefix(text: str, zone: ZoneName, starts: list[int]) -> ZoneName:
    """``zone`` with the two characters every mention has before it, when they are a place, not a word."""
    if len(zone.place) > 2:
        return zone
    before = {text[max(0, at - 2):at] for at in starts}
    if len(before) != 1:
        return zone
    prefix = before.pop()
    if (not _HAN2.fullmatch(prefix) or is_dictionary_word(prefix, _RARE_WORD) or GENERIC_PREFIX.search(prefix)
            or prefix[0] in BAD_START or FUNCTION_CHARS.intersection(prefix)):
        return zone
    return ZoneName(prefix + zone.place, zone.ending)


def with_page_zones(text: str, found: list[tuple[int, int, ZoneName]],
                    zones: list[ZoneName]) -> list[tuple[int, int, ZoneName]]:
    """``found`` plus where the page's ``zones`` occur in ``text``; a page zone replaces a shorter
    name it contains (X新型建材经济技术开发区 over 建材经济技术开发区), in text order."""
    added: list[tuple[int, int, ZoneName]] = []
    for zone in sorted(zones, key=lambda z: -len(z.name)):
        for match in re.finditer(re.escape(zone.name), text):
            if not any(s < match.end() and match.start() < e for s, e, _ in added):
                added.append((match.start(), match.end(), zone))
    kept = [item for item in found if not any(s < item[1] and item[0] < e for s, e, _ in added)]
    return sorted(kept + added, key=lambda item: item[0])
