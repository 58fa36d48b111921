"""kg.store.merged_update: the quads an update may change, worked out before it runs, or CannotTell."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from kg.store.merged_update import CannotTell, Change, changes, touched_triples
from kg.store.terms import Term

A, B, P, G = NamedNode("http://e/a"), NamedNode("http://e/b"), NamedNode("http://e/p"), NamedNode("http://e/g")


def INTEGER(lexical: str) -> Literal:  # noqa: N802
    return Literal(lexical, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


def no_select(query: str) -> list[dict[str, Term]]:
    raise AssertionError(f"no pattern to evaluate: {query}")


def test_data_operations_are_their_quads_in_order_with_lexical_forms_kept() -> None:
    found = changes(f'PREFIX e: <http://e/> INSERT DATA {{ GRAPH {G} {{ e:a e:p "01"^^xsd:integer }} '
                    f'e:a\\#x e:p "x"@zh }} ; DELETE DATA {{ {A} {P} {B} }}', no_select)
    assert set(found[:2]) == {Change(Triple(A, P, INTEGER("01")), G, True),
                              Change(Triple(NamedNode("http://e/a#x"), P, Literal("x", language="zh")), None, True)}
    assert found[2] == Change(Triple(A, P, B), None, False)


def test_a_pattern_is_evaluated_over_the_dataset_the_operation_reads() -> None:
    asked: list[str] = []

    def select(query: str) -> list[dict[str, Term]]:
        asked.append(query)
        return [{"s": A, "g": G}, {"s": B}]  # ?g unbound in the second row: its GRAPH ?g quad is skipped

    update = (f"PREFIX e: <http://e/> WITH {G} DELETE {{ ?s e:p 1 }} INSERT {{ GRAPH ?g {{ ?s e:p 2 }} }} "
              f"USING NAMED {G} WHERE {{ ?s e:p ?o }}")
    found = changes(update, select)
    assert "FROM NAMED <http://e/g>" in asked[0] and "SELECT DISTINCT ?g ?s" in asked[0]
    assert "GRAPH <http://e/g>" not in asked[0]  # USING given: WITH does not choose the pattern's graph
    assert found == [Change(Triple(A, P, INTEGER("1")), G, False), Change(Triple(B, P, INTEGER("1")), G, False),
                     Change(Triple(A, P, INTEGER("2")), G, True)]
    assert changes(f"WITH {G} DELETE {{ ?s {P} ?o }} WHERE {{ ?s {P} ?o }}", lambda q: asked.append(q) or []) == []  # type: ignore[func-returns-value]
    assert f"WHERE {{ GRAPH {G} {{ ?s {P} ?o }} }}" in asked[-1]  # WITH alone: the pattern reads that graph


def test_graph_operations_use_what_the_graph_holds_at_that_point() -> None:
    held = {G: [Triple(A, P, B)], None: []}
    found = changes(f"INSERT DATA {{ GRAPH {G} {{ {B} {P} {A} }} }} ; COPY {G} TO DEFAULT", no_select,
                    lambda graph: held[graph])
    assert {(c.triple, c.graph, c.inserted) for c in found[1:]} == {(Triple(A, P, B), None, True),
                                                                     (Triple(B, P, A), None, True)}


@pytest.mark.parametrize("update", [
    f"LOAD <http://e/x> INTO GRAPH {G}",
    "CLEAR ALL",
    f"DROP NAMED ; INSERT DATA {{ {A} {P} {B} }}",
    f"INSERT DATA {{ {A} {P} {B} }} ; DELETE WHERE {{ ?s {P} ?o }}",  # the pattern would read the first's write
    f"INSERT DATA {{ {A} {P} _:x }}",
    "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> } }",  # no parse: the engine reports it
])
def test_what_cannot_be_worked_out_beforehand_asks_for_a_rebuild(update: str) -> None:
    with pytest.raises(CannotTell):
        touched_triples(update, lambda q: [], lambda g: [])
