"""Main text of web pages, PDF files and Word documents, with limits against hostile files."""

from __future__ import annotations

import io
import re
import struct
import subprocess
import sys
import zipfile
import zlib

from ingest.budget import check_reading
from ingest.decode import decode_text, strict_decode
from ingest.html_text import html_main_text
from kg.errors import DocumentRejected

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
MALFORMED_INPUT_ERRORS: tuple[type[BaseException], ...] = (
    ValueError, KeyError, IndexError, TypeError, AttributeError, LookupError, EOFError, OSError, RecursionError,
    NotImplementedError, zipfile.BadZipFile, zlib.error, struct.error, SyntaxError,
)
"""What parsers raise on damaged bytes: corrupt deflate streams (zlib.error), unknown zip compression
(NotImplementedError), broken XML (lxml's XMLSyntaxError is a SyntaxError), bad charsets (UnicodeError is a
ValueError). Raised while reading a document, each is a refusal of that document, not a server fault."""


# -- HTML ----------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_html(data: bytes, filename: str) -> tuple[str, str]:
    """Decode a web page (its meta charset is a hint, checked like any other) and keep its article text."""
    match = _META_CHARSET.search(data[:4096])
    markup, encoding = decode_text(data, filename, declared=match.group(1).decode("ascii") if match else None)
    return html_main_text(markup, filename), encoding


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
    except (PackageNotFoundError, *MALFORMED_INPUT_ERRORS) as exc:
        raise DocumentRejected(f"{filename}: unreadable DOCX: {one_line(exc)}") from exc


def one_line(exc: BaseException) -> str:
    """An exception as one short line (parser messages carry line feeds and positions)."""
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:300]


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
    chars = 0
    for index, item in enumerate(document.iter_inner_content()):  # type: ignore[attr-defined]
        found = len(blocks)
        if isinstance(item, Paragraph):
            blocks.append(item.text)
        elif isinstance(item, Table):
            blocks.extend(_table_rows(item))
        chars += sum(len(block) for block in blocks[found:])
        if index % 256 == 0:  # python-docx takes ~150 µs a paragraph: a huge file stops at the first limit
            check_reading("reading the DOCX", chars)
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


