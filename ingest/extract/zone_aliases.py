"""Other names a page gives a zone: the publisher in its source line, a second name in brackets.

The source line ("来源:X经济技术开发区") is page furniture blanked from the text, yet it names
the zone that publishes the page (:func:`publisher_zone`, the home zone's hint). A zone name in
brackets right after another is the same zone's second plaque or declared short form
(:func:`bracketed_zone_names`, joined in resolve).
"""

from __future__ import annotations

import re

from ingest.extract.zone_places import COOPERATION_PARK
from ingest.extract.zones import ZoneName, find_zone_names
from ingest.normalise import to_simplified

# The page's source or publisher line ("来源:X经济技术开发区 发布时间:…"), blanked as furniture in the text.
_SOURCE_LINE = re.compile(r"(?:来源|来自|发布机构|发布单位|信息来源)\s*[:：]\s*([^\s:：|/]{4,40})")


def publisher_zone(raw: str) -> ZoneName | None:
    """The zone that publishes the page, when its source line names one and nothing else."""
    for match in _SOURCE_LINE.finditer(raw[:3000]):
        source = to_simplified(match.group(1))
        found = find_zone_names(source)
        if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(source):
            return found[0][2]
    return None


# A second name in brackets right after a zone's name: another plaque of the same zone
# (X经济技术开发区(Y经济开发区)) or a declared short form (X片区(以下简称“Y经济区”)).
_BRACKETED_NAME = re.compile(r"\((?:以下简称|以下称|下称|简称)?[“\"']?([^()“”\"']{2,30}?)[”\"']?\)")


def bracketed_zone_names(text: str) -> list[tuple[str, str]]:
    """(zone name, the other name the brackets after it give the same zone) pairs of ``text``.

    A bracket that contains more than a zone name (含X园区, a district) names no second plaque.
    """
    if "(" not in text:
        return []
    zones = find_zone_names(text)
    pairs = []
    for _, end, zone in zones:
        bracket = _BRACKETED_NAME.match(text, end)
        if bracket is None:
            continue
        inner = bracket.group(1)
        found = find_zone_names(inner)
        if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(inner):
            pairs.append((zone.name, found[0][2].name))
    return pairs


def same_zone_forms(text: str) -> list[tuple[str, str]]:
    """Pairs of names ``text`` gives one zone: a cooperation park's forms, a park written with and
    without its last 区 (X化学工业园 / X化学工业园区), a kind written in full and abbreviated."""
    if "园" not in text and "区" not in text:
        return []
    zones = [zone for _, _, zone in find_zone_names(text)]
    names = {zone.name for zone in zones}
    short_forms = [(name, name + "区") for name in names if name.endswith("园") and name + "区" in names]
    return _cooperation_park_forms(zones) + sorted(short_forms) + _abbreviated_kinds(zones)


# Abbreviated kinds and the full kind they stand for (X国家级自创区 / X国家级自主创新示范区).
_FULL_KIND = {"自创区": "自主创新示范区", "高新区": "高新技术产业开发区", "经开区": "经济技术开发区"}


def _abbreviated_kinds(zones: list[ZoneName]) -> list[tuple[str, str]]:
    """(full, abbreviated) names of one place whose kinds differ only by the abbreviation."""
    full = {(zone.place, zone.ending): zone.name for zone in zones}
    pairs = set()
    for zone in zones:
        for short, long_ in _FULL_KIND.items():
            if zone.ending.endswith(short):
                other = full.get((zone.place, zone.ending.removesuffix(short) + long_))
                if other is not None:
                    pairs.add((other, zone.name))
    return sorted(pairs)


def _cooperation_park_forms(zones: list[ZoneName]) -> list[tuple[str, str]]:
    """Pairs of forms of one cooperation park (X中韩国际产业园, 中韩(X)国际产业园, 中韩产业园): the two
    partners name the park, so a page's forms with the same partners are one zone."""
    first: dict[str, str] = {}
    pairs = []
    for zone in zones:
        partners = COOPERATION_PARK.search(zone.name) if zone.ending == "产业园" else None
        if partners is not None and first.setdefault(partners.group()[:2], zone.name) != zone.name:
            pairs.append((first[partners.group()[:2]], zone.name))
    return pairs
