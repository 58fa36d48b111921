"""bench.merged_writes: the document cycles leave the store as they found it, merged graph in step."""

from __future__ import annotations

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from bench.merged_writes import NOOP_UPDATE, document_cycles, documents, write_operation_on
from bench.synth import document_quads, nquads, plans
from kg.namespaces import PREFIXES, RDFS
from kg.store.merged import expected_merged
from kg.store.oxigraph import OxigraphStore

STORED = 40


def _store() -> OxigraphStore:
    store = OxigraphStore(None)
    store.bulk_load_nquads(b"".join(nquads(document_quads(p)) for p in plans(STORED)))
    return store


def _merged(store: OxigraphStore) -> set[object]:
    return {q.triple for q in store.raw.quads_for_pattern(None, None, None, DefaultGraph())}


def test_new_documents_and_other_versions_are_new_and_different() -> None:
    new, pairs = documents(STORED, 3)
    stored_ids = {p.doc_id for p in plans(STORED)}
    assert len(new) == 3 and not {p.doc_id for p in new} & stored_ids
    assert len(pairs) == 3 and all(a.doc_id == b.doc_id in stored_ids for a, b in pairs)
    assert all(document_quads(a) != document_quads(b) for a, b in pairs)


def test_cycles_time_every_write_and_leave_the_store_unchanged() -> None:
    store = _store()
    before = set(store.raw)
    figures = document_cycles(store, store.raw.update, *documents(STORED, 3))
    assert set(figures) == {"plain ingest", "plain delete", "ingest", "delete", "plain replace", "replace"}
    assert all(seconds > 0 for seconds in figures.values())
    assert set(store.raw) == before
    assert _merged(store) == expected_merged(store.raw)


def test_the_noop_update_changes_nothing_and_the_old_path_and_rebuild_restore_the_merged_graph() -> None:
    store = _store()
    before = set(store.raw)
    junk = "INSERT DATA { <urn:a> <urn:b> <urn:c> . <urn:a> rdfs:label \"x\" }"  # merged triples no document states
    store.raw.update(junk, prefixes=PREFIXES)
    store.update(NOOP_UPDATE)
    assert set(store.raw) == before | {Quad(NamedNode("urn:a"), NamedNode("urn:b"), NamedNode("urn:c")),
                                       Quad(NamedNode("urn:a"), RDFS.label, Literal("x"))}
    write_operation_on(store, "full rebuild update")()
    assert set(store.raw) == before
    store.raw.update(junk, prefixes=PREFIXES)
    store.rebuild_merged()
    assert set(store.raw) == before
