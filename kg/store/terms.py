"""RDF term helpers shared by the store backends."""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from kg.errors import StoreError

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
