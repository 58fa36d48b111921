"""Facts about a SPARQL text that need its parse (rdflib's SPARQL 1.1 grammar), and the test that spares it.

Parsing costs milliseconds, so it is skipped for texts in which the keyword
asked about cannot occur in any spelling: none of its letters in sequence in
any case or Unicode compatibility form, and no ``\\u``/``\\U`` codepoint escape
(the only SPARQL escape that can produce a letter).

>>> may_spell("SELECT * { ?s ?p ?o }", ("from",))
False
>>> declares_dataset("SELECT (COUNT(*) AS ?n) FROM <http://e/g> WHERE { ?s ?p ?o }")
True
>>> declares_dataset('SELECT * WHERE { ?s ?p "FROM <http://e/g>" }')
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


def declares_dataset(query: str) -> bool:
    """Whether a query names its own dataset (``FROM`` or ``FROM NAMED``); False for text that does not parse."""
    return may_spell(query, ("from",)) and _parsed_dataset(query)


@lru_cache(maxsize=256)
def _parsed_dataset(query: str) -> bool:
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(query)
    except (ParseBaseException, RecursionError):
        return False  # the engine reports the syntax error
    return "datasetClause" in tree[1]
