"""Shared text scanning for zone-asset extraction: name endings, stop words, qualifiers.

A name is found from its ending, bounded on the left by list punctuation or by a
verb or function word, and kept only when the part before the ending is more than
a generic qualifier (国家级孵化器, 惠企政策 are kinds, not names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from kg.model import EntityType

RESOURCES = Path(__file__).resolve().parent.parent / "resources"

CJK = "\u4e00-\u9fff"
QUOTES = "“”\"‘’「」"
CLOSING = "”’」\""
NAME_CHAR = re.compile(rf"[{CJK}A-Za-z0-9+/·{QUOTES}]")
PHASE = "[一二三四五六七八九十0-9]期"
MAX_PREFIX = 24

# Words that end the proper-name part when scanning leftwards from an ending.
FUNCTION_WORDS = (
    "以", "在", "于", "和", "与", "及", "等", "的", "了", "对", "把", "将", "向", "由",
    "作为", "列为", "评为", "是", "个", "从", "以上", "以下", "此次", "今年", "去年", "明年", "全年",
    "以及", "包括", "其中", "该",
)
GENERIC_VERBS = (
    "依托", "推进", "加快", "启动", "完善", "用好", "用足", "支持", "借力", "加强",
    "申报", "入驻", "落户", "建成", "成立", "引进", "围绕", "聚焦", "实施", "开展",
    "开展好", "推动", "组建", "拥有", "设立", "新建", "筹建", "携手", "联合", "共建",
    "争创", "获批", "认定", "成为", "入选", "入围", "依靠", "利用", "发挥", "搭建",
    "做强", "做大", "壮大", "加大", "积极", "全力", "重点", "大力", "正式", "目前",
    "位于", "借助", "对接", "落实", "深化", "推行", "推出", "出台", "制定", "印发", "发布", "执行",
    "按照", "结合", "依据", "对照", "形成", "完成", "深入", "持续", "继续", "全面",
    "进一步", "认真", "率先", "抓好", "做好", "组织开展", "多亏", "获", "获得", "突出", "新增", "认定为", "现有",
    "确保", "力争", "举办", "举行", "召开",
)
_GENERIC_QUALIFIERS = tuple(
    sorted(
        [
            "国家级", "省级", "市级", "区级", "国家", "各类", "各级", "现有", "异地", "新型", "一批", "重大",
            "重点", "高端", "公共", "综合", "专业", "科技企业", "企业", "科技", "技术", "工程", "工程技术", "创新",
            "研发", "特色", "主导", "优质", "知名", "大型", "国际", "海外", "区域", "专业化", "产业", "一体化",
            "世界级", "千亿级", "百亿级", "现代", "这些", "相关", "惠企", "各项", "优惠", "扶持", "支持", "有关",
            "上级", "配套", "人才", "年度", "工作", "行动", "新", "该", "其", "省", "市", "区", "园区", "全区",
            "全市", "一流", "高水平",
        ],
        key=len,
        reverse=True,
    )
)


# Quotes, title marks and spaces are not part of a name.
_DECORATION = re.compile(rf"[{QUOTES}《》\s]")
_QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|‘[^‘’]*’")
# A bare count (五大, 两套, 3类) qualifies a kind without naming anything.
_COUNT_WORD = re.compile(r"[一二三四五六七八九十两]+[大套项类个条]?|[0-9]+[大套项类个]")


@dataclass(frozen=True)
class Candidate:
    """A name found in one sentence (offsets relative to the sentence).

    ``zone_fact`` says whether the document's zone hosts, issued or targets it; ``above`` that a body
    above the zone (a city, a province) runs it, so no other mention makes it the zone's.
    """

    type: EntityType
    name: str
    start: int
    end: int
    zone_fact: bool = False
    above: bool = False


@cache
def load_lexicon(name: str) -> tuple[str, ...]:
    """The entries of ``ingest/resources/<name>.txt`` (comments and blanks skipped)."""
    lines = (RESOURCES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    entries = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return tuple(sorted(entries, key=len, reverse=True))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def clean_name(text: str) -> str:
    """Drop quotes, brackets and spaces from a surface form."""
    return _DECORATION.sub("", text)


@lru_cache(maxsize=32)
def _stop_finder(stops: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern giving, at every position, the longest stop word starting there."""
    return re.compile(f"(?=({alternation(stops)}))")


