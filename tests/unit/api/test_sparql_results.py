"""Content negotiation and the capped result serialisers (checked by parsing them back with pyoxigraph)."""

from __future__ import annotations

import io

import pytest
from pyoxigraph import Literal, NamedNode, QueryResultsFormat, RdfFormat, Store, parse_query_results

from api import results
from api.errors import NotAcceptable
from api.query_exec import QueryRequest, execute
from api.sparql_protocol import negotiate

NEGOTIATION = [
    (None, None, (results.JSON, "text/turtle")),
    ("*/*", None, (results.JSON, "text/turtle")),
    ("application/sparql-results+xml", None, (results.XML, "text/turtle")),
    ("text/csv;q=0.5, text/tab-separated-values", None, (results.TSV, "text/turtle")),
    ("application/json", None, (results.JSON, "text/turtle")),
    ("application/n-triples", None, (results.JSON, "application/n-triples")),
    ("application/ld+json, text/csv;q=0.1", None, (results.CSV, "application/ld+json")),
    ("application/rdf+xml", None, (results.JSON, "application/rdf+xml")),
    ("text/html,application/xhtml+xml,*/*;q=0.8", None, (results.JSON, "text/turtle")),
    ("text/html", "csv", (results.CSV, "text/turtle")),
]


@pytest.mark.parametrize(("accept", "fmt", "expected"), NEGOTIATION)
def test_sparql_protocol_negotiates(accept: str | None, fmt: str | None, expected: tuple[str, str]) -> None:
    assert negotiate(accept, fmt) == expected


def test_sparql_protocol_refuses_unproducible_type() -> None:
    with pytest.raises(NotAcceptable):
        negotiate("image/png")


ROWS = [
    [NamedNode("https://w3id.org/zonekg/resource/zone/a"), Literal("如皋高新区", language="zh")],
    [None, Literal("2000000000", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))],
    [NamedNode("http://e/x"), Literal('quote " and, comma\ttab')],
]


@pytest.mark.parametrize(
    ("media", "fmt"),
    [
        (results.JSON, QueryResultsFormat.JSON),
        (results.XML, QueryResultsFormat.XML),
        (results.TSV, QueryResultsFormat.TSV),
    ],
)
def test_sparql_results_round_trip(media: str, fmt: QueryResultsFormat) -> None:
    body = results.solutions(media, ["s", "o"], ROWS)
    parsed = parse_query_results(io.BytesIO(body), format=fmt)
    assert [[row["s"], row["o"]] for row in parsed] == ROWS


def test_sparql_results_csv_plain_values() -> None:
    body = results.solutions(results.CSV, ["s", "o"], ROWS).decode()
    assert body.splitlines()[0:2] == ["s,o", "https://w3id.org/zonekg/resource/zone/a,如皋高新区"]
    assert '"quote "" and, comma\ttab"' in body


def test_sparql_results_execute_caps_rows_and_triples() -> None:
    store = Store()
    store.load(b"".join(b'<http://e/%d> <http://e/p> "%d" .\n' % (i, i) for i in range(30)), format=RdfFormat.N_TRIPLES)
    select = execute(store, QueryRequest("SELECT ?s { ?s ?p ?o }", max_rows=10))
    assert (select.truncated, select.rows) == (True, 10)
    assert len(list(parse_query_results(io.BytesIO(select.body), format=QueryResultsFormat.JSON))) == 10
    graph = execute(
        store, QueryRequest("CONSTRUCT WHERE { ?s ?p ?o }", graph_type="application/n-triples", max_rows=30)
    )
    assert (graph.truncated, graph.rows, graph.body.count(b"\n")) == (False, 30, 30)
