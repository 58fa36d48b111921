"""Split normalised text into sentences with offsets into ``Document.text``."""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.document import Document, Sentence

# A sentence ends after 。！？!? (plus any closing quotes/brackets) or at a line break. A ? next to another ?
# or before a comma is a character the page's encoding lost (遨??萍?、), not a question mark.
_END = re.compile(r"(?:[。！？!]+|(?<!\?)\?(?![?、，,；;：:]))[”’」』）)]*|\n+")
# Long list-like sentences are cut further after ；.
_SEMICOLON = re.compile(r"[；;]")
LONG_SENTENCE = 120
MAX_SENTENCE_CHARS = 1000
"""A piece still longer than this (no terminator for pages: a table dump, a run of one character) is cut
at its last comma or space within the limit, else at the limit: real sentences are far shorter (longest
in the corpus and the gold sets: 317), and the extraction rules' cost grows with a sentence's length."""
_SOFT_BREAK = re.compile(r"[，,、：:\s]")


def _spans(text: str) -> list[tuple[int, int]]:
    """Raw sentence spans: from one terminator to the next."""
    spans = []
    start = 0
    for match in _END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a long sentence after each ；."""
    if end - start <= LONG_SENTENCE:
        return [(start, end)]
    pieces = []
    for match in _SEMICOLON.finditer(text, start, end):
        pieces.append((start, match.end()))
        start = match.end()
    pieces.append((start, end))
    return pieces


def _cap(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a piece into parts of at most ``MAX_SENTENCE_CHARS``, at a comma or space where there is one."""
    parts = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        breaks = [m.end() for m in _SOFT_BREAK.finditer(text, start + MAX_SENTENCE_CHARS // 2, limit)]
        cut = breaks[-1] if breaks else limit
        parts.append((start, cut))
        start = cut
    parts.append((start, end))
    return parts


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding whitespace from a span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``; empty and whitespace-only spans are skipped."""
    sentences: list[Sentence] = []
    for start, end in _spans(text):
        pieces = (part for piece in _split_long(text, start, end) for part in _cap(text, *piece))
        for piece_start, piece_end in pieces:
            begin, finish = _trim(text, piece_start, piece_end)
            if begin < finish:
                sentences.append(Sentence(len(sentences), begin, finish, text[begin:finish]))
    return sentences


def segment(doc: Document) -> Document:
    """Fill ``sentences`` of a normalised document."""
    return replace(doc, sentences=tuple(split_sentences(doc.text)))
