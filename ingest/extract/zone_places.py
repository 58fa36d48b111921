"""The place prefix of a zone name: the place word before a kind ending (4, 3 or 2 characters, a city
before a district, a landform, a partner country, a host city in brackets, a one-character city
abbreviation), and whether a match with that place reads as a zone at all."""

from __future__ import annotations

import re

from ingest.extract.zone_kinds import ENDING_RE, KINDS, WEAK_ENDINGS, ZONE_KINDS, ZoneName
from ingest.extract.zone_words import (
    ADMIN_CHARS,
    BAD_START,
    FUNCTION_CHARS,
    GENERIC_PREFIX,
    PROVINCES,
    common_words,
    is_common_word,
    is_dictionary_word,
    is_known_place,
    is_place_word,
    known_places,
)

# Last characters of a place made of a place or new word and a landform (岳阳港, 青龙湖).
_LANDFORM = frozenset("港湖湾岛山江河海洲岭")
# Two-country prefixes of cooperation parks (中X / X中): 中德, 中新, 马中 …
_PARTNER = "新马德韩日意以法美俄欧瑞澳英泰印巴白阿沙埃"
_COOPERATION = re.compile(rf"(?:中[{_PARTNER}]|[{_PARTNER}]中)$")
_OPENS_WITH_PARTNER = re.compile(rf"中[{_PARTNER}]|[{_PARTNER}]中")
# A cooperation park named by its two partners is a zone whatever its kind word (中韩产业园,
# 中韩(X)国际产业园); an industrial park named by a sector stays a carrier. 中 closing a word (集中, 其中)
# opens no partner pair.
COOPERATION_PARK = re.compile(
    rf"(?:(?<![集其之当华城居途心])中[{_PARTNER}]|[{_PARTNER}]中)(?:\([\u4e00-\u9fff]{{2,4}}\))?(?:国际)?产业园(?!区)")
# Endings after which a one-character city abbreviation can stand alone at a clause start (渝新区).
_ONE_CHAR_ENDINGS = frozenset({"新区", "经开区", "高新区"})
# Characters that open a clause before a bare kind but are no city's one-character abbreviation
# (有高新区的…, 到经开区调研): pronouns, levels, and verbs of having, going and saying.
_NOT_CITY_INITIAL = frozenset("全本我各新老该此其原现省市县区有到让使被据经入出进赴去来看")


def _core_place(text: str, end: int) -> str | None:
    """The place word that ends at ``end``: 4 or 3 characters when known, else 2."""
    for size in (4, 3):
        word = text[max(0, end - size):end]
        if len(word) == size and is_known_place(word) and is_place_word(word):
            return word
    word = text[max(0, end - 3):end]
    if len(word) == 3 and _landform_place(word):
        return word
    word = text[max(0, end - 2):end]
    if len(word) == 2 and re.fullmatch(r"[\u4e00-\u9fff]{2}", word) and is_place_word(word):
        return word
    return None


