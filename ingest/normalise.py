"""Normalise a document's text: NFKC, pinyin glosses dropped, traditional → simplified, boilerplate blanked.

``Document.offsets`` maps every index of the normalised text back into ``raw``
so evidence spans can always be quoted from the original. Boilerplate lines
(contact details, breadcrumbs, page chrome, metadata) are replaced by spaces
rather than removed. Pinyin glosses (``區(qū)``) are removed, so the text is
then shorter than ``raw`` and ``offsets`` carries the mapping.

Lines in traditional script may use Taiwan or Hong Kong wording (專案, 晶片, 動土)
that survives t2s; those words are replaced by the mainland word of the same length
(``resources/regional_words.tsv``) so that cues are recognised, and
:func:`restore_names` gives names that cover such a word back their t2s form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ingest.document import Document, Fact, Mention

RESOURCES = Path(__file__).resolve().parent / "resources"

# Characters stripped from names before comparison (quotes, brackets, spaces).
_NAME_JUNK = re.compile(r"[\s“”\"'‘’「」『』《》〈〉【】]")

# A line that is page chrome or metadata rather than content; blanked whole.
_BOILERPLATE = re.compile(
    r"""^\s*(?:
        (?:联系)?(?:电话|传真|手机|热线)\s*[:：]? .{0,40}$
      | .{0,20}(?:ICP备|ICP证|公网安备|网站标识码|版权所有|主办单位|承办单位|技术支持).*$
      | (?:地址|邮编|邮政编码|电子邮箱|邮箱|E-?mail)\s*[:：].*$
      | (?:[【\[]?\s*(?:收藏|打印|关闭|打印本页|关闭窗口|返回顶部|分享到?)\s*[】\]]?\s*){1,6}$
      | (?:当前位置|您的位置|你的位置|首页\s*[>›»/]).*$
      | (?:信息索引号|索引号|发布机构|发文机关|发布日期|生成日期|成文日期|文号|主题分类|来源
         |浏览次数|访问量|点击数|字号)\s*[:：].{0,80}$
      | (?:上一篇|下一篇|相关链接|相关新闻|友情链接)\s*[:：]?.{0,80}$
      | [\d\-\s()（）]{7,}$
    )""",
    re.VERBOSE,
)
# An association/member list line: many short items separated by spaces or 、.
_LIST_LINE = re.compile(r"^(?:\s*[\u4e00-\u9fff]{2,12}(?:协会|商会|学会|联合会|研究会)\s*[、，,]?){3,}\s*$")


# A pinyin gloss after a Han character: a parenthesised syllable with a tone mark (區(qū), 個(gè)).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,6}}\)")


@lru_cache(maxsize=1)
def _converter() -> object:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese with OpenCC ``t2s``."""
    return _converter().convert(text)  # type: ignore[attr-defined]


def normalise_name(name: str) -> str:
    """Canonical comparison form of a name: NFKC, simplified, no quotes or spaces."""
    return _NAME_JUNK.sub("", to_simplified(unicodedata.normalize("NFKC", name)))


def _nfkc_with_offsets(raw: str) -> tuple[str, list[int]]:
    """NFKC recording for each output character its raw index.

    Lines whose length NFKC keeps (full-width punctuation, the common case) map
    one to one; only the others are normalised character by character.
    """
    whole = unicodedata.normalize("NFKC", raw)
    if len(whole) == len(raw):
        return whole, list(range(len(raw)))
    parts: list[str] = []
    offsets: list[int] = []
    position = 0
    for line in raw.splitlines(keepends=True):
        normal = unicodedata.normalize("NFKC", line)
        if len(normal) == len(line):
            parts.append(normal)
            offsets.extend(range(position, position + len(line)))
        else:
            for index, char in enumerate(line, start=position):
                piece = unicodedata.normalize("NFKC", char)
                parts.append(piece)
                offsets.extend([index] * len(piece))
        position += len(line)
    return "".join(parts), offsets


