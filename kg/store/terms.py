"""RDF term helpers shared by the store backends."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Triple,
    parse,
)

from kg.errors import QuerySyntaxError, StoreError
from kg.namespaces import RDFS, SKOS

Term = NamedNode | BlankNode | Literal | Triple
_NAME_LINES = frozenset({str(RDFS.label), str(SKOS.altLabel)})
"""The predicates of the merged graph's names, as N-Triples writes them."""


def ntriples_block(triples: Iterable[Triple]) -> str:
    """Triples as N-Triples lines, each term in its escaped SPARQL-compatible form.

    >>> t = Triple(NamedNode("http://e/a"), NamedNode("http://e/p"), Literal('say "hi"', language="zh"))
    >>> ntriples_block([t])
    '<http://e/a> <http://e/p> "say \\\\"hi\\\\""@zh .'
    """
    lines = []
    for t in triples:
        if isinstance(t.subject, BlankNode) or isinstance(t.object, BlankNode):
            raise StoreError("blank nodes are not stored: mint an IRI with kg.iri")
        lines.append(f"{t.subject} {t.predicate} {t.object} .")
    return "\n".join(lines)


class NTriplesText:
    """Triples kept as the N-Triples lines :func:`ntriples_block` writes (one triple per line, IRI subjects).

    An extraction worker hands a document graph to the writer this way, so the embedded store splices the
    text into its update without parsing and writing every triple again; iterating parses the lines
    (for any other consumer).
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def __iter__(self) -> Iterator[Triple]:
        return (q.triple for q in parse(self.text.encode(), format=RdfFormat.N_TRIPLES))

    def _lines(self, names: bool) -> Iterator[str]:
        return (line for line in self.text.splitlines() if (line.split(" ", 2)[1] in _NAME_LINES) is names)

    def names(self) -> list[Triple]:
        """The ``rdfs:label`` / ``skos:altLabel`` triples."""
        return list(NTriplesText("\n".join(self._lines(names=True))))

    def facts_block(self) -> str:
        """The lines of every other triple."""
        return "\n".join(self._lines(names=False))


def solution_rows(result: QuerySolutions | QueryBoolean | QueryTriples) -> list[dict[str, Term]]:
    """The rows of a SELECT result, each without its unbound variables.

    Raises:
        QuerySyntaxError: the query was not a SELECT.
    """
    if not isinstance(result, QuerySolutions):
        raise QuerySyntaxError("expected a SELECT query")
    names = [v.value for v in result.variables]
    return [{n: v for n, v in zip(names, row, strict=True) if v is not None} for row in result]


def boolean_answer(result: QuerySolutions | QueryBoolean | QueryTriples) -> bool:
    """The answer of an ASK result.

    Raises:
        QuerySyntaxError: the query was not an ASK.
    """
    if not isinstance(result, QueryBoolean):
        raise QuerySyntaxError("expected an ASK query")
    return bool(result)
