"""RDF triples (a CONSTRUCT result) → a NetworkX graph of entities, with n-ary facts folded in.

Nodes are entity IRIs (strings) carrying ``label``, ``type`` (an :class:`EntityType` value),
``subtype`` (a zone subclass when known), ``aliases`` (joined with ``|``) and, on projects,
``amount``/``currency``/``status``/``status_year``. Edges carry ``predicate`` (the ontology
local name) and ``label`` (its Chinese reading). Every attribute is a scalar string or number,
so the graph can be written as GraphML or GEXF as it is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain

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
FOLDED = ("investment", "status", "award", "role", "indicator")
"""Links from an entity to its n-ary fact nodes, whose values are folded into the graph."""
STATUS_LABELS: dict[str, str] = {
    "signed": "签约", "started": "开工", "under_construction": "在建", "completed": "竣工", "in_production": "投产",
}


@dataclass
class Subject:
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


def collect(triples: Iterable[Triple | tuple[Term, NamedNode, Term]]) -> dict[str, Subject]:
    """What the triples say about each subject IRI (each triple once)."""
    subjects: dict[str, Subject] = defaultdict(Subject)
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


@dataclass(frozen=True)
class EntityRecord:
    """What the page draws of one entity, folded from its triples; the same whichever entities a view shows."""

    attrs: dict[str, str | float]
    """Node attributes: label, type, subtype, aliases and the folded amount, status and indicators."""
    links: tuple[tuple[str, str], ...] = ()
    """Binary facts found among its triples: (predicate local name, object IRI)."""
    awards: tuple[tuple[str, str], ...] = ()
    """(honour, year), one per honour: the year an ``awarded`` edge towards that honour carries."""
    roles: tuple[tuple[str, str], ...] = ()
    """(organisation, title): a ``role`` edge each."""


def _first(values: list[str | float]) -> str | float | None:
    """The value a fold reads when a fact node has several (the smallest: the same in whatever order they came)."""
    return min(values, key=lambda v: (isinstance(v, str), v)) if values else None


def _investment(targets: list[Subject]) -> dict[str, str | float]:
    total, currency = 0.0, ""
    for fact in targets:
        amount = _first(fact.values.get("amount", []))
        if isinstance(amount, float):
            total += amount
            currency = currency or str(_first(fact.values.get("currency", [])) or "")
    return {"amount": total, "currency": currency or "CNY"} if total else {}


def _status(targets: list[Subject]) -> dict[str, str | float]:
    events = []
    for fact in targets:
        value = next((local_name(o) for p, o in fact.links if p == "statusValue"), None)
        if value:
            events.append((str(_first(fact.values.get("year", [])) or ""), value))
    if not events:
        return {}
    year, value = max(events)
    return {"status": value, "status_year": year}


def _indicators(targets: list[Subject]) -> dict[str, str | float]:
    lines = []
    for fact in targets:
        metric, value = _first(fact.values.get("metric", [])), _first(fact.values.get("value", []))
        if metric is not None and value is not None:
            unit, period = _first(fact.values.get("unit", [])) or "", _first(fact.values.get("period", [])) or ""
            lines.append(f"{metric} {format_number(float(value))} {unit} {period}".strip())
    return {"indicators": "\n".join(sorted(lines))} if lines else {}


def _awards(targets: list[Subject]) -> tuple[tuple[str, str], ...]:
    years: dict[str, str] = {}
    for fact in targets:
        honour = next((o for p, o in fact.links if p == "honour"), None)
        year = str(_first(fact.values.get("year", [])) or "")
        if honour and year:
            years[honour] = year  # several awards of one honour: one edge, the last one's year
    return tuple(years.items())


def _roles(targets: list[Subject]) -> tuple[tuple[str, str], ...]:
    roles = []
    for fact in targets:
        org = next((o for p, o in fact.links if p == "roleIn"), None)
        if org:
            roles.append((org, str(_first(fact.values.get("title", [])) or "")))
    return tuple(roles)


_ATTRIBUTE_FOLDERS = {"investment": _investment, "status": _status, "indicator": _indicators}


def entity_record(iri: str, subject: Subject, subjects: Mapping[str, Subject]) -> EntityRecord | None:
    """The record of ``iri`` (None when it is no entity of the page); ``subjects`` holds its fact nodes."""
    etype, subtype = entity_type_of(subject.types)
    if etype is None:
        return None
    label = fullest(subject.labels) or iri.rsplit("/", 1)[-1]
    aliases = sorted(set(subject.aliases + subject.labels) - {label})
    attrs: dict[str, str | float] = {"label": label, "type": etype.value, "subtype": subtype,
                                     "aliases": "|".join(aliases)}
    grouped: dict[str, list[Subject]] = defaultdict(list)
    for pred, target in sorted(set(subject.links)):  # sorted: the same record whatever order the triples came in
        if pred in FOLDED:
            grouped[pred].append(subjects.get(target) or Subject())
    for pred, folder in _ATTRIBUTE_FOLDERS.items():
        attrs.update(folder(grouped.get(pred, [])))
    links = tuple(dict.fromkeys((p, o) for p, o in subject.links if p in EDGE_LABELS and p != "role"))
    return EntityRecord(attrs, links, _awards(grouped.get("award", [])), _roles(grouped.get("role", [])))


def entity_records(subjects: Mapping[str, Subject], entities: Iterable[str] | None = None) -> dict[str, EntityRecord]:
    """The records of ``entities`` (default: every subject) that are entities of the page."""
    found = {}
    for iri in subjects if entities is None else entities:
        record = entity_record(iri, subjects[iri], subjects) if iri in subjects else None
        if record is not None:
            found[iri] = record
    return found


def assemble(records: Mapping[str, EntityRecord], entities: Iterable[str],
             known: Iterable[tuple[str, str, str]] = ()) -> nx.MultiDiGraph:
    """The graph of ``entities`` (those with a record): binary facts ``known`` (subject, predicate local name,
    object) and those of their records, then the folded awards and roles, each drawn only between two of them."""
    shown = [e for e in dict.fromkeys(entities) if e in records]
    chosen = set(shown)
    edges: list[tuple[str, str, int, dict[str, str]]] = []
    keys: dict[tuple[str, str], int] = {}
    awarded: dict[tuple[str, str], dict[str, str]] = {}

    def add(source: str, target: str, data: dict[str, str]) -> None:
        key = keys.get((source, target), 0)
        keys[(source, target)] = key + 1
        edges.append((source, target, key, data))
        if data["predicate"] == "awarded":
            awarded.setdefault((source, target), data)

    binary = chain(known, ((e, p, o) for e in shown for p, o in records[e].links))
    for source, pred, target in binary:
        if source in chosen and target in chosen:
            add(source, target, {"predicate": pred, "label": EDGE_LABELS[pred]})
    for source in shown:
        record = records[source]
        for honour, year in record.awards:
            if honour in chosen:
                if (source, honour) in awarded:
                    awarded[(source, honour)].update(year=year, label=f"获评 {year}")
                else:
                    add(source, honour, {"predicate": "awarded", "label": f"获评 {year}", "year": year})
        for org, title in record.roles:
            if org in chosen:
                add(source, org, {"predicate": "role", "label": title or EDGE_LABELS["role"], "title": title})
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    g.add_nodes_from((e, records[e].attrs) for e in shown)
    _add_keyed_edges(g, edges)
    return g


def _add_keyed_edges(g: nx.MultiDiGraph, edges: Iterable[tuple[str, str, int, dict[str, str]]]) -> None:
    """``g.add_edges_from(edges)`` for edges between nodes of ``g`` with keys of their own, written straight into
    its adjacency as MultiDiGraph.add_edge writes it (one key dict shared by both directions): add_edges_from
    goes through several views per edge, most of a big view's assembly time."""
    succ, pred = g._succ, g._pred  # noqa: SLF001
    for source, target, key, data in edges:
        keys = succ[source].get(target)
        if keys is None:
            keys = succ[source][target] = pred[target][source] = g.edge_key_dict_factory()
        keys[key] = data  # made for this graph alone by assemble
    nx._clear_cache(g)  # noqa: SLF001


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
    records = entity_records(collect(triples))
    return assemble(records, records, edges)


__all__ = ["EDGE_LABELS", "FOLDED", "STATUS_LABELS", "EntityRecord", "assemble", "collect", "entity_records",
           "entity_type_of", "format_number", "to_networkx"]
