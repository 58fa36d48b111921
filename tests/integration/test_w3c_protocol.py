"""The W3C SPARQL 1.1 Protocol test suite (w3c/rdf-tests, sparql/sparql11/protocol/manifest.ttl), entry by entry.

Each test is one manifest entry and carries its name. Its HTTP requests are written here from the entry's
description (method, URL parameters, content type, body) and checked against the expected response: the
status class (2xx/3xx, or 4xx), the result format (boolean, tabular or RDF) and an ASK query's answer.
The manifest's path ``/sparql/`` is this service's ``/sparql``; every request carries the update token
(the suite has no authentication). Before each entry the store holds the suite's data (data1.nt to
data3.nt): ``<…/dataN.rdf> a foaf:Document`` in the graph ``<…/dataN.rdf>``. A refused request must
leave that data as it was. Run on an in-memory store and on an on-disk one (queries in worker processes).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pytest
from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, parse, parse_query_results

from tests.conftest import API_TOKEN

KASEI = "http://kasei.us/2009/09/sparql/data/"
D0, D1, D2, D3 = (f"{KASEI}data{n}.rdf" for n in range(4))
FOAF = "http://xmlns.com/foaf/0.1/"
PREFIXES = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
DATA_GRAPHS = "".join(f"    GRAPH <{d}> {{ <{d}> a foaf:Document }}\n" for d in (D1, D2, D3))
ALL_DATA = f"INSERT DATA {{\n{DATA_GRAPHS}}}"

QUERY, UPDATE, FORM = "application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded"
TABULAR = {"application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"}
BOOLEAN = {"application/sparql-results+json", "application/sparql-results+xml"}
RDF = {"application/rdf+xml", "text/turtle", "application/n-triples"}


@dataclass(frozen=True)
class Step:
    """One request of an entry and what its response must be."""

    method: str
    params: tuple[tuple[str, str], ...] = ()
    body: str | bytes | None = None
    content_type: str | None = None
    ok: bool = True  # 2xx or 3xx; otherwise 4xx
    result: str | None = None  # "boolean", "tabular" or "RDF"
    answer: bool | None = None  # an ASK query's expected boolean


def ask_true(body: str, *params: tuple[str, str]) -> Step:
    return Step("POST", params, body, QUERY, result="boolean", answer=True)


def update(body: str, *params: tuple[str, str]) -> Step:
    return Step("POST", params, body, UPDATE)


def bad(method: str, *params: tuple[str, str], body: str | bytes | None = None, content_type: str | None = None
        ) -> Step:
    return Step(method, params, body, content_type, ok=False)


def default(*graphs: str) -> tuple[tuple[str, str], ...]:
    return tuple(("default-graph-uri", g) for g in graphs)


def named(*graphs: str) -> tuple[tuple[str, str], ...]:
    return tuple(("named-graph-uri", g) for g in graphs)


ASK_D1_D2_DEFAULT = f"ASK {{ <{D1}> a ?type . <{D2}> a ?type . }}"
ASK_D1_D2_NAMED = f"ASK {{ GRAPH ?g1 {{ <{D1}> a ?type }} GRAPH ?g2 {{ <{D2}> a ?type }} }}"


def bibliographic_in(graph: str, *, where: str = "?s a foaf:Document") -> str:
    return f"INSERT {{\n    GRAPH <{graph}> {{ ?s a dc:BibliographicResource }}\n}}\nWHERE {{\n    {where}\n}}"


def d1_d2_not_d3(graph: str) -> str:
    """The ASK that checks an update's WHERE saw data1 and data2 but not data3."""
    typed = "a <http://purl.org/dc/terms/BibliographicResource>"
    return (f"ASK {{ GRAPH <{graph}> {{ <{D1}> {typed} . <{D2}> {typed} . }}\n"
            f"  FILTER NOT EXISTS {{ GRAPH <{graph}> {{ <{D3}> {typed} . }} }} }}")


FULL_TEST = "http://example.org/protocol-update-dataset-full-test/"
FULL_WHERE = ("{ GRAPH ?g { ?s a foaf:Document } BIND(?g AS ?in) }\n    UNION\n"
              "    { ?s a foaf:Document . BIND(\"default\" AS ?in) }")
FULL_UPDATE = (f"{PREFIXES}DROP ALL ;\n{ALL_DATA} ;\n"
               f"INSERT {{ GRAPH <{FULL_TEST}> {{ ?s <http://example.org/in> ?in }} }}\nWHERE {{\n    {FULL_WHERE}\n}}")
