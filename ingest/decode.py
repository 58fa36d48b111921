"""Decode document bytes to text with a ladder that never guesses silently.

A strict decode that succeeds proves nothing for GB18030 versus Big5, so
candidates are compared by how plausible they read as Chinese.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import DocumentRejected

if TYPE_CHECKING:
    pass


MIN_PLAUSIBILITY = 0.5
"""Below this share of common characters a decode is refused as mojibake."""
PLAUSIBILITY_SAMPLE = 20_000
"""Characters of a candidate decoding that are scored."""
COMMON_HANZI = 2500
"""How many of the most frequent characters of jieba's dictionary count as common."""
CUE_WORDS = ("开发区", "開發區", "园区", "園區", "企业", "企業", "项目", "項目", "高新区", "高新區", "经济", "經濟")


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_GB_ALIASES = {"gb2312", "gbk", "gb_2312", "gb-2312", "x-gbk", "cp936", "ms936", "euc-cn", "gb18030"}
_BIG5_ALIASES = {"big5", "big5-hkscs", "big5hkscs", "cp950", "x-x-big5"}
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")



# -- decoding ------------------------------------------------------------------


def decode_text(data: bytes, filename: str = "document", declared: str | None = None) -> tuple[str, str]:
    """Decode bytes to text; returns ``(text, encoding)``.

    Order: BOM, the declared charset (HTML meta), strict UTF-8, then GB18030
    against Big5 by plausibility, then charset-normalizer as a last resort.

    Raises:
        DocumentRejected: when no decoding gives plausible Chinese text.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return strict_decode(data, codec, filename), codec.removesuffix("-sig")
    if declared:
        text = _declared(data, declared)
        if text is not None:
            return text, _canonical_codec(declared)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, filename)


def strict_decode(data: bytes, codec: str, filename: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DocumentRejected(f"{filename}: invalid {codec} at byte {exc.start}") from exc


def _canonical_codec(label: str) -> str:
    """GBK and GB2312 are decoded as GB18030, their superset (as browsers do)."""
    name = label.strip().lower()
    if name in _GB_ALIASES:
        return "gb18030"
    if name in _BIG5_ALIASES:
        return "big5hkscs"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _declared(data: bytes, label: str) -> str | None:
    """The text under a declared charset, if it decodes strictly and (unless UTF) reads as Chinese."""
    codec = _canonical_codec(label)
    try:
        text = data.decode(codec)
    except (LookupError, UnicodeError, ValueError):  # "undefined" and other labels that name no text codec
        return None
    if codec.startswith("utf"):
        return text
    # Declarations are often wrong (windows-1252 over GBK bytes decodes without error).
    return text if plausibility(text) >= MIN_PLAUSIBILITY else None


def _decode_legacy(data: bytes, filename: str) -> tuple[str, str]:
    candidates: list[tuple[float, str, str]] = []
    # UTF-16 without a BOM is tried too; its mojibake scores as low as any other.
    codecs_ = ("gb18030", "big5hkscs") + (("utf-16-le", "utf-16-be") if len(data) % 2 == 0 else ())
    for codec in codecs_:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((plausibility(text), codec, text))
    if not candidates:
        candidates.extend(_detected(data))
    if not candidates:
        raise DocumentRejected(f"{filename}: cannot decode as UTF-8, UTF-16, GB18030 or Big5")
    score, codec, text = max(candidates, key=lambda c: c[0])
    if score < MIN_PLAUSIBILITY:
        raise DocumentRejected(
            f"{filename}: undecodable text (best guess {codec} has plausibility {score:.2f} < {MIN_PLAUSIBILITY})"
        )
    return text, codec


def _detected(data: bytes) -> list[tuple[float, str, str]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return []
    codec = _canonical_codec(best.encoding)
    try:
        text = data.decode(codec)
    except (LookupError, UnicodeError, ValueError):
        return []
    return [(plausibility(text), codec, text)]


def plausibility(text: str) -> float:
    """How much a decoded text looks like Chinese, from 0 to 1.

    The mean of two shares, plus a small bonus for cue words (开发区, 园区...):
    the non-ASCII characters that are common hanzi, and the hanzi that fall in
    multi-character dictionary words. Mojibake fails both: Big5 read as GB18030
    gives rare characters, and EUC-KR read as GB18030 gives common characters
    in an order that forms no words.
    """
    sample = _to_simplified(text[:PLAUSIBILITY_SAMPLE])
    foreign = [c for c in sample if ord(c) > 0x7F and not c.isspace() and unicodedata.category(c)[0] != "P"]
    if not foreign:
        return 0.0
    common = _common_hanzi()
    common_share = sum(c in common for c in foreign) / len(foreign)
    bonus = 0.1 if any(w in text for w in CUE_WORDS) else 0.0
    return min(1.0, (common_share + _word_coverage(sample)) / 2 + bonus)


def _word_coverage(text: str) -> float:
    """Share of hanzi that jieba's dictionary (no HMM guessing) puts in words of two or more characters."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    han = multi = 0
    for word in jieba.lcut(text, HMM=False):
        if HAN.fullmatch(word):
            han += len(word)
            multi += len(word) if len(word) > 1 else 0
    return multi / han if han else 0.0


def _to_simplified(text: str) -> str:
    converter = _t2s()
    out = converter.convert(text)
    # t2s maps one character to one character for single hanzi; fall back if lengths differ.
    return out if len(out) == len(text) else text


@lru_cache(maxsize=1)
def _t2s() -> object:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """The most frequent characters of jieba's dictionary, weighted by word frequency."""
    import jieba

    freq: Counter[str] = Counter()
    path = Path(jieba.__file__).with_name("dict.txt")
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, count, _ = line.split(" ", 2)
            for char in word:
                freq[char] += int(count)
    ranked = (c for c, _ in freq.most_common() if HAN.fullmatch(c))
    return frozenset(c for _, c in zip(range(COMMON_HANZI), ranked, strict=False))


# -- plain text ----------------------------------------------------------------


def read_txt(data: bytes, filename: str) -> tuple[str, str]:
    return decode_text(data, filename)


