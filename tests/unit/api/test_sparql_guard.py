"""The SERVICE/LOAD guard decides on the parsed text: keywords where the grammar puts them, never in
comments, strings, IRIs or prefixed names; a text the parser refuses never reaches the engine."""

from __future__ import annotations

import pytest

from kg.errors import QuerySyntaxError
from kg.sparql_guard import FeatureNotAllowed, check_query, check_update

SERVICE_QUERIES = [
    "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * { service <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * { SeRvIcE SILENT <http://h/> { ?s ?p ?o } }",
    "SELECT * { VALUES ?e { <http://h/> } SERVICE ?e { ?s ?p ?o } }",
    "SELECT * { OPTIONAL { SERVICE<http://h/>{?s ?p ?o} } }",
    "SELECT * { { SELECT * { SERVICE <http://h/> {?s ?p ?o} } } }",
    "SELECT * { { ?s ?p ?o } UNION { SERVICE <http://h/> { ?s ?p ?o } } }",
    '# comment\nSELECT * { ?s ?p "x" . SERVICE <http://h/> { ?s ?p ?o } }',
    "SELECT * { FILTER(?a < 1) SERVICE <http://h/> { ?s ?p ?o } FILTER(?b > 2) }",
    "ASK { FILTER EXISTS { SERVICE <http://h/> { ?s ?p ?o } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { MINUS { SERVICE <http://h/> { ?s ?p ?o } } }",
    "SELECT * { \\u0053ERVICE <http://h/> { ?s ?p ?o } }",
    "SELECT * { ?s ?p ?o SERVICE#c\n<http://h/> { } }",
]
LOAD_UPDATES = [
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "load silent <file:///etc/passwd> INTO GRAPH <http://g/>",
    "INSERT DATA { <http://a> <http://b> 'x' } ; LOAD <http://h/>",
    "PREFIX ex: <http://e/> INSERT DATA { ex:a\\# ex:b 1 } ; LOAD <http://h/>",
]
ALLOWED_QUERIES = [
    "SELECT * { ?s ?p ?o }",
    'SELECT * { ?s ?p "SERVICE <http://h/>" }',
    "SELECT * { ?s ?p 'load' }",
    'SELECT * { ?s ?p """multi\nline SERVICE""" }',
    "SELECT * { ?s ?p ?o } # SERVICE <http://h/> in a comment",
    "SELECT * { <http://h/SERVICE> ?p ?o }",
    "SELECT ?service ?load { ?service ?p ?load }",
    "PREFIX service: <http://e/> SELECT * { ?s service:load ?o }",
    "SELECT * { ?s ?p ?o . FILTER(?o != 'a\\'SERVICE') }",
    "PREFIX ex: <http://e/> SELECT * { ?s ?p ex:a\\#SERVICE }",
    "SELECT (COUNT(*) AS ?n) FROM <http://g/> WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("text", SERVICE_QUERIES)
def test_sparql_guard_refuses_service(text: str) -> None:
    with pytest.raises(FeatureNotAllowed) as info:
        check_query(text)
    assert info.value.code == "service_not_allowed"


@pytest.mark.parametrize(
    "text",
    [
        "PREFIX ex: <http://e/> SELECT * WHERE { VALUES ?x { ex:a\\# } SERVICE <http://h/x> { ?s ?p ?o } }",
        "PREFIX ex: <http://e/> SELECT * WHERE { ?x ?y ex:a\\# . SERVICE <http://h/x> { ?s ?p ?o } }",
    ],
)
def test_sparql_guard_refuses_the_escaped_comment_bypass(text: str) -> None:
    """`\\#` belongs to the prefixed name; rdflib's grammar rejects what follows, so the text is refused either way."""
    with pytest.raises((FeatureNotAllowed, QuerySyntaxError)):
        check_query(text)


@pytest.mark.parametrize("text", LOAD_UPDATES)
def test_sparql_guard_refuses_load(text: str) -> None:
    with pytest.raises(FeatureNotAllowed) as info:
        check_update(text)
    assert info.value.code == "load_not_allowed"


def test_sparql_guard_refuses_service_inside_an_update() -> None:
    with pytest.raises(FeatureNotAllowed):
        check_update("INSERT { ?s ?p ?o } WHERE { SERVICE <http://h/> { ?s ?p ?o } }")


@pytest.mark.parametrize("text", ALLOWED_QUERIES)
def test_sparql_guard_allows_keyword_in_strings_comments_iris(text: str) -> None:
    check_query(text)


@pytest.mark.parametrize(
    "text",
    [
        'SELECT * { ?s ?p "open service',
        "SELECT * { ?s ?p 'x } SERVICE <http://h/> {}",
        "SELECT * " + "{" * 5000 + "SERVICE <http://h/> {}" + "}" * 5000,
        "SELECT * { ?s ?p ?o } SERVICE",
        "SELECT * { ?s ?p ?o } \\u0053",
        "SELECT * { \\uZZZZ ?p ?o }",
    ],
)
def test_sparql_guard_fails_closed_on_text_it_cannot_parse(text: str) -> None:
    with pytest.raises(QuerySyntaxError):
        check_query(text)


def test_sparql_guard_repeats_a_cached_refusal() -> None:
    text = "SELECT * { SERVICE <http://h/cached> { ?s ?p ?o } }"
    for _ in range(3):
        with pytest.raises(FeatureNotAllowed):
            check_query(text)
    check_query("SELECT * { ?s ?p <http://h/cached> }")


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * { \u017fERVICE <http://h/> { ?s ?p ?o } }",  # long s: upper-cases to S
        "SELECT * { SERV\u0131CE <http://h/> { ?s ?p ?o } }",  # dotless i: upper-cases to I
        "SELECT * { \uff33\uff25\uff32\uff36\uff29\uff23\uff25 <http://h/> { ?s ?p ?o } }",  # full width
    ],
)
def test_sparql_guard_parses_any_spelling_of_the_keyword(text: str) -> None:
    """Texts whose letters could spell SERVICE in another case or form are never waved through unparsed."""
    with pytest.raises((FeatureNotAllowed, QuerySyntaxError)):
        check_query(text)


def test_sparql_guard_leaves_texts_without_the_keywords_to_the_engine() -> None:
    """No letters that spell SERVICE/LOAD and no \\u escape: no parser can read them, so no parse is spent."""
    check_query("SELECT * WHERE { ?s ?p ")  # the engine answers this one with its own syntax error
    check_update("INSERT DATA { <http://a> <http://b> 1 ")
