"""The entity index: classes, neighbours over binary facts and folded awards and roles, degree and rank."""

from __future__ import annotations

from pyoxigraph import Literal, Quad

from kg.namespaces import RDF, RDFS, ZONE, ZR
from kg.store.oxigraph import OxigraphStore
from viz.index import read_entity_index
from viz.source import store_view

ZONE_A, ZONE_B = ZR["zone/a"], ZR["zone/b"]
FIRM, OTHER, HONOUR, PERSON = ZR["enterprise/f"], ZR["enterprise/o"], ZR["honour/h"], ZR["person/p"]
AWARD, ROLE = ZR["award/1"], ZR["role/1"]


def small_store() -> OxigraphStore:
    """Two zones; a firm in both, another firm in one; an award with no zone:awarded; a role; two documents."""
    quads = []
    for doc in ("d1", "d2"):  # the union default graph sees each triple twice
        g = ZR[f"doc/{doc}"]
        entities = ((ZONE_A, ZONE.Zone), (ZONE_B, ZONE.HighTechZone), (FIRM, ZONE.Enterprise),
                    (OTHER, ZONE.Enterprise), (HONOUR, ZONE.Honour), (PERSON, ZONE.Person))
        for entity, cls in entities:
            quads += [Quad(entity, RDF.type, cls, g), Quad(entity, RDFS.label, Literal(entity.value[-1]), g)]
        quads += [Quad(FIRM, ZONE.locatedIn, ZONE_A, g), Quad(FIRM, ZONE.locatedIn, ZONE_B, g),
                  Quad(OTHER, ZONE.locatedIn, ZONE_A, g),
                  Quad(FIRM, ZONE.award, AWARD, g), Quad(AWARD, ZONE.honour, HONOUR, g),
                  Quad(AWARD, ZONE.year, Literal("2023"), g),
                  Quad(PERSON, ZONE.role, ROLE, g), Quad(ROLE, ZONE.roleIn, OTHER, g)]
    store = OxigraphStore(None)
    store.raw.extend(quads)
    store.rebuild_merged()
    return store


def test_index_reads_classes_neighbours_and_degree() -> None:
    index = read_entity_index(small_store())
    assert index.classes[ZONE_B.value] == frozenset({"HighTechZone"})
    assert index.neighbours[FIRM.value] == {ZONE_A.value, ZONE_B.value, HONOUR.value}
    assert index.neighbours[OTHER.value] == {ZONE_A.value, PERSON.value}
    # degree counts binary facts only, each neighbour once although both documents state them
    assert index.degree[FIRM.value] == 2 and index.degree[ZONE_A.value] == 2 and HONOUR.value not in index.degree
    assert {(a, b) for a, _, b in index.binary_edges([FIRM.value])} == {(FIRM.value, ZONE_A.value),
                                                                        (FIRM.value, ZONE_B.value)}
    assert (-1, HONOUR.value) in index.out[FIRM.value] and (-2, OTHER.value) in index.out[PERSON.value]
    assert index.is_zone(ZONE_B.value) and not index.is_zone(FIRM.value)


def test_index_walks_and_ranks() -> None:
    index = read_entity_index(small_store())
    assert index.within(HONOUR.value, 1) == sorted([HONOUR.value, FIRM.value])
    assert set(index.within(ZONE_A.value, 2, through_zones=False)) == {
        ZONE_A.value, FIRM.value, OTHER.value, HONOUR.value, PERSON.value}
    assert ZONE_B.value in index.within(ZONE_A.value, 2)
    everyone = list(index.classes)
    assert index.most_connected(everyone, 2) == sorted([FIRM.value, ZONE_A.value])
    assert index.most_connected(everyone, 2, keep=PERSON.value)[0] == PERSON.value
    assert set(index.of_types(["Zone", "HighTechZone"])) == {ZONE_A.value, ZONE_B.value}
    assert index.of_types(["Zone"]) == [ZONE_A.value]


def test_index_folded_steps_make_view_edges() -> None:
    view = store_view(small_store(), focus=HONOUR.value, depth=1)
    assert set(view.graph.nodes) == {HONOUR.value, FIRM.value}
    (edge,) = view.graph.get_edge_data(FIRM.value, HONOUR.value).values()
    assert edge["predicate"] == "awarded" and edge["year"] == "2023"
    role = store_view(small_store(), focus=PERSON.value, depth=1)
    assert [d["predicate"] for _, _, d in role.graph.edges(data=True)] == ["role"]
