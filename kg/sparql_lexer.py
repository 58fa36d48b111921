"""Where each operation of a SPARQL update says ``WHERE``, found by a lexer that reads IRIs, strings,
comments and escaped names as the SPARQL grammar does and counts braces.

At the top level of an update (outside braces) ``WHERE`` appears only in ``DELETE WHERE { … }`` and
before the pattern of an ``INSERT``/``DELETE … WHERE`` operation; the subqueries' ``WHERE`` are inside
braces. Callers check the result against a real parse (:mod:`kg.update_dataset`).

>>> [(w.delete_where, w.start) for w in top_level_wheres("INSERT { ?s ?p 'WHERE' } WHERE { ?s ?p ?o }")]
[(False, 25)]
>>> w = top_level_wheres("PREFIX ex: <http://e/> DELETE WHERE { ex:a\\\\# ?p ?o } # WHERE")[0]
>>> (w.delete_where, w.block)
(True, (36, 52))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
STRING = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|' r"'''(?:[^'\\]|\\.|'(?!''))*'''|"
    r'"(?:[^"\\\n\r]|\\.)*"|' r"'(?:[^'\\\n\r]|\\.)*'",
    re.DOTALL,
)
# A keyword, prefixed name, variable or number: everything up to a delimiter; ``\x`` escapes one character.
WORD = re.compile(r'(?:\\.|[^\s{}()<>"\'#;,\[\]\\])+')


@dataclass(frozen=True)
class Where:
    """A top-level ``WHERE``: where it starts, whether it is ``DELETE WHERE``, the span of its ``{ … }``."""

    start: int
    delete_where: bool
    block: tuple[int, int]


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of the braces, IRIs and words outside strings and comments; kind: the brace, 'iri', 'word'."""
    tokens, at = [], 0
    while at < len(text):
        char = text[at]
        if char in "{}":
            tokens.append((char, at, at + 1))
            at += 1
        elif char == "#":
            newline = text.find("\n", at)
            at = len(text) if newline < 0 else newline + 1
        elif char in "<\"'" and (match := (IRIREF if char == "<" else STRING).match(text, at)):
            if char == "<":
                tokens.append(("iri", at, match.end()))
            at = match.end()
        elif (match := WORD.match(text, at)) is not None:
            tokens.append(("word", at, match.end()))
            at = match.end()
        else:  # white space, punctuation, a comparison's '<', an unterminated string quote
            at += 1
    return tokens


def _block_end(tokens: list[tuple[str, int, int]], index: int) -> int:
    """The end of the ``{ … }`` that opens at ``tokens[index]`` (the text's end if it never closes)."""
    depth = 0
    for kind, _, end in tokens[index:]:
        depth += {"{": 1, "}": -1}.get(kind, 0)
        if depth == 0:
            return end
    return tokens[-1][2]


def top_level_wheres(text: str) -> list[Where]:
    """Every ``WHERE`` keyword of an update that stands outside braces, in order."""
    tokens = _tokens(text)
    wheres, depth, previous = [], 0, ""
    for index, (kind, start, end) in enumerate(tokens):
        if kind != "word":
            depth += {"{": 1, "}": -1}.get(kind, 0)
            previous = kind
            continue
        word = text[start:end].upper()
        if depth == 0 and word == "WHERE":
            opening = index + 1 if index + 1 < len(tokens) and tokens[index + 1][0] == "{" else None
            block = (tokens[opening][1], _block_end(tokens, opening)) if opening is not None else (end, end)
            wheres.append(Where(start, previous == "DELETE", block))
        previous = word
    return wheres


def iris_in(text: str, base: str) -> list[str]:
    """Every IRI written ``<…>`` in the text (outside strings and comments), resolved against ``base``."""
    iris = (urljoin(base, text[start + 1 : end - 1]) for kind, start, end in _tokens(text) if kind == "iri")
    return list(dict.fromkeys(iris))


def operation_start(text: str) -> int:
    """Where the first operation of an update starts, after its prologue (``PREFIX p: <iri>``, ``BASE <iri>``).

    >>> operation_start("PREFIX ex: <http://e/> BASE <http://b/> DELETE WHERE { ?s ?p ?o }")
    40
    """
    tokens, index = _tokens(text), 0
    while index < len(tokens) and tokens[index][0] == "word":
        word = text[tokens[index][1] : tokens[index][2]].upper()
        if word not in ("PREFIX", "BASE"):
            break
        index += 3 if word == "PREFIX" else 2
    return tokens[index][1] if index < len(tokens) else len(text)
