"""``/stats`` and ``/graph.json`` as JSON-LD in the ontology's and W3C vocabularies.

``/stats`` is a VoID dataset description (``void:triples``, ``void:documents`` and one
``void:classPartition`` per ontology class); a graph view is a ``hydra:Collection`` whose
members are the view's entities with their classes, ``rdfs:label``, ``skos:altLabel``s and
links (``zone:locatedIn`` etc.; a person's role is a ``zone:Role`` node as in the ontology),
and whose ``hydra:totalItems`` counts the whole view before the size cap.
"""

from __future__ import annotations

from typing import Any

from api.jsonld import HYDRA
from kg.model import Predicate
from kg.namespaces import PREFIXES
from viz.views import View

VOID = "http://rdfs.org/ns/void#"
CONTEXT: dict[str, Any] = {**PREFIXES, "hydra": HYDRA, "void": VOID}
_INTEGER = "xsd:integer"


def _count(n: int) -> dict[str, str]:
    return {"@value": str(n), "@type": _INTEGER}


def stats_jsonld(stats: dict[str, Any], url: str) -> dict[str, Any]:
    """The store statistics as a ``void:Dataset``."""
    return {
        "@context": CONTEXT,
        "@id": url,
        "@type": "void:Dataset",
        "void:triples": _count(stats["quads"]),
        "void:documents": _count(stats["documents"]),
        "void:classPartition": [
            {"void:class": {"@id": f"zone:{name}"}, "void:entities": _count(n)}
            for name, n in sorted(stats["classes"].items())
        ],
    }


def _node(iri: str, data: dict[str, Any]) -> dict[str, Any]:
    types = [f"zone:{t}" for t in (data.get("type"), data.get("subtype")) if t]
    node: dict[str, Any] = {"@id": iri, "@type": types}
    if data.get("label"):
        node["rdfs:label"] = {"@value": data["label"], "@language": "zh"}
    aliases = [a for a in str(data.get("aliases") or "").split("|") if a]
    if aliases:
        node["skos:altLabel"] = [{"@value": a, "@language": "zh"} for a in aliases]
    return node


def _link(node: dict[str, Any], target: str, data: dict[str, Any]) -> None:
    predicate = data.get("predicate")
    if predicate == Predicate.ROLE.value:
        role: dict[str, Any] = {"@type": "zone:Role", "zone:roleIn": {"@id": target}}
        if data.get("title"):
            role["zone:title"] = {"@value": data["title"], "@language": "zh"}
        node.setdefault("zone:role", []).append(role)
    elif predicate:
        node.setdefault(f"zone:{predicate}", []).append({"@id": target})


def view_jsonld(view: View, url: str) -> dict[str, Any]:
    """A graph view as a ``hydra:Collection`` of its entities and their links."""
    nodes = {iri: _node(iri, data) for iri, data in view.graph.nodes(data=True)}
    for source, target, data in view.graph.edges(data=True):
        if source in nodes:
            _link(nodes[source], target, data)
    return {
        "@context": CONTEXT,
        "@id": url,
        "@type": "hydra:Collection",
        "hydra:totalItems": _count(view.total_nodes),
        "hydra:member": list(nodes.values()),
    }

