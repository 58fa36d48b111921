"""The two sinks of a resolved document: RDF triples for its named graph and gold-format JSON.

Both read the same resolved :class:`Document`, so the evaluation scores exactly
what enters the graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from pyoxigraph import Literal, NamedNode, Triple

from ingest.document import Document, Entity, Fact
from ingest.extract.zones import zone_class
from kg.iri import doc_graph_iri, entity_iri, node_iri
from kg.model import EntityType, Predicate
from kg.namespaces import RDF, RDFS, SKOS, XSD, ZONE
from kg.text_offsets import encode_offsets

# Binary predicates: a direct triple plus a reified rdf:Statement with evidence.
BINARY = frozenset({
    Predicate.LOCATED_IN, Predicate.INVESTOR, Predicate.ISSUED_POLICY,
    Predicate.FOCUS_INDUSTRY, Predicate.HOSTS_PLATFORM, Predicate.AWARDED,
})
# n-ary predicates: (node class, node kind for IRIs, attribute → (property, literal maker)).
_ATTR_KEYS = ("amount", "currency", "status", "year", "title", "metric", "value", "unit", "period", "kind")


def _zh(text: str) -> Literal:
    return Literal(text, language="zh")


def _decimal(value: float | int | str) -> Literal:
    number = Decimal(str(value))
    text = format(number.normalize(), "f") if number == number.to_integral_value() else format(number, "f")
    return Literal(text, datatype=XSD.decimal)


def _year(value: Any) -> Literal:
    return Literal(str(int(value)), datatype=XSD.gYear)


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


def content_hash(text: str) -> str:
    """sha256 hex digest of the normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _document_triples(doc: Document, node: NamedNode) -> Iterator[Triple]:
    yield Triple(node, RDF.type, ZONE.Document)
    yield Triple(node, ZONE.docId, Literal(doc.doc_id))
    yield Triple(node, ZONE.sourceName, Literal(doc.source_name))
    yield Triple(node, ZONE.encoding, Literal(doc.encoding))
    yield Triple(node, ZONE.contentHash, Literal(content_hash(doc.text)))
    yield Triple(node, ZONE.normalisedText, Literal(doc.text))
    breaks = encode_offsets(doc.offsets)
    if breaks:
        yield Triple(node, ZONE.textOffsets, Literal(breaks))
    title = str(doc.meta.get("title") or (doc.sentences[0].text[:80] if doc.sentences else doc.source_name))
    yield Triple(node, RDFS.label, _zh(title))


def _entity_triples(entity: Entity, doc_node: NamedNode) -> Iterator[Triple]:
    iri = entity_iri(entity.type, entity.name)
    yield Triple(iri, RDF.type, entity.type.iri)
    if entity.type is EntityType.ZONE:
        subclass = zone_class(entity.name, entity.aliases)
        if subclass is not None:
            yield Triple(iri, RDF.type, ZONE[subclass])
    yield Triple(iri, RDFS.label, _zh(entity.name))
    for alias in entity.aliases:
        yield Triple(iri, SKOS.altLabel, _zh(alias))
    yield Triple(iri, ZONE.mentionedIn, doc_node)


def _evidence(doc: Document, fact: Fact, doc_node: NamedNode) -> tuple[NamedNode, list[Triple]]:
    """The evidence node of a fact's sentence, with its span mapped into ``raw``."""
    sentence = doc.sentences[fact.sentence_index]
    start, end = doc.raw_span(sentence.start, sentence.end)
    node = node_iri("evidence", doc.doc_id, str(start), str(end))
    return node, [
        Triple(node, RDF.type, ZONE.Evidence),
        Triple(node, ZONE.sentenceText, _zh(doc.raw[start:end])),
        Triple(node, ZONE.charStart, _int(start)),
        Triple(node, ZONE.charEnd, _int(end)),
        Triple(node, ZONE.inDocument, doc_node),
    ]


def _binary(fact: Fact, evidence: NamedNode) -> Iterator[Triple]:
    assert fact.obj is not None
    subject, obj = entity_iri(*fact.subject), entity_iri(*fact.obj)
    yield Triple(subject, fact.predicate.iri, obj)
    # Content-based, not per document: the same fact from two documents is one statement with two evidence links.
    statement = node_iri("fact", subject.value, fact.predicate.value, obj.value)
    yield Triple(statement, RDF.type, RDF.Statement)
    yield Triple(statement, RDF.subject, subject)
    yield Triple(statement, RDF.predicate, fact.predicate.iri)
    yield Triple(statement, RDF.object, obj)
    yield Triple(statement, ZONE.evidence, evidence)


