"""/sparql over HTTP: protocol forms, negotiation, caps, refusals, update gating, real clients, time limit."""

from __future__ import annotations

import io
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import rdflib
from pyoxigraph import QueryResultsFormat, parse_query_results
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, TURTLE, XML, SPARQLWrapper

from api.main import create_app
from kg.settings import MEMORY, Settings
from tests.conftest import API_TOKEN, canary_hits

ZONE = "https://w3id.org/zonekg/ontology#"
COUNT_ENTERPRISES = "SELECT (COUNT(?e) AS ?n) WHERE { ?e a zone:Enterprise }"
AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


def _count(response: httpx.Response) -> int:
    rows = list(parse_query_results(io.BytesIO(response.content), format=QueryResultsFormat.JSON))
    return int(rows[0]["n"].value)


def test_api_sparql_get_and_both_posts_agree(api_client: Any) -> None:
    get = api_client.get("/sparql", params={"query": COUNT_ENTERPRISES})
    form = api_client.post("/sparql", data={"query": COUNT_ENTERPRISES})
    direct = api_client.post("/sparql", content=COUNT_ENTERPRISES, headers={"content-type": "application/sparql-query"})
    assert [r.status_code for r in (get, form, direct)] == [200, 200, 200]
    assert _count(get) == _count(form) == _count(direct) == 1


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
    ],
)
def test_api_sparql_select_negotiates(api_client: Any, accept: str, media: str) -> None:
    response = api_client.get(
        "/sparql", params={"query": "SELECT ?l { ?z a zone:Zone ; rdfs:label ?l }"}, headers={"Accept": accept}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert "如皋高新技术产业开发区" in response.text


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_api_sparql_construct_negotiates(api_client: Any, accept: str, rdflib_format: str) -> None:
    query = "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a zone:Enterprise ; rdfs:label ?l }"
    response = api_client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    graph = rdflib.Graph().parse(data=response.content, format=rdflib_format)
    assert {str(o) for o in graph.objects()} == {"东旭科技"}


def test_api_sparql_service_description(api_client: Any) -> None:
    response = api_client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert [str(o) for o in graph.objects(None, sd.endpoint)] == ["http://testserver/sparql"]


def test_api_sparql_dataset_parameters(api_client: Any) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    sample = api_client.get(
        "/sparql", params={"query": query, "default-graph-uri": "https://w3id.org/zonekg/resource/doc/sample"}
    )
    other = api_client.get(
        "/sparql", params={"query": query, "default-graph-uri": "https://w3id.org/zonekg/resource/doc/none"}
    )
    bad = api_client.get("/sparql", params={"query": query, "default-graph-uri": "not an iri"})
    assert (_count(sample), _count(other), bad.status_code) == (54, 0, 400)


def test_api_sparql_named_graph_parameter(api_client: Any) -> None:
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    sample = api_client.get(
        "/sparql", params={"query": query, "named-graph-uri": "https://w3id.org/zonekg/resource/doc/sample"}
    )
    other = api_client.get(
        "/sparql", params={"query": query, "named-graph-uri": "https://w3id.org/zonekg/resource/doc/none"}
    )
    assert [(b["g"]["value"], b["n"]["value"]) for b in sample.json()["results"]["bindings"]] == [
        ("https://w3id.org/zonekg/resource/doc/sample", "54")
    ]
    assert other.json()["results"]["bindings"] == []


def test_api_sparql_openapi_docs(api_client: Any) -> None:
    assert api_client.get("/docs").status_code == 200
    paths = api_client.get("/openapi.json").json()["paths"]
    assert {"/sparql", "/sparql/update", "/enterprises/{ident}", "/search", "/documents", "/stats"} <= set(paths)


def test_api_sparql_row_cap_sets_header(api_client: Any) -> None:
    capped = api_client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    small = api_client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o } LIMIT 5"})
    assert capped.headers["X-SPARQL-MaxRows"] == "20"
    assert len(capped.json()["results"]["bindings"]) == 20
    assert "X-SPARQL-MaxRows" not in small.headers and len(small.json()["results"]["bindings"]) == 5


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"query": "SELECT * WHERE { ?s ?p "}, 400, "query_syntax"),
        ({"query": "INSERT DATA { <http://a> <http://b> <http://c> }"}, 400, "query_syntax"),
        ({"query": "DROP ALL"}, 400, "query_syntax"),
        ({"query": "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}, 400, "service_not_allowed"),
        ({"query": "LOAD <http://127.0.0.1:9/x.ttl>"}, 400, "query_syntax"),  # an update is not a query
    ],
)
def test_api_sparql_refusals(api_client: Any, params: dict[str, str], status: int, code: str) -> None:
    before = api_client.get("/stats").json()["quads"]
    response = api_client.get("/sparql", params=params)
    assert (response.status_code, response.json()["error"]) == (status, code)
    assert api_client.get("/stats").json()["quads"] == before


