"""The zone a page is about (its home zone), the words it calls that zone by, and zone mentions.

The home zone is the most mentioned zone of the page, bare self words (高新区) and short forms
such as 港开 (first character of the place + 开) counted towards it; a page only ever saying
经开区 has that bare word, named after the page's city when it names one. Names a page confirms by
repetition (:mod:`ingest.extract.page_zones`) count as mentions too.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.document import Document, Mention
from ingest.extract.page_zones import listed_parks, repeated_zone_names, with_page_zones
from ingest.extract.zone_kinds import (
    BARE_SELF,
    SHORT_FORMS,
    ZoneName,
    canonical_zone,
    clusters,
    ending_of,
    same_place,
    zone_class,
)
from ingest.extract.zone_words import PLACE_TAGS, common_words
from ingest.extract.zones import find_zone_names
from kg.model import EntityType

# Weak endings a page also uses alone for its own zone (此次新区集中开工).
_SELF_ENDINGS = frozenset({"新区", "新城"})


def _self_words(home: ZoneName) -> tuple[str, ...]:
    """Bare words and short forms the document may use for its home zone."""
    cls = zone_class(home.name)
    words = list(BARE_SELF.get(cls, ()))
    if not home.place:
        return tuple(dict.fromkeys([home.ending, *words]))
    if home.ending in _SELF_ENDINGS:
        words.append(home.ending)
    if home.ending.endswith("开发区"):
        words.append(home.place[0] + "开")
    return tuple(words)


def find_home_zone(text: str, publisher: ZoneName | None = None) -> ZoneName | None:
    """The zone a document is about, or None when it names no zone.

    The most mentioned zone, bare self words (高新区) counting towards it; on a tie the one named first.
    A zone that publishes the page (``publisher``) is the home zone when the text calls itself by that
    zone's bare words (经开区) at least twice and names no zone more often.
    """
    found = _page_zone_names(text)
    names = [zone for _, _, zone in found]
    spans = [(start, end) for start, end, _ in found]
    if publisher is not None and _calls_itself(text, publisher, names):
        return publisher
    if not names:
        return _bare_home(text, spans)
    groups = clusters(names)

    def weight(place: str) -> tuple[int, int]:
        canonical = canonical_zone(groups[place])
        words = [word for word in _self_words(canonical) if len(word) >= 3]
        # A named mention ending in the bare word (X经开区) is counted once, as a name.
        bare = sum(text.count(word) for word in words) - sum(1 for n in names for w in words if n.name.endswith(w))
        first = min(names.index(zone) for zone in groups[place])
        return len(groups[place]) * 3 + bare, -first

    best = max(groups, key=weight)
    if weight(best)[0] <= 3 and (bare := _bare_home(text, spans)) is not None:
        return bare
    return canonical_zone(groups[best])


def _page_zone_names(text: str) -> list[tuple[int, int, ZoneName]]:
    """Named zones of a whole page: those of :func:`find_zone_names` and weak-kind names it repeats."""
    return with_page_zones(text, find_zone_names(text, sited_parks=False), repeated_zone_names(text))


def _calls_itself(text: str, publisher: ZoneName, names: list[ZoneName]) -> bool:
    bare = sum(text.count(word) for word in _self_words(publisher) if len(word) >= 3)
    named = Counter(zone.place for zone in names)
    own = sum(count for place, count in named.items() if same_place(place, publisher.place))
    others = max((count for place, count in named.items() if not same_place(place, publisher.place)), default=0)
    return bare + own >= 2 and others <= bare + own


# Bare kind words a page may call its own zone by, per family, fullest first.
_BARE_FAMILIES = (("高新技术产业开发区", "高新技术开发区", "高新区"),
                  ("经济技术开发区", "经济开发区", "经开区", "开发区"))
# Kind words a page may call its own zone by only where they open a clause (试验区一季度…, ,试验区完成…):
# elsewhere they end a longer generic phrase (自由贸易试验区, 样板区和试验区).
_CLAUSE_FAMILIES = (("试验区",), ("合作区",))
_CLAUSE_OPENERS = "，。；：,;:!！?？、 \n\t本该全"


# The page's own city ("中国·X", "X市", "X县"): a bare zone word is that city's zone.
_PLACE_HINT = re.compile(r"中国[·・]([\u4e00-\u9fff]{2})|([\u4e00-\u9fff]{2})[市县](?![场民委政长])")


def _bare_home(text: str, named: list[tuple[int, int]]) -> ZoneName | None:
    """A home zone only ever called 高新区/经开区/经济开发区, named after the page's city when it names one.

    The family used alone (outside the ``named`` zones' spans) at least twice wins, in the fullest form
    the page gives (经济开发区 over 开发区). A page naming no city keeps the bare word (经开区): an
    invented name would match nothing the page says, and the city keeps zones of many pages apart.
    """
    best: tuple[int, str] | None = None
    for family in _BARE_FAMILIES + _CLAUSE_FAMILIES:
        found = [match.group() for match in re.finditer("|".join(family), text)
                 if _standalone(text, match) and not any(s <= match.start() < e for s, e in named)
                 and (family in _BARE_FAMILIES or _opens_clause(text, match.start()))]
        if len(found) >= 2 and (best is None or len(found) > best[0]):
            best = (len(found), next(form for form in family if form in found))
    if best is None:
        return None
    places = Counter(m.group(1) or m.group(2) for m in _PLACE_HINT.finditer(text))
    known = [p for p, _ in places.most_common() if common_words().get(p, (0, ""))[1] in PLACE_TAGS]
    return ZoneName(known[0] if known else "", best[1])


def _bare_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def zone_mentions(doc: Document, home: ZoneName | None) -> list[Mention]:
    """Mentions of named zones and of the home zone's bare/short forms."""
    mentions: list[Mention] = []
    bare = _bare_pattern(_self_words(home)) if home else None
    repeated = repeated_zone_names(doc.text) + listed_parks(doc.text)
    for sentence in doc.sentences:
        covered: list[tuple[int, int]] = []
        found = find_zone_names(sentence.text)
        if repeated:
            found = with_page_zones(sentence.text, found, repeated)
        for start, end, zone in found:
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


def _opens_clause(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] in _CLAUSE_OPENERS


def _standalone(text: str, match: re.Match[str]) -> bool:
    """A bare self word not part of a longer generic phrase (省级高新区, 开发区建设)."""
    before = text[max(0, match.start() - 2):match.start()]
    return not (before.endswith("级") or before.endswith("国家") or before.endswith("全国"))


def home_aliases(home: ZoneName, mentions: list[Mention]) -> set[str]:
    """Every mentioned form that refers to the home zone."""
    endings = {home.ending, *SHORT_FORMS.get(home.ending, ())}
    if home.ending.endswith("开发区"):
        endings.add("开发区")  # 上海X新兴技术开发区 / X开发区
    allowed = set(_self_words(home)) | {home.name}
    aliases = set()
    for mention in mentions:
        if mention.type is not EntityType.ZONE:
            continue
        zone = ZoneName(mention.name[:-len(e)], e) if (e := ending_of(mention.name)) else None
        same = zone is not None and same_place(zone.place, home.place)
        part = zone is not None and zone.place == home.place and zone.ending == "片区"  # 廊坊X区 / 廊坊片区
        if mention.name in allowed or same and zone.ending in endings or part:
            aliases.add(mention.name)
    return aliases
