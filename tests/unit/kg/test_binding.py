"""Bound variables as a VALUES row: hostile values stay values, the row lands in the WHERE group, errors match."""

from __future__ import annotations

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Store, Triple

from kg.errors import QuerySyntaxError
from kg.namespaces import PREFIXES, RDFS, XSD
from kg.store.binding import bind_values, query_form, where_brace

A = NamedNode("https://w3id.org/zonekg/resource/enterprise/a")
GRAPH = NamedNode("https://w3id.org/zonekg/resource/doc/d1")
LABEL = Literal("东旭科技", language="zh")
LABELS = "SELECT ?s ?l WHERE { ?s rdfs:label ?l }"


@pytest.fixture
def labelled() -> Store:
    store = Store()
    store.add(Quad(A, RDFS.label, LABEL, GRAPH))
    return store


def run(store: Store, query: str) -> list[tuple[str, ...]]:
    solutions = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    return [tuple(str(t) for t in row) for row in solutions]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "hostile",
    [
        Literal('"} ; DROP ALL ; #', language="zh"),
        Literal("'''\n} } DELETE WHERE { ?s ?p ?o } #"),
        Literal('东旭科技"@zh ) } ?s ?p ?o . FILTER(true'),
        Literal("line\nbreak\r\n} UNION { ?s ?p ?o }"),
        Literal('\\" } #', datatype=XSD.string),
        Literal(">) } SERVICE <http://127.0.0.1:9/> {"),
    ],
)
def test_binding_hostile_literal_is_one_value(labelled: Store, hostile: Literal) -> None:
    query = bind_values(LABELS, {"l": hostile})
    assert run(labelled, query) == []
    assert query.count("VALUES") == 1 and query.endswith(" ?s rdfs:label ?l }")
    row = next(iter(Store().query(f"SELECT ?l WHERE {{ VALUES (?l) {{ ({hostile}) }} }}")))
    assert row["l"] == hostile


@pytest.mark.parametrize("iri", ["http://e/a> ?p ?o } #", "http://e/a b", 'http://e/"x"', "http://e/{x}", "http://e/\n"])
def test_binding_iri_that_could_close_itself_is_rejected_before_binding(iri: str) -> None:
    with pytest.raises(ValueError, match="Invalid IRI"):
        NamedNode(iri)


def test_binding_matches_like_a_constant(labelled: Store) -> None:
    assert run(labelled, bind_values(LABELS, {"l": LABEL})) == [(str(A), str(LABEL))]
    assert run(labelled, bind_values(LABELS, {"s": A, "l": LABEL})) == [(str(A), str(LABEL))]
    assert run(labelled, bind_values(LABELS, {"l": Literal("东旭科技")})) == []


def test_binding_typed_literal_and_quoted_triple() -> None:
    store = Store()
    amount = Literal("12.5", datatype=XSD.decimal)
    quoted = Triple(A, RDFS.label, LABEL)
    store.add(Quad(A, RDFS.comment, amount, GRAPH))
    store.add(Quad(A, RDFS.seeAlso, quoted, GRAPH))
    query = bind_values("SELECT ?s ?v WHERE { ?s rdfs:comment ?v }", {"v": amount})
    assert run(store, query) == [(str(A), str(amount))]
    query = bind_values("SELECT ?s ?t WHERE { ?s rdfs:seeAlso ?t }", {"t": quoted})
    assert "<<( " in query and [r[0] for r in run(store, query)] == [str(A)]


def test_binding_blank_node_is_refused() -> None:
    with pytest.raises(QuerySyntaxError, match="blank node"):
        bind_values(LABELS, {"l": BlankNode()})


@pytest.mark.parametrize(
    "query",
    ["SELECT ?s WHERE { ?s rdfs:label ?l }", "SELECT * WHERE { ?s rdfs:label ?x }", "SELEC ?l WHERE { ?s ?p ?l }"],
)
def test_binding_unprojected_variable_or_bad_syntax_fails_every_time(query: str) -> None:
    for _ in range(2):
        with pytest.raises(QuerySyntaxError):
            bind_values(query, {"l": LABEL})


@pytest.mark.parametrize(
    ("query", "group"),
    [
        ("SELECT ?l WHERE { ?s ?p ?l }", "{ ?s ?p ?l }"),
        ("SELECT ?l { ?s ?p ?l }", "{ ?s ?p ?l }"),
        ('PREFIX w: <http://e/where#> # WHERE { ?x\nSELECT ?l WHERE { ?s w:p "{" }', '{ ?s w:p "{" }'),
        ("CONSTRUCT { ?s ?p ?l } WHERE { ?s ?p ?l . { ?s ?p ?o } }", "{ ?s ?p ?l . { ?s ?p ?o } }"),
        ("ASK { ?s ?p ?l }", "{ ?s ?p ?l }"),
    ],
)
def test_binding_values_row_opens_the_where_group(query: str, group: str) -> None:
    assert query[where_brace(query) :] == group


def test_binding_construct_without_where_group_is_refused() -> None:
    with pytest.raises(QuerySyntaxError, match="no WHERE group"):
        where_brace("CONSTRUCT { ?s ?p ?l }")


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ('PREFIX ask: <http://e/ask#> construct { ?s ask:p "SELECT" } WHERE { ?s ?p ?o }', "CONSTRUCT"),
        ("# SELECT\nASK { ?s ?p ?o }", "ASK"),
        ("describe <http://e/a>", "DESCRIBE"),
    ],
)
def test_binding_query_form_reads_past_prologue_and_comments(query: str, form: str) -> None:
    assert query_form(query) == form


def test_binding_row_is_repeated_in_each_sub_select_only() -> None:
    query = ("PREFIX ex: <http://e/> SELECT ?select ?t WHERE { ?select ex:select ?t . "
             "{ SELECT DISTINCT ?i ?t WHERE { ?i a ?t } } }")
    bound = bind_values(query, {"t": A})
    assert bound.count(f"WHERE {{ VALUES (?t) {{ ({A}) }}") == 2 and bound.count("VALUES") == 2
