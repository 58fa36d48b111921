"""Zone names in a sentence, zone kinds and places.

A zone name is a place prefix (2–4 Han characters) followed by a zone-kind
ending (高新技术产业开发区, 经济开发区, 园区 …). The zone a page is about and the
mentions of it live in :mod:`ingest.extract.home_zone`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def _load_kinds() -> tuple[tuple[str, str | None, bool], ...]:
    """(ending, ontology subclass, weak) rows of ``resources/zone_kinds.tsv``, longest ending first."""
    rows = []
    for line in (RESOURCES / "zone_kinds.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ending, cls, strength = line.split("\t")
            rows.append((ending, None if cls == "-" else cls, strength == "weak"))
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


_KINDS = _load_kinds()
# Zone-kind endings, longest first, with the ontology subclass they imply.
ZONE_KINDS: tuple[tuple[str, str | None], ...] = tuple((ending, cls) for ending, cls, _ in _KINDS)
_ENDINGS = "|".join(kind for kind, _ in ZONE_KINDS)
ENDING_RE = re.compile(_ENDINGS)
# Short forms of each ending: the ending a text may use for the same zone.
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "高新技术产业开发区": ("高新区", "高新技术开发区", "高新技术产业开发区"),
    "高新技术开发区": ("高新区", "高新技术产业开发区", "高新技术开发区"),
    "经济技术开发区": ("开发区", "经开区", "经济开发区"),
    "经济开发区": ("开发区", "经开区"),
}
# Bare generic words a zone document uses for itself.
BARE_SELF = {"HighTechZone": ("高新区",), "EconomicTechnologicalZone": ("开发区", "经开区"),
             "EconomicDevelopmentZone": ("开发区", "经开区"), None: ("开发区",),
             "IndustrialPark": ("园区",), "InnovationZone": ("创新区",)}
# Prefixes that make the match a generic phrase rather than a named zone.
_GENERIC_PREFIX = re.compile(
    r"级|国家|全国|各|全区|全市|全省|我市|本市|该|苏中|苏北|苏南|一批|多个|示范|省|市$|入|好|驻|"
    r"推进|建设|打造|创建|争创|进入|跻身|发展|服务|优化|经营|落户|位于|助力|助推|带动|赋能|支撑|依托|"
    r"到|把|为|在|与|和|的|了|是|对|向|以|从|于|即"
)
_PLACE_TAGS = frozenset({"ns", "nr", "nz", "nt", "nrt", "j"})
_RARE_NOUN = 1000
# Last characters of organisations, never of a place (人民医院新区 is no zone).
_BODY_ENDINGS = frozenset("院局委会馆所校厂司行部处站")
_ADMIN_CHARS = frozenset("市省县")
_FUNCTION_CHARS = frozenset("则而也就都又还再才更的了着过")
# Endings that are also common nouns: the place must be a known place word.
_WEAK_ENDINGS = frozenset(ending for ending, _, weak in _KINDS if weak)
# Characters that cannot start a place name, and conjunctions and particles that cannot end one (建设及X区).
_BAD_START = set("的和与及在对将把从向为是了等年月日个家项则而也就都又还再才更")
_BAD_END = set("的和与及或了着过由向经被让使对在从把将是为")


@dataclass(frozen=True)
class ZoneName:
    """A zone name split into place prefix and kind ending."""

    place: str
    ending: str

    @property
    def name(self) -> str:
        return self.place + self.ending


def zone_class(name: str, aliases: tuple[str, ...] = ()) -> str | None:
    """Ontology subclass local name for a zone, from its name or aliases."""
    for form in (name, *aliases):
        for ending, cls in ZONE_KINDS:
            if form.endswith(ending) and cls is not None:
                return cls
    return None


@lru_cache(maxsize=1)
def _common_words() -> dict[str, tuple[int, str]]:
    """2–4 character words of jieba's dictionary with frequency and part of speech."""
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    words: dict[str, tuple[int, str]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, freq, tag = line.split()
            if 2 <= len(word) <= 4:
                words[word] = (int(freq), tag)
    return words


def is_dictionary_word(word: str, min_freq: int = 50) -> bool:
    """True when ``word`` is an ordinary dictionary word (not a rare one)."""
    return _common_words().get(word, (0, ""))[0] >= min_freq


def word_tag(word: str) -> str:
    """jieba's part of speech of ``word`` ('' when the dictionary lacks it)."""
    return _common_words().get(word, (0, ""))[1]


def is_common_word(word: str) -> bool:
    """A dictionary word that is not a name: verbs, adverbs, adjectives, time words."""
    _, tag = _common_words().get(word, (0, ""))
    return tag[:1] in ("v", "d", "a", "t", "c", "p", "r", "m", "q", "u", "f", "l", "i")


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Provinces and cities of ``resources/places.txt`` (开封 is a verb to jieba)."""
    from ingest.extract.asset_text import load_lexicon

    return frozenset(load_lexicon("places"))


def is_place_word(word: str) -> bool:
    """True unless ``word`` is a common non-place word (verb, adverb, frequent noun or adjective …).

    Many city names are tagged as rare nouns or adjectives in the dictionary (合肥, 常熟),
    so those count as places below a frequency threshold."""
    if _GENERIC_PREFIX.search(word) or word[0] in _BAD_START or word[-1] in _BODY_ENDINGS or word[-1] in _BAD_END:
        return False
    if word in known_places() or word in known_districts():
        return True
    freq, tag = _common_words().get(word, (0, "ns"))
    # A function character rules a word out unless the dictionary knows it as a place (成都, 都江堰).
    if _FUNCTION_CHARS.intersection(word) and (word not in _common_words() or tag not in _PLACE_TAGS):
        return False
    if tag in _PLACE_TAGS:
        return True
    return tag in ("n", "a") and freq < _RARE_NOUN


@lru_cache(maxsize=1)
def known_districts() -> frozenset[str]:
    """Districts and counties of ``resources/districts.txt`` (双流, 余杭 are rare nouns to jieba)."""
    from ingest.extract.asset_text import load_lexicon

    return frozenset(load_lexicon("districts"))


def _is_known_place(word: str) -> bool:
    return (word in known_places() or word in known_districts()
            or _common_words().get(word, (0, ""))[1] in _PLACE_TAGS)


# Last characters of a place made of a place or new word and a landform (岳阳港, 青龙湖).
_LANDFORM = frozenset("港湖湾岛山江河海洲岭")
# Two-country prefixes of cooperation parks (中X / X中): 中德, 中新, 马中 …
_PARTNER = "新马德韩日意以法美俄欧瑞澳英泰印巴白阿沙埃"
_COOPERATION = re.compile(rf"(?:中[{_PARTNER}]|[{_PARTNER}]中)$")
_OPENS_WITH_PARTNER = re.compile(rf"中[{_PARTNER}]|[{_PARTNER}]中")
# Endings after which a one-character city abbreviation can stand alone at a clause start (渝新区).
_ONE_CHAR_ENDINGS = frozenset({"新区", "经开区", "高新区"})
# Characters that open a clause before a bare kind but are no city's one-character abbreviation
# (有高新区的…, 到经开区调研): pronouns, levels, and verbs of having, going and saying.
_NOT_CITY_INITIAL = frozenset("全本我各新老该此其原现省市县区有到让使被据经入出进赴去来看")


def _core_place(text: str, end: int) -> str | None:
    """The place word that ends at ``end``: 4 or 3 characters when known, else 2."""
    for size in (4, 3):
        word = text[max(0, end - size):end]
        if len(word) == size and _is_known_place(word) and is_place_word(word):
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
    if _is_known_place(word[1:]) or word[1:] in _common_words():
        return False
    # The head must be a known place or a dictionary noun (白鹭), never an unknown pair (落户X → 户X).
    head_tag = _common_words().get(word[:2], (0, ""))[1]
    return (word[:2] in known_places() or head_tag[:1] == "n") and is_place_word(word[:2])


def _place_before(text: str, end: int, ending: str = "") -> str | None:
    """The place prefix that ends at ``end``, with a city (常德鼎城) or partner prefix (中德) before it."""
    place = _core_place(text, end)
    if place is None or place not in known_places() and not _is_known_place(place):
        described = _described_place(text, end, ending)
        if described is not None:
            return described
    if place is None:
        return _abbreviation(text, end, ending)
    start = end - len(place)
    if place not in known_places():
        for size in (3, 2):
            city = text[max(0, start - size):start]
            if len(city) == size and city in known_places() and city[-1] not in _ADMIN_CHARS:
                place, start = city + place, start - size
                break
    partner = _COOPERATION.search(text[max(0, start - 2):start])
    return text[start - 2:start] + place if partner else place


# Longest descriptor between a city and a strong ending (成都 + 国际铁路港 + 综合保税区).
_MAX_DESCRIPTOR = 6
# Endings named after a port, an airport or a sector rather than a place (X国际铁路港综合保税区,
# X国际机场临空经济区); a bare 开发区 after a descriptor is the tail of a longer kind (X新技术开发区).
_DESCRIBED_ENDINGS = frozenset(ending for ending, cls, weak in _KINDS if cls == "BondedZone" and not weak) \
    | {"临空经济区", "临港经济区"}


def _described_place(text: str, end: int, ending: str) -> str | None:
    """A known city followed by a descriptor before a strong ending (成都高新综合保税区, 成都国际铁路港综合保税区).

    The descriptor is 2–6 Han characters with no function character, verb of building or generic
    word (成都市建设综合保税区 is no name); the city must open the span.
    """
    if ending not in _DESCRIBED_ENDINGS:
        return None
    for size in range(_MAX_DESCRIPTOR, 1, -1):
        start = end - size
        descriptor = text[max(0, start):end]
        if len(descriptor) != size or not re.fullmatch(r"[\u4e00-\u9fff]+", descriptor):
            continue
        if (_GENERIC_PREFIX.search(descriptor) or _FUNCTION_CHARS.intersection(descriptor)
                or _BAD_START.intersection(descriptor) or descriptor[0] in _ADMIN_CHARS):
            continue
        for city_size in (3, 2):
            city = text[max(0, start - city_size):start]
            if len(city) == city_size and city in known_places() and city[-1] not in _ADMIN_CHARS:
                return city + descriptor
    return None


def _abbreviation(text: str, end: int, ending: str) -> str | None:
    """A one-character city abbreviation opening a clause (渝新区, 渝经开区)."""
    if ending not in _ONE_CHAR_ENDINGS or end < 1:
        return None
    char, before = text[end - 1], text[end - 2:end - 1] if end >= 2 else ""
    if not re.fullmatch(r"[\u4e00-\u9fff]", char) or re.fullmatch(r"[\u4e00-\u9fff]", before or "x"):
        return None
    if char in _NOT_CITY_INITIAL or char in _BAD_START or char in _FUNCTION_CHARS:
        return None
    return char


# Provinces and autonomous regions (municipalities name zones of their own: X合作区上海园区).
_PROVINCES = frozenset(
    "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 "
    "四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆".split())


def _plausible(text: str, match: re.Match[str], place: str) -> bool:
    """Reject organisations (市侨联高新区) and, for weak endings, unknown place words."""
    start = match.start() - len(place)
    before = text[start - 1:start] if start > 0 else ""
    if before in _ADMIN_CHARS and not any(text[max(0, start - size):start] in known_places() for size in (4, 3)):
        return False
    if ENDING_RE.search(place):
        return False  # 高新区 + 新城镇 is no zone named 高新区新城
    if match.group() == "园区" and place in _PROVINCES:
        return False  # 安徽园区建设的新探索: the parks of a province in general, not one zone
    if match.group() in _WEAK_ENDINGS:
        return (_is_known_place(place) or text.startswith(_ZONE_ORGANS, match.end()) or _is_known_place(place[-2:])
                or _landform_place(place[-3:]) or len(place) == 1 or bool(_OPENS_WITH_PARTNER.match(place))
                or _after_zone(text, start, match.group()))
    return True


# A zone's own organs: what they follow is a zone, whatever its place word (X新区党工委书记).
_ZONE_ORGANS = ("党工委", "管委", "管理委员会", "筹委会")


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
_FREE_TRADE_NAME = re.compile(
    r"中国\([\u4e00-\u9fff]{2,4}\)(?:自由贸易试验区|自由贸易区|自贸试验区|自由贸易示范区)(?:[\u4e00-\u9fff]{2,3}片区)?")


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls in one of ``spans`` (sorted by start, not overlapping)."""
    at = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= offset < spans[at][1]


_LEVEL_BEFORE = re.compile(r"(?:国家级|省级|国家)$")
_NATION = ("中国", "全国", "我国")


def _sub_park_place(text: str, match: re.Match[str], found: list[tuple[int, int, ZoneName]]) -> str | None:
    """The name of a sub-park written right after its zone (X经开区 + 西岭 + 工业园), if any."""
    if match.group() not in ("工业园", "工业园区") or not found:
        return None
    between = text[found[-1][1]:match.start()]
    if 2 <= len(between) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", between) \
            and not _FUNCTION_CHARS.intersection(between) and not _names_a_verb(between):
        return between
    return None


# A host city in brackets between a park's place and its kind: X(兴宁)产业转移工业园, a park one city
# runs inside another.
_HOST_BRACKET = re.compile(r"\(([\u4e00-\u9fff]{2,4})\)$")


def _hosted_place(text: str, match: re.Match[str]) -> str | None:
    """``place(host)`` before the kind, when the host in brackets is a known place."""
    if text[match.start() - 1:match.start()] != ")":
        return None
    bracket = _HOST_BRACKET.search(text, max(0, match.start() - 6), match.start())
    if bracket is None or not _is_known_place(bracket.group(1)):
        return None
    place = _place_before(text, bracket.start(), match.group())
    return None if place is None else place + bracket.group()


# Verbs of being named or ranked: what follows them is a title (获评绿色工业园区), not a sub-park.
_TITLE_VERBS = re.compile(r"^(?:获评|获批|荣获|获得|评为|入选|成为|列入|认定|创建|创成|争创|获)")


def _names_a_verb(words: str) -> bool:
    return _TITLE_VERBS.match(words) is not None or is_common_word(words[:2]) or bool(_GENERIC_PREFIX.match(words))


def find_zone_names(text: str) -> list[tuple[int, int, ZoneName]]:
    """Named zones in ``text`` (place + ending), with spans."""
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
        sub_park = _sub_park_place(text, match, found)
        if sub_park is None:
            sub_park = _hosted_place(text, match)
        if sub_park is not None:
            found.append((match.start() - len(sub_park), match.end(), ZoneName(sub_park, match.group())))
            last_end = match.end()
            continue
        place = _place_before(text, match.start(), match.group())
        level = _LEVEL_BEFORE.search(text, max(0, match.start() - 3), match.start()) if place is None else None
        if level is not None:  # 衢州国家级经济技术开发区: the level stays in the name, the place is the city
            place = _place_before(text, level.start(), match.group())
            if place is None or place in _NATION or place not in known_places() and not _is_known_place(place):
                continue  # 中国省级开发区百强: a ranking's class, not a zone
            found.append((level.start() - len(place), match.end(), ZoneName(place, level.group() + match.group())))
            last_end = match.end()
            continue
        if place is None or not _plausible(text, match, place):
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
    return sorted(found, key=lambda item: item[0])


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
        if len(found) < _MIN_ZONES_BESIDE and not text.startswith(_ZONE_ORGANS, match.end()):
            continue
        place = match.group(1)
        head = next((place[:size] for size in (4, 3, 2) if _is_known_place(place[:size])), None)
        descriptor = place[len(head):] if head else ""
        if head and len(descriptor) >= 2 and not (_GENERIC_PREFIX.search(descriptor)
                                                   or _FUNCTION_CHARS.intersection(descriptor)):
            out.append((match.start(1), match.end(), ZoneName(place, "示范区")))
    return out


def same_place(a: str, b: str) -> bool:
    """Places that name the same zone: equal, or one the other with a city before it (常德鼎城 / 鼎城)."""
    return a == b or (len(a) >= 2 and len(b) >= 2 and (a.endswith(b) or b.endswith(a)))


def _clusters(names: list[ZoneName]) -> dict[str, list[ZoneName]]:
    """Group zone names by place prefix; a city-prefixed place joins its shorter form."""
    groups: dict[str, list[ZoneName]] = {}
    for zone in sorted(names, key=lambda z: len(z.place)):
        key = next((place for place in groups if zone.place.endswith(place)), zone.place)
        groups.setdefault(key, []).append(zone)
    return groups


def canonical_zone(forms: list[ZoneName]) -> ZoneName:
    """The fullest form: longest ending, then most frequent."""
    counts = Counter(forms)
    return max(counts, key=lambda z: (len(z.ending), counts[z]))


_ENDING_SET = frozenset(ending for ending, _ in ZONE_KINDS)
_LONGEST_ENDING = max(len(ending) for ending in _ENDING_SET)


def _longest_ending(name: str, shortest_place: int) -> str | None:
    """The longest kind ending ``name`` ends with, leaving at least ``shortest_place`` characters before it."""
    for size in range(min(_LONGEST_ENDING, len(name) - shortest_place), 1, -1):
        if name[-size:] in _ENDING_SET:
            return name[-size:]
    return None


def _ending_of(name: str) -> str | None:
    return _longest_ending(name, 1)


def zone_name_of(name: str) -> ZoneName | None:
    """``name`` (a zone's full name, as the home zone is kept) split into place and kind ending.

    A name a sentence alone would not accept (a new place before a weak kind, a bare 经开区) is split
    at its longest kind ending all the same."""
    found = find_zone_names(name)
    if found and found[0][0] == 0 and found[0][1] == len(name):
        return found[0][2]
    ending = _longest_ending(name, 0)
    return ZoneName(name[:-len(ending)], ending) if ending else None
