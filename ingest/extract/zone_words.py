"""Word knowledge the zone finder leans on: jieba's dictionary, the place lexicons and the characters
and words that can never open, close or be a place name."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

# Prefixes that make a match a generic phrase rather than a named zone.
GENERIC_PREFIX = re.compile(
    r"级|国家|全国|各|全区|全市|全省|我市|本市|该|苏中|苏北|苏南|一批|多个|示范|省|市$|入|好|驻|"
    r"推进|建设|打造|创建|争创|进入|跻身|发展|服务|优化|经营|落户|位于|助力|助推|带动|赋能|支撑|依托|"
    r"壮大|做大|做强|提升|确保|加快|支持|围绕|聚焦|"
    r"到|把|为|在|与|和|的|了|是|对|向|以|从|于|即"
)
PLACE_TAGS = frozenset({"ns", "nr", "nz", "nt", "nrt", "j"})
_RARE_NOUN = 1000
# Last characters of organisations, never of a place (人民医院新区 is no zone).
_BODY_ENDINGS = frozenset("院局委会馆所校厂司行部处站")
ADMIN_CHARS = frozenset("市省县")
FUNCTION_CHARS = frozenset("则而也就都又还再才更的了着过")
# Characters that cannot start a place name, and conjunctions and particles that cannot end one (建设及X区).
BAD_START = set("的和与及在对将把从向为是了等年月日个家项则而也就都又还再才更")
_BAD_END = set("的和与及或了着过由向经被让使对在从把将是为")
# Provinces and autonomous regions (municipalities name zones of their own: X合作区上海园区).
PROVINCES = frozenset(
    "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 "
    "四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆".split())


@lru_cache(maxsize=1)
def common_words() -> dict[str, tuple[int, str]]:
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
    return common_words().get(word, (0, ""))[0] >= min_freq


def word_tag(word: str) -> str:
    """jieba's part of speech of ``word`` ('' when the dictionary lacks it)."""
    return common_words().get(word, (0, ""))[1]


def is_common_word(word: str) -> bool:
    """A dictionary word that is not a name: verbs, adverbs, adjectives, time words."""
    _, tag = common_words().get(word, (0, ""))
    return tag[:1] in ("v", "d", "a", "t", "c", "p", "r", "m", "q", "u", "f", "l", "i")


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Provinces and cities of ``resources/places.txt`` (开封 is a verb to jieba)."""
    from ingest.extract.asset_text import load_lexicon

    return frozenset(load_lexicon("places"))


@lru_cache(maxsize=1)
def known_districts() -> frozenset[str]:
    """Districts and counties of ``resources/districts.txt`` (双流, 余杭 are rare nouns to jieba)."""
    from ingest.extract.asset_text import load_lexicon

    return frozenset(load_lexicon("districts"))


def is_place_word(word: str) -> bool:
    """True unless ``word`` is a common non-place word (verb, adverb, frequent noun or adjective …).

    Many city names are tagged as rare nouns or adjectives in the dictionary (合肥, 常熟),
    so those count as places below a frequency threshold."""
    if GENERIC_PREFIX.search(word) or word[0] in BAD_START or word[-1] in _BODY_ENDINGS or word[-1] in _BAD_END:
        return False
    if word in known_places() or word in known_districts():
        return True
    freq, tag = common_words().get(word, (0, "ns"))
    # A function character rules a word out unless the dictionary knows it as a place (成都, 都江堰).
    if FUNCTION_CHARS.intersection(word) and (word not in common_words() or tag not in PLACE_TAGS):
        return False
    if tag in PLACE_TAGS:
        return True
    return tag in ("n", "a") and freq < _RARE_NOUN


def is_known_place(word: str) -> bool:
    """A city, district or county of the lexicons, or a word jieba tags as a place or name."""
    if word in known_places() or word in known_districts():
        return True
    # A word made with 化 (国际化, 一体化) describes a park; a place so ended (X化 county) is in the lexicons.
    return not word.endswith("化") and common_words().get(word, (0, ""))[1] in PLACE_TAGS
