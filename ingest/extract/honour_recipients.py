"""Who holds an honour: the names listed before an award cue ("远航半导体、恒睿电力分别被…评为"),
checked to be names and not counts, zones or common words, and the legal company a sentence names."""

from __future__ import annotations

import re

from ingest.extract.honour_titles import unquoted
from ingest.extract.patterns import HAN
from ingest.extract.zones import is_common_word

# A legal name may join two brands with a middle dot (青松·远帆门业有限公司).
_RECIPIENT = re.compile(
    rf"^[{HAN}A-Za-z0-9]{{2,12}}$|^[{HAN}A-Za-z0-9()（）][{HAN}A-Za-z0-9()（）·]{{3,29}}(?:有限公司|股份公司|有限责任公司)$")
_NOT_RECIPIENT = re.compile(
    r"\d|集群|小学|学校|中学|话剧|作品|项目|我们|企业|全区|全市|同时|其中|此外|成功|先后|年|月|日|^该|^公司$|^其$"
    r"|建设$|工作$"  # “海绵城市”建设入选…: an undertaking, not a holder
)
# "…等18家企业" after a recipient list: the count, not a name.
_COUNTED_TAIL = re.compile(
    r"(?:等(?:[\d一二三四五六七八九十百]+(?:家|个|名))?|[\d一二三四五六七八九十百]+(?:家|个|名))(?:企业|单位|公司|项目)?$")


_HAS_TAIL = re.compile(r"(?:共有|已有|现有|拥有|累计有|共)$")
_GENERIC_ZONE_OPENING = re.compile(r"^(?:高新区|开发区|经开区|园区|区内|全区|新区|片区|保税区|综保区)(?:企业)?")


def is_recipient_name(name: str) -> bool:
    """A holder's name: a short name or a legal company, with no digit, count word or generic subject."""
    return bool(_RECIPIENT.match(name) and not _NOT_RECIPIENT.search(name))


def recipients_before(before: str, offset: int) -> list[tuple[int, int, str]]:
    """Enterprise names before a cue ("远航半导体、恒睿电力分别被…")."""
    text = re.sub(r"(?:分别|先后|同时|均|也|还|成功|揭榜|此次|本次|今年|近日|日前|凭借.*)+$", "", before)
    counted = _COUNTED_TAIL.search(text) is not None
    text = _COUNTED_TAIL.sub("", text)
    if counted and (_is_zone_word(unquoted(text)) or _HAS_TAIL.search(text)):
        return []  # "高新区3家企业荣获…", "全区共有14家企业获批…": unnamed firms, no recipient
    located = re.match(r"^.*位于[^、，,]{2,20}?的", text)
    if located:
        text, offset = text[located.end():], offset + located.end()
    text = re.sub(r"等在内的.*$", "", text)  # 包括A、B等在内的8家企业
    lead = re.match(r"(?:其中|此外|同时|另外|目前|今年|区内|园区内|包括)+", text)
    if lead:
        text, offset = text[lead.end():], offset + lead.end()
    zone = _zone_prefix(text) or _generic_zone_prefix(text)
    text, offset = text[zone:], offset + zone
    parts, position, found = split_names(text), 0, []
    for part in parts:
        name = unquoted(part)
        if is_recipient_name(name) and not is_common_word(name):
            found.append((offset + position, offset + position + len(part), name))
        position += len(part) + 1
    return found if len(found) == len(parts) else []


_REGION_PREFIX = 3


def zones_before(before: str, offset: int) -> list[tuple[int, int, str]]:
    """Zone names listed before a cue (白鹭高新区、青松经济开发区日前被认定为…), or [] unless every item is one."""
    from ingest.extract.zones import find_zone_names

    text = re.sub(r"(?:分别|先后|同时|均|也|还|成功|此次|本次|今年|近日|日前)+$", "", before)
    lead = re.match(r"^(?:其中|此外|同时|另外|目前|近日|日前)+", text)
    if lead:
        text, offset = text[lead.end():], offset + lead.end()
    found, position = [], 0
    for part in text.split("、"):
        name = unquoted(part)
        zones = find_zone_names(name)
        # a province or region may stand before the zone's own name (宁夏…工业园区)
        if not (len(zones) == 1 and zones[0][0] <= _REGION_PREFIX and zones[0][1] == len(name)) or len(name) < 4:
            return []
        found.append((offset + position, offset + position + len(part), name))
        position += len(part) + 1
    return found


def opening_zone(sentence: str) -> str:
    """The full name of a zone a sentence opens with (青松高新区主攻新材料…), or ""."""
    from ingest.extract.zones import find_zone_names

    text = re.sub(r"^(?:同时|此外|另外|目前|近年来|其中)[,，]?", "", sentence)
    zones = find_zone_names(text[:30])
    return zones[0][2].name if zones and zones[0][0] == 0 and len(zones[0][2].name) >= 5 else ""


def split_names(text: str) -> list[str]:
    """Items of a name list: 、 always separates; 和/及 only between two names of 2+ characters (恒和材料 is one)."""
    parts: list[str] = []
    for item in text.split("、"):
        pieces = re.split(r"和|及", item)
        parts.extend(pieces if all(len(piece) >= 2 for piece in pieces) else [item])
    return parts


def legal_company(sentence: str) -> tuple[int, int, str] | None:
    """The first legal company the sentence names, as (start, end, name)."""
    from ingest.extract.entities import find_legal_companies

    hits = find_legal_companies(sentence)
    return (hits[0].start, hits[0].end, hits[0].name) if hits else None


def _is_zone_word(name: str) -> bool:
    """A zone standing before "3家企业获…": the firms are unnamed, the zone is no recipient."""
    from ingest.extract.zones import find_zone_names

    return name in ("高新区", "开发区", "经开区", "园区", "全区") or any(
        start == 0 and end == len(name) for start, end, _ in find_zone_names(name))


def _generic_zone_prefix(text: str) -> int:
    """Length of a bare zone word opening a list (高新区远景电子、…), else 0."""
    match = _GENERIC_ZONE_OPENING.match(text)
    return match.end() if match and match.end() <= len(text) - 2 else 0


def _zone_prefix(text: str) -> int:
    """Length of a zone name opening a recipient list (西安高新区远景电子、…), else 0."""
    from ingest.extract.zones import find_zone_names

    zones = find_zone_names(text[:16])
    if zones and zones[0][0] == 0 and zones[0][1] < len(text):
        return zones[0][1]
    area = _AREA_BEFORE_COMPANY.match(text)
    return area.end() if area else 0


# An area of any kind written before a legal company (滨海经济区青松X电子股份有限公司): the company holds the title.
_AREA_BEFORE_COMPANY = re.compile(
    rf"[{HAN}]{{2,6}}?(?:经济区|开发区|高新区|经开区|园区|新区)(?=[{HAN}()（）]{{2,30}}(?:有限公司|股份公司|有限责任公司)$)")
