"""Zone mentions, the document's home zone, zone abbreviations and zone kinds.

A zone name is a place prefix (2–4 Han characters) followed by a zone-kind
ending (高新技术产业开发区, 经济开发区, 园区 …). The home zone is the zone the
document is about: the most mentioned one, with bare 高新区/开发区 and short
forms such as 港开 (first character of the place + 开) counted towards it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.document import Document, Mention
from kg.model import EntityType

# Zone-kind endings, longest first, with the ontology subclass they imply.
ZONE_KINDS: tuple[tuple[str, str | None], ...] = (
    ("高新技术产业开发区", "HighTechZone"),
    ("高新技术开发区", "HighTechZone"),
    ("高新技术产业园区", "HighTechZone"),
    ("经济技术开发区", "EconomicTechnologicalZone"),
    ("综合保税区", "BondedZone"),
    ("自由贸易试验区", "BondedZone"),
    ("经济开发区", "EconomicDevelopmentZone"),
    # National Taiwanese-investment zones (漳州台商投资区, 厦门杏林台商投资区); no ontology subclass of their own.
    ("台商投资区", None),
    ("工业园区", "IndustrialPark"),
    ("产业园区", "IndustrialPark"),
    ("保税区", "BondedZone"),
    ("高新区", "HighTechZone"),
    ("经开区", "EconomicTechnologicalZone"),
    ("开发区", None),
    ("创新区", "InnovationZone"),
    ("园区", "IndustrialPark"),
)
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
    r"推进|建设|打造|创建|争创|进入|跻身|发展|服务|优化|经营|落户|位于|到|把|为|在|与|和|的|了|是|对|向|以|从|于|即"
)
_PLACE_TAGS = frozenset({"ns", "nr", "nz", "nt", "nrt", "j"})
_RARE_NOUN = 1000
_ADMIN_CHARS = frozenset("市省县")
_FUNCTION_CHARS = frozenset("则而也就都又还再才更的了着过")
# Endings that are also common nouns: the place must be a known place word.
_WEAK_ENDINGS = frozenset({"园区", "创新区", "产业园区"})
# Characters that cannot start a place name.
_BAD_START = set("的和与及在对将把从向为是了等年月日个家项则而也就都又还再才更")


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


def is_common_word(word: str) -> bool:
    """A dictionary word that is not a name: verbs, adverbs, adjectives, time words."""
    _, tag = _common_words().get(word, (0, ""))
    return tag[:1] in ("v", "d", "a", "t", "c", "p", "r", "m", "q", "u", "f", "l", "i")


def is_place_word(word: str) -> bool:
    """True unless ``word`` is a common non-place word (verb, adverb, frequent noun or adjective …).

    Many city names are tagged as rare nouns or adjectives in the dictionary (合肥, 常熟),
    so those count as places below a frequency threshold."""
    if _GENERIC_PREFIX.search(word) or word[0] in _BAD_START:
        return False
    freq, tag = _common_words().get(word, (0, "ns"))
    # A function character rules a word out unless the dictionary knows it as a place (成都, 都江堰).
    if _FUNCTION_CHARS.intersection(word) and (word not in _common_words() or tag not in _PLACE_TAGS):
        return False
    if tag in _PLACE_TAGS:
        return True
    return tag in ("n", "a") and freq < _RARE_NOUN


def _place_before(text: str, end: int) -> str | None:
    """The place prefix that ends at ``end``: two characters, longer when a known place word."""
    for size in (4, 3):
        word = text[max(0, end - size):end]
        if len(word) == size and _common_words().get(word, (0, ""))[1] in _PLACE_TAGS and is_place_word(word):
            return word
    word = text[max(0, end - 2):end]
    if len(word) == 2 and re.fullmatch(r"[\u4e00-\u9fff]{2}", word) and is_place_word(word):
        return word
    return None


def _plausible(text: str, match: re.Match[str], place: str) -> bool:
    """Reject organisations (市侨联高新区) and, for weak endings, unknown place words."""
    before = text[match.start() - len(place) - 1:match.start() - len(place)] if match.start() > len(place) else ""
    if before in _ADMIN_CHARS:
        return False
    if match.group() in _WEAK_ENDINGS:
        return _common_words().get(place, (0, ""))[1] in _PLACE_TAGS
    return True


def find_zone_names(text: str) -> list[tuple[int, int, ZoneName]]:
    """Named zones in ``text`` (place + ending), with spans."""
    found = []
    last_end = -1
    for match in ENDING_RE.finditer(text):
        if match.start() < last_end:
            continue
        place = _place_before(text, match.start())
        if place is None or not _plausible(text, match, place):
            continue
        found.append((match.start() - len(place), match.end(), ZoneName(place, match.group())))
        last_end = match.end()
    return found


def _self_words(home: ZoneName) -> tuple[str, ...]:
    """Bare words and short forms the document may use for its home zone."""
    cls = zone_class(home.name)
    words = list(BARE_SELF.get(cls, ()))
    if home.ending.endswith("开发区"):
        words.append(home.place[0] + "开")
    return tuple(words)


def _clusters(names: list[ZoneName]) -> dict[str, list[ZoneName]]:
    """Group zone names by place prefix."""
    groups: dict[str, list[ZoneName]] = {}
    for zone in names:
        groups.setdefault(zone.place, []).append(zone)
    return groups


def canonical_zone(forms: list[ZoneName]) -> ZoneName:
    """The fullest form: longest ending, then most frequent."""
    counts = Counter(forms)
    return max(counts, key=lambda z: (len(z.ending), counts[z]))


def find_home_zone(text: str) -> ZoneName | None:
    """The zone a document is about, or None when it names no zone."""
    names = [zone for _, _, zone in find_zone_names(text)]
    if not names:
        return _bare_home(text)
    groups = _clusters(names)

    def weight(place: str) -> int:
        canonical = canonical_zone(groups[place])
        bare = sum(text.count(word) for word in _self_words(canonical) if len(word) >= 3)
        return len(groups[place]) * 3 + bare

    return canonical_zone(groups[max(groups, key=weight)])


_PLACE_HINT = re.compile(r"中国[·・]([\u4e00-\u9fff]{2})|([\u4e00-\u9fff]{2})[市县](?![场民委政长])")


def _bare_home(text: str) -> ZoneName | None:
    """A home zone only ever called 高新区/开发区: named after the document's main place."""
    bare = {ending: text.count(ending) for ending in ("高新区", "经开区", "开发区")}
    ending = max(bare, key=lambda e: bare[e])
    if bare[ending] < 2:
        return None
    places = Counter(m.group(1) or m.group(2) for m in _PLACE_HINT.finditer(text))
    known = [p for p, _ in places.most_common() if _common_words().get(p, (0, ""))[1] in _PLACE_TAGS]
    return ZoneName(known[0], ending) if known else None