def _simplify_with_offsets(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """t2s keeping offsets; lines whose length changes are converted char by char."""
    converted = to_simplified(text)
    if len(converted) == len(text):
        return converted, offsets
    out_text: list[str] = []
    out_offsets: list[int] = []
    position = 0
    for line in text.splitlines(keepends=True):
        simple = to_simplified(line)
        if len(simple) != len(line):
            simple = "".join(_char_t2s(char) for char in line)
        out_text.append(simple)
        out_offsets.extend(offsets[position:position + len(line)])
        position += len(line)
    return "".join(out_text), out_offsets


def _char_t2s(char: str) -> str:
    """Convert one character, keeping it when conversion would change the length."""
    simple = to_simplified(char)
    return simple if len(simple) == 1 else char


def blank_boilerplate(text: str) -> str:
    """Replace boilerplate lines by spaces of the same length."""
    lines = text.splitlines(keepends=True)
    out = []
    for line in lines:
        body = line.rstrip("\r\n")
        if body.strip() and (_BOILERPLATE.match(body) or _LIST_LINE.match(body)):
            line = " " * len(body) + line[len(body):]
        out.append(line)
    return "".join(out)


def _drop_glosses(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Remove pinyin glosses, keeping the raw index of every remaining character."""
    if "(" not in text or not _GLOSS.search(text):
        return text, offsets
    parts: list[str] = []
    kept: list[int] = []
    position = 0
    for match in _GLOSS.finditer(text):
        parts.append(text[position:match.start()])
        kept.extend(offsets[position:match.start()])
        position = match.end()
    parts.append(text[position:])
    kept.extend(offsets[position:])
    return "".join(parts), kept


@lru_cache(maxsize=1)
def regional_words() -> dict[str, str]:
    """Taiwan/Hong Kong word (t2s form) → mainland word of the same length."""
    words = {}
    for line in (RESOURCES / "regional_words.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            regional, mainland = line.split("\t")
            if len(regional) == len(mainland):
                words[regional] = mainland
    return words


@lru_cache(maxsize=1)
def _regional_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(regional_words(), key=len, reverse=True))))


Replacement = tuple[int, int, str]
"""(start, end, t2s form) of a regional word replaced in the normalised text."""


def mainland_wording(text: str, traditional: list[bool]) -> tuple[str, tuple[Replacement, ...]]:
    """Replace regional words on the lines flagged traditional; same length, so offsets hold."""
    words, pattern = regional_words(), _regional_re()
    parts: list[str] = []
    replaced: list[Replacement] = []
    position = 0
    for line, flagged in zip(text.splitlines(keepends=True), traditional, strict=False):
        if flagged:
            for match in pattern.finditer(line):
                replaced.append((position + match.start(), position + match.end(), match.group()))
            line = pattern.sub(lambda m: words[m.group()], line)
        parts.append(line)
        position += len(line)
    parts.append(text[position:])
    return "".join(parts), tuple(replaced)


def _traditional_lines(before: str, after: str) -> list[bool]:
    """Per line, whether t2s changed it (the line is written in traditional script)."""
    return [a != b for a, b in zip(before.splitlines(), after.splitlines(), strict=False)]


def normalise_text(raw: str) -> tuple[str, tuple[int, ...]]:
    """Normalised text and its offsets (empty when the mapping is the identity)."""
    text, offsets, _ = _normalise(raw)
    return text, offsets


def _normalise(raw: str) -> tuple[str, tuple[int, ...], tuple[Replacement, ...]]:
    text, offsets = _nfkc_with_offsets(raw)
    text, offsets = _drop_glosses(text, offsets)
    simple, offsets = _simplify_with_offsets(text, offsets)
    simple, replaced = mainland_wording(simple, _traditional_lines(text, simple))
    simple = blank_boilerplate(simple)
    identity = len(simple) == len(raw) and offsets == list(range(len(raw)))
    return simple, () if identity else tuple(offsets), replaced


def normalise(doc: Document) -> Document:
    """Fill ``text`` and ``offsets`` of a loaded document (and the regional words replaced)."""
    text, offsets, replaced = _normalise(doc.raw)
    meta = {**doc.meta, "regional_words": replaced} if replaced else doc.meta
    return replace(doc, text=text, offsets=offsets, meta=meta)


def restore_names(doc: Document, mentions: list[Mention], facts: list[Fact]) -> tuple[list[Mention], list[Fact]]:
    """Give names that cover a replaced regional word their t2s form back (晶片项目 stays 晶片专案)."""
    replaced = doc.meta.get("regional_words", ())
    if not replaced:
        return mentions, facts
    words = regional_words()
    renamed: dict[tuple[object, str], str] = {}
    for mention in mentions:
        name = mention.name
        for start, end, regional in replaced:
            if mention.start < end and start < mention.end:
                name = name.replace(words[regional], regional)
        if name != mention.name:
            renamed[(mention.type, mention.name)] = name
    if not renamed:
        return mentions, facts
    mentions = [replace(m, name=renamed.get((m.type, m.name), m.name)) for m in mentions]
    return mentions, [_renamed_fact(fact, renamed) for fact in facts]


def _renamed_fact(fact: Fact, renamed: dict[tuple[object, str], str]) -> Fact:
    subject = (fact.subject[0], renamed.get(fact.subject, fact.subject[1]))
    obj = fact.obj if fact.obj is None else (fact.obj[0], renamed.get(fact.obj, fact.obj[1]))
    return replace(fact, subject=subject, obj=obj)