FULL_CHECK = (f"ASK {{ GRAPH <{FULL_TEST}> {{ <{D1}> <http://example.org/in> \"default\" .\n"
              f"    <{D2}> <http://example.org/in> <{D2}> . }}\n"
              f"  FILTER NOT EXISTS {{ GRAPH <{FULL_TEST}> {{ <{D3}> ?p ?o }} }} }}")
BASE_TEST = "http://example.org/protocol-base-test/"
CONFLICT = (f"PREFIX foaf: <{FOAF}>\nWITH <http://example/addresses>\nDELETE {{ ?person foaf:givenName 'Bill' }}\n"
            "INSERT { ?person foaf:givenName 'William' }\nWHERE {\n    ?person foaf:givenName 'Bill'\n}")

CASES: dict[str, list[Step]] = {
    "query_post_form": [Step("POST", default(D0), "query=ASK%20%7B%7D", FORM, result="boolean", answer=True)],
    "query_dataset_default_graphs_get": [
        Step("GET", (("query", ASK_D1_D2_DEFAULT), *default(D1, D2)), result="boolean", answer=True)
    ],
    "query_dataset_default_graphs_post": [ask_true(ASK_D1_D2_DEFAULT, *default(D1, D2))],
    "query_dataset_named_graphs_post": [ask_true(ASK_D1_D2_NAMED, *named(D1, D2))],
    "query_dataset_named_graphs_get": [
        Step("GET", (("query", ASK_D1_D2_NAMED), *named(D1, D2)), result="boolean", answer=True)
    ],
    "query_dataset_full": [
        ask_true(f"ASK {{ <{D3}> a ?type\n  GRAPH ?g1 {{ <{D1}> a ?type }}\n  GRAPH ?g2 {{ <{D2}> a ?type }} }}",
                 *default(D3), *named(D1, D2))
    ],
    "query_multiple_dataset": [
        ask_true(f"ASK FROM <{D3}> {{ GRAPH ?g1 {{ <{D1}> a ?type }} GRAPH ?g2 {{ <{D2}> a ?type }} }}", *named(D1, D2))
    ],
    "query_get": [Step("GET", (("query", "ASK {}"), *default(D0)), result="boolean", answer=True)],
    "query_content_type_select": [Step("POST", default(D0), "SELECT (1 AS ?value) {}", QUERY, result="tabular")],
    "query_content_type_ask": [Step("POST", default(D0), "ASK {}", QUERY, result="boolean", answer=True)],
    "query_content_type_describe": [Step("POST", default(D0), "DESCRIBE <http://example.org/>", QUERY, result="RDF")],
    "query_content_type_construct": [
        Step("POST", default(D0), "CONSTRUCT { <s> <p> 1 } WHERE {}", QUERY, result="RDF")
    ],
    "update_dataset_default_graph": [
        update(f"{PREFIXES}CLEAR ALL ;\nINSERT DATA {{ GRAPH <{D1}> {{ <{D1}> a foaf:Document }} }} ;\n"
               + bibliographic_in("http://example.org/protocol-update-dataset-test/"), ("using-graph-uri", D1)),
        ask_true(f"ASK {{ GRAPH <http://example.org/protocol-update-dataset-test/> {{\n"
                 f"    <{D1}> a <http://purl.org/dc/terms/BibliographicResource> }} }}"),
    ],
    "update_dataset_default_graphs": [
        update(f"{PREFIXES}DROP ALL ;\n{ALL_DATA} ;\n"
               + bibliographic_in("http://example.org/protocol-update-dataset-graphs-test/"),
               ("using-graph-uri", D1), ("using-graph-uri", D2)),
        ask_true(d1_d2_not_d3("http://example.org/protocol-update-dataset-graphs-test/")),
    ],
    "update_dataset_named_graphs": [
        update(f"{PREFIXES}DROP ALL ;\n{ALL_DATA} ;\n"
               + bibliographic_in("http://example.org/protocol-update-dataset-named-graphs-test/",
                                  where="GRAPH ?g { ?s a foaf:Document }"),
               ("using-named-graph-uri", D1), ("using-named-graph-uri", D2)),
        ask_true(d1_d2_not_d3("http://example.org/protocol-update-dataset-named-graphs-test/")),
    ],
    "update_dataset_full": [
        update(FULL_UPDATE, ("using-graph-uri", D1), ("using-named-graph-uri", D2)),
        ask_true(FULL_CHECK),
    ],
    "update_post_form": [Step("POST", (), "update=CLEAR+ALL", FORM)],
    "update_post_direct": [update("CLEAR ALL")],
    "update_base_uri": [
        update(f"CLEAR SILENT GRAPH <{BASE_TEST}> ;\n"
               f"INSERT DATA {{ GRAPH <{BASE_TEST}> {{ <http://example.org/s> <http://example.org/p> <test> }} }}"),
        ask_true(f"ASK {{ GRAPH <{BASE_TEST}> {{ <http://example.org/s> <http://example.org/p> ?o\n"
                 "    FILTER (isIRI(?o) && STR(?o) != \"test\") } }"),
    ],
    "query_post_direct": [Step("POST", (), "ASK {}", QUERY, result="boolean", answer=True)],
    "bad_query_method": [bad("PUT", ("query", "ASK {}"), *default(D0), content_type=FORM)],
    "bad_multiple_queries": [bad("GET", ("query", "ASK {}"), ("query", "SELECT * {}"))],
    "bad_query_wrong_media_type": [bad("POST", body="ASK {}", content_type="text/plain")],
    "bad_query_missing_form_type": [bad("POST", body="query=ASK%20%7B%7D")],
    "bad_query_missing_direct_type": [bad("POST", body="ASK {}")],
    "bad_query_non_utf8": [
        bad("POST", body="ASK {}".encode("utf-16"), content_type="application/sparql-query; charset=UTF-16")
    ],
    "bad_query_syntax": [bad("GET", ("query", "ASK {"))],
    "bad_update_get": [bad("GET", ("update", "CLEAR ALL"))],
    "bad_multiple_updates": [bad("POST", body="update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", content_type=FORM)],
    "bad_update_wrong_media_type": [bad("POST", body="CLEAR NAMED", content_type="text/plain")],
    "bad_update_missing_form_type": [bad("POST", body="update=CLEAR%20NAMED")],
    "bad_update_non_utf8": [
        bad("POST", body="CLEAR NAMED".encode("utf-16"), content_type="application/sparql-update; charset=UTF-16")
    ],
    "bad_update_syntax": [bad("POST", body="update=CLEAR%20XYZ", content_type=FORM)],
    "bad_update_dataset_conflict": [
        bad("POST", ("using-named-graph-uri", "http://example/people"), body=CONFLICT, content_type=UPDATE)
    ],
}


