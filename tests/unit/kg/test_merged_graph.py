"""The merged default graph: one label per entity, each fact once, in step with every write."""

from __future__ import annotations

import io
import logging
import random
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, Literal, Quad, Store, Triple

from kg.iri import doc_graph_iri, entity_iri
from kg.model import EntityType
from kg.namespaces import RDFS, SKOS, ZONE
from kg.store.merged import TOUCHED_GRAPH, expected_merged, fullest_name
from kg.store.oxigraph import OxigraphStore

COMPANY = entity_iri(EntityType.ENTERPRISE, "东旭科技")
OTHER = entity_iri(EntityType.ENTERPRISE, "云帆海缆")
ZONE_A = entity_iri(EntityType.ZONE, "南通开发区")
LONG, SHORT = Literal("南通经济技术开发区", language="zh"), Literal("南通开发区", language="zh")


def merged(store: OxigraphStore) -> set[Triple]:
    return {q.triple for q in store.raw.quads_for_pattern(None, None, None, DefaultGraph())}


def assert_in_step(store: OxigraphStore) -> None:
    assert merged(store) == expected_merged(store.raw)
    assert not store.raw.contains_named_graph(TOUCHED_GRAPH)


def test_fullest_name_is_longest_then_smallest() -> None:
    assert fullest_name([SHORT, LONG]) == LONG
    tie = [Literal("乙公司", language="zh"), Literal("甲公司", language="zh")]
    assert fullest_name(tie) == fullest_name(list(reversed(tie))) == min(tie, key=lambda n: n.value)


def test_one_label_per_entity_and_other_names_as_alt_labels(memory_store: OxigraphStore) -> None:
    memory_store.replace_graph(doc_graph_iri("d1"), [Triple(ZONE_A, RDFS.label, SHORT),
                                                     Triple(COMPANY, ZONE.locatedIn, ZONE_A)])
    memory_store.replace_graph(doc_graph_iri("d2"), [Triple(ZONE_A, RDFS.label, LONG),
                                                     Triple(ZONE_A, SKOS.altLabel, SHORT),
                                                     Triple(COMPANY, ZONE.locatedIn, ZONE_A)])
    rows = memory_store.select("SELECT ?c ?l WHERE { ?c zone:locatedIn ?z . ?z rdfs:label ?l }")
    assert [(r["c"], r["l"]) for r in rows] == [(COMPANY, LONG)]
    alt = memory_store.select("SELECT ?z ?a WHERE { ?z skos:altLabel ?a }", bindings={"z": ZONE_A})
    assert [r["a"] for r in alt] == [SHORT]
    # The document graphs keep what each one asserted.
    per_doc = memory_store.select("SELECT ?g ?l WHERE { GRAPH ?g { ?z rdfs:label ?l } } ORDER BY ?g")
    assert [(r["g"], r["l"]) for r in per_doc] == [(doc_graph_iri("d1"), SHORT), (doc_graph_iri("d2"), LONG)]
    # Deleting the document with the long name gives the label back to the short one.
    memory_store.delete_graph(doc_graph_iri("d2"))
    assert [r["l"] for r in memory_store.select("SELECT ?l WHERE { ?z rdfs:label ?l }")] == [SHORT]
    assert_in_step(memory_store)


def test_a_fact_stays_while_another_document_asserts_it(memory_store: OxigraphStore) -> None:
    fact = Triple(COMPANY, ZONE.locatedIn, ZONE_A)
    memory_store.replace_graph(doc_graph_iri("d1"), [fact])
    memory_store.replace_graph(doc_graph_iri("d2"), [fact])
    memory_store.replace_graph(doc_graph_iri("d1"), [Triple(OTHER, ZONE.locatedIn, ZONE_A)])
    assert fact in merged(memory_store)
    memory_store.delete_graph(doc_graph_iri("d2"))
    assert fact not in merged(memory_store)
    assert_in_step(memory_store)


def test_graph_patterns_see_only_document_graphs(memory_store: OxigraphStore) -> None:
    memory_store.replace_graph(doc_graph_iri("d1"), [Triple(COMPANY, ZONE.locatedIn, ZONE_A)])
    rows = memory_store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert [r["g"] for r in rows] == [doc_graph_iri("d1")]


