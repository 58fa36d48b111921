"""Main text of web pages, PDF files and Word documents, with limits against hostile files."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from typing import TYPE_CHECKING

from kg.errors import DocumentRejected

if TYPE_CHECKING:
    from lxml.html import HtmlElement

from ingest.decode import decode_text, strict_decode

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


def read_html(data: bytes, filename: str) -> tuple[str, str]:
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


def read_pdf(data: bytes, filename: str) -> tuple[str, str]:
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
        return strict_decode(done.stdout, "utf-8", filename), "pdf"
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


def read_docx(data: bytes, filename: str) -> tuple[str, str]:
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


