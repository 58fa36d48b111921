"""Content negotiation and the capped result serialisers (checked by parsing them back with pyoxigraph)."""

from __future__ import annotations

import io

import pytest
from pyoxigraph import Literal, NamedNode, Quad, QueryResultsFormat, RdfFormat, Store, parse_query_results

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


P = NamedNode("http://e/p")


def _varied_store() -> Store:
    store = Store()
    store.add(Quad(NamedNode("http://e/a"), P, Literal('如 "q"\n<&>', language="zh")))
    store.add(Quad(NamedNode("http://e/a"), P, Literal("2.5", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))))
    store.add(Quad(NamedNode("http://e/b"), P, NamedNode("http://e/a")))
    return store


@pytest.mark.parametrize(
    ("media", "fmt"), [(results.JSON, QueryResultsFormat.JSON), (results.XML, QueryResultsFormat.XML)]
)
def test_answers_read_as_the_engine_writes_them(media: str, fmt: QueryResultsFormat) -> None:
    store = _varied_store()
    query = "SELECT ?s ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?s <http://e/q> ?none } } ORDER BY ?s STR(?o)"
    ours = execute(store, QueryRequest(query, media))
    engine = store.query(query).serialize(format=fmt)  # type: ignore[union-attr]
    assert (ours.rows, ours.truncated, ours.cut_bytes) == (None, False, False)  # small: the engine wrote it
    read = [[(r["s"], r["o"], r["none"]) for r in parse_query_results(io.BytesIO(body), format=fmt)]
            for body in (ours.body, engine)]
    assert read[0] == read[1]
    assert len(read[0]) == 3


def _counted_evaluations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The query texts api.query_exec evaluates from now on, in order."""
    from api import query_exec

    evaluations: list[str] = []
    run_query = query_exec.run_query

    def counted(*args: object, **options: object) -> object:
        evaluations.append(args[1])  # type: ignore[arg-type]
        return run_query(*args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(query_exec, "run_query", counted)
    return evaluations


@pytest.mark.parametrize("media", [results.JSON, results.XML, results.CSV])
@pytest.mark.parametrize("rows", [3, 30])
def test_a_query_too_large_for_the_engine_s_writer_is_evaluated_twice_once_then_once(
        monkeypatch: pytest.MonkeyPatch, media: str, rows: int) -> None:
    from api import query_exec

    evaluations = _counted_evaluations(monkeypatch)
    store = Store()
    store.load(b"".join(b'<http://e/%d> <http://e/p> "%s" .\n' % (i, b"x" * 50) for i in range(rows)),
               format=RdfFormat.N_TRIPLES)
    monkeypatch.setattr(query_exec, "LARGE_ANSWERS", query_exec.RecentKeys())
    request = QueryRequest("SELECT ?s ?o { ?s ?p ?o } ORDER BY ?s", media, max_rows=10)  # engine bound: 30 bytes
    first = execute(store, request)
    assert len(evaluations) == (1 if media == results.CSV else 2)  # CSV is always written here
    again = execute(store, request)
    assert len(evaluations) - (1 if media == results.CSV else 2) == 1
    assert (first.rows, first.truncated) == (again.rows, again.truncated) == (min(rows, 10), rows > 10)
    assert first.body == again.body


def test_a_small_answer_is_evaluated_once_and_written_by_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    evaluations = _counted_evaluations(monkeypatch)
    answer = execute(_varied_store(), QueryRequest("SELECT ?s ?o WHERE { ?s ?p ?o }"))
    assert (len(evaluations), answer.rows, answer.truncated) == (1, None, False)


def test_the_byte_cap_still_cuts_an_answer_under_the_row_cap() -> None:
    store = _varied_store()
    answer = execute(store, QueryRequest("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", max_bytes=30))
    assert (answer.cut_bytes, answer.rows) == (True, 2)  # <http://e/a> twice is 24 characters, a third passes 30
