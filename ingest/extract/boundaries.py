"""Boundary clean-up of company and project names: one ordered list of named trimmers and vetoes.

Every enterprise or project name the core rules produce passes through ``clean``
before it becomes a mention or the key of a fact, whatever rule found it. A
trimmer removes what is glued onto a name (a discourse word, a lead verb, an
amount, a zone name in front of a company); a veto drops a span that is no name
at all (a fragment of a clause, an industry word, a dictionary word). Each step
is named, and what it changed is logged at debug level as ``(rule, before, after)``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ingest.extract.asset_text import load_lexicon
from ingest.extract.lists import PROJECT_ENDINGS
from ingest.extract.patterns import COMPANY_SUFFIX_RE, ENTERPRISE_ENDINGS, LEAD_VERBS, PLACE_PREFIX_RE
from ingest.extract.zone_words import known_places
from ingest.extract.zones import find_zone_names, word_tag
from ingest.extract.zones import is_dictionary_word as _is_word
from kg.model import EntityType

log = logging.getLogger(__name__)
E, P = EntityType.ENTERPRISE, EntityType.PROJECT

# Where the finders' spans begin. Each finder cuts its raw span at these words first; ``clean`` below
# then trims and vetoes what every finder produced.
# A legal company name (…有限公司) starts after the last of these words when scanning leftwards.
COMPANY_LEFT_STOP = re.compile(
    r"(?:的|在|与|和|及|是|为|由|对|将|把|从|向|于|被|了|、|等|来自|位于|引进|签约|组织|推动|项目"
    # What the company is, in apposition before its name (零件制造商X公司, 龙头供应商X有限公司).
    r"|(?:制造|供应|服务|运营|开发|经销|生产|贸易|代理|提供)商|厂商)")
# A short brand (X科技, X电子) never contains these characters.
BRAND_STOP = re.compile(r"[的了和与及在对将把从为是等年月日个家项则而也就都又还再才更全各]")
# A strong honour title (…示范园区, …试点单位) starts after the last of these words.
HONOUR_LEFT_WORDS = re.compile(
    r"^.*(?:作为|成为|升级为|评为|列为|推进|发挥|争创|建设|创建|打造|助推|的|在|和|、|成功|获评|获批|获得|入选|获)")

# Discourse words and adverbs that open a clause, never a name (随着X项目签约, 如X公司投资…, 像X一样).
_DISCOURSE = ("随着", "例如", "比如", "譬如", "包括", "其中", "此外", "同时", "另外", "目前", "近日", "今年",
              "还有", "先后有", "仍有", "另有", "尚有", "共有", "以及", "先后", "相继", "陆续", "已经", "并", "均",
              "都", "又", "中的", "了", "特别是", "尤其是", "加快推进", "全力推进", "加速推进", "着力推进", "大力推进",
              "积极推进", "加快建设", "既有", "又有", "更有", "也有")
# Single characters that open a clause ("如X公司投资…") but also names (如澜光电): cut only before a place or a
# legal company name.
_SHORT_DISCOURSE = re.compile(r"^[如像已还再另]")
_ADVERBS = r"(?:已经|已|还|又|再|新|共|成功|先后|相继|陆续|正式|累计)?"


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_LEAD_RE = re.compile(f"^(?:{_ADVERBS}(?:{_alternation(LEAD_VERBS)})|{_alternation(_DISCOURSE)})")
# An amount glued before a project name (总投资50亿元的X项目).
_AMOUNT_LEAD = re.compile(r"^(?:计划|协议|项目)?总?投资(?:额)?(?:约|超|近|达|超过)?[\d.]+(?:亿|万)(?:元|美元)(?:的)?"
                          r"|^(?:项目|规划)?(?:总)?占地(?:面积)?(?:约|近|超|达)?[\d.]+万?(?:亩|平方米|平方公里|公顷)(?:的)?")
# Clause fragments that are never names.
_FRAGMENT = re.compile(r"^总?投资|投资$|产值|增加值|营收|(?:新)?签约$|引进$|引入$|开工$|落户$|入驻$|"
                       r"出席|见证|负责人|调研员|书记|主任|局长|市长|区长")
# Names too generic to stand alone: a count, a pronoun or a kind word; a numbered heading (二、…).
_GENERIC = re.compile(r"^(?:该|本|此|这|其|各|全区|全市|一批|多个|重大|重点|[一二三四五六七八九十\d]+[、.．])")
_MIN_LENGTH = 2
# A company name never ends in a zone kind (经开区 alone is a zone word).
_ZONE_KINDS = ("开发区", "高新区", "经开区", "园区", "新区", "示范区", "合作区", "片区")
# Parts of speech of jieba's dictionary that mark a proper name (person, brand, organisation, place).
_NAME_TAGS = ("nr", "nrt", "nz", "nt", "j", "ns")
_FREQUENT = 100
_VERY_FREQUENT = 1000
# A bare project name this short made of common words is a category (市政, 银企合作), not a name.
_SHORT_CATEGORY = 4


@dataclass(frozen=True)
class Cleaned:
    """A name after clean-up, with how many characters were cut on each side."""

    name: str
    left: int
    right: int


Trimmer = Callable[[EntityType, str], str]


def _amount_lead(etype: EntityType, name: str) -> str:
    found = _AMOUNT_LEAD.match(name) if etype is P else None
    return name[found.end():] if found else name


def _lead_word(etype: EntityType, name: str) -> str:
    """Cut discourse words and lead verbs opening the name, unless they begin a dictionary word (如意)."""
    while True:
        found = _LEAD_RE.match(name) or _short_discourse(name)
        if not found or len(name) - found.end() < _MIN_LENGTH or _starts_word(name, found.end()):
            return name
        name = name[found.end():]


def _short_discourse(name: str) -> re.Match[str] | None:
    found = _SHORT_DISCOURSE.match(name)
    if found and (PLACE_PREFIX_RE.match(name, 1) or COMPANY_SUFFIX_RE.search(name) or name.endswith("公司")):
        return found
    return None


def _starts_word(name: str, cut: int) -> bool:
    """Whether the characters cut and the ones after form a dictionary word (如意, 有机, 中的 is not one)."""
    return any(_is_word(name[:size], _FREQUENT) for size in range(cut + 1, min(len(name), cut + 2) + 1))


def _zone_lead(etype: EntityType, name: str) -> str:
    """A zone name opening a company name is not part of it (西安高新区远景电子 → 远景电子)."""
    if etype is not E:
        return name
    cut = zone_prefix(name)
    return name[cut:] if 0 < cut < len(name) else name


# A zone's bare word glued before a company (高新区X电子, 园区X科技): the zone is the subject, not the name.
_BARE_ZONE_LEAD = re.compile(r"^(?:高新区|经开区|开发区|园区|新区|本区|我区|该区|全区|区内)")


def _bare_zone_lead(etype: EntityType, name: str) -> str:
    found = _BARE_ZONE_LEAD.match(name) if etype is E else None
    rest = name[found.end():] if found else name
    return rest if len(rest) >= _MIN_LENGTH and rest not in ENTERPRISE_ENDINGS else name


def _joined_event(etype: EntityType, name: str) -> str:
    """"A揭牌暨B项目": 暨 joins two events; the name is what follows it."""
    cut = name.rfind("暨")
    return name[cut + 1:] if cut >= 0 and len(name) - cut > _MIN_LENGTH else name


# Agreements a signing list may name beside projects.
_AGREEMENTS = ("协议", "协议书")


def _agreement_on_project(etype: EntityType, name: str) -> str:
    """"X技改项目融资合作协议": an agreement signed on a named project; the project is the name."""
    if etype is not P or not name.endswith(_AGREEMENTS) or "项目" not in name:
        return name
    return name[:name.rindex("项目") + 2]


# The trimmers in the order they run.
TRIMMERS: tuple[tuple[str, Trimmer], ...] = (
    ("agreement_on_project", _agreement_on_project),
    ("joined_event", _joined_event),
    ("amount_lead", _amount_lead),
    ("lead_word", _lead_word),
    ("zone_lead", _zone_lead),
    ("bare_zone_lead", _bare_zone_lead),
    ("lead_word_after_zone", _lead_word),
)


@lru_cache(maxsize=4096)
def zone_prefix(name: str) -> int:
    """Length of a zone name opening ``name`` (西安高新区远景电子 → 5), else 0."""
    zones = find_zone_names(name)
    return zones[0][1] if zones and zones[0][0] == 0 else 0


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    return frozenset(ENTERPRISE_ENDINGS) | frozenset(load_lexicon("industries"))


def _segments(name: str) -> list[str] | None:
    """``name`` cut into industry, business and frequent dictionary words (longest first), or None."""
    words = _generic_words()
    found: list[str] = []
    position = 0
    while position < len(name):
        size = next((n for n in range(min(6, len(name) - position), 1, -1)
                     if name[position:position + n] in words or _is_word(name[position:position + n], _FREQUENT)),
                    0)
        if not size:
            return None
        found.append(name[position:position + size])
        position += size
    return found


def generic_only(name: str) -> bool:
    """Whether ``name`` is only generic words: an industry or business word first (新能源装备) or a common
    word that is no name first (统筹协调, 特种焊接材料).

    Brands made of dictionary names stay (a person's or place's name first: 西岭远航, 晴川汽车).
    """
    segments = _segments(name)
    if not segments:
        return False
    first, rest = segments[0], segments[1:]
    if first in _generic_words():
        return True
    tag = word_tag(first)
    if len(segments) == 2 and rest[0] in ENTERPRISE_ENDINGS and (
            tag[:1] in ("v", "a", "d", "i", "l") or (tag == "n" and not _is_word(first, _VERY_FREQUENT))):
        return False  # a word chosen as a brand before a business word (如意光电, 海豚食品)
    return tag not in _NAME_TAGS


_PROPER_TAGS = ("nr", "nrt", "nz", "nt", "j", "ns")


@lru_cache(maxsize=4096)
def names_an_activity(name: str) -> bool:
    """Whether a bare list item is a line of work, not a project's name: common words only, the last a verb
    (产业集群培育, 统筹协调; not <city>拓展, whose place names a firm). An item written with 项目 is a project
    (FORMAT.md: 污水处理项目)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    words = jieba.lcut(name, HMM=False)
    return bool(words) and word_tag(words[-1]).startswith("v") and all(
        len(w) >= 2 and _is_word(w, _FREQUENT) and word_tag(w) not in _PROPER_TAGS for w in words)


