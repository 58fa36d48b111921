"""The whole pipeline over the corpus: F1 floors against the gold and SHACL conformance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ingest.evaluate import evaluate_documents

# A little under what the pipeline reaches, so that a regression fails.
ENTITY_F1_FLOOR = 0.94
FACT_F1_FLOOR = 0.89


ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "gold" / "seeds.jsonl"


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    """One evaluation run shared by the floor tests (the pipeline over 5 documents)."""
    if not GOLD.exists():
        pytest.skip("shared/gold/seeds.jsonl is not beside this checkout")
    return evaluate_documents(GOLD, ROOT / "data" / "corpus")


def test_pipeline_entity_f1_floor(report: dict[str, Any]) -> None:
    assert report["entities"]["f1"] >= ENTITY_F1_FLOOR, report["entities"]


def test_pipeline_fact_f1_floor(report: dict[str, Any]) -> None:
    assert report["facts"]["f1"] >= FACT_F1_FLOOR, report["facts"]


@pytest.mark.parametrize("predicate", ["investment", "role", "investor"])
def test_pipeline_exact_facts(report: dict[str, Any], predicate: str) -> None:
    assert report["facts"]["by_predicate"][predicate]["f1"] >= 0.85


def test_pipeline_triples_conform_to_shapes(corpus_dir: Path) -> None:
    """Each document graph conforms on its own (the union may give one zone several labels)."""
    pyshacl = pytest.importorskip("pyshacl")
    import rdflib
    from pyoxigraph import RdfFormat, serialize

    from ingest.emit import to_triples
    from ingest.load import load_path
    from ingest.pipeline import run

    root = Path(__file__).resolve().parents[2] / "ontology"
    shapes, ontology = rdflib.Graph().parse(root / "shapes.ttl"), rdflib.Graph().parse(root / "zone.ttl")
    for path in sorted(corpus_dir.glob("*.txt")):
        data = serialize(to_triples(run(load_path(path))), format=RdfFormat.N_TRIPLES)
        graph = rdflib.Graph().parse(data=data.decode("utf-8"), format="nt")
        conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
        assert conforms, f"{path.name}: {text}"


def test_pipeline_iris_stable_across_documents(corpus_dir: Path) -> None:
    from ingest.emit import to_triples
    from ingest.load import load_path
    from ingest.pipeline import run
    from kg.iri import entity_iri
    from kg.model import EntityType

    person = entity_iri(EntityType.PERSON, "保德林")
    docs = [p for p in sorted(corpus_dir.glob("*.txt")) if p.name.startswith(("002", "004"))]
    subjects = [{t.subject for t in to_triples(run(load_path(p)))} for p in docs]
    assert all(person in s for s in subjects)
