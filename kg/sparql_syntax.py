"""The test that spares a SPARQL text its parse (rdflib's SPARQL 1.1 grammar) when a keyword cannot occur in it.

Parsing costs milliseconds, so it is skipped for texts in which the keyword
asked about cannot occur in any spelling: none of its letters in sequence in
any case or Unicode compatibility form, and no ``\\u``/``\\U`` codepoint escape
(the only SPARQL escape that can produce a letter).

>>> may_spell("SELECT * { ?s ?p ?o }", ("from",))
False
>>> may_spell("SELECT * FR\\u004FM <http://e/g> { ?s ?p ?o }", ("from",))
True
>>> uses_graph_patterns("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
True
>>> uses_graph_patterns("SELECT * WHERE { ?s ?p <http://e/graph/merged> }")
False
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def may_spell(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of the (lower-case) keywords could be read in the text by any SPARQL parser."""
    if "\\u" in text or "\\U" in text:
        return True
    forms = (text.lower(), text.upper().lower(), unicodedata.normalize("NFKC", text).casefold())
    return any(word in form for form in forms for word in words)


def uses_graph_patterns(query: str) -> bool:
    """Whether a query has a ``GRAPH`` pattern; False for text that does not parse."""
    return may_spell(query, ("graph",)) and _parsed_graph_patterns(query)


@lru_cache(maxsize=256)
def _parsed_graph_patterns(query: str) -> bool:
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(query)
    except (ParseBaseException, RecursionError):
        return False
    return "GraphGraphPattern" in repr(tree)
