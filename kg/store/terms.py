"""RDF term helpers shared by the store backends."""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, QueryTriples, Triple

from kg.errors import QuerySyntaxError, StoreError

Term = NamedNode | BlankNode | Literal | Triple


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
