from __future__ import annotations

import pytest

from kg.model import EntityType, Predicate, ProjectStatus
from kg.namespaces import ZONE, ZONE_TERMS


def test_namespaces_closed_vocabulary_rejects_typos() -> None:
    with pytest.raises(AttributeError):
        _ = ZONE.locatedOn


def test_namespaces_enums_are_ontology_terms() -> None:
    names = {t.value for t in EntityType} | {p.value for p in Predicate} | {s.value for s in ProjectStatus}
    assert names <= ZONE_TERMS
