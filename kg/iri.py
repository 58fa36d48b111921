"""The only place that mints IRIs.

Entity IRIs are opaque and stable: the same type and canonical name give the
same IRI in every document and every run.

>>> from kg.model import EntityType
>>> a = entity_iri(EntityType.ENTERPRISE, "中天海缆")
>>> a == entity_iri(EntityType.ENTERPRISE, "中天海缆")
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

_DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


def digest(*parts: str) -> str:
    """First 16 hex digits of sha1 over the parts joined by ``|``."""
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]


def entity_iri(entity_type: EntityType, canonical_name: str) -> NamedNode:
    """IRI of an entity from its type and canonical (simplified, normalised) name."""
    return ZR[f"{entity_type.value.lower()}/{digest(entity_type.value, canonical_name)}"]


def is_valid_doc_id(doc_id: str) -> bool:
    """A document id is a short ASCII slug, safe in an IRI and a URL path."""
    return bool(_DOC_ID.match(doc_id))


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