# Countries and regions by their one-character short forms (欧美, 韩日), alone or before a kind of firm
# (中马合资公司, 中外合资企业): where investors come from, not a company's name.
_COUNTRY_FORMS = re.compile(
    r"^[中美欧日韩德法英意俄澳加新马泰越印港澳台亚非外]{2,4}(?:合资|合作|独资|外资)?(?:公司|企业)?$")


def names_countries(name: str) -> bool:
    """Whether ``name`` only names countries or regions by their short forms (欧美, 中马合资公司)."""
    return _COUNTRY_FORMS.match(name) is not None


# A bare kind of zone or carrier before 项目.
_BARE_KIND = re.compile(r"^(?:开发区|高新区|经开区|园区|新区|科技园|产业园|工业园|科创园)$")
# A city's goal of being an innovation centre (X科创中心建设, 建设科技创新中心), not a building.
_CENTRE_GOAL = re.compile(r"(?P<city>[\u4e00-\u9fff]{0,3}?)(?:国际|全球|综合性)?(?:科技创新中心|科创中心)")


def city_as_centre(name: str) -> bool:
    """Whether ``name`` is only a city (or nothing) and 科创中心: the city's goal, no carrier or project."""
    goal = _CENTRE_GOAL.fullmatch(name)
    return goal is not None and (not goal.group("city") or goal.group("city") in known_places())


