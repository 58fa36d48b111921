"""RDF namespaces used by zonekg, with the ontology's own vocabulary closed.

``ZONE.locatedIn`` is a :class:`pyoxigraph.NamedNode`; a misspelt term raises
``AttributeError`` instead of silently minting a new IRI.

>>> str(ZONE.locatedIn)
'<https://w3id.org/zonekg/ontology#locatedIn>'
>>> ZONE.locatedOn
Traceback (most recent call last):
...
AttributeError: 'locatedOn' is not a term of https://w3id.org/zonekg/ontology#
"""

from __future__ import annotations

from pyoxigraph import NamedNode

ZONE_IRI = "https://w3id.org/zonekg/ontology#"
RESOURCE_IRI = "https://w3id.org/zonekg/resource/"


class Namespace:
    """An open namespace: any local name gives an IRI."""

    def __init__(self, base: str) -> None:
        self.base = base

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return NamedNode(self.base + name)

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self.base + name)


class ClosedNamespace(Namespace):
    """A namespace whose local names are a fixed set (rdflib's ``_fail = True``)."""

    def __init__(self, base: str, terms: frozenset[str]) -> None:
        super().__init__(base)
        self.terms = terms

    def __getattr__(self, name: str) -> NamedNode:
        if name not in self.terms:
            raise AttributeError(f"{name!r} is not a term of {self.base}")
        return NamedNode(self.base + name)

    __getitem__ = __getattr__


# Local names exactly as in ontology/zone.ttl (a test keeps the two in sync).
ZONE_TERMS = frozenset(
    """
    Zone HighTechZone EconomicTechnologicalZone EconomicDevelopmentZone IndustrialPark
    InnovationZone BondedZone Enterprise Project Platform Honour Policy Person Industry
    Document Evidence Investment Quantity IndicatorObservation StatusEvent Award Role
    ProjectStatus IndicatorKind
    signed started under_construction completed in_production actual target
    locatedIn investor investment status awarded award issuedPolicy focusIndustry
    hostsPlatform role indicator
    amount currency statusValue year honour awardingBody roleIn title metric value unit
    period kind evidence sentenceText charStart charEnd inDocument mentionedIn docId
    sourceName encoding contentHash tripleCount normalisedText textOffsets
    """.split()
)

ZONE = ClosedNamespace(ZONE_IRI, ZONE_TERMS)
ZR = Namespace(RESOURCE_IRI)

RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")

PREFIXES: dict[str, str] = {
    "zone": ZONE_IRI,
    "zr": RESOURCE_IRI,
    "rdf": RDF.base,
    "rdfs": RDFS.base,
    "xsd": XSD.base,
    "skos": SKOS.base,
    "prov": PROV.base,
    "org": ORG.base,
    "schema": SCHEMA.base,
}
