"""Entities named in several documents become one node of the union graph."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import Literal

from ingest.runner import ingest_paths
from kg.model import EntityType
from kg.sparql import load_query
from kg.store.oxigraph import OxigraphStore


def test_cross_document_zone_short_and_full_names_are_one_zone(
    memory_store: OxigraphStore, corpus_dir: Path
) -> None:
    # 002 names 南通经济技术开发区; 004 (traditional script) only ever says 南通開發區.
    paths = [corpus_dir / "002_09bcb48ebf27bf9d.txt", corpus_dir / "004_f1fd57fe3eb58d42.txt"]
    ingest_paths(memory_store, paths, workers=1, progress=False)
    rows = memory_store.select(
        load_query("api_entities"), bindings={"type": EntityType.ZONE.iri, "q": Literal("南通")}
    )
    nantong = [r for r in rows if r["label"].value.startswith("南通") and "开发区" in r["label"].value]
    assert [r["label"].value for r in nantong] == ["南通经济技术开发区"]
    documents = memory_store.select(
        "SELECT DISTINCT ?d ?z WHERE { ?z zone:mentionedIn ?d }", bindings={"z": nantong[0]["item"]}
    )
    assert len(documents) == 2


def test_cross_document_person_is_one_node(memory_store: OxigraphStore, corpus_dir: Path) -> None:
    paths = [corpus_dir / "002_09bcb48ebf27bf9d.txt", corpus_dir / "004_f1fd57fe3eb58d42.txt"]
    ingest_paths(memory_store, paths, workers=1, progress=False)
    rows = memory_store.select(
        load_query("api_entities"), bindings={"type": EntityType.PERSON.iri, "q": Literal("保德林")}
    )
    assert len(rows) == 1


def test_cross_document_short_company_name_finds_the_legal_name(memory_store: OxigraphStore, corpus_dir: Path) -> None:
    # 002 names 中天科技海缆股份有限公司 once and then says 中天海缆.
    ingest_paths(memory_store, [corpus_dir / "002_09bcb48ebf27bf9d.txt"], workers=1, progress=False)
    rows = memory_store.select(
        load_query("api_entities"), bindings={"type": EntityType.ENTERPRISE.iri, "q": Literal("中天海缆")}
    )
    assert [r["label"].value for r in rows] == ["中天科技海缆股份有限公司"]


def test_cross_document_entity_shows_its_fullest_name_and_keeps_the_others(
    memory_store: OxigraphStore, corpus_dir: Path
) -> None:
    from api.entity_service import get_entity
    from kg.iri import entity_iri

    paths = [corpus_dir / "002_09bcb48ebf27bf9d.txt", corpus_dir / "004_f1fd57fe3eb58d42.txt"]
    ingest_paths(memory_store, paths, workers=1, progress=False)
    company = entity_iri(EntityType.ENTERPRISE, "中天科技海缆股份有限公司").value.rsplit("/", 1)[1]
    detail = get_entity(memory_store, EntityType.ENTERPRISE, company)
    assert {link.target.label for link in detail.links if link.predicate == "locatedIn"} == {"南通经济技术开发区"}
    zone = next(link.target for link in detail.links if link.predicate == "locatedIn")
    zone_detail = get_entity(memory_store, EntityType.ZONE, zone.id)
    assert zone_detail.label == "南通经济技术开发区"
    assert "南通开发区" in zone_detail.aliases