def test_api_sparql_size_limits(api_client: Any) -> None:
    long_query = "SELECT * { ?s ?p ?o } #" + "x" * (70 * 1024)
    assert (
        api_client.post("/sparql", content=long_query, headers={"content-type": "application/sparql-query"}).status_code
        == 413
    )
    assert api_client.post("/sparql", data={"query": long_query}).status_code == 413
    assert api_client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o } #" + "x" * 10_000}).status_code == 414


SSRF_TEMPLATES = [
    "SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ sErViCe SILENT <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
    "# c\nSELECT * {{ ?s ?p 'x' . SERVICE\n<{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ {{ SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
]


@pytest.mark.parametrize("template", SSRF_TEMPLATES)
def test_api_sparql_service_never_reaches_network(api_client: Any, canary: list[int], template: str) -> None:
    query = template.format(url=f"http://127.0.0.1:{canary[0]}/sparql")
    for response in (
        api_client.get("/sparql", params={"query": query}),
        api_client.post("/sparql", data={"query": query}),
    ):
        assert (response.status_code, response.json()["error"]) == (400, "service_not_allowed")
    load = api_client.post(
        "/sparql/update", data={"update": f"LOAD <http://127.0.0.1:{canary[0]}/x.ttl>"}, headers=AUTH
    )
    assert load.status_code == 400
    assert canary_hits(canary) == []


UPDATES = [
    "INSERT DATA { GRAPH <https://w3id.org/zonekg/resource/doc/x> { <http://e/a> <http://e/b> 'c' } }",
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "CLEAR DEFAULT",
    "CREATE GRAPH <http://e/g>",
    "ADD DEFAULT TO <http://e/g>",
]


@pytest.mark.parametrize("update", UPDATES)
@pytest.mark.parametrize(("headers", "status"), [({}, 401), ({"Authorization": "Bearer wrong"}, 401)])
def test_api_sparql_update_needs_token(api_client: Any, update: str, headers: dict[str, str], status: int) -> None:
    before = api_client.get("/stats").json()["quads"]
    direct = api_client.post(
        "/sparql", content=update, headers={"content-type": "application/sparql-update", **headers}
    )
    form = api_client.post("/sparql/update", data={"update": update}, headers=headers)
    assert (direct.status_code, form.status_code) == (status, status)
    assert api_client.get("/stats").json()["quads"] == before


def test_api_sparql_update_refused_without_configured_token(tmp_path: Path, sample_store: Any) -> None:
    from fastapi.testclient import TestClient

    settings = Settings(store=MEMORY, corpus=tmp_path / "none", _env_file=None)  # type: ignore[call-arg]
    with TestClient(create_app(settings, store=sample_store)) as client:
        response = client.post("/sparql/update", data={"update": "DROP ALL"}, headers={"Authorization": "Bearer "})
        assert (response.status_code, response.json()["error"]) == (403, "updates_disabled")
    assert sample_store.quad_count() == 54


def test_api_sparql_update_with_token(api_client: Any) -> None:
    response = api_client.post(
        "/sparql/update", content=UPDATES[0], headers={"content-type": "application/sparql-update", **AUTH}
    )
    assert response.status_code == 204
    assert api_client.get("/stats").json()["quads"] == 55


