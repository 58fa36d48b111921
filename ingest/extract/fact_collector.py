"""What one document's fact rules have found so far: its mentions and facts, and the companies
and project sets that later rules consult."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ingest.document import Document, Fact, Mention, Sentence
from ingest.extract.boundaries import clean, zone_prefix
from ingest.extract.entities import statuses_in
from ingest.extract.numbers import local_currency
from ingest.extract.years import sentence_year
from kg.model import EntityType, Predicate

E = EntityType.ENTERPRISE
# 其中…, or a class of the projects just counted (5亿元以上项目3个, 工业类项目9个).
_DETAIL = re.compile(r"^(?:其中|[^,，;；。]{0,14}?项目\d+个)")
_DETAIL_REACH = 4


def _as_organisation(key: tuple[EntityType, str]) -> tuple[EntityType, str] | None:
    """An enterprise key that is a zone name becomes the zone; other company and project names
    are cleaned at their boundaries (None when what is left is no name)."""
    if key[0] is E and zone_prefix(key[1]) == len(key[1]):
        return (EntityType.ZONE, key[1])
    cleaned = clean(*key)
    return (key[0], cleaned.name) if cleaned else None


@dataclass
class Collector:
    """Mentions and facts found so far in one document."""

    doc: Document
    year: int | None
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    external: set[str] = field(default_factory=set)
    """Companies named only as outside partners: not located in the zone."""
    visitors: set[str] = field(default_factory=set)
    """Companies whose officials attend or visit ("X公司董事长出席"): not located unless they invest."""
    project_set: tuple[int, list[str]] = (-1, [])
    """Paragraph and statuses of the last "在签约的项目中," opening: its paragraph's projects share them."""

    _currency: str | None = field(default=None, repr=False)
    _newlines: list[int] | None = field(default=None, repr=False)
    _by_sentence: dict[int, list[Mention]] = field(default_factory=dict, repr=False)
    _indexed: list[Mention] | None = field(default=None, repr=False)
    _indexed_count: int = field(default=0, repr=False)

    def paragraph(self, sentence: Sentence) -> int:
        """Index of the sentence's paragraph (line feeds before it), without rescanning the text each time."""
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.doc.text)]
        return bisect.bisect_left(self._newlines, sentence.start)

    def paragraph_statuses(self, sentence: Sentence) -> list[str]:
        """Statuses of the project set the sentence's paragraph opened, if any."""
        return list(self.project_set[1]) if self.project_set[0] == self.paragraph(sentence) else []

    def mentions_between(self, etype: EntityType, first: int, last: int) -> list[Mention]:
        """Mentions of ``etype`` in sentences ``first``..``last``, in the order they were found.

        Kept in an index by sentence that follows ``mentions`` as it grows, so rules that look at the
        sentences just before do not rescan every mention of the document for each sentence.
        """
        if self._indexed is not self.mentions or self._indexed_count > len(self.mentions):
            self._indexed, self._indexed_count, self._by_sentence = self.mentions, 0, {}
        for mention in self.mentions[self._indexed_count:]:
            self._by_sentence.setdefault(mention.sentence_index, []).append(mention)
        self._indexed_count = len(self.mentions)
        return [m for index in range(first, last + 1) for m in self._by_sentence.get(index, ()) if m.type is etype]

    def mention(self, etype: EntityType, name: str, sentence: Sentence, start: int, end: int) -> None:
        if etype is E and zone_prefix(name) == len(name):
            return
        cleaned = clean(etype, name)
        if cleaned is None:
            return
        start, end = start + cleaned.left, max(start + cleaned.left + 1, end - cleaned.right)
        self.mentions.append(Mention(etype, cleaned.name, sentence.start + start, sentence.start + end,
                                     sentence.index))

    def fact(self, predicate: Predicate, subject: tuple[EntityType, str], obj: tuple[EntityType, str] | None,
             sentence: Sentence, **attrs: object) -> None:
        if attrs.get("currency") == "CNY" and predicate is Predicate.INVESTMENT:
            attrs["currency"] = self.local_currency
        items = tuple((k, v) for k, v in attrs.items() if v is not None)
        subject_key, object_key = _as_organisation(subject), obj and _as_organisation(obj)
        if subject_key is None or (obj is not None and object_key is None):
            return
        self.facts.append(Fact(predicate, subject_key, object_key, sentence.index, items))

    @property
    def local_currency(self) -> str:
        """What a bare 元 means on this page: TWD on a page in Taiwan wording about a place in Taiwan, else CNY."""
        if self._currency is None:
            self._currency = local_currency(self.doc.text, bool(self.doc.meta.get("regional_words")))
        return self._currency

    def detail_statuses(self, sentence: Sentence) -> list[str]:
        """A sentence opening with 其中 details the one before, so it takes that sentence's statuses; so do the
        sentences that go on counting classes of its projects (其中…。5亿元以上项目3个,分别为…)."""
        index = sentence.index
        while index > 0 and _DETAIL.match(self.doc.sentences[index].text) and sentence.index - index < _DETAIL_REACH:
            earlier = self.doc.sentences[index - 1]
            if self.doc.sentences[index].text.startswith("其中"):
                return statuses_in(earlier.text)
            if "\n" in self.doc.text[earlier.end:self.doc.sentences[index].start]:
                return []
            index -= 1
        return []

    def sentence_year(self, sentence: Sentence) -> int | None:
        """The sentence's own year, else the last year of the few sentences before, else the report year."""
        return sentence_year(self.doc, sentence, self.year)
