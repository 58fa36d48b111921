"""Short company names a document uses after naming the company in full.

Chinese reports name a company once in full (云帆科技海缆股份有限公司) and then by its
brand plus business word (云帆海缆). Such a short form starts with the first two
characters of the company's core name, ends like the core (or like the core without a
generic tail such as 科技: 楚天电驱 for 长沙楚天电驱科技有限公司) and keeps the core's
characters in order; it is found only where no other mention covers the text.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from ingest.document import Document, Mention
from ingest.extract.patterns import COMPANY_SUFFIX_RE, LEGAL_COMPANY_RE
from ingest.resolve import company_core, in_order, is_short_form
from kg.model import EntityType

MIN_SHORT = 4
MAX_SHORT = 8
# Words that end a core name but are often left out of the short form.
GENERIC_TAILS = re.compile(r"(?:科技|技术|实业|发展|控股|股份|国际|工程|有限)$")


def short_name_mentions(doc: Document, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions of short forms of the legal company names among ``mentions``."""
    cores = _cores_by_head(mentions)
    if not cores:
        return []
    covered = bytearray(len(doc.text))
    for mention in mentions:
        covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    starts = [s.start for s in doc.sentences]
    found = []
    for head, entries in cores.items():
        for match in re.finditer(re.escape(head), doc.text):
            form = _short_form_at(doc.text, match.start(), entries)
            if form and not any(covered[match.start() : match.start() + len(form)]):
                sentence = doc.sentences[bisect.bisect_right(starts, match.start()) - 1].index if starts else 0
                found.append(Mention(EntityType.ENTERPRISE, form, match.start(), match.start() + len(form), sentence))
    return found


def _cores_by_head(mentions: Sequence[Mention]) -> dict[str, dict[str, set[str]]]:
    """Core names of the legal company names mentioned, keyed by their first two characters, then by
    the two characters a short form of them may end with (the core's, or the core's without its generic tail)."""
    cores: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for mention in mentions:
        if mention.type is EntityType.ENTERPRISE and COMPANY_SUFFIX_RE.search(mention.name):
            core = company_core(mention.name)
            if len(core) > MIN_SHORT:
                for ending in {core[-2:], GENERIC_TAILS.sub("", core)[-2:]}:
                    cores[core[:2]][ending].add(core)
    return cores


def _short_form_at(text: str, start: int, cores: dict[str, set[str]]) -> str | None:
    """The longest text at ``start`` that abbreviates exactly one of ``cores``."""
    for length in range(MAX_SHORT, MIN_SHORT - 1, -1):
        form = text[start : start + length]
        if len(form) < length:
            continue
        matches = {c for c in cores.get(form[-2:], ()) if len(form) < len(c) and in_order(form, c)}
        if len(matches) == 1:
            return form
    return None


def abbreviates_named_company(short: str, text: str) -> bool:
    """Whether ``short`` (云杉供应链) is a short form of a legal company name written in ``text``.

    >>> text = "云杉跨境物流供应链有限公司投资5亿元建设分拨中心项目"
    >>> abbreviates_named_company("云杉供应链", text), abbreviates_named_company("供应链", text)
    (True, False)
    """
    if len(short) < MIN_SHORT:
        return False
    return any(company_core(full)[:2] == short[:2] and is_short_form(short, full) for full in _legal_names(text))


@lru_cache(maxsize=8)
def _legal_names(text: str) -> tuple[str, ...]:
    """Legal company names written in ``text``, found once per document however many clauses ask."""
    return tuple(LEGAL_COMPANY_RE.findall(text))
