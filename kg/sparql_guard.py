"""Refuse SPARQL features that make the engine fetch URLs (SERVICE, LOAD), deciding on the parsed text.

The text goes through rdflib's SPARQL 1.1 grammar (a parser independent of
the engine) and the parse tree is searched for a ``ServiceGraphPattern`` (a
query) or a ``Load`` operation (an update).  No lexical trick can hide a
keyword from that: comments, escapes in prefixed names, strings and IRIs are
what the grammar says they are.  A text the parser cannot read is refused as
a syntax error rather than handed to the engine (the check fails closed).
Behind this guard, the threads and processes that evaluate public SPARQL have
no network (:mod:`api.net_sandbox`), in case the two parsers ever disagree.

A text in which no spelling of the keywords can occur
(:func:`kg.sparql_syntax.may_spell`) cannot name them for any parser and is
passed without the parse; that spares most queries its cost (about 10 ms, see
bench/bench_sparql_guard.py).  Other decisions are
cached by the text's digest, so a repeated query is parsed once.

>>> check_query('SELECT * { ?s ?p "SERVICE <http://h/>" } # LOAD')
>>> check_query('SELECT * { ?s ?p "x" # a comment\\n sErViCe <http://h/> { ?s ?p ?o } }')
Traceback (most recent call last):
...
kg.sparql_guard.FeatureNotAllowed: SERVICE is not allowed on this endpoint
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from threading import Lock

from kg.errors import QueryNotAllowed, QuerySyntaxError
from kg.sparql_syntax import may_spell

# Parse-tree node names (rdflib) of the operations that reach the network.
FORBIDDEN_NODES = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}
CACHE_SIZE = 2048


class FeatureNotAllowed(QueryNotAllowed):
    """The query or update uses SERVICE or LOAD."""

    def __init__(self, keyword: str) -> None:
        super().__init__(f"{keyword} is not allowed on this endpoint")
        self.keyword = keyword

    @property
    def code(self) -> str:
        return f"{self.keyword.lower()}_not_allowed"


def _forbidden_in(node: object) -> str | None:
    """The keyword of the first forbidden operation in a parse tree, or None (iterative: trees can be deep)."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            keyword = FORBIDDEN_NODES.get(item.name)
            if keyword is not None:
                return keyword
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return None


def _parse(text: str, kind: str) -> object:
    # Imported here: rdflib's grammar takes about a second to load, and most texts never need it.
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    parser = parseQuery if kind == "query" else parseUpdate
    try:
        return parser(text)
    except ParseBaseException as exc:
        raise QuerySyntaxError(f"the {kind} does not parse as SPARQL 1.1: {exc}") from exc
    except RecursionError as exc:
        raise QuerySyntaxError(f"the {kind} is nested too deeply to check") from exc
    except Exception as exc:  # noqa: BLE001 - any parser failure must refuse, never pass the text on
        raise QuerySyntaxError(f"the {kind} could not be checked: {type(exc).__name__}: {exc}") from exc


class _Verdicts:
    """A small LRU of decisions: text digest -> None (allowed) or (error class, its argument) to raise again."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[bytes, tuple[type[Exception], str] | None] = OrderedDict()
        self._lock = Lock()

    def decide(self, kind: str, text: str, decide: Callable[[], None]) -> None:
        key = hashlib.blake2b(f"{kind}\0{text}".encode("utf-8", "surrogatepass"), digest_size=20).digest()
        with self._lock:
            hit = key in self._items
            verdict = self._items.get(key)
            if hit:
                self._items.move_to_end(key)
        if not hit:
            try:
                decide()
                verdict = None
            except FeatureNotAllowed as exc:
                verdict = (FeatureNotAllowed, exc.keyword)
            except QuerySyntaxError as exc:
                verdict = (QuerySyntaxError, str(exc))
            with self._lock:
                self._items[key] = verdict
                if len(self._items) > self._size:
                    self._items.popitem(last=False)
        if verdict is not None:
            error, argument = verdict
            raise error(argument)


_VERDICTS = _Verdicts(CACHE_SIZE)


def _check(kind: str, text: str) -> None:
    keyword = _forbidden_in(_parse(text, kind))
    if keyword is not None:
        raise FeatureNotAllowed(keyword)


def check_query(text: str) -> None:
    """Refuse a query that uses SERVICE, or that the SPARQL 1.1 grammar does not accept.

    Raises:
        FeatureNotAllowed: the parsed query contains a SERVICE pattern.
        QuerySyntaxError: the text could name SERVICE and does not parse as a SPARQL 1.1 query.
    """
    if may_spell(text, ("service",)):
        _VERDICTS.decide("query", text, lambda: _check("query", text))


def check_update(text: str) -> None:
    """Refuse an update that uses LOAD or SERVICE, or that the SPARQL 1.1 grammar does not accept.

    Raises:
        FeatureNotAllowed: the parsed update contains a LOAD operation or a SERVICE pattern.
        QuerySyntaxError: the text could name LOAD or SERVICE and does not parse as a SPARQL 1.1 update.
    """
    if may_spell(text, ("service", "load")):
        _VERDICTS.decide("update", text, lambda: _check("update", text))
