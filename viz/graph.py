"""RDF triples (a CONSTRUCT result) → a NetworkX graph of entities, with n-ary facts folded in.

Nodes are entity IRIs (strings) carrying ``label``, ``type`` (an :class:`EntityType` value),
``subtype`` (a zone subclass when known), ``aliases`` (joined with ``|``) and, on projects,
``amount``/``currency``/``status``/``status_year``. Edges carry ``predicate`` (the ontology
local name) and ``label`` (its Chinese reading). Every attribute is a scalar string or number,
so the graph can be written as GraphML or GEXF as it is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
from pyoxigraph import Literal, NamedNode, Triple

from kg.labels import fullest
from kg.model import EntityType, Predicate
from kg.namespaces import RDF, RDFS, SKOS, ZONE_IRI
from kg.store.terms import Term

ENTITY_TYPES: dict[str, EntityType] = {t.value: t for t in EntityType}
ZONE_SUBTYPES = frozenset(
    {"HighTechZone", "EconomicTechnologicalZone", "EconomicDevelopmentZone", "IndustrialPark", "InnovationZone",
     "BondedZone"}
)
# Binary relations drawn as edges, with the Chinese label the ontology gives them.
EDGE_LABELS: dict[str, str] = {
    Predicate.LOCATED_IN.value: "位于",
    Predicate.INVESTOR.value: "投资方",
    Predicate.AWARDED.value: "获评",
    Predicate.ISSUED_POLICY.value: "出台政策",
    Predicate.FOCUS_INDUSTRY.value: "主导产业",
    Predicate.HOSTS_PLATFORM.value: "拥有平台",
    Predicate.ROLE.value: "任职",
}
STATUS_LABELS: dict[str, str] = {
    "signed": "签约", "started": "开工", "under_construction": "在建", "completed": "竣工", "in_production": "投产",
}


@dataclass
class _Subject:
    """Everything the triples say about one subject."""

    types: set[str] = field(default_factory=set)
    labels: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    values: dict[str, list[str | float]] = field(default_factory=lambda: defaultdict(list))


def local_name(iri: str) -> str | None:
    """Local name of an ontology IRI, or None for any other IRI."""
    return iri[len(ZONE_IRI):] if iri.startswith(ZONE_IRI) else None


def _literal_value(lit: Literal) -> str | float:
    if lit.datatype.value.endswith(("#decimal", "#double", "#float", "#integer")):
        return float(lit.value)
    return lit.value


def _collect(triples: Iterable[Triple | tuple[Term, NamedNode, Term]]) -> dict[str, _Subject]:
    subjects: dict[str, _Subject] = defaultdict(_Subject)
    seen: set[tuple[Term, NamedNode, Term]] = set()
    rdf_type, rdfs_label, skos_alt_label = RDF.type, RDFS.label, SKOS.altLabel
    for t in triples:
        subject, p, o = t
        if (subject, p, o) in seen or not isinstance(subject, NamedNode):
            continue
        seen.add((subject, p, o))
        s = subjects[subject.value]
        if p == rdf_type and isinstance(o, NamedNode):
            s.types.add(local_name(o.value) or o.value)
        elif p == rdfs_label and isinstance(o, Literal):
            s.labels.append(o.value)
        elif p == skos_alt_label and isinstance(o, Literal):
            s.aliases.append(o.value)
        elif isinstance(o, NamedNode):
            s.links.append((local_name(p.value) or p.value, o.value))
        elif isinstance(o, Literal):
            s.values[local_name(p.value) or p.value].append(_literal_value(o))
    return subjects


def entity_type_of(types: set[str]) -> tuple[EntityType | None, str]:
    """The entity type and the most specific zone subclass (or "") of a set of class names."""
    for name in ("Zone", *ENTITY_TYPES):
        if name in types:
            subtype = min(types & ZONE_SUBTYPES) if name == "Zone" and types & ZONE_SUBTYPES else ""
            return ENTITY_TYPES[name], subtype
    if types & ZONE_SUBTYPES:
        return EntityType.ZONE, min(types & ZONE_SUBTYPES)
    return None, ""


def _add_nodes(g: nx.MultiDiGraph, subjects: dict[str, _Subject]) -> None:
    for iri, s in subjects.items():
        etype, subtype = entity_type_of(s.types)
        if etype is None:
            continue
        label = fullest(s.labels) or iri.rsplit("/", 1)[-1]
        aliases = sorted(set(s.aliases + s.labels) - {label})
        g.add_node(iri, label=label, type=etype.value, subtype=subtype, aliases="|".join(aliases))


def _first(values: list[str | float]) -> str | float | None:
    return values[0] if values else None


def _fold_investments(g: nx.MultiDiGraph, iri: str, targets: list[str], subjects: dict[str, _Subject]) -> None:
    total, currency = 0.0, ""
    for node in targets:
        amount = _first(subjects[node].values.get("amount", []))
        if isinstance(amount, float):
            total += amount
            currency = currency or str(_first(subjects[node].values.get("currency", [])) or "")
    if total:
        g.nodes[iri].update(amount=total, currency=currency or "CNY")


def _fold_status(g: nx.MultiDiGraph, iri: str, targets: list[str], subjects: dict[str, _Subject]) -> None:
    events = []
    for node in targets:
        value = next((local_name(o) for p, o in subjects[node].links if p == "statusValue"), None)
        year = str(_first(subjects[node].values.get("year", [])) or "")
        if value:
            events.append((year, value))
    if events:
        year, value = max(events)
        g.nodes[iri].update(status=value, status_year=year)


def _fold_awards(g: nx.MultiDiGraph, iri: str, targets: list[str], subjects: dict[str, _Subject]) -> None:
    for node in targets:
        honour = next((o for p, o in subjects[node].links if p == "honour"), None)
        year = str(_first(subjects[node].values.get("year", [])) or "")
        if honour in g and year:
            _set_edge_year(g, iri, honour, year)


def _set_edge_year(g: nx.MultiDiGraph, source: str, target: str, year: str) -> None:
    edges = g.get_edge_data(source, target) or {}
    for data in edges.values():
        if data["predicate"] == "awarded":
            data.update(year=year, label=f"获评 {year}")
            return
    g.add_edge(source, target, predicate="awarded", label=f"获评 {year}", year=year)


def _fold_roles(g: nx.MultiDiGraph, iri: str, targets: list[str], subjects: dict[str, _Subject]) -> None:
    for node in targets:
        org = next((o for p, o in subjects[node].links if p == "roleIn"), None)
        title = str(_first(subjects[node].values.get("title", [])) or "")
        if org in g:
            g.add_edge(iri, org, predicate="role", label=title or EDGE_LABELS["role"], title=title)


def _fold_indicators(g: nx.MultiDiGraph, iri: str, targets: list[str], subjects: dict[str, _Subject]) -> None:
    lines = []
    for node in targets:
        v = subjects[node].values
        metric, value = _first(v.get("metric", [])), _first(v.get("value", []))
        if metric is not None and value is not None:
            unit, period = _first(v.get("unit", [])) or "", _first(v.get("period", [])) or ""
            lines.append(f"{metric} {format_number(float(value))} {unit} {period}".strip())
    if lines:
        g.nodes[iri]["indicators"] = "\n".join(sorted(lines))


_FOLDERS = {
    "investment": _fold_investments,
    "status": _fold_status,
    "award": _fold_awards,
    "role": _fold_roles,
    "indicator": _fold_indicators,
}


def _add_edges(g: nx.MultiDiGraph, subjects: dict[str, _Subject], known: Iterable[tuple[str, str, str]]) -> None:
    for source, pred, target in known:
        if source in g and target in g:
            g.add_edge(source, target, predicate=pred, label=EDGE_LABELS[pred])
    for iri, s in subjects.items():
        if iri not in g:
            continue
        for pred, target in dict.fromkeys(s.links):
            if pred in EDGE_LABELS and target in g and pred != "role":
                g.add_edge(iri, target, predicate=pred, label=EDGE_LABELS[pred])
    for iri, s in subjects.items():
        if iri not in g:
            continue
        grouped: dict[str, list[str]] = defaultdict(list)
        for pred, target in dict.fromkeys(s.links):
            if pred in _FOLDERS:
                grouped[pred].append(target)
        for pred, targets in grouped.items():
            _FOLDERS[pred](g, iri, targets, subjects)


def format_number(value: float) -> str:
    """Readable Chinese magnitude: 2000000000 → '20亿', 35000 → '3.5万'.

    >>> format_number(2_000_000_000), format_number(35_000), format_number(12.5)
    ('20亿', '3.5万', '12.5')
    """
    for unit, scale in (("亿", 1e8), ("万", 1e4)):
        if abs(value) >= scale:
            return f"{value / scale:.4g}{unit}"
    return f"{value:.4g}"


def to_networkx(triples: Iterable[Triple | tuple[Term, NamedNode, Term]],
                edges: Iterable[tuple[str, str, str]] = ()) -> nx.MultiDiGraph:
    """Entity graph of a set of triples (or subject, predicate, object tuples): entities as nodes, binary facts
    as edges, n-ary facts folded in. ``edges`` are binary facts known already, distinct and not among the
    triples, as (subject IRI, predicate local name, object IRI); they are drawn as those in the triples are."""
    subjects = _collect(triples)
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    _add_nodes(g, subjects)
    _add_edges(g, subjects, edges)
    return g


FOLDED = tuple(_FOLDERS)
"""Links from an entity to its n-ary fact nodes, whose values are folded into the graph."""

__all__ = ["EDGE_LABELS", "FOLDED", "STATUS_LABELS", "entity_type_of", "format_number", "to_networkx"]
