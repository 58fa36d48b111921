"""The SERVICE/LOAD scan: keywords anywhere they count, never inside comments, strings or IRIs."""

from __future__ import annotations

import pytest

from api.sparql_guard import FeatureNotAllowed, check_text, find_forbidden
from kg.errors import QuerySyntaxError

FORBIDDEN_CASES = [
    ("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("select * { service <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * { SeRvIcE SILENT <http://h/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * { VALUES ?e { <http://h/> } SERVICE ?e { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * { OPTIONAL { SERVICE<http://h/>{?s ?p ?o} } }", "SERVICE"),
    ("SELECT * { { SELECT * { SERVICE <http://h/> {?s ?p ?o} } } }", "SERVICE"),
    ("SELECT * { ?s ?p ?o } UNION { SERVICE <http://h/> { ?s ?p ?o } }", "SERVICE"),
    ('# comment\nSELECT * { ?s ?p "x" . SERVICE <http://h/> { ?s ?p ?o } }', "SERVICE"),
    ("SELECT * { FILTER(?a < 1) SERVICE <http://h/> { ?s ?p ?o } FILTER(?b > 2) }", "SERVICE"),
    ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
    ("load silent <file:///etc/passwd> INTO GRAPH <http://g/>", "LOAD"),
    ("INSERT DATA { <http://a> <http://b> 'x' } ; LOAD <http://h/>", "LOAD"),
]

ALLOWED_CASES = [
    "SELECT * { ?s ?p ?o }",
    'SELECT * { ?s ?p "SERVICE <http://h/>" }',
    "SELECT * { ?s ?p 'load' }",
    'SELECT * { ?s ?p """multi\nline SERVICE""" }',
    "SELECT * { ?s ?p ?o } # SERVICE <http://h/> in a comment",
    "SELECT * { <http://h/SERVICE> ?p ?o }",
    "SELECT ?service ?load { ?service ?p ?load }",
    "PREFIX service: <http://e/> SELECT * { ?s service:load ?o }",
    "SELECT * { ?s ?p ?o . FILTER(?o != 'a\\'SERVICE') }",
    "SELECT ?serviceName { ?s ?p ?serviceName } # loads",
]


@pytest.mark.parametrize(("text", "keyword"), FORBIDDEN_CASES)
def test_sparql_guard_finds_keyword(text: str, keyword: str) -> None:
    assert find_forbidden(text) == keyword
    with pytest.raises(FeatureNotAllowed) as info:
        check_text(text)
    assert info.value.code == f"{keyword.lower()}_not_allowed"


@pytest.mark.parametrize("text", ALLOWED_CASES)
def test_sparql_guard_allows_keyword_in_strings_comments_iris(text: str) -> None:
    assert find_forbidden(text) is None
    check_text(text)


@pytest.mark.parametrize("text", ['SELECT * { ?s ?p "open', "SELECT * { ?s ?p 'x } SERVICE <http://h/> {}"])
def test_sparql_guard_fails_closed_on_unterminated_string(text: str) -> None:
    with pytest.raises(QuerySyntaxError):
        find_forbidden(text)
