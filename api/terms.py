"""Turn store terms into the plain values and references the REST API returns."""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode

from api.schemas import PropertyValue, Ref
from kg.model import EntityType
from kg.namespaces import RDF, RDFS, SKOS, XSD, ZONE_IRI
from kg.store.terms import Term

BASE_TYPES = {t.iri.value: t.value for t in EntityType}
_NUMERIC = {XSD.decimal.value, XSD.integer.value, XSD.double.value, XSD.float.value, XSD.int.value}
_SHORT = {ZONE_IRI: "", RDF.base: "rdf:", RDFS.base: "rdfs:", SKOS.base: "skos:"}


def local_name(iri: str) -> str:
    """``zone:locatedIn`` → ``locatedIn``; other vocabularies keep a short prefix."""
    for base, prefix in _SHORT.items():
        if iri.startswith(base):
            return prefix + iri[len(base) :]
    return iri


def entity_id(iri: str) -> str:
    """The last path segment of an IRI (the id used in REST URLs)."""
    return iri.rstrip("/").rsplit("/", 1)[-1]


def main_type(types: Iterable[str]) -> str | None:
    """The entity type among an IRI's classes, else its first class."""
    ordered = sorted(types)
    for t in ordered:
        if t in BASE_TYPES:
            return BASE_TYPES[t]
    return local_name(ordered[0]) if ordered else None


def make_ref(iri: str, label: str | None, types: Iterable[str]) -> Ref:
    """A reference to an entity or node."""
    return Ref(id=entity_id(iri), iri=iri, type=main_type(types), label=label)


def literal_value(term: Literal) -> float | int | str:
    """A literal as JSON: numbers as numbers, everything else as its lexical form."""
    if term.datatype.value in _NUMERIC:
        number = float(term.value)
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    return term.value


def plain_value(term: Term, label: str | None, types: Iterable[str]) -> PropertyValue:
    """A property value: a literal, a vocabulary term's local name, or a reference."""
    if isinstance(term, Literal):
        return literal_value(term)
    if isinstance(term, NamedNode) and term.value.startswith(ZONE_IRI):
        return term.value[len(ZONE_IRI) :]
    return make_ref(term.value, label, types)


def text(row: dict[str, Term], name: str) -> str | None:
    """The lexical value of an optional column."""
    term = row.get(name)
    return None if term is None else term.value
