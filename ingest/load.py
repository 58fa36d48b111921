"""Read a document file (.txt, .html, .pdf, .docx) into a :class:`Document`.

This is the only ingest module that touches files. It decodes bytes with a
ladder that never guesses silently (a strict decode that succeeds proves
nothing for GB18030 versus Big5), keeps only the main text of web pages and
refuses oversized, encrypted or zip-bomb inputs with :class:`DocumentRejected`.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.document import Document
from kg.errors import DocumentRejected
from kg.iri import is_valid_doc_id
from kg.settings import get_settings

if TYPE_CHECKING:
    from lxml.html import HtmlElement

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")

MIN_PLAUSIBILITY = 0.5
"""Below this share of common characters a decode is refused as mojibake."""
PLAUSIBILITY_SAMPLE = 20_000
"""Characters of a candidate decoding that are scored."""
COMMON_HANZI = 2500
"""How many of the most frequent characters of jieba's dictionary count as common."""
CUE_WORDS = ("开发区", "開發區", "园区", "園區", "企业", "企業", "项目", "項目", "高新区", "高新區", "经济", "經濟")

MAX_PDF_PAGES = 500
PDF_MEMORY_BYTES = 1024**3
PDF_CPU_SECONDS = 30
PDF_WALL_SECONDS = 45
MAX_ZIP_ENTRIES = 2000
MAX_ZIP_ENTRY_BYTES = 50 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 100 * 1024 * 1024
MAX_ZIP_RATIO = 100
ZIP_RATIO_FLOOR = 1024 * 1024
"""Entries smaller than this when inflated are never refused for their ratio."""

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_GB_ALIASES = {"gb2312", "gbk", "gb_2312", "gb-2312", "x-gbk", "cp936", "ms936", "euc-cn", "gb18030"}
_BIG5_ALIASES = {"big5", "big5-hkscs", "big5hkscs", "cp950", "x-x-big5"}
# C0/C1 control characters except tab and newline, plus U+FEFF anywhere.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f]")
"""Direction overrides, which can make a file name read differently from what it is."""
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


# -- entry points --------------------------------------------------------------


def load_path(path: Path, *, max_bytes: int | None = None) -> Document:
    """Load one file; the file name becomes ``source_name``.

    Raises:
        DocumentRejected: too large, unknown type, undecodable or unreadable.
    """
    limit = _limit(max_bytes)
    try:
        size = path.stat().st_size
        if size > limit:
            raise DocumentRejected(_too_large(path.name, size, limit))
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentRejected(f"{path.name}: cannot read file: {exc.strerror or exc}") from exc
    return load_bytes(data, path.name, max_bytes=limit)


def load_bytes(data: bytes, filename: str, *, max_bytes: int | None = None) -> Document:
    """Load a document from its bytes; ``filename`` decides the format by its extension.

    Raises:
        DocumentRejected: too large, unknown type, undecodable or unreadable.
    """
    limit = _limit(max_bytes)
    if len(data) > limit:
        raise DocumentRejected(_too_large(filename, len(data), limit))
    suffix = Path(filename).suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise DocumentRejected(f"{filename}: unsupported file type {suffix or '(none)'!r}; supported: {supported}")
    raw, encoding = reader(data, filename)
    raw = clean_text(raw)
    if not raw.strip():
        raise DocumentRejected(f"{filename}: no text found")
    name = safe_name(filename)
    return Document(doc_id=make_doc_id(name, raw), source_name=name, raw=raw, encoding=encoding)


def safe_name(filename: str) -> str:
    """The base name of a client-supplied file name: NFC, no control characters, at most 255 bytes.

    >>> safe_name("../上传/报告\\x00.txt")
    '报告.txt'
    """
    base = re.split(r"[/\\]", filename)[-1]
    name = unicodedata.normalize("NFC", _BIDI.sub("", _CONTROL.sub("", base)))
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    while stem and len(f"{stem}{dot}{suffix}".encode()) > 255:
        stem = stem[:-1]
    name = f"{stem}{dot}{suffix}" if stem else name[:80]
    return name or "document"