def test_api_sparql_sparqlwrapper_and_sparqlstore(live_api: str) -> None:
    client = SPARQLWrapper(f"{live_api}/sparql")
    client.setQuery(
        "SELECT ?l WHERE { ?z a <https://w3id.org/zonekg/ontology#Zone> ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    )
    client.setReturnFormat(JSON)
    assert [b["l"]["value"] for b in client.queryAndConvert()["results"]["bindings"]] == ["如皋高新技术产业开发区"]
    client.setReturnFormat(XML)
    assert client.queryAndConvert().getElementsByTagName("literal")[0].firstChild.data == "如皋高新技术产业开发区"
    client.setQuery("CONSTRUCT WHERE { ?e a <https://w3id.org/zonekg/ontology#Enterprise> }")
    client.setReturnFormat(TURTLE)
    assert len(rdflib.Graph().parse(data=client.queryAndConvert(), format="turtle")) == 1
    store = SPARQLStore(f"{live_api}/sparql")
    rows = list(rdflib.Graph(store).query("SELECT ?e WHERE { ?e a <https://w3id.org/zonekg/ontology#Project> }"))
    assert [str(r[0]) for r in rows] == ["https://w3id.org/zonekg/resource/project/dxp"]


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_api_sparql_runaway_query_is_stopped(disk_api: str) -> None:
    """A runaway is stopped at the 1.5 s limit (not at the 10 s default) while other queries are answered."""
    simple = {"query": COUNT_ENTERPRISES}
    with httpx.Client(base_url=disk_api, timeout=60) as client, ThreadPoolExecutor(2) as pool:
        assert _count(client.get("/sparql", params=simple)) == 1
        started = time.monotonic()
        runaway = pool.submit(client.get, "/sparql", params={"query": RUNAWAY})
        time.sleep(0.3)
        during = client.get("/sparql", params=simple)
        answered_while_the_runaway_ran = not runaway.done()
        response = runaway.result()
        elapsed = time.monotonic() - started
        assert during.status_code == 200 and answered_while_the_runaway_ran
        assert (response.status_code, response.json()["error"]) == (503, "query_timeout")
        assert "longer than 1.5 s" in response.json()["detail"] and response.headers["Retry-After"]
        assert 1.5 <= elapsed < 8  # well before the default limit: the configured one stopped it
        assert _count(client.get("/sparql", params=simple)) == 1


def test_api_sparql_workers_see_writes(disk_api: str) -> None:
    insert = (
        "INSERT DATA { GRAPH <https://w3id.org/zonekg/resource/doc/new> "
        "{ <https://w3id.org/zonekg/resource/enterprise/n> a zone:Enterprise } }"
    )
    with httpx.Client(base_url=disk_api, timeout=30) as client:
        assert client.post("/sparql/update", data={"update": insert}, headers=AUTH).status_code == 204
        assert _count(client.get("/sparql", params={"query": COUNT_ENTERPRISES})) == 2


def test_api_sparql_client_over_its_error_budget_gets_429(tmp_path: Path, sample_store: Any) -> None:
    from fastapi.testclient import TestClient

    settings = Settings(store=MEMORY, corpus=tmp_path / "none", client_errors_per_minute=2, _env_file=None)  # type: ignore[call-arg]
    with TestClient(create_app(settings, store=sample_store)) as client:
        bad = [client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s"}).status_code for _ in range(2)]
        refused = client.get("/sparql", params={"query": COUNT_ENTERPRISES})
    assert bad == [400, 400]
    assert (refused.status_code, refused.json()["error"]) == (429, "rate_limited")
    assert 1 <= int(refused.headers["Retry-After"]) <= 60


def test_api_sparql_limits_key_on_the_client_a_trusted_proxy_names(tmp_path: Path, sample_store: Any) -> None:
    from tests.conftest import serve_app

    settings = Settings(store=MEMORY, corpus=tmp_path / "none", client_errors_per_minute=1, _env_file=None)  # type: ignore[call-arg]
    served = serve_app(create_app(settings, store=sample_store))
    base = next(served)
    bad, good = {"query": "SELECT ?s WHERE { ?s"}, {"query": COUNT_ENTERPRISES}
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            first = client.get("/sparql", params=bad, headers={"X-Forwarded-For": "203.0.113.7"}).status_code
            again = client.get("/sparql", params=good, headers={"X-Forwarded-For": "203.0.113.7"}).status_code
            other = client.get("/sparql", params=good, headers={"X-Forwarded-For": "198.51.100.9"}).status_code
    finally:
        next(served, None)
    assert (first, again, other) == (400, 429, 200)


@pytest.mark.parametrize(
    ("method", "url", "kwargs", "phrase"),
    [
        ("get", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D", {}, "query is given 2 times"),
        ("post", "/sparql", {"data": {"query": ["ASK {}", "ASK {}"]}}, "query is given 2 times"),
        ("post", "/sparql?query=ASK%7B%7D", {"data": {"query": "ASK {}"}}, "query is given 2 times"),
        (
            "post",
            "/sparql?query=ASK%7B%7D",
            {"content": b"ASK {}", "headers": {"Content-Type": "application/sparql-query"}},
            "query is given 2 times",
        ),
        ("post", "/sparql/update", {"data": {"update": ["CLEAR ALL", "CLEAR ALL"]}}, "update is given 2 times"),
        ("post", "/sparql", {"data": {"query": "ASK {}", "update": "CLEAR ALL"}}, "not both"),
        (
            "post",
            "/sparql/update",
            {"data": {"update": "WITH <http://e/w> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "using-graph-uri": "http://e/g"}},
            "cannot be combined with USING, USING NAMED or WITH",
        ),
        ("get", "/sparql?query=ASK%7B%7D&using-graph-uri=http%3A%2F%2Fe%2Fg", {}, "using-graph-uri belongs to updates"),
        (
            "post",
            "/sparql/update?default-graph-uri=http%3A%2F%2Fe%2Fg",
            {"data": {"update": "DELETE WHERE { ?s ?p ?o }"}},
            "default-graph-uri belongs to queries",
        ),
    ],
)
def test_api_sparql_protocol_refuses_ambiguous_requests(
    api_client: Any, method: str, url: str, kwargs: dict[str, Any], phrase: str
) -> None:
    before = api_client.get("/stats").json()["quads"]
    kwargs = dict(kwargs)
    headers = {**AUTH, **kwargs.pop("headers", {})}
    response = getattr(api_client, method)(url, headers=headers, **kwargs)
    assert response.status_code == 400 and phrase in response.json()["detail"]
    assert api_client.get("/stats").json()["quads"] == before


def test_api_sparql_relative_iris_resolve_against_the_resource_base(api_client: Any) -> None:
    constructed = api_client.get(
        "/sparql", params={"query": "CONSTRUCT { <s> <p> 1 } WHERE {}"}, headers={"Accept": "application/n-triples"}
    )
    assert constructed.status_code == 200
    assert constructed.text.startswith("<https://w3id.org/zonekg/resource/s> <https://w3id.org/zonekg/resource/p>")
    inserted = api_client.post(
        "/sparql/update", data={"update": "INSERT DATA { GRAPH <doc/based> { <test> <p> 1 } }"}, headers=AUTH
    )
    assert inserted.status_code == 204
    ask = "ASK { GRAPH zr:doc\\/based { zr:test zr:p 1 } }"
    assert api_client.get("/sparql", params={"query": ask}).json()["boolean"] is True


def test_api_sparql_byte_cap_cuts_answer_and_says_so(tmp_path: Path, sample_store: Any) -> None:
    from fastapi.testclient import TestClient

    settings = Settings(store=MEMORY, corpus=tmp_path / "none", max_answer_bytes=600, _env_file=None)  # type: ignore[call-arg]
    select = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 30"
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 30"
    with TestClient(create_app(settings, store=sample_store)) as client:
        rows = client.get("/sparql", params={"query": select})
        triples = client.get("/sparql", params={"query": construct}, headers={"Accept": "application/n-triples"})
        small = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 2"})
    bindings = rows.json()["results"]["bindings"]
    assert rows.headers["X-SPARQL-MaxBytes"] == "600" and "X-SPARQL-MaxRows" not in rows.headers
    assert 0 < len(bindings) < 30
    assert sum(len(v["value"]) for b in bindings for v in b.values()) <= 600
    assert triples.headers["X-SPARQL-MaxBytes"] == "600"
    assert 0 < len(triples.text.strip().splitlines()) < 30 and len(triples.content) <= 600
    assert "X-SPARQL-MaxBytes" not in small.headers and len(small.json()["results"]["bindings"]) == 2


@pytest.mark.parametrize("charset", ["UTF-16", "utf-16le", "iso-8859-1", '"GBK"'])
def test_api_sparql_refuses_a_body_declared_in_another_charset(api_client: Any, charset: str) -> None:
    """bad_query_non_utf8 / bad_update_non_utf8 of the W3C suite, also for bodies that happen to decode as UTF-8."""
    for media, text in (("application/sparql-query", "ASK {}"), ("application/sparql-update", "CLEAR ALL")):
        encoding = charset.strip('"').lower().replace("utf-16le", "utf-16-le")
        response = api_client.post("/sparql", content=text.encode(encoding),
                                   headers={**AUTH, "Content-Type": f"{media}; charset={charset}"})
        assert response.status_code == 415 and "must be UTF-8" in response.json()["detail"]
    utf8 = {"Content-Type": "application/sparql-query; charset=UTF-8"}
    assert api_client.post("/sparql", content=b"ASK {}", headers=utf8).json()["boolean"] is True