def _landform_place(word: str) -> bool:
    """A place word plus a landform (岳阳港), or a new name of a lake or hill (青龙湖), not 京+滨湖."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{3}", word) or word[-1] not in _LANDFORM:
        return False
    if is_known_place(word[1:]) or word[1:] in common_words():
        return False
    # The head must be a known place or a dictionary noun (白鹭), never an unknown pair (落户X → 户X).
    head_tag = common_words().get(word[:2], (0, ""))[1]
    return (word[:2] in known_places() or head_tag[:1] == "n") and is_place_word(word[:2])


def place_before(text: str, end: int, ending: str = "") -> str | None:
    """The place prefix that ends at ``end``, with a city (常德鼎城) or partner prefix (中德) before it."""
    if text.endswith(_INTERNATIONAL, 0, end):
        city = _known_city_before(text, end - len(_INTERNATIONAL))
        if city is not None:
            return city + _INTERNATIONAL
    place = _core_place(text, end)
    if place is None or place not in known_places() and not is_known_place(place):
        described = _described_place(text, end, ending)
        if described is not None:
            return described
    if place is None:
        return _abbreviation(text, end, ending)
    start = end - len(place)
    if place not in known_places():
        for size in (3, 2):
            city = text[max(0, start - size):start]
            if len(city) == size and city in known_places() and city[-1] not in ADMIN_CHARS:
                place, start = city + place, start - size
                break
    partner = _COOPERATION.search(text[max(0, start - 2):start])
    if partner:
        return text[start - 2:start] + place
    return _dash_partner(text, start) + place


# The one descriptor a zone of any kind takes between its city and its kind (X国际航天城, X国际旅游度假区).
_INTERNATIONAL = "国际"


def _known_city_before(text: str, end: int) -> str | None:
    """A known city of 3 or 2 characters ending at ``end``."""
    for size in (3, 2):
        city = text[max(0, end - size):end]
        if len(city) == size and city in known_places() and city[-1] not in ADMIN_CHARS:
            return city
    return None


# Two places a dash joins into one zone's name (A-B经济技术开发区, a region and its partner).
_DASH_JOINED = re.compile(r"([\u4e00-\u9fff]{2,4})[-—–―]$")


def _dash_partner(text: str, start: int) -> str:
    """``A-`` when a known place and a dash come right before the place at ``start``, else ''."""
    joined = _DASH_JOINED.search(text, max(0, start - 5), start)
    if joined is None:
        return ""
    first = joined.group(1)
    for size in (4, 3, 2):
        if len(first) >= size and is_known_place(first[-size:]) and is_place_word(first[-size:]):
            return first[-size:] + joined.group()[len(first):]
    return ""


# Longest descriptor between a city and a strong ending (西安 + 国际港务 + 综合保税区).
_MAX_DESCRIPTOR = 6
# Endings named after a port, an airport or a sector rather than a place (X国际铁路港综合保税区,
# X国际机场临空经济区); a bare 开发区 after a descriptor is the tail of a longer kind (X新技术开发区).
_DESCRIBED_ENDINGS = frozenset(ending for ending, cls, weak in KINDS if cls == "BondedZone" and not weak) \
    | {"临空经济区", "临港经济区"}


def _described_place(text: str, end: int, ending: str) -> str | None:
    """A known city followed by a descriptor before a strong ending (西安高新综合保税区, 西安国际港务综合保税区).

    The descriptor is 2–6 Han characters with no function character, verb of building or generic
    word (西安市建设综合保税区 is no name); the city must open the span.
    """
    if ending not in _DESCRIBED_ENDINGS:
        return None
    for size in range(_MAX_DESCRIPTOR, 1, -1):
        start = end - size
        descriptor = text[max(0, start):end]
        if len(descriptor) != size or not re.fullmatch(r"[\u4e00-\u9fff]+", descriptor):
            continue
        if (GENERIC_PREFIX.search(descriptor) or FUNCTION_CHARS.intersection(descriptor)
                or BAD_START.intersection(descriptor) or descriptor[0] in ADMIN_CHARS):
            continue
        for city_size in (3, 2):
            city = text[max(0, start - city_size):start]
            if len(city) == city_size and city in known_places() and city[-1] not in ADMIN_CHARS:
                return city + descriptor
    return None


def _abbreviation(text: str, end: int, ending: str) -> str | None:
    """A one-character city abbreviation opening a clause (渝新区, 渝经开区)."""
    if ending not in _ONE_CHAR_ENDINGS or end < 1:
        return None
    char, before = text[end - 1], text[end - 2:end - 1] if end >= 2 else ""
    if not re.fullmatch(r"[\u4e00-\u9fff]", char) or re.fullmatch(r"[\u4e00-\u9fff]", before or "x"):
        return None
    if char in _NOT_CITY_INITIAL or char in BAD_START or char in FUNCTION_CHARS:
        return None
    return char


def plausible(text: str, match: re.Match[str], place: str, sited_parks: bool = True) -> bool:
    """Reject organisations (市侨联高新区) and, for weak endings, unknown place words."""
    start = match.start() - len(place)
    before = text[start - 1:start] if start > 0 else ""
    if before in ADMIN_CHARS and not any(text[max(0, start - size):start] in known_places() for size in (4, 3)):
        return False
    if ENDING_RE.search(place):
        return False  # 高新区 + 新城镇 is no zone named 高新区新城
    if match.group() == "园区" and place in PROVINCES:
        return False  # 安徽园区建设的新探索: the parks of a province in general, not one zone
    if match.group() in WEAK_ENDINGS:
        place = place.removesuffix(_INTERNATIONAL) or place
        return (is_known_place(place) or text.startswith(ZONE_ORGANS, match.end()) or is_known_place(place[-2:])
                or _landform_place(place[-3:]) or len(place) == 1 or bool(_OPENS_WITH_PARTNER.match(place))
                or _after_zone(text, start, match.group())
                or sited_parks and _sited_park(text, start, match.group(), place))
    return True


# Verbs that put a firm or a project somewhere (在X园区建设, 进驻X园区): what follows them is a place.
_SITING_VERB = re.compile(r"(?:在|进驻|入驻|落户|迁入|位于|坐落于|落地)$")


# How often jieba must have seen a word for it to be a word of its own, not a new place (智慧 园区).
_FREQUENT_WORD = 1000


def _sited_park(text: str, start: int, ending: str, place: str) -> bool:
    """A park named after a place the lexicons lack, right after a verb of siting (在X园区, 进驻X软体园区)."""
    return ("园" in ending and len(place) >= 2 and not is_common_word(place[:2])
            and not is_dictionary_word(place[-2:], _FREQUENT_WORD)
            and _SITING_VERB.search(text, max(0, start - 3), start) is not None)


# A zone's own organs: what they follow is a zone, whatever its place word (X新区党工委书记).
ZONE_ORGANS = ("党工委", "管委", "管理委员会", "筹委会")


# Other parts listed before a 片区 and a linking word after the zone (X开发区以A片区、B片区开发为…).
_PARTS_BEFORE = re.compile(r"(?:以|的|在|下辖|包括|含)?(?:[^\W\d以的在辖括含区]{2,4}片区[、和及与])*$")


def _after_zone(text: str, start: int, ending: str) -> bool:
    """A 片区 right after a zone name (渝新区 + 北碚片区, 经开区(X区)南岭片区, X开发区以A片区、B片区) is a
    part of that zone."""
    before = re.sub(r"\([\u4e00-\u9fff]{2,8}\)$", "", text[:start])
    before = _PARTS_BEFORE.sub("", before)
    return ending == "片区" and (any(before.endswith(kind) for kind, _ in ZONE_KINDS)
                               or _FREE_TRADE.search(before) is not None)


# A pilot free-trade zone named by its province in brackets: 中国(湖南)自由贸易试验区, and its 片区.
_FREE_TRADE = re.compile(r"中国\([\u4e00-\u9fff]{2,4}\)(?:自由贸易试验区|自由贸易区|自贸试验区|自由贸易示范区)$")


def sub_park_place(text: str, match: re.Match[str], found: list[tuple[int, int, ZoneName]]) -> str | None:
    """The name of a sub-park written right after its zone (X经开区 + 西岭 + 工业园), if any."""
    if match.group() not in ("工业园", "工业园区") or not found:
        return None
    between = text[found[-1][1]:match.start()]
    if 2 <= len(between) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", between) \
            and not FUNCTION_CHARS.intersection(between) and not _names_a_verb(between):
        return between
    return None


# A host city in brackets between a park's place and its kind: X(兴宁)产业转移工业园, a park one city
# runs inside another.
_HOST_BRACKET = re.compile(r"\(([\u4e00-\u9fff]{2,4})\)$")


def hosted_place(text: str, match: re.Match[str]) -> str | None:
    """``place(host)`` before the kind, when the host in brackets is a known place."""
    if text[match.start() - 1:match.start()] != ")":
        return None
    bracket = _HOST_BRACKET.search(text, max(0, match.start() - 6), match.start())
    if bracket is None or not is_known_place(bracket.group(1)):
        return None
    place = place_before(text, bracket.start(), match.group())
    return None if place is None else place + bracket.group()


# Verbs of being named or ranked: what follows them is a title (获评绿色工业园区), not a sub-park.
_TITLE_VERBS = re.compile(r"^(?:获评|获批|荣获|获得|评为|入选|成为|列入|认定|创建|创成|争创|获)")


def _names_a_verb(words: str) -> bool:
    return _TITLE_VERBS.match(words) is not None or is_common_word(words[:2]) or bool(GENERIC_PREFIX.match(words))