def _bare_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def zone_mentions(doc: Document, home: ZoneName | None) -> list[Mention]:
    """Mentions of named zones and of the home zone's bare/short forms."""
    mentions: list[Mention] = []
    bare = _bare_pattern(_self_words(home)) if home else None
    for sentence in doc.sentences:
        covered: list[tuple[int, int]] = []
        for start, end, zone in find_zone_names(sentence.text):
            covered.append((start, end))
            mentions.append(Mention(EntityType.ZONE, zone.name, sentence.start + start,
                                    sentence.start + end, sentence.index))
        if bare is None:
            continue
        for match in bare.finditer(sentence.text):
            if any(s <= match.start() < e for s, e in covered) or not _standalone(sentence.text, match):
                continue
            mentions.append(Mention(EntityType.ZONE, match.group(), sentence.start + match.start(),
                                    sentence.start + match.end(), sentence.index))
    return mentions


def _standalone(text: str, match: re.Match[str]) -> bool:
    """A bare self word not part of a longer generic phrase (省级高新区, 开发区建设)."""
    before = text[max(0, match.start() - 2):match.start()]
    return not (before.endswith("级") or before.endswith("国家") or before.endswith("全国"))


def home_aliases(home: ZoneName, mentions: list[Mention]) -> set[str]:
    """Every mentioned form that refers to the home zone."""
    allowed = {home.place + ending for ending in SHORT_FORMS.get(home.ending, ())}
    allowed |= set(_self_words(home)) | {home.name}
    return {m.name for m in mentions if m.type is EntityType.ZONE and m.name in allowed}
