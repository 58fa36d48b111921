"""A query's RDF dataset (SPARQL 1.1 Query §13, Protocol §2.1.4) and how pyoxigraph is asked to use it.

The protocol's ``default-graph-uri`` / ``named-graph-uri``, when either is given, are the whole dataset
(the other list may be empty); otherwise the query's ``FROM`` / ``FROM NAMED`` (one without the other
leaves that part empty); without any, the service's default: the merged graph (kg.store.merged), with every named
graph available. A graph named twice counts once, and the default graph is the RDF merge of its graphs.
pyoxigraph concatenates the graphs of a default graph made of several (a triple in two of them, or one
graph named twice, is matched twice), so such a default graph is merged into a scratch store first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pyoxigraph import DefaultGraph, NamedNode, Quad, QueryBoolean, QuerySolutions, QueryTriples, Store

from kg.namespaces import PREFIXES, RESOURCE_IRI
from kg.sparql_syntax import may_spell
from kg.store.merged import dataset_graph

# Without FROM (queries) or USING / WITH (updates) the default graph is the store's own: the merged graph
# (kg.store.merged), not the union of the document graphs.
UNION_DEFAULT_GRAPH = False
PN_LOCAL_ESCAPE = re.compile(r"\\([_~.\-!$&'()*+,;=/?#@%])")


@dataclass(frozen=True)
class QueryDataset:
    """The IRIs of the default graph's graphs and of the named graphs, each once."""

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()
    from_text: bool = False
    """The dataset could not be read here: the engine takes it from the query's FROM / FROM NAMED."""

    @classmethod
    def of(cls, default: tuple[str, ...] | list[str], named: tuple[str, ...] | list[str]) -> QueryDataset:
        return cls(tuple(dict.fromkeys(default)), tuple(dict.fromkeys(named)))


def query_dataset(
    query: str, default_graph_uris: tuple[str, ...] | list[str] = (), named_graph_uris: tuple[str, ...] | list[str] = ()
) -> QueryDataset | None:
    """The dataset a query runs on: the protocol's graph parameters, else its FROM / FROM NAMED; None: the default."""
    if default_graph_uris or named_graph_uris:
        return QueryDataset.of(default_graph_uris, named_graph_uris)
    return declared_dataset(query) if may_spell(query, ("from",)) else None


@lru_cache(maxsize=256)
def declared_dataset(query: str) -> QueryDataset | None:
    """The query's FROM / FROM NAMED, resolved with its prologue (and the service's prefixes and base);
    None without them or when the text does not parse (the engine then reports the syntax error).

    >>> declared_dataset("PREFIX e: <http://e/> SELECT * FROM e:a\\\\/b FROM <c> FROM NAMED e:n FROM e:a\\\\/b {}")
    QueryDataset(default=('http://e/a/b', 'https://w3id.org/zonekg/resource/c'), named=('http://e/n',), from_text=False)
    >>> declared_dataset('SELECT * WHERE { ?s ?p "FROM <http://e/g>" }') is None
    True
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.algebra import translatePrologue
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        prologue, body = parseQuery(query)
    except (ParseBaseException, RecursionError):
        return None
    if "datasetClause" not in body:
        return None
    default, named = [], []
    try:
        resolved = translatePrologue(prologue, RESOURCE_IRI, PREFIXES)
        for clause in body["datasetClause"]:
            kind = "default" if "default" in clause else "named"
            term = clause[kind]
            if isinstance(term, CompValue):  # a prefixed name; its local part may hold escapes (a\/b)
                term = resolved.resolvePName(term.prefix, PN_LOCAL_ESCAPE.sub(r"\1", term.localname))
            iri = NamedNode(str(resolved.absolutize(term))).value
            (default if kind == "default" else named).append(iri)
    except (ValueError, KeyError, TypeError, AttributeError):
        return QueryDataset(from_text=True)
    return QueryDataset.of(default, named)


def run_query(store: Store, query: str, dataset: QueryDataset | None, **options: object
              ) -> QuerySolutions | QueryBoolean | QueryTriples:
    """``store.query`` on ``dataset`` (None: the service's default); ``options``: prefixes, base IRI…"""
    if dataset is None:
        return store.query(query, use_default_graph_as_union=UNION_DEFAULT_GRAPH, **options)  # type: ignore[arg-type]
    if dataset.from_text:
        return store.query(query, **options)  # type: ignore[arg-type]
    named = [NamedNode(iri) for iri in dataset.named]
    if len(dataset.default) > 1:
        merged = _merged(store, dataset)
        return merged.query(query, default_graph=DefaultGraph(), named_graphs=named, **options)  # type: ignore[arg-type]
    default = [dataset_graph(iri) for iri in dataset.default]
    return store.query(query, default_graph=default, named_graphs=named, **options)  # type: ignore[arg-type]


def _merged(store: Store, dataset: QueryDataset) -> Store:
    """A scratch store: the merge of the default graphs as its default graph, the named graphs as they are."""
    scratch = Store()
    for iri in dataset.default:
        quads = store.quads_for_pattern(None, None, None, dataset_graph(iri))
        scratch.extend(Quad(quad.subject, quad.predicate, quad.object) for quad in quads)
    for iri in dataset.named:
        scratch.extend(store.quads_for_pattern(None, None, None, NamedNode(iri)))
    return scratch