def _send(client: Any, step: Step) -> Any:
    headers = {"Authorization": f"Bearer {API_TOKEN}"}
    if step.content_type:
        headers["Content-Type"] = step.content_type
    return client.request(step.method, "/sparql", params=list(step.params), content=step.body, headers=headers)


def _check_result(response: Any, step: Step) -> None:
    media = response.headers["content-type"].split(";")[0]
    if step.result == "RDF":
        assert media in RDF, media
        list(parse(response.content, format=RdfFormat.from_media_type(media)))  # parses as what it says it is
        return
    assert media in (BOOLEAN if step.result == "boolean" else TABULAR), media
    answer = parse_query_results(io.BytesIO(response.content), format=QueryResultsFormat.from_media_type(media))
    if step.result == "boolean":
        assert isinstance(answer, QueryBoolean)
        assert bool(answer) is step.answer
    else:
        assert isinstance(answer, QuerySolutions)
        assert [row["value"].value for row in answer] == ["1"]


def _data_graphs(client: Any) -> set[str]:
    response = _send(client, Step("GET", (("query", "SELECT ?g { GRAPH ?g { ?g a ?type } }"),)))
    return {row["g"]["value"] for row in response.json()["results"]["bindings"]}


@pytest.mark.parametrize("name", list(CASES))
def test_w3c_protocol(protocol_client: Any, name: str) -> None:
    reset = _send(protocol_client, update(f"PREFIX foaf: <{FOAF}>\nDROP ALL ;\n{ALL_DATA}"))
    assert reset.status_code == 204, reset.text
    for step in CASES[name]:
        response = _send(protocol_client, step)
        if step.ok:
            assert 200 <= response.status_code < 400, response.text
        else:
            assert 400 <= response.status_code < 500, response.text
            assert response.json()["error"]  # the error body names the problem
            assert _data_graphs(protocol_client) == {D1, D2, D3}  # the refused request changed nothing
        if step.result:
            _check_result(response, step)


def test_w3c_protocol_construct_resolves_relative_iris(protocol_client: Any) -> None:
    """query_content_type_construct's ``<s>``/``<p>`` come back absolute (resolved against the service's base)."""
    response = _send(protocol_client, Step("POST", (), "CONSTRUCT { <s> <p> 1 } WHERE {}", QUERY))
    triples = list(parse(response.content, format=RdfFormat.TURTLE))
    assert [(t.subject.value, t.predicate.value, t.object.value) for t in triples] == [
        ("https://w3id.org/zonekg/resource/s", "https://w3id.org/zonekg/resource/p", "1")
    ]