def _fact_parts(fact: Fact) -> list[str]:
    parts = [fact.predicate.value, *fact.subject]
    if fact.obj is not None:
        parts += list(fact.obj)
    return parts + [f"{k}={fact.attr(k)}" for k in _ATTR_KEYS if fact.attr(k) is not None]


def _nary_body(fact: Fact) -> tuple[NamedNode, NamedNode, list[tuple[NamedNode, Literal | NamedNode]]]:
    """Class, link property and property/value pairs of an n-ary fact node."""
    a = fact.attr
    if fact.predicate is Predicate.INVESTMENT:
        return ZONE.Investment, ZONE.investment, [(ZONE.amount, _decimal(a("amount"))),
                                                   (ZONE.currency, Literal(a("currency", "CNY")))]
    if fact.predicate is Predicate.STATUS:
        props = [(ZONE.statusValue, ZONE[str(a("status"))])]
        return ZONE.StatusEvent, ZONE.status, props + ([(ZONE.year, _year(a("year")))] if a("year") else [])
    if fact.predicate is Predicate.AWARDED:
        assert fact.obj is not None
        props = [(ZONE.honour, entity_iri(*fact.obj))]
        props += [(ZONE.year, _year(a("year")))] if a("year") else []
        return ZONE.Award, ZONE.award, props + ([(ZONE.awardingBody, _zh(a("body")))] if a("body") else [])
    if fact.predicate is Predicate.ROLE:
        assert fact.obj is not None
        return ZONE.Role, ZONE.role, [(ZONE.roleIn, entity_iri(*fact.obj)), (ZONE.title, _zh(str(a("title"))))]
    props = [(ZONE.metric, _zh(str(a("metric")))), (ZONE.value, _decimal(a("value"))),
             (ZONE.unit, Literal(str(a("unit")))), (ZONE.kind, ZONE[str(a("kind", "actual"))])]
    return ZONE.IndicatorObservation, ZONE.indicator, props + (
        [(ZONE.period, Literal(str(a("period"))))] if a("period") else [])


def _nary(fact: Fact, evidence: NamedNode) -> Iterator[Triple]:
    cls, link, props = _nary_body(fact)
    node = node_iri(cls.value.rsplit("#", 1)[-1].lower(), *_fact_parts(fact))
    yield Triple(entity_iri(*fact.subject), link, node)
    yield Triple(node, RDF.type, cls)
    for prop, value in props:
        yield Triple(node, prop, value)
    yield Triple(node, ZONE.evidence, evidence)


def iter_triples(doc: Document) -> Iterator[Triple]:
    """Every triple of the document's named graph, possibly with repeats."""
    doc_node = doc_graph_iri(doc.doc_id)
    yield from _document_triples(doc, doc_node)
    for entity in doc.entities:
        yield from _entity_triples(entity, doc_node)
    for fact in doc.facts:
        evidence, evidence_triples = _evidence(doc, fact, doc_node)
        yield from evidence_triples
        if fact.predicate in BINARY:
            yield from _binary(fact, evidence)
        if fact.predicate not in BINARY or fact.predicate is Predicate.AWARDED:
            yield from _nary(fact, evidence)


def to_triples(doc: Document) -> list[Triple]:
    """Everything for the document's named graph, each triple once, in a stable order."""
    return list(dict.fromkeys(iter_triples(doc)))


def _gold_fact(fact: Fact) -> dict[str, Any]:
    record: dict[str, Any] = {"s": fact.subject[1], "p": fact.predicate.value}
    if fact.predicate is Predicate.STATUS:
        record["o"] = str(fact.attr("status"))
    elif fact.obj is not None:
        record["o"] = fact.obj[1]
    for key in _ATTR_KEYS:
        value = fact.attr(key)
        if value is not None and key != "status":
            record[key] = value
    return record


def to_gold_json(doc: Document) -> dict[str, Any]:
    """The document's entities and facts in the gold annotation format."""
    return {
        "doc": doc.source_name,
        "entities": [{"type": e.type.value, "name": e.name, "aliases": list(e.aliases)} for e in doc.entities],
        "facts": [_gold_fact(f) for f in doc.facts],
    }
