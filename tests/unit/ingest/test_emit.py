"""Emission: the graph shape of README "Data model" and the gold JSON from the same document."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from ingest.document import Document
from ingest.emit import content_hash, to_gold_json, to_triples
from ingest.pipeline import run
from kg.iri import doc_graph_iri, entity_iri
from kg.model import EntityType
from kg.namespaces import RDF, RDFS, XSD, ZONE

RAW = (
    "南通開發區召開全區年中工作會議。\n"
    "其中,来自南通开发区的中天科技海缆股份有限公司参与的项目获得国家科学技术进步奖一等奖。\n"
    "2021年签约东旭科技20亿元项目1个。\n"
    "區黨工委副書記、管委會主任保德林出席會議并講話。\n"
)


@pytest.fixture(scope="module")
def doc() -> Document:
    return run(Document("emit-test", "emit.txt", RAW))


@pytest.fixture(scope="module")
def triples(doc: Document) -> list[Triple]:
    return to_triples(doc)


def _objects(triples: list[Triple], subject: NamedNode, predicate: NamedNode) -> list[object]:
    return [t.object for t in triples if t.subject == subject and t.predicate == predicate]


def test_emit_document_node(doc: Document, triples: list[Triple]) -> None:
    node = doc_graph_iri("emit-test")
    assert ZONE.Document in _objects(triples, node, RDF.type)
    assert _objects(triples, node, ZONE.contentHash) == [Literal(content_hash(doc.text))]


def test_emit_entities_have_one_label_and_no_blank_nodes(triples: list[Triple]) -> None:
    zone = entity_iri(EntityType.ZONE, "南通开发区")
    assert _objects(triples, zone, RDFS.label) == [Literal("南通开发区", language="zh")]
    assert all(isinstance(t.subject, NamedNode) and not t.subject.value.startswith("_:") for t in triples)


def test_emit_investment_node_is_exact_decimal(triples: list[Triple]) -> None:
    project = entity_iri(EntityType.PROJECT, "东旭科技项目")
    (node,) = _objects(triples, project, ZONE.investment)
    assert _objects(triples, node, ZONE.amount) == [Literal("2000000000", datatype=XSD.decimal)]
    assert _objects(triples, node, ZONE.currency) == [Literal("CNY")]


def test_emit_binary_fact_is_reified_with_evidence_in_raw(doc: Document, triples: list[Triple]) -> None:
    company = entity_iri(EntityType.ENTERPRISE, "中天科技海缆股份有限公司")
    statements = [t.subject for t in triples if t.predicate == RDF.subject and t.object == company]
    assert statements
    (evidence,) = _objects(triples, statements[0], ZONE.evidence)
    start = int(_objects(triples, evidence, ZONE.charStart)[0].value)
    end = int(_objects(triples, evidence, ZONE.charEnd)[0].value)
    assert _objects(triples, evidence, ZONE.sentenceText) == [Literal(RAW[start:end], language="zh")]


def test_emit_evidence_quotes_traditional_raw_text(triples: list[Triple]) -> None:
    person = entity_iri(EntityType.PERSON, "保德林")
    role = _objects(triples, person, ZONE.role)[0]
    (evidence,) = _objects(triples, role, ZONE.evidence)
    text = _objects(triples, evidence, ZONE.sentenceText)[0].value
    assert text == "區黨工委副書記、管委會主任保德林出席會議并講話。"


def test_emit_role_and_award_nodes(triples: list[Triple]) -> None:
    person = entity_iri(EntityType.PERSON, "保德林")
    titles = {_objects(triples, role, ZONE.title)[0].value for role in _objects(triples, person, ZONE.role)}
    assert titles == {"党工委副书记", "管委会主任"}
    company = entity_iri(EntityType.ENTERPRISE, "中天科技海缆股份有限公司")
    (award,) = _objects(triples, company, ZONE.award)
    assert _objects(triples, award, ZONE.honour) == [entity_iri(EntityType.HONOUR, "国家科学技术进步奖一等奖")]


def test_emit_gold_json_matches_entities(doc: Document) -> None:
    gold = to_gold_json(doc)
    assert gold["doc"] == "emit.txt"
    assert {"type": "Zone", "name": "南通开发区", "aliases": ["南通開發區"]} in gold["entities"]
    assert {"s": "东旭科技项目", "p": "investor", "o": "东旭科技"} in gold["facts"]