# A zone's kind word opening a short name (高新青松园, 临空白鹭中心): the works are named after
# the zone, and what precedes the business word is no brand.
_ZONE_WORD_LEAD = re.compile(r"^(?:高新|临空|临港|经开|保税|综保|自贸)")


def is_fragment(etype: EntityType, name: str) -> bool:
    """Veto: ``name`` is no company or project name (a clause fragment, a generic or industry word)."""
    if len(name) < _MIN_LENGTH or _FRAGMENT.search(name) or _GENERIC.match(name):
        return True
    if etype is E and (names_countries(name) or name.startswith("年产")):
        return True  # 年产… opens a project's output (年产10万吨X项目), never a company's name
    if etype is E:
        return not COMPANY_SUFFIX_RE.search(name) and (
            generic_only(name) or name.endswith(_ZONE_KINDS) or _ZONE_WORD_LEAD.match(name) is not None)
    core = name.removesuffix("项目")
    if not core or _BARE_KIND.match(core) or name.endswith(_AGREEMENTS) or city_as_centre(core):
        return True  # 开发区项目, 科技园项目: a kind, no name; X合作协议: an agreement signed, not the works
    if core.removesuffix("产业").removesuffix("类") in _generic_words():
        return True  # an industry, not a project (先进制造业项目, 新一代信息技术产业项目)
    if core != name:
        return False  # a works or product name (污水处理项目, 钠电正极材料项目) names a project
    return len(core) <= _SHORT_CATEGORY and not core.endswith(PROJECT_ENDINGS) and generic_only(core)


@lru_cache(maxsize=8192)
def clean(etype: EntityType, name: str) -> Cleaned | None:
    """The name with glued words trimmed, or None when what is left is no name."""
    if etype not in (E, P):
        return Cleaned(name, 0, 0)
    current = name
    for rule, trim in TRIMMERS:
        after = trim(etype, current)
        if after != current:
            log.debug("boundary %s: %s -> %s", rule, current, after)
            current = after
    if is_fragment(etype, current):
        log.debug("boundary veto: %s", current)
        return None
    left = name.find(current)
    return Cleaned(current, left, len(name) - left - len(current))
