"""Normalise a document's text: NFKC, traditional → simplified, boilerplate blanked.

``Document.offsets`` maps every index of the normalised text back into ``raw``
so evidence spans can always be quoted from the original. Boilerplate lines
(contact details, breadcrumbs, page chrome, metadata) are replaced by spaces
rather than removed, which keeps the mapping trivial.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from ingest.document import Document

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


def normalise_text(raw: str) -> tuple[str, tuple[int, ...]]:
    """Normalised text and its offsets (empty when the mapping is the identity)."""
    text, offsets = _nfkc_with_offsets(raw)
    text, offsets = _simplify_with_offsets(text, offsets)
    text = blank_boilerplate(text)
    identity = len(text) == len(raw) and offsets == list(range(len(raw)))
    return text, () if identity else tuple(offsets)


def normalise(doc: Document) -> Document:
    """Fill ``text`` and ``offsets`` of a loaded document."""
    text, offsets = normalise_text(doc.raw)
    return replace(doc, text=text, offsets=offsets)
