"""The live entity index: patched after each write for the IRIs it touched, always equal to the index read whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from kg.namespaces import RDF, RDFS, ZONE, ZR
from kg.store.oxigraph import OxigraphStore
from viz import live as live_module
from viz.graph import to_networkx
from viz.index import EntityIndex, read_entity_index
from viz.live import LiveIndex, live_index
from viz.records import read_records
from viz.source import store_view
from viz.views import select_view

ROOT = Path(__file__).resolve().parents[3]
ZONE_A, ZONE_B = ZR["zone/a"], ZR["zone/b"]
FIRM, OTHER, HONOUR, PERSON = ZR["enterprise/f"], ZR["enterprise/o"], ZR["honour/h"], ZR["person/p"]
AWARD, ROLE, PROJECT, INVEST = ZR["award/1"], ZR["role/1"], ZR["project/p"], ZR["investment/1"]


def entity(iri: NamedNode, cls: NamedNode, name: str) -> list[Triple]:
    return [Triple(iri, RDF.type, cls), Triple(iri, RDFS.label, Literal(name, language="zh"))]


def first_documents() -> dict[NamedNode, list[Triple]]:
    """Two zones, two firms, an award whose honour and year another document states (one naming neither the
    firm nor anything it links to), a role."""
    return {
        ZR["doc/one"]: [*entity(ZONE_A, ZONE.Zone, "甲园区"), *entity(FIRM, ZONE.Enterprise, "甲公司"),
                        *entity(OTHER, ZONE.Enterprise, "乙公司"), *entity(PERSON, ZONE.Person, "张三"),
                        Triple(FIRM, ZONE.locatedIn, ZONE_A), Triple(OTHER, ZONE.locatedIn, ZONE_A),
                        Triple(FIRM, ZONE.award, AWARD), Triple(PERSON, ZONE.role, ROLE),
                        Triple(ROLE, ZONE.roleIn, OTHER), Triple(ROLE, ZONE.title, Literal("董事长"))],
        ZR["doc/two"]: [*entity(ZONE_B, ZONE.HighTechZone, "乙高新区"), *entity(HONOUR, ZONE.Honour, "瞪羚企业"),
                        Triple(AWARD, ZONE.honour, HONOUR), Triple(AWARD, ZONE.year, Literal("2022"))],
    }


def assert_current(store: OxigraphStore, live: LiveIndex) -> EntityIndex:
    """The live index equals the index read whole, and views from it equal views cut from the whole graph."""
    index = live.current()
    assert index == read_entity_index(store)
    # the records kept from before the writes and those read again equal the records read now
    assert index.records_of(store, index.classes) == read_records(store, index.classes)
    whole = to_networkx(store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"))
    for params in ({}, {"types": ["Enterprise"]}, *({"focus": e, "depth": 2} for e in sorted(index.classes)[:6])):
        expected, got = select_view(whole, **params), store_view(store, **params)  # type: ignore[arg-type]
        assert sorted(got.graph.nodes(data=True)) == sorted(expected.graph.nodes(data=True)), params
        assert sorted(map(str, got.graph.edges(data=True))) == sorted(map(str, expected.graph.edges(data=True)))
    return index


class WholeReads:
    """Stands in for the live index's whole read, counting the calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        monkeypatch.setattr(live_module, "read_entity_index", self)

    def __call__(self, *args: object, **kwargs: object) -> EntityIndex:
        self.count += 1
        return read_entity_index(*args, **kwargs)  # type: ignore[arg-type]


def started(store: OxigraphStore) -> LiveIndex:
    live = live_index(store)
    assert live is not None
    index = live.current()
    index.records_of(store, index.classes)  # every record read, so writes must drop those they change
    return live