def _random_graph(rng: random.Random) -> list[Triple]:
    entities = [entity_iri(EntityType.ENTERPRISE, f"企业{i}") for i in range(4)]
    names = ["甲", "乙乙", "丙丙", "丁丁丁", "戊"]
    triples = []
    for entity in rng.sample(entities, rng.randint(1, 4)):
        triples.append(Triple(entity, RDFS.label, Literal(rng.choice(names), language="zh")))
        if rng.random() < 0.5:
            triples.append(Triple(entity, SKOS.altLabel, Literal(rng.choice(names), language="zh")))
        triples.append(Triple(entity, ZONE.locatedIn, rng.choice([ZONE_A, entity_iri(EntityType.ZONE, "如皋高新区")])))
    return triples


def test_random_writes_keep_the_merged_graph_equal_to_its_definition(memory_store: OxigraphStore) -> None:
    rng = random.Random(11)
    for _ in range(60):
        docs = rng.sample(["a", "b", "c", "d", "e"], rng.randint(1, 3))
        if rng.random() < 0.2:
            memory_store.delete_graph(doc_graph_iri(docs[0]))
        else:
            memory_store.replace_graphs({doc_graph_iri(d): _random_graph(rng) for d in docs})
        assert_in_step(memory_store)
        labels = memory_store.select("SELECT ?s (COUNT(?l) AS ?n) WHERE { ?s rdfs:label ?l } GROUP BY ?s")
        assert all(int(r["n"].value) == 1 for r in labels)


def test_nquads_round_trip_rebuilds_the_merged_graph(memory_store: OxigraphStore) -> None:
    memory_store.replace_graph(doc_graph_iri("d1"), [Triple(ZONE_A, RDFS.label, SHORT)])
    memory_store.replace_graph(doc_graph_iri("d2"), [Triple(ZONE_A, RDFS.label, LONG)])
    dump = io.BytesIO()
    memory_store.dump_nquads(dump)
    assert b"graph/merged" not in dump.getvalue() and dump.getvalue().count(b"\n") == 2
    copy = OxigraphStore(None)
    copy.bulk_load_nquads(dump.getvalue())
    expected = {Triple(ZONE_A, RDFS.label, LONG), Triple(ZONE_A, SKOS.altLabel, SHORT)}
    assert merged(copy) == merged(memory_store) == expected


def test_a_store_without_merged_graph_is_migrated_once_on_open(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    old = Store(str(tmp_path / "old"))  # written the way the previous version did: document graphs only
    for doc, label in (("d1", SHORT), ("d2", LONG)):
        old.add(Quad(ZONE_A, RDFS.label, label, doc_graph_iri(doc)))
        old.add(Quad(COMPANY, ZONE.locatedIn, ZONE_A, doc_graph_iri(doc)))
    old.flush()
    del old
    with caplog.at_level(logging.INFO, logger="kg.store.oxigraph"):
        store = OxigraphStore(tmp_path / "old")
    assert "building it once" in caplog.text
    assert_in_step(store)
    rows = store.select("SELECT ?c ?l WHERE { ?c zone:locatedIn ?z . ?z rdfs:label ?l }")
    assert [(r["c"], r["l"]) for r in rows] == [(COMPANY, LONG)]
    store.close()
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="kg.store.oxigraph"):
        OxigraphStore(tmp_path / "old").close()
    assert "building it once" not in caplog.text


def test_same_fact_from_two_documents_is_one_node_with_two_evidence_links(memory_store: OxigraphStore) -> None:
    from ingest.emit import to_triples
    from ingest.load import load_bytes
    from ingest.pipeline import run

    text = "2023年，东旭科技有限公司总投资5亿元的东旭新材料项目在南通经济技术开发区开工。".encode()
    for name in ("first.txt", "second.txt"):
        done = run(load_bytes(text, name))
        memory_store.replace_graph(doc_graph_iri(done.doc_id), to_triples(done))
    investments = memory_store.select("SELECT ?i WHERE { ?i a zone:Investment }")
    assert len(investments) == 1
    evidence = memory_store.select("SELECT ?i ?e WHERE { ?i zone:evidence ?e }", bindings={"i": investments[0]["i"]})
    assert len(evidence) == 2
    assert_in_step(memory_store)



def test_a_read_only_view_of_an_old_store_queries_the_union(tmp_path: Path) -> None:
    old = Store(str(tmp_path / "old"))
    old.add(Quad(COMPANY, ZONE.locatedIn, ZONE_A, doc_graph_iri("d1")))
    old.flush()
    del old
    view = OxigraphStore(tmp_path / "old", read_only=True)
    assert [r["z"] for r in view.select("SELECT ?z WHERE { ?c zone:locatedIn ?z }")] == [ZONE_A]
    view.close()
