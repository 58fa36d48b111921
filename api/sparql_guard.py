"""Refuse SPARQL features that make the engine fetch URLs (SERVICE, LOAD) before evaluation.

The scan tokenises the text the way the SPARQL grammar does for the parts that
can hide a keyword (comments, strings, IRIs, variables, prefixed names) and
rejects the keywords case-insensitively anywhere else.  Text it cannot
tokenise (an unterminated string) is refused too: the check fails closed.

>>> find_forbidden('SELECT * { ?s ?p "SERVICE" } # LOAD')
>>> find_forbidden('select * { sErViCe <http://127.0.0.1/> { ?s ?p ?o } }')
'SERVICE'
"""

from __future__ import annotations

import re

from kg.errors import QueryNotAllowed, QuerySyntaxError

FORBIDDEN = frozenset({"SERVICE", "LOAD"})

# One alternative per token class; the first that matches at a position wins.
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      | '''(?:[^'\\]|\\.|'(?!''))*'''
      | "(?:[^"\\\n\r]|\\.)*"
      | '(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<pname>[\w.-]*:[\w.\-:%\\]*)
  | (?P<word>[^\W\d]\w*)
  | (?P<quote>["'])
  | (?P<other>\s+|.)
    """,
    re.VERBOSE | re.DOTALL,
)


class FeatureNotAllowed(QueryNotAllowed):
    """The query or update uses SERVICE or LOAD."""

    def __init__(self, keyword: str) -> None:
        super().__init__(f"{keyword} is not allowed on this endpoint")
        self.keyword = keyword

    @property
    def code(self) -> str:
        return f"{self.keyword.lower()}_not_allowed"


def find_forbidden(text: str) -> str | None:
    """The first forbidden keyword outside comments, strings and IRIs, or None.

    Raises:
        QuerySyntaxError: a string literal is not terminated (the text cannot be scanned).
    """
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "quote":
            raise QuerySyntaxError(f"unterminated string at offset {match.start()}")
        if kind == "word" and match.group().upper() in FORBIDDEN:
            return match.group().upper()
    return None


def check_text(text: str) -> None:
    """Raise :class:`FeatureNotAllowed` if the text uses SERVICE or LOAD."""
    keyword = find_forbidden(text)
    if keyword is not None:
        raise FeatureNotAllowed(keyword)
