"""The only place that mints IRIs.

Entity IRIs are opaque and stable: the same type and canonical name give the
same IRI in every document and every run.

>>> from kg.model import EntityType
>>> a = entity_iri(EntityType.ENTERPRISE, "云帆海缆")
>>> a == entity_iri(EntityType.ENTERPRISE, "云帆海缆")
True
>>> a.value.startswith("https://w3id.org/zonekg/resource/enterprise/")
True
"""

from __future__ import annotations

import hashlib
import re

from pyoxigraph import NamedNode

from kg.model import EntityType
from kg.namespaces import ZR

_DOC_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")
"""Matched whole (``fullmatch``): with ``$`` a trailing line feed would pass."""


def digest(*parts: str) -> str:
    """First 16 hex digits of sha1 over the parts joined by ``|``."""
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]


# Long zone-kind words and the short form reports use for them: 南通经济技术开发区 is
# written 南通开发区, 如皋高新技术产业开发区 is written 如皋高新区.
_ZONE_KIND_SHORT_FORMS = (
    ("高新技术产业开发区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("高新技术产业园区", "高新区"),
    ("经济技术开发区", "开发区"),
    ("经济开发区", "开发区"),
)


def identity_name(entity_type: EntityType, canonical_name: str) -> str:
    """The form of a name that decides identity: zones fold their kind word to the usual short form.

    >>> identity_name(EntityType.ZONE, "南通经济技术开发区") == identity_name(EntityType.ZONE, "南通开发区")
    True
    >>> identity_name(EntityType.ZONE, "如皋高新技术产业开发区")
    '如皋高新区'
    >>> identity_name(EntityType.ENTERPRISE, "南通经济技术开发区")
    '南通经济技术开发区'
    """
    if entity_type is not EntityType.ZONE:
        return canonical_name
    for long_form, short_form in _ZONE_KIND_SHORT_FORMS:
        if canonical_name.endswith(long_form) and len(canonical_name) > len(long_form):
            return canonical_name[: -len(long_form)] + short_form
    return canonical_name


def entity_iri(entity_type: EntityType, canonical_name: str) -> NamedNode:
    """IRI of an entity from its type and canonical (simplified, normalised) name.

    Zones named by their full and their short form share one IRI across documents.
    """
    name = identity_name(entity_type, canonical_name)
    return ZR[f"{entity_type.value.lower()}/{digest(entity_type.value, name)}"]


def is_valid_doc_id(doc_id: str) -> bool:
    """A document id is a short ASCII slug, safe in an IRI and a URL path.

    >>> is_valid_doc_id("report-2021"), is_valid_doc_id("report\\n"), is_valid_doc_id("")
    (True, False, False)
    """
    return bool(_DOC_ID.fullmatch(doc_id))


def doc_graph_iri(doc_id: str) -> NamedNode:
    """Named graph that holds everything extracted from one document."""
    if not is_valid_doc_id(doc_id):
        raise ValueError(f"invalid document id: {doc_id!r}")
    return ZR[f"doc/{doc_id}"]


def doc_id_from_graph(graph: NamedNode) -> str | None:
    """Inverse of :func:`doc_graph_iri`; None for other graphs."""
    prefix = ZR["doc/"].value
    return graph.value[len(prefix):] if graph.value.startswith(prefix) else None


def node_iri(kind: str, *parts: str) -> NamedNode:
    """IRI of a fact node (investment, status event, evidence, ...) from its defining parts."""
    return ZR[f"{kind}/{digest(kind, *parts)}"]
