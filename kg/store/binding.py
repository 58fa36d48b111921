"""Bound variables as a ``VALUES`` row in the query text, shared by every store backend.

Both backends bind the same way, and a remote server has no other way. On
the embedded store ``bench/bench_store_binding.py`` measured pyoxigraph's
``substitutions=`` as fast as a ``VALUES`` row on most API templates but up
to thousands of times slower on some (at 1M triples: entity evidence 6 s
against 1.5 ms, award holder 0.3 s against 0.2 ms), where Oxigraph's planner
does not know the substituted variable is bound and picks a bad join order.
Values are RDF terms serialised by pyoxigraph, never caller text, so nothing a
caller passes can change the query's structure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from pyoxigraph import BlankNode, Literal, Store, Triple, Variable

from kg.errors import QuerySyntaxError
from kg.namespaces import PREFIXES
from kg.store.terms import Term

_SKIP = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"'
                   r"|'(?:[^'\\\n]|\\.)*'|<[^<>\"{}|^`\\\s]*>|#[^\n]*")
_FORM = re.compile(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b(?!:)", re.IGNORECASE)
_SELECT = re.compile(r"(?<![\w?$:-])SELECT(?![\w:-])", re.IGNORECASE)
_TOKEN = re.compile(r"\bWHERE\b|\bCONSTRUCT\b|\{", re.IGNORECASE)


def bind_values(query: str, bindings: Mapping[str, Term]) -> str:
    """Bind variables with a ``VALUES`` row at the start of the query's WHERE group and of every sub-select's.

    Repeating the row inside sub-selects gives the bound value the reach
    pyoxigraph's substitutions had: Oxigraph evaluates a sub-select on its own
    before joining, so a row only in the outer group would leave a
    ``{ SELECT DISTINCT ?item WHERE { ?item a ?type } }`` scanning every type.

    Raises:
        QuerySyntaxError: the query does not parse, does not project a bound
            variable (as pyoxigraph's substitutions require), or a value is a
            blank node, which no query text can name.

    >>> from pyoxigraph import Literal
    >>> bind_values('SELECT ?s ?l WHERE { ?s rdfs:label ?l }', {"l": Literal('"} ; DROP ALL ; #')})
    'SELECT ?s ?l WHERE { VALUES (?l) { ("\\\\"} ; DROP ALL ; #") }  ?s rdfs:label ?l }'
    """
    values = " ".join(term_text(name, term) for name, term in bindings.items())
    check_bindable(query, tuple(bindings))
    row = f" VALUES ({' '.join(f'?{n}' for n in bindings)}) {{ ({values}) }} "
    for position in reversed(group_braces(query)):
        query = f"{query[: position + 1]}{row}{query[position + 1 :]}"
    return query


def term_text(name: str, term: Term) -> str:
    """``term`` as SPARQL text (quoted triples as ``<<( s p o )>>``), for the variable ``name``."""
    if isinstance(term, BlankNode):
        raise QuerySyntaxError(f"?{name} is bound to a blank node, which a query text cannot name")
    if isinstance(term, Triple):
        parts = (term_text(name, t) for t in (term.subject, term.predicate, term.object))  # type: ignore[arg-type]
        return f"<<( {' '.join(parts)} )>>"
    return str(term)


def query_form(query: str) -> str:
    """SELECT, CONSTRUCT, DESCRIBE or ASK (upper case), read past the prologue and comments.

    >>> query_form('PREFIX ask: <http://e/ask#> construct { ?s ask:p "SELECT" } WHERE { ?s ?p ?o }')
    'CONSTRUCT'
    """
    found = _FORM.search(_masked(query))
    if found is None:
        raise QuerySyntaxError("not a SPARQL query: no SELECT, CONSTRUCT, DESCRIBE or ASK")
    return found.group(1).upper()


@lru_cache(maxsize=512)
def check_bindable(query: str, names: tuple[str, ...]) -> None:
    """Fail exactly as pyoxigraph's substitutions do (syntax, unprojected bound variables).

    Only the query text and the variable names matter, so a template's check
    runs once (on an empty store) and is then remembered; failures are not.
    """
    placeholders = {Variable(n): Literal("") for n in names}
    try:
        Store().query(query, prefixes=PREFIXES, substitutions=placeholders)  # type: ignore[arg-type]
    except (SyntaxError, RuntimeError) as exc:
        raise QuerySyntaxError(str(exc)) from exc


@lru_cache(maxsize=512)
def group_braces(query: str) -> tuple[int, ...]:
    """Indexes of the ``{`` opening the query's WHERE group and each sub-select's WHERE group (remembered)."""
    masked = _masked(query)
    first = where_brace(query)
    return (first, *(masked.index("{", m.end()) for m in _SELECT.finditer(masked, first)))


def where_brace(query: str) -> int:
    """Index of the ``{`` opening the query's WHERE group (strings, IRIs and comments skipped)."""
    after_where = construct = False
    for token in _TOKEN.finditer(_masked(query)):
        word = token.group().upper()
        if word == "WHERE":
            after_where = True
        elif word == "CONSTRUCT":
            construct = True
        elif after_where or not construct:
            return token.start()
    raise QuerySyntaxError("the query has no WHERE group to bind variables in")


def _masked(query: str) -> str:
    """The query with strings, IRIs and comments blanked out, same length."""
    return _SKIP.sub(lambda m: " " * len(m.group()), query)
