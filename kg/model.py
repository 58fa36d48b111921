"""Entity types and fact predicates; values equal the ontology's local names."""

from __future__ import annotations

from enum import StrEnum

from pyoxigraph import NamedNode

from kg.namespaces import ZONE


class EntityType(StrEnum):
    ZONE = "Zone"
    ENTERPRISE = "Enterprise"
    PROJECT = "Project"
    PLATFORM = "Platform"
    HONOUR = "Honour"
    POLICY = "Policy"
    PERSON = "Person"
    INDUSTRY = "Industry"

    @property
    def iri(self) -> NamedNode:
        return ZONE[self.value]


class Predicate(StrEnum):
    LOCATED_IN = "locatedIn"
    INVESTOR = "investor"
    INVESTMENT = "investment"
    STATUS = "status"
    AWARDED = "awarded"
    ISSUED_POLICY = "issuedPolicy"
    FOCUS_INDUSTRY = "focusIndustry"
    HOSTS_PLATFORM = "hostsPlatform"
    ROLE = "role"
    INDICATOR = "indicator"

    @property
    def iri(self) -> NamedNode:
        return ZONE[self.value]


class ProjectStatus(StrEnum):
    SIGNED = "signed"
    STARTED = "started"
    UNDER_CONSTRUCTION = "under_construction"
    COMPLETED = "completed"
    IN_PRODUCTION = "in_production"


class IndicatorKind(StrEnum):
    ACTUAL = "actual"
    TARGET = "target"


# URL path segment used by the REST API for each entity type.
COLLECTIONS: dict[str, EntityType] = {
    "zones": EntityType.ZONE,
    "enterprises": EntityType.ENTERPRISE,
    "projects": EntityType.PROJECT,
    "platforms": EntityType.PLATFORM,
    "honours": EntityType.HONOUR,
    "policies": EntityType.POLICY,
    "people": EntityType.PERSON,
    "industries": EntityType.INDUSTRY,
}