def test_live_index_follows_document_writes(memory_store: OxigraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    memory_store.replace_graphs(first_documents())
    reads = WholeReads(monkeypatch)
    live = started(memory_store)
    # a fact node's value changes in a document that does not name its entity: the entity's award year follows
    doc_two = first_documents()[ZR["doc/two"]]
    memory_store.replace_graph(ZR["doc/two"], [t for t in doc_two if t.predicate != ZONE.year]
                               + [Triple(AWARD, ZONE.year, Literal("2023"))])
    index = assert_current(memory_store, live)
    assert index.records[FIRM.value].awards == ((HONOUR.value, "2023"),)
    assert reads.count == 1  # the first read; the write was patched in


@pytest.mark.parametrize("change", ["add entity and links", "drop a class", "drop a step", "rename", "project"])
def test_live_index_patch_equals_whole_read(memory_store: OxigraphStore, change: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    memory_store.replace_graphs(first_documents())
    reads = WholeReads(monkeypatch)
    live = started(memory_store)
    doc = first_documents()[ZR["doc/one"]]
    if change == "add entity and links":
        doc += [*entity(HONOUR, ZONE.Honour, "瞪羚"), Triple(OTHER, ZONE.awarded, HONOUR),
                Triple(OTHER, ZONE.locatedIn, ZONE_B)]
    elif change == "drop a class":  # the firm is no entity any more: its neighbours lose it
        doc = [t for t in doc if not (t.subject == FIRM and t.predicate == RDF.type)]
    elif change == "drop a step":
        doc = [t for t in doc if t.predicate not in (ZONE.award, ZONE.roleIn)]
    elif change == "rename":
        doc += [Triple(FIRM, RDFS.label, Literal("甲科技股份有限公司", language="zh"))]
    else:
        doc += [*entity(PROJECT, ZONE.Project, "扩建项目"), Triple(PROJECT, ZONE.investor, FIRM),
                Triple(PROJECT, ZONE.investment, INVEST), Triple(INVEST, ZONE.amount, Literal("2.5E8", datatype=(
                    NamedNode("http://www.w3.org/2001/XMLSchema#double"))))]
    memory_store.replace_graph(ZR["doc/one"], doc)
    index = assert_current(memory_store, live)
    assert reads.count == 1
    if change == "drop a class":
        assert FIRM.value not in index.classes and FIRM.value not in index.neighbours[ZONE_A.value]
    if change == "project":
        assert index.records[PROJECT.value].attrs["amount"] == 2.5e8


def test_live_index_follows_ingest_replace_and_delete(memory_store: OxigraphStore,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from ingest.runner import ingest_paths

    reads = WholeReads(monkeypatch)
    live = started(memory_store)
    files = sorted((ROOT / "data" / "corpus").iterdir())
    for path in files:
        ingest_paths(memory_store, [path], workers=1, on_error="raise", progress=False)
        index = live.current()
        assert index == read_entity_index(memory_store), path.name
        assert index.records_of(memory_store, index.classes) == read_records(memory_store, index.classes)
    assert len(live.current().classes) > 20
    ingest_paths(memory_store, files[:2], workers=1, on_error="raise", progress=False)  # the same documents again
    graphs = memory_store.graphs()
    memory_store.delete_graph(graphs[0])
    memory_store.replace_graph(graphs[1], [])
    assert_current(memory_store, live)
    assert reads.count == 1


def test_live_index_patched_after_sparql_updates_and_read_whole_after_clear_all(sample_store: OxigraphStore,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    reads = WholeReads(monkeypatch)
    live = started(sample_store)
    sample_store.update(f"INSERT DATA {{ GRAPH {ZR['doc/new']} {{ {ZONE_A} a zone:Zone ; rdfs:label \"新园区\"@zh . "
                        f"{FIRM} a zone:Enterprise ; zone:locatedIn {ZONE_A} }} }}")
    index = assert_current(sample_store, live)
    assert index.neighbours[ZONE_A.value] == {FIRM.value}
    sample_store.update(f"DELETE WHERE {{ GRAPH ?g {{ {FIRM} ?p ?o }} }}")
    assert FIRM.value not in assert_current(sample_store, live).classes
    assert reads.count == 1  # the updates' touched triples are known: the index is patched
    sample_store.update(f"CLEAR GRAPH {ZR['doc/new']}")
    assert ZONE_A.value not in assert_current(sample_store, live).neighbours
    assert reads.count == 1  # an operation on one graph: its triples are known too
    sample_store.update("CLEAR ALL")
    assert not assert_current(sample_store, live).classes
    assert reads.count == 2  # an operation on every graph may change anything


def test_live_index_too_much_touched_is_read_whole(sample_store: OxigraphStore,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    live = started(sample_store)
    monkeypatch.setattr(live_module, "PATCH_LIMIT", 3)
    sample_store.replace_graphs(first_documents())
    assert live._touched is None  # noqa: SLF001
    assert_current(sample_store, live)


def test_live_index_write_during_refresh_is_caught_up(memory_store: OxigraphStore) -> None:
    memory_store.replace_graphs(first_documents())
    live = started(memory_store)
    generation = memory_store.generation
    memory_store.replace_graph(ZR["doc/three"], entity(ZR["zone/c"], ZONE.Zone, "丙园区"))
    memory_store.generation = generation  # as if the refresh read the generation before that write ended
    live.current()
    memory_store.generation += 1
    assert ZR["zone/c"].value in assert_current(memory_store, live).classes


def test_live_index_reads_every_record_ahead_after_a_whole_read(memory_store: OxigraphStore,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """After a whole read the records of every entity are read on a thread of their own; a view after a write
    then reads only the records of what the write changed."""
    from viz import index as index_module

    memory_store.replace_graphs(first_documents())
    live = live_index(memory_store)
    assert live is not None
    index = live.current()
    assert live.warmed(timeout=30)
    assert index.records == read_records(memory_store, index.classes)
    read_for_views: list[set[str]] = []

    def recorded(store: OxigraphStore, classes: object, entities: object = None) -> object:
        read_for_views.append(set(entities))  # type: ignore[call-overload]
        return read_records(store, classes, entities)  # type: ignore[arg-type]

    monkeypatch.setattr(index_module, "read_records", recorded)
    doc = first_documents()[ZR["doc/one"]] + [Triple(FIRM, RDFS.label, Literal("甲科技股份有限公司", language="zh"))]
    memory_store.replace_graph(ZR["doc/one"], doc)
    view = store_view(memory_store)
    assert view.graph.nodes[FIRM.value]["label"] == "甲科技股份有限公司"
    assert read_for_views and set().union(*read_for_views) <= {ZONE_A.value, FIRM.value, OTHER.value, PERSON.value}
    assert assert_current(memory_store, live).records == read_records(memory_store, live.current().classes)
