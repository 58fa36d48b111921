"""The three product questions, written naively from ontology/zone.ttl, on the bundled corpus: one row per
company–zone pair and one label per zone, because queries read the merged graph (the same queries over the
union of the document graphs repeat rows and labels, which the corpus is checked to provoke)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph

from api.workbench import examples, prefix_block
from kg.namespaces import PREFIXES
from kg.store.merged import expected_merged
from kg.store.oxigraph import OxigraphStore

ROOT = Path(__file__).resolve().parents[2]

NAIVE = {
    "companies by zone": """
        SELECT ?zone ?zoneName ?company ?companyName WHERE {
          ?company a zone:Enterprise ; zone:locatedIn ?zone ; rdfs:label ?companyName .
          ?zone rdfs:label ?zoneName .
        }""",
    "projects over an amount by zone and status": """
        SELECT ?zone ?zoneName ?project ?amount ?status WHERE {
          ?project a zone:Project ; zone:locatedIn ?zone ; zone:investment ?i .
          ?i zone:amount ?amount . FILTER(?amount >= 100000000)
          OPTIONAL { ?project zone:status ?e . ?e zone:statusValue ?status }
          ?zone rdfs:label ?zoneName .
        }""",
    "honours of companies in a zone": """
        SELECT ?zone ?zoneName ?company ?honour ?honourName WHERE {
          ?company zone:locatedIn ?zone ; zone:awarded ?honour .
          ?zone a zone:Zone ; rdfs:label ?zoneName .
          ?honour rdfs:label ?honourName .
        }""",
}


@pytest.fixture(scope="module")
def corpus_store() -> Iterator[OxigraphStore]:
    from ingest.runner import ingest_paths

    store = OxigraphStore(None)
    ingest_paths(store, [ROOT / "data" / "corpus"], workers=1, on_error="raise", progress=False)
    yield store
    store.close()


def _rows(store: OxigraphStore, query: str, *, union: bool = False) -> list[tuple[str, ...]]:
    result = store.raw.query(query, prefixes=PREFIXES, use_default_graph_as_union=union)
    names = [v.value for v in result.variables]
    return [tuple(str(row[n]) for n in names) for row in result]


@pytest.mark.parametrize("question", sorted(NAIVE))
def test_naive_product_question_has_no_duplicate_rows_and_one_label_per_zone(
    corpus_store: OxigraphStore, question: str
) -> None:
    rows = _rows(corpus_store, NAIVE[question])
    assert rows, question
    assert [r for r, n in Counter(rows).items() if n > 1] == []
    labels: dict[str, set[str]] = {}
    for row in rows:
        labels.setdefault(row[0], set()).add(row[1])
    assert {zone: names for zone, names in labels.items() if len(names) > 1} == {}


def test_union_of_document_graphs_would_repeat_rows_on_this_corpus(corpus_store: OxigraphStore) -> None:
    union = _rows(corpus_store, NAIVE["companies by zone"], union=True)
    assert len(union) > len(set(union)) or len({(r[0], r[1]) for r in union}) > len({r[0] for r in union})


def test_every_entity_has_one_label_and_the_merged_graph_matches_its_definition(corpus_store: OxigraphStore) -> None:
    counts = _rows(corpus_store, "SELECT ?s (COUNT(?l) AS ?n) WHERE { ?s rdfs:label ?l } GROUP BY ?s")
    assert counts and {n for _, n in counts} == {'"1"^^<http://www.w3.org/2001/XMLSchema#integer>'}
    merged = {q.triple for q in corpus_store.raw.quads_for_pattern(None, None, None, DefaultGraph())}
    assert merged == expected_merged(corpus_store.raw)


@pytest.mark.parametrize("index", [0, 1, 2])
def test_gallery_product_questions_give_one_row_per_pair(corpus_store: OxigraphStore, index: int) -> None:
    example = examples()[index]
    rows = _rows(corpus_store, prefix_block() + example.query)
    assert rows and len(rows) == len(set(rows)), example.title


def _in_step(store: OxigraphStore) -> bool:
    merged = {q.triple for q in store.raw.quads_for_pattern(None, None, None, DefaultGraph())}
    return bool(merged) and merged == expected_merged(store.raw)


def test_parallel_bulk_ingest_keeps_the_merged_graph_in_step(corpus_store: OxigraphStore) -> None:
    from ingest.runner import ingest_paths

    parallel = OxigraphStore(None)
    report = ingest_paths(parallel, [ROOT / "data" / "corpus"], workers=2, bulk=True, on_error="raise",
                          progress=False)
    assert report.documents and _in_step(parallel)
    assert set(parallel.raw) == set(corpus_store.raw)  # same document graphs and merged graph as a serial ingest
    parallel.close()


def test_upload_and_delete_keep_the_merged_graph_in_step(api_client: object, sample_store: OxigraphStore) -> None:
    from tests.conftest import API_TOKEN

    auth = {"Authorization": f"Bearer {API_TOKEN}"}
    path = sorted((ROOT / "data" / "corpus").glob("*"))[0]
    response = api_client.post("/documents", files={"file": (path.name, path.read_bytes())}, headers=auth)  # type: ignore[attr-defined]
    assert response.status_code == 201 and _in_step(sample_store)
    assert api_client.delete("/documents/sample", headers=auth).status_code == 204  # type: ignore[attr-defined]
    assert _in_step(sample_store)
    assert api_client.delete(f"/documents/{response.json()['id']}", headers=auth).status_code == 204  # type: ignore[attr-defined]
    assert not list(sample_store.raw.quads_for_pattern(None, None, None, DefaultGraph()))