def cut_after_stop(prefix: str, stops: tuple[str, ...]) -> tuple[str, str | None]:
    """Cut ``prefix`` after its right-most stop word outside quotes; return (rest, stop)."""
    best: tuple[int, int] = (0, 0)
    best_word = None
    inside = quoted_mask(prefix) if "“" in prefix or "「" in prefix or "‘" in prefix else None
    for m in _stop_finder(stops).finditer(prefix):
        word = m.group(1)
        end = m.start() + len(word)
        if (end, len(word)) >= best and not (inside and any(inside[m.start():end])):
            best, best_word = (end, len(word)), word
    return prefix[best[0]:], best_word


def quoted_mask(text: str) -> list[bool]:
    """Which characters lie inside a closed pair of quotes."""
    mask = [False] * len(text)
    for m in _QUOTED.finditer(text):
        mask[m.start():m.end()] = [True] * (m.end() - m.start())
    return mask


def scan_left(sentence: str, end: int, allow_list_comma: bool, limit: int = MAX_PREFIX) -> int:
    """Index where the name-like run ending at ``end`` starts."""
    i = end
    while i > 0 and end - i < limit:
        ch = sentence[i - 1]
        bracket = _BRACKETED_PLACE.search(sentence, max(0, i - 6), i) if ch in ")）" else None
        if bracket is not None and bracket.start() > 0 and NAME_CHAR.match(sentence[bracket.start() - 1]):
            i = bracket.start()  # 中国(X)肉牛交易中心, X产业技术(Y)研究院: a bracketed place inside the name
        elif NAME_CHAR.match(ch) or allow_list_comma and ch == "、" and (
                _beside_quote(sentence, i - 1) or _inside_quote(sentence, i - 1)):
            i -= 1
        else:
            break
    return i


_BRACKETED_PLACE = re.compile(rf"[(（][{CJK}]{{2,4}}[)）]$")


def _beside_quote(sentence: str, index: int) -> bool:
    """Whether the 、 at ``index`` follows a closing quote or precedes an opening one."""
    before = sentence[index - 1] if index > 0 else ""
    after = sentence[index + 1] if index + 1 < len(sentence) else ""
    return before in "”’」" or after in "“‘「"


def _inside_quote(sentence: str, index: int) -> bool:
    """Whether the 、 at ``index`` joins the two halves of one quoted name (“降本、提效”专项行动);
    three or more quoted items are a list."""
    before = max(sentence.rfind(q, 0, index) for q in "“「")
    after = [p for p in (sentence.find(q, index) for q in "”」") if p >= 0]
    if before < 0 or not after:
        return False
    inner = sentence[before + 1:min(after)]
    return inner.count("、") == 1 and not any(q in inner for q in "“「”」")


def is_generic(prefix: str) -> bool:
    """Whether ``prefix`` is only qualifiers (国家级, 科技企业...) and so names a kind."""
    rest = clean_name(prefix)
    changed = True
    while rest and changed:
        changed = False
        for word in _GENERIC_QUALIFIERS:
            if rest.startswith(word):
                rest, changed = rest[len(word):], True
                break
    return not rest or bool(_COUNT_WORD.fullmatch(rest))


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps any of ``spans``."""
    return any(start < e and s < end for s, e in spans)


def drop_nested(spans: list[Candidate]) -> list[Candidate]:
    """Drop repeats and any span lying strictly inside a longer one (措施 inside 措施66条)."""
    kept: list[Candidate] = []
    for span in dict.fromkeys(spans):
        if not any(o is not span and o.start <= span.start and span.end <= o.end
                   and (o.end - o.start) > (span.end - span.start) for o in spans):
            kept.append(span)
    return kept