def make_doc_id(filename: str, text: str) -> str:
    """The file stem when it is a valid document id, else ``doc-`` + sha256 of the text.

    >>> make_doc_id("000_d6b4aef8aad70cf9.txt", "")
    '000_d6b4aef8aad70cf9'
    >>> make_doc_id("南通开发区.txt", "abc")
    'doc-ba7816bf8f01cfea'
    """
    stem = Path(filename).stem
    if stem.isascii() and is_valid_doc_id(stem):
        return stem
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clean_text(text: str) -> str:
    """NFC, line ends as ``\\n``, and no control characters or byte-order marks.

    >>> clean_text("\\ufeff开发区\\r\\n园区\\x00")
    '开发区\\n园区'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def _limit(max_bytes: int | None) -> int:
    return get_settings().max_document_bytes if max_bytes is None else max_bytes


def _too_large(name: str, size: int, limit: int) -> str:
    return f"{name}: {size:,} bytes is over the {limit:,}-byte document limit"


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
            return _strict(data, codec, filename), codec.removesuffix("-sig")
    if declared:
        text = _declared(data, declared)
        if text is not None:
            return text, _canonical_codec(declared)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, filename)


def _strict(data: bytes, codec: str, filename: str) -> str:
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
    except (LookupError, UnicodeDecodeError):
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
    except (LookupError, UnicodeDecodeError):
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
        if _HAN.fullmatch(word):
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
    ranked = (c for c, _ in freq.most_common() if _HAN.fullmatch(c))
    return frozenset(c for _, c in zip(range(COMMON_HANZI), ranked, strict=False))


# -- plain text ----------------------------------------------------------------


def _read_txt(data: bytes, filename: str) -> tuple[str, str]:
    return decode_text(data, filename)


# -- HTML ----------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
              "button", "select", "svg", "object", "embed")
# class/id words of page chrome: menus, breadcrumbs, share widgets, paging, sidebars.
_CHROME = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|bread|position|location|share|bdshare|social|footer|"
    r"header|sidebar|side|toolbar|pager|pagination|prev|next|print|related|copyright|banner|search|login)"
    r"($|[\s_-])",
    re.IGNORECASE,
)
_MAIN_HINT = re.compile(r"article|content|detail|zoom|trs_editor|main|text|body|news|con\b|conn|wzy|info", re.I)
# Whole lines that are page furniture rather than text.
_FURNITURE_LINE = re.compile(
    r"^(上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇)\s*[:：]"
    r"|^(分享到|扫一扫|用手机扫)"
    # A line made only of page tools: 【字体：大 中 小】【打印本页】【关闭窗口】
    r"|^(?:[\s【】\[\]〖〗|｜:：]*(?:打印本页|打印|列印|关闭窗口|关闭|關閉|加入收藏|收藏|分享|字号|字體|字体|默认"
    r"|返回顶部|返回|大|中|小))+[\s【】\[\]〖〗|｜:：]*$"
)
MAIN_SHARE = 0.6
"""A content block must hold this share of the largest one's text to be preferred as tighter."""
_KEEP_TAGS = ("html", "body", "article", "main")
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
               "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "main", "center"}


def _read_html(data: bytes, filename: str) -> tuple[str, str]:
    match = _META_CHARSET.search(data[:4096])
    markup, encoding = decode_text(data, filename, declared=match.group(1).decode("ascii") if match else None)
    return html_main_text(markup, filename), encoding


def html_main_text(markup: str, filename: str = "document") -> str:
    """The article text of a web page: no scripts, menus, breadcrumbs, share or print links."""
    import lxml.html
    from lxml.etree import ParserError

    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (ParserError, ValueError) as exc:
        raise DocumentRejected(f"{filename}: unreadable HTML: {exc}") from exc
    _drop_chrome(root)
    main = _main_block(root)
    text = _block_text(main)
    title = _title(root)
    if title and title not in text:
        text = f"{title}\n{text}"
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line and not (len(line) <= 120 and _FURNITURE_LINE.match(line)))


def _drop_chrome(root: HtmlElement) -> None:
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        marker = f"{el.get('class', '')} {el.get('id', '')}".strip()
        if el.tag in _DROP_TAGS or (marker and el.tag not in _KEEP_TAGS and _CHROME.search(marker)):
            el.drop_tree()


def _main_block(root: HtmlElement) -> HtmlElement:
    """The tightest ``<article>``/``<main>``/content-like block holding most of the text, else ``<body>``.

    Wrappers named "main" or "content" often hold the article plus lists of
    related links, so among candidates with at least ``MAIN_SHARE`` of the
    largest one's text the smallest wins.
    """
    body = root.find("body")
    fallback = body if body is not None else root
    sizes = {el: len(el.text_content().strip()) for el in root.iter() if isinstance(el.tag, str) and _is_main_like(el)}
    largest = max(sizes.values(), default=0)
    # A "content" block holding a sliver of the page is a teaser, not the article.
    if not largest or largest < 0.3 * len(fallback.text_content().strip()):
        return fallback
    return min((el for el, size in sizes.items() if size >= MAIN_SHARE * largest), key=lambda el: sizes[el])


def _is_main_like(el: HtmlElement) -> bool:
    if el.tag in ("article", "main"):
        return True
    marker = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(_MAIN_HINT.search(marker))


def _block_text(el: HtmlElement) -> str:
    for child in el.iter():
        if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
            child.tail = "\n" + (child.tail or "")
            if child.tag != "br":
                child.text = "\n" + (child.text or "")
        elif child.tag in ("td", "th"):
            child.tail = " " + (child.tail or "")
    return str(el.text_content())


def _title(root: HtmlElement) -> str:
    for xpath in ("//h1", "//title"):
        found = root.xpath(xpath)
        if found:
            text = " ".join(found[0].text_content().split())
            if text:
                return text
    return ""


# -- PDF -----------------------------------------------------------------------


