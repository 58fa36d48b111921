"""Lists of projects whose head comes first: "开工项目有A、B、C等11个", "制造业项目14个,包括A、B项目等".

:mod:`ingest.extract.lists` reads lists closed by their head (A、B等11个项目); here the projects are
announced before the items, which then run to the end of the clause, an optional 等 and count dropped.
"""

from __future__ import annotations

import re

from ingest.extract.lists import ListHit, head_count, split_items

_COUNT = r"(?:\d+|[一二两三四五六七八九十]+)(?:余|多)?个"
# 项目 and an optional count, then the verb that opens the items (涵盖 lists kinds of project, not names).
HEADED_RE = re.compile(
    rf"项目(?:{_COUNT})?[,，]?(?:有|包括|包含)(?P<list>[^,，;；。:：]+?)"
    rf"(?:等(?:{_COUNT})?(?:项目)?)?(?=[,，;；。]|$)"
)
_CLAUSE_END = re.compile(r"[,，;；。]")
_MIN_ITEMS = 2


def find_headed_lists(sentence: str) -> list[ListHit]:
    """Project lists of ``sentence`` whose head (X项目有, 项目N个,包括) comes before their items."""
    if "项目" not in sentence:
        return []
    hits = []
    for match in HEADED_RE.finditer(sentence):
        items = split_items(match.group("list"), match.start("list"))
        counted = re.search(rf"等{_COUNT}", match.group()) is not None
        if len(items) < (1 if counted else _MIN_ITEMS) or len(items) > head_count(match.group()):
            continue  # a lone item uncounted is read by the clause rules; more items than counted are no names
        clause_start = _clause_start(sentence, match.start("list"))  # 开工项目有…: the head's clause
        hits.append(ListHit("project", tuple(items), None, match.start(), match.start("list"),
                            clause_start, match.end()))
    return hits


def _clause_start(sentence: str, end: int) -> int:
    starts = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, end)]
    return starts[-1] if starts else 0
