"""Read a document file (.txt, .html, .pdf, .docx) into a :class:`Document`.

This is the only ingest module that touches files. It decodes bytes with a
ladder that never guesses silently (a strict decode that succeeds proves
nothing for GB18030 versus Big5), keeps only the main text of web pages and
refuses oversized, encrypted or zip-bomb inputs with :class:`DocumentRejected`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.document import Document
from kg.errors import DocumentRejected
from kg.iri import is_valid_doc_id
from kg.settings import get_settings

if TYPE_CHECKING:
    pass

from ingest.decode import decode_text, plausibility, read_txt
from ingest.formats import MALFORMED_INPUT_ERRORS, check_zip, one_line, read_docx, read_html, read_pdf

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")

# C0/C1 control characters except tab and newline, plus U+FEFF anywhere.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")
_NAME_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufeff\u2028\u2029\ud800-\udfff]")
"""In file names also tab, line ends and lone surrogates (undecodable bytes of a file system name)."""
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f]")
"""Direction overrides, which can make a file name read differently from what it is."""


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
    name = safe_name(filename)  # also in messages: a client's name may carry line feeds or terminal escapes
    if len(data) > limit:
        raise DocumentRejected(_too_large(name, len(data), limit))
    suffix = Path(name).suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise DocumentRejected(f"{name}: unsupported file type {suffix or '(none)'!r}; supported: {supported}")
    try:
        raw, encoding = reader(data, name)
    except DocumentRejected:
        raise
    except MALFORMED_INPUT_ERRORS as exc:
        raise DocumentRejected(f"{name}: unreadable {suffix[1:].upper()} file: {one_line(exc)}") from exc
    raw = clean_text(raw)
    if not raw.strip():
        raise DocumentRejected(f"{name}: no text found")
    return Document(doc_id=make_doc_id(name, raw), source_name=name, raw=raw, encoding=encoding)


def safe_name(filename: str) -> str:
    """The base name of a client-supplied file name: NFC, no control characters, at most 255 bytes.

    >>> safe_name("../上传/报告\\x00.txt")
    '报告.txt'
    """
    base = re.split(r"[/\\]", filename)[-1]
    name = unicodedata.normalize("NFC", _BIDI.sub("", _NAME_CONTROL.sub("", base))).strip()
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



_READERS: dict[str, Callable[[bytes, str], tuple[str, str]]] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}

__all__ = ["SUPPORTED_SUFFIXES", "check_zip", "clean_text", "decode_text", "load_bytes", "load_path", "plausibility"]
