"""Enterprises and people the rules missed, from the tagger's ORG and PER words.

Runs once per document after the rule extractors (``pipeline.extract``), on the
clauses with a person cue and those with a company cue where the rules may have
missed a name (:func:`_worth_tagging`; the tagger is the slowest stage):

- An ORG word that names a company, not a government, party, media, school or
  association body, a zone, a place or a carrier, becomes an Enterprise located
  in the home zone as the rules' enterprises are (not when named as a partner,
  与X合作). A company opening a project's name is left to the investor rules.
- A rule Enterprise that opens with discourse words glued to the name
  (已引入X, 包括X公司) is cut where the tagger's first name word begins.
- A PER word in a clause with a job title or a person cue becomes a Person with
  the roles of the title chain before it; bylines (记者, 编辑) are skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from ingest.document import Document, Fact, Mention
from ingest.extract.asset_text import alternation, load_lexicon
from ingest.extract.boundaries import is_fragment, names_countries
from ingest.extract.patterns import COMPANY_SUFFIX_RE, PERSON_TITLES, PLACE_PREFIX_RE
from ingest.extract.people import roles_before
from ingest.extract.project_facts import plausible_owner as _plausible_owner
from ingest.extract.project_rows import is_zone_cut, zone_places
from ingest.extract.tagger import TaggedClause, Word, tag_sentences
from ingest.extract.zones import find_zone_names
from kg.model import EntityType, Predicate

E, P, PERSON = EntityType.ENTERPRISE, EntityType.PROJECT, EntityType.PERSON
Key = tuple[EntityType, str]

COMPANY_CUE = re.compile(r"公司|集团|落户|入驻|引进|引入|投资方|龙头")
# Words that cue companies only in a list ("A、B等N个项目", "A、B等龙头企业").
_LIST_HEAD = re.compile(r"项目|企业")
PERSON_CUE = re.compile(rf"{alternation(PERSON_TITLES)}|领导|联系人|嘉宾")
# A word the tagger reads as a name but that ends in a title (二林镇长, 李书记) is a post, not a name.
_TITLE_END = re.compile(rf"(?:{alternation(tuple(t for t in PERSON_TITLES if len(t) > 1))})$")
# A list mark: 项目/企业 cue companies only beside one.
_LIST_MARK = re.compile(r"、|等")
# A word ending so is a region's or a sector's name (东北基因产业), not a company's, when it opens a project.
_REGION_WORDS = ("产业", "地区", "区域", "片区")
# Phrases that introduce a list of firms without naming them as such (以A、B为龙头, 在A、B等的带动下).
_LIST_CUE = re.compile(r"为(?:龙头|代表|核心|引领)|带动|领衔|牵引|包括|涵盖")
# Organisations that are not companies, by their last word; an activity word (…研发) ends a project's
# name, not a company's.
_NOT_COMPANY = re.compile(
    r"(?:委|政府|政协|人大|常委会|党组|党委|工委|管委会|委员会|局|厅|部|办|署|法院|检察院|社|报|网|讯|台|杂志|"
    r"大学|学院|学校|中学|小学|协会|商会|学会|联合会|联盟|基金会|中心|馆|所|院|企业|城|园|园区|区|基地|医院|站|队|国|"
    r"研发|生产|建设|加工)$"
)
_NOT_NAMES = frozenset(load_lexicon("places")) | frozenset(load_lexicon("industries"))
# Part-of-speech tags of words that are never the start of a company name (verbs, adverbs, particles …).
_GLUE_TAGS = frozenset({"v", "vd", "p", "d", "u", "c", "r", "xc", "f", "ad", "w"})
# Words the rules leave glued before a company name (已引入X, 包括X, 园区已集聚X). A cut needs both the
# tagger's reading (glue tags, then a name word) and these words, since brands can open with a verb.
_GLUE_WORDS = re.compile(
    r"(?:园区|区内|目前|现已|已经|已|先后|陆续|相继|还|又|并|共|引入|引进|包括|集聚|聚集|汇集|吸引|察看|考察|走访|参观|"
    r"调研|涉及|随着|推动|支持|依托|携手|其中|以及|还有|有|像|了|的|中的|和|与|及|对|为|是)+"
)
# Tags of a word that can open a name: the cut is made only where such a word begins.
_NAME_TAGS = frozenset({"ORG", "LOC", "PER", "nz", "nw"})
# What may follow a two-character ORG word for it to stand alone as a name (远帆等, 华鼎、…).
_SHORT_END = re.compile(r"[、,，。;；]|等|和|与|及|$")
# A company named as the zone's partner, not as one of its firms: "与X、Y等…合作".
_PARTNER_BEFORE = re.compile(r"(?:与|同|跟)(?:[^、,，;；。与同跟]{2,30}、)*$")
# A zone's own company, named after it (X开发区投资集团, X高新区建设发展有限公司): a company, not the zone.
_ZONE_COMPANY = re.compile(
    r"(?:开发区|高新区|经开区|新区|园区)(?P<tail>(?:投资|控股|建设|发展|开发|运营|产业|城投)+(?:集团|有限公司|公司))$")
_BYLINE = re.compile(r"(?:记者|编辑|摄影|通讯员|作者|责编|校对|审核|来源|撰稿|文|图)[/／:：\s]*$")


def tagged_names(doc: Document, mentions: Sequence[Mention], facts: Sequence[Fact]) -> tuple[list[Mention], list[Fact]]:
    """``mentions`` and ``facts`` with tagger-found enterprises and people added and glued names cut."""
    ownerless = _ownerless_projects(doc, mentions, facts)
    clauses = tag_sentences([(s.index, s.text) for s in doc.sentences], _worth_tagging(mentions, ownerless))
    if not clauses:
        return list(mentions), list(facts)
    renames = _glued_names(doc, mentions, clauses)
    found = _Found(doc, [_renamed_mention(m, renames) for m in mentions])
    for clause in clauses:
        for word in clause.words:
            if word.tag == "ORG":
                found.owner(clause, word, ownerless) or found.company(clause, word)
            elif word.tag == "PER":
                found.person(clause, word)
    return found.mentions, [_renamed_fact(f, renames) for f in facts] + found.facts


def _ownerless_projects(doc: Document, mentions: Sequence[Mention], facts: Sequence[Fact]) -> dict[int, Mention]:
    """Project mentions with no investor yet, by their start in the document text."""
    owned = {f.subject for f in facts if f.predicate is Predicate.INVESTOR}
    return {m.start: m for m in mentions
            if m.type is P and (P, m.name) not in owned and doc.text[m.start:m.end] == m.name}


class _Found:
    """The document's mentions, with what the tagger adds to them and the facts of the additions."""

    def __init__(self, doc: Document, mentions: list[Mention]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.facts: list[Fact] = []
        self.covered = _Covered(mentions)
        self.places = zone_places(mentions)
        self.openers = {m.sentence_index: (m.type, m.name) for m in mentions
                        if m.type is EntityType.ZONE and m.start == doc.sentences[m.sentence_index].start}

    def company(self, clause: TaggedClause, word: Word) -> None:
        """An ORG word that names a company no mention covers, located in the zone unless a partner."""
        sentence = self.doc.sentences[clause.sentence_index]
        start, end = sentence.start + word.start, sentence.start + word.end
        owned_by_zone = _ZONE_COMPANY.search(word.text)
        checked = start + owned_by_zone.start("tail") if owned_by_zone else start  # the zone inside is a mention
        if not is_company_name(word.text) or self.covered.any(checked, end) or not _stands_alone(word, sentence.text):
            return
        self._add(Mention(E, word.text, start, end, sentence.index))
        partner = _PARTNER_BEFORE.search(sentence.text, clause.start, word.start)
        zones = [] if partner else [z for z in (self.doc.home_zone, self.openers.get(sentence.index)) if z]
        self.facts.extend(Fact(Predicate.LOCATED_IN, (E, word.text), z, sentence.index) for z in dict.fromkeys(zones))

    def owner(self, clause: TaggedClause, word: Word, ownerless: dict[int, Mention]) -> bool:
        """An ORG word opening a project's name that has no investor (X乘用车基地项目 → X): the
        company is an Enterprise, the project's investor, located where the project is."""
        sentence = self.doc.sentences[clause.sentence_index]
        start, end = sentence.start + word.start, sentence.start + word.end
        project = ownerless.get(start)
        if project is None or end >= project.end - 2 or not is_company_name(word.text) \
                or not _opens_name(word, sentence.text) or PLACE_PREFIX_RE.match(word.text) \
                or word.text.endswith(_REGION_WORDS) or not _plausible_owner(word.text, project.name) \
                or is_zone_cut(word.text, self.places):
            return False
        self.mentions.append(Mention(E, word.text, start, end, sentence.index))
        self.facts.append(Fact(Predicate.INVESTOR, (P, project.name), (E, word.text), sentence.index))
        zones = [z for z in (self.doc.home_zone, self.openers.get(sentence.index)) if z]
        self.facts.extend(Fact(Predicate.LOCATED_IN, (E, word.text), z, sentence.index) for z in dict.fromkeys(zones))
        return True

    def person(self, clause: TaggedClause, word: Word) -> None:
        """A PER word near a person cue that no mention covers, with the roles of the titles before it."""
        sentence = self.doc.sentences[clause.sentence_index]
        start, end = sentence.start + word.start, sentence.start + word.end
        if not _is_person(word, sentence.text, clause) or self.covered.any(start, end):
            return
        self._add(Mention(PERSON, word.text, start, end, sentence.index))
        self.facts.extend(Fact(Predicate.ROLE, (PERSON, word.text), org, sentence.index, (("title", title),))
                          for title, org in roles_before(sentence.text, word.start, self.doc.home_zone))

    def _add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.covered.add(mention.start, mention.end)


def _worth_tagging(mentions: Sequence[Mention],
                   ownerless: dict[int, Mention] | None = None) -> Callable[[int, str], bool]:
    """Which clauses the tagger reads: those with a person cue (names after a title or in a list of
    names, bylines); those with a company cue where the rules found no company or project, or a list
    with an item the rules did not name; and those with a project the rules gave no investor. The
    tagger is the slowest stage, so clauses whose names the rules all found are left alone."""
    found: dict[int, list[str]] = defaultdict(list)
    for mention in mentions:
        if mention.type in (E, P):
            found[mention.sentence_index].append(mention.name)
    unowned: dict[int, list[str]] = defaultdict(list)
    for project in (ownerless or {}).values():
        unowned[project.sentence_index].append(project.name)

    def wanted(sentence_index: int, clause: str) -> bool:
        if PERSON_CUE.search(clause) or any(name in clause for name in unowned[sentence_index]):
            return True
        listed = _LIST_MARK.search(clause) and (_LIST_HEAD.search(clause) or _LIST_CUE.search(clause))
        if not (COMPANY_CUE.search(clause) or listed):
            return False
        names = found[sentence_index]
        if "、" in clause:
            return any(not any(name in item for name in names) for item in clause.split("、"))
        return not any(name in clause for name in names)

    return wanted


def _opens_name(word: Word, sentence: str) -> bool:
    """A two-character ORG word opens a project's name only when a product or place word follows
    (上汽乘用车…), which the caller checks by the project's span; a longer word always can."""
    return len(word.text) >= 2 and not sentence.startswith(("公司", "集团"), word.end)


def is_company_name(name: str) -> bool:
    """Whether an ORG word can name a company: Han, not a public body, place, zone or carrier.

    >>> [is_company_name(n) for n in ("蓝湾冷链", "市政协", "青松大学", "南通", "a")]
    [True, False, False, False, False]
    """
    return (2 <= len(name) <= 30 and bool(re.search(r"[\u4e00-\u9fff]", name)) and not re.search(r"[a-z]", name)
            and not _NOT_COMPANY.search(name) and name not in _NOT_NAMES
            and (not find_zone_names(name) or _ZONE_COMPANY.search(name) is not None)
            and not names_countries(name) and not is_fragment(E, name))  # the rules' vetoes hold for it too


def _stands_alone(word: Word, sentence: str) -> bool:
    """A two-character ORG word followed by more name text (华鼎电子, 远帆材料) is only part of a name."""
    return len(word.text) > 2 or bool(_SHORT_END.match(sentence, word.end))


def _is_person(word: Word, sentence: str, clause: TaggedClause) -> bool:
    """A 2–4 character Han name in a clause with a person cue, not a byline, not a national leader (…总书记)."""
    return (bool(PERSON_CUE.search(sentence, clause.start, clause.end))
            and bool(re.fullmatch(r"[\u4e00-\u9fff·]{2,4}", word.text))
            and not _BYLINE.search(sentence[clause.start:word.start]) and not sentence.startswith("总书记", word.end)
            and not _TITLE_END.search(word.text))


def _glued_names(doc: Document, mentions: Iterable[Mention], clauses: Sequence[TaggedClause]) -> dict[str, str]:
    """Rule enterprise names with verbs or adverbs glued before them → the names without them."""
    words_at: dict[int, Word] = {}
    for clause in clauses:
        offset = doc.sentences[clause.sentence_index].start
        words_at.update((offset + w.start, w) for w in clause.words)
    renames: dict[str, str] = {}
    for mention in mentions:
        if mention.type is E and doc.text[mention.start:mention.end] == mention.name:
            cut = _name_start(words_at, mention.start, mention.end)
            if cut is not None and _is_glue(doc.text[mention.start:cut], doc.text[cut:mention.end]):
                renames[mention.name] = doc.text[cut:mention.end]
    return renames


def _is_glue(prefix: str, name: str) -> bool:
    """Whether ``prefix`` is discourse glue before ``name``; a cut never lands inside brackets (公司(江苏)).

    如 opens brands (如意…) as often as it means "such as": it is glue only before a legal company name.
    """
    balanced = name.count("(") + name.count("（") == name.count(")") + name.count("）")
    glue = bool(_GLUE_WORDS.fullmatch(prefix)) or (prefix.endswith("如") and bool(COMPANY_SUFFIX_RE.search(name))
                                                    and bool(_GLUE_WORDS.fullmatch(prefix[:-1] or "了")))
    return balanced and glue


def _name_start(words_at: dict[int, Word], start: int, end: int) -> int | None:
    """Where the name begins in a span that opens with glue words (园区已集聚|华鼎集团), else None.

    The name begins at the first word the tagger reads as a name (ORG, LOC, PER, nz);
    every word before it must be a common word and at least one a verb, adverb or particle.
    """
    position, glued = start, False
    while position in words_at and position < end:
        word = words_at[position]
        if word.tag in _NAME_TAGS:
            return position if glued and end - position >= 2 else None
        glued = glued or word.tag in _GLUE_TAGS
        position += word.end - word.start
    return None


def _renamed_mention(mention: Mention, renames: dict[str, str]) -> Mention:
    new = renames.get(mention.name) if mention.type is E else None
    if new is None:
        return mention
    return Mention(E, new, mention.end - len(new), mention.end, mention.sentence_index)


def _renamed_key(key: Key | None, renames: dict[str, str]) -> Key | None:
    return (E, renames[key[1]]) if key is not None and key[0] is E and key[1] in renames else key


def _renamed_fact(fact: Fact, renames: dict[str, str]) -> Fact:
    if not renames:
        return fact
    return Fact(fact.predicate, _renamed_key(fact.subject, renames), _renamed_key(fact.obj, renames),  # type: ignore[arg-type]
                fact.sentence_index, fact.attrs)


class _Covered:
    """Character positions of the document already inside a mention."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.positions: set[int] = set()
        for mention in mentions:
            self.add(mention.start, mention.end)

    def add(self, start: int, end: int) -> None:
        self.positions.update(range(start, end))

    def any(self, start: int, end: int) -> bool:
        """Whether a mention covers part of ``start:end``."""
        return any(i in self.positions for i in range(start, end))