# pypdf has a history of loops and decompression blow-ups on hostile files, so
# it runs in a child process with memory and CPU limits and a wall-clock timeout.
# Exit codes: 0 text on stdout, 3 encrypted, 4 too many pages (count on stdout), 5 unreadable.
_PDF_CHILD = r"""
import io, resource, sys
memory, cpu, max_pages = (int(a) for a in sys.argv[1:4])
resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
import logging
logging.disable(logging.WARNING)
from pypdf import PdfReader
from pypdf.errors import PyPdfError
try:
    reader = PdfReader(io.BytesIO(sys.stdin.buffer.read()))
    if reader.is_encrypted:
        sys.exit(3)
    if len(reader.pages) > max_pages:
        sys.stdout.write(str(len(reader.pages)))
        sys.exit(4)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
    sys.stdout.write(f"{type(exc).__name__}: {exc}"[:300])
    sys.exit(5)
sys.stdout.buffer.write(text.encode("utf-8", "surrogatepass"))
"""


def _read_pdf(data: bytes, filename: str) -> tuple[str, str]:
    limits = [str(n) for n in (PDF_MEMORY_BYTES, PDF_CPU_SECONDS, MAX_PDF_PAGES)]
    try:
        done = subprocess.run(
            [sys.executable, "-I", "-c", _PDF_CHILD, *limits],
            input=data, capture_output=True, timeout=PDF_WALL_SECONDS, check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise DocumentRejected(f"{filename}: PDF text extraction took over {PDF_WALL_SECONDS} s") from exc
    out = done.stdout.decode("utf-8", "replace")
    if done.returncode == 0:
        return _strict(done.stdout, "utf-8", filename), "pdf"
    raise DocumentRejected(f"{filename}: " + _pdf_failure(done.returncode, out))


def _pdf_failure(code: int, out: str) -> str:
    if code == 3:
        return "the PDF is encrypted; upload an unprotected copy"
    if code == 4:
        return f"{out} pages is over the {MAX_PDF_PAGES}-page limit"
    if code == 5:
        return f"unreadable PDF: {out}"
    return f"PDF text extraction stopped (memory or CPU limit, or a parser crash; exit code {code})"


# -- DOCX ----------------------------------------------------------------------


def _read_docx(data: bytes, filename: str) -> tuple[str, str]:
    check_zip(data, filename)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        return "\n".join(_docx_blocks(document)), "docx"
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentRejected(f"{filename}: unreadable DOCX: {exc}") from exc


def check_zip(data: bytes, filename: str) -> None:
    """Refuse a zip whose central directory declares too much, too many or encrypted entries.

    Raises:
        DocumentRejected: not a zip, or over a limit (see ``MAX_ZIP_*``).
    """
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentRejected(f"{filename}: not a valid DOCX (zip) file: {exc}") from exc
    if len(infos) > MAX_ZIP_ENTRIES:
        raise DocumentRejected(f"{filename}: {len(infos)} zip entries is over the limit of {MAX_ZIP_ENTRIES}")
    if len({i.filename for i in infos}) != len(infos):
        raise DocumentRejected(f"{filename}: duplicate zip entry names")
    for info in infos:
        _check_zip_entry(info, filename)
    total = sum(i.file_size for i in infos)
    if total > MAX_ZIP_TOTAL_BYTES:
        raise DocumentRejected(f"{filename}: declares {total:,} bytes uncompressed (limit {MAX_ZIP_TOTAL_BYTES:,})")


def _check_zip_entry(info: zipfile.ZipInfo, filename: str) -> None:
    if info.flag_bits & 0x1:
        raise DocumentRejected(f"{filename}: encrypted zip entry {info.filename!r}")
    if info.file_size > MAX_ZIP_ENTRY_BYTES:
        raise DocumentRejected(
            f"{filename}: entry {info.filename!r} declares {info.file_size:,} bytes (limit {MAX_ZIP_ENTRY_BYTES:,})"
        )
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > ZIP_RATIO_FLOOR and ratio > MAX_ZIP_RATIO:
        raise DocumentRejected(f"{filename}: entry {info.filename!r} compresses {ratio:.0f}:1 (a zip bomb?)")


def _docx_blocks(document: object) -> list[str]:
    """Paragraph texts and table cell texts in document order (merged cells once)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[str] = []
    for item in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(item, Paragraph):
            blocks.append(item.text)
        elif isinstance(item, Table):
            blocks.extend(_table_rows(item))
    return blocks


def _table_rows(table: object) -> list[str]:
    rows: list[str] = []
    for row in table.rows:  # type: ignore[attr-defined]
        seen: list[object] = []
        cells: list[str] = []
        for cell in row.cells:
            if not any(cell._tc is tc for tc in seen):  # merged cells repeat the same element
                seen.append(cell._tc)
                cells.append(cell.text.strip())
        rows.append(" ".join(c for c in cells if c))
    return rows


_READERS: dict[str, Callable[[bytes, str], tuple[str, str]]] = {
    ".txt": _read_txt,
    ".html": _read_html,
    ".htm": _read_html,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
}

__all__ = ["SUPPORTED_SUFFIXES", "check_zip", "clean_text", "decode_text", "load_bytes", "load_path", "plausibility"]
