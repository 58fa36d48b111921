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
FOLDED_VALUES: dict[str, tuple[str, ...]] = {
    "investment": ("amount", "currency"),
    "status": ("statusValue", "year"),
    "award": ("honour", "year"),
    "role": ("roleIn", "title"),
    "indicator": ("metric", "value", "unit", "period"),
}
"""Links from an entity to its n-ary fact nodes, each with the predicates of the node its fold reads (the only
ones: viz.records reads no others of the nodes reached through that link)."""
FOLDED = tuple(FOLDED_VALUES)
"""Links from an entity to its n-ary fact nodes, whose values are folded into the graph."""
STATUS_LABELS: dict[str, str] = {
    "signed": "签约", "started": "开工", "under_construction": "在建", "completed": "竣工", "in_production": "投产",
}


RDF_TYPE, RDFS_LABEL, SKOS_ALT_LABEL = RDF.type.value, RDFS.label.value, SKOS.altLabel.value


@dataclass
class Subject:
    """Everything the triples say about one subject."""

    types: set[str] = field(default_factory=set)
    labels: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    values: dict[str, list[str | float]] = field(default_factory=lambda: defaultdict(list))

    def add(self, predicate: str, o: Term) -> None:
        """What one triple with this subject says: ``predicate`` (an IRI) and its object ``o``."""
        if predicate == RDF_TYPE and isinstance(o, NamedNode):
            self.types.add(local_name(o.value) or o.value)
        elif predicate == RDFS_LABEL and isinstance(o, Literal):
            self.labels.append(o.value)
        elif predicate == SKOS_ALT_LABEL and isinstance(o, Literal):
            self.aliases.append(o.value)
        elif isinstance(o, NamedNode):
            self.links.append((_predicate_name(predicate), o.value))
        elif isinstance(o, Literal):
            self.values[_predicate_name(predicate)].append(_literal_value(o))


def local_name(iri: str) -> str | None:
    """Local name of an ontology IRI, or None for any other IRI."""
    return iri[len(ZONE_IRI):] if iri.startswith(ZONE_IRI) else None


_PREDICATE_NAMES: dict[str, str] = {}


def _predicate_name(iri: str) -> str:
    """The local name of an ontology predicate, or the IRI of another (kept: a view's triples use few)."""
    name = _PREDICATE_NAMES.get(iri)
    if name is None:
        if len(_PREDICATE_NAMES) > 1000:
            _PREDICATE_NAMES.clear()
        name = _PREDICATE_NAMES[iri] = local_name(iri) or iri
    return name


def _literal_value(lit: Literal) -> str | float:
    if lit.datatype.value.endswith(("#decimal", "#double", "#float", "#integer")):
        return float(lit.value)
    return lit.value


def collect(triples: Iterable[Triple | tuple[Term, NamedNode, Term]]) -> dict[str, Subject]:
    """What the triples say about each subject IRI (each triple once)."""
    subjects: dict[str, Subject] = defaultdict(Subject)
    seen: set[tuple[Term, NamedNode, Term]] = set()
    for t in triples:
        subject, p, o = t
        if (subject, p, o) in seen or not isinstance(subject, NamedNode):
            continue
        seen.add((subject, p, o))
        subjects[subject.value].add(p.value, o)
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
    object) and those of their records, then the folded awards and roles, each drawn only between two of them.

    Edges are written straight into the graph's adjacency as MultiDiGraph.add_edge writes them (keys 0, 1...
    per pair in the order found, one key dict shared by both directions): add_edge goes through several views
    per edge, most of a big view's assembly time."""
    shown = [e for e in dict.fromkeys(entities) if e in records]
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    g.add_nodes_from((e, records[e].attrs) for e in shown)
    succ = g._succ  # noqa: SLF001
    awarded: dict[tuple[str, str], dict[str, str]] = {}
    for source, pred, target in chain(known, ((e, p, o) for e in shown for p, o in records[e].links)):
        if source in succ and target in succ:
            data = _add_edge(g, source, target, {"predicate": pred, "label": EDGE_LABELS[pred]})
            if pred == "awarded":
                awarded.setdefault((source, target), data)
    for source in shown:
        record = records[source]
        for honour, year in record.awards:
            if honour in succ:
                if (source, honour) in awarded:
                    awarded[(source, honour)].update(year=year, label=f"获评 {year}")
                else:
                    _add_edge(g, source, honour, {"predicate": "awarded", "label": f"获评 {year}", "year": year})
        for org, title in record.roles:
            if org in succ:
                _add_edge(g, source, org, {"predicate": "role", "label": title or EDGE_LABELS["role"], "title": title})
    nx._clear_cache(g)  # noqa: SLF001
    return g


def _add_edge(g: nx.MultiDiGraph, source: str, target: str, data: dict[str, str]) -> dict[str, str]:
    """Add an edge between two nodes of ``g`` with the next key of their pair and ``data`` (made for it); returns
    ``data``."""
    keys = g._succ[source].get(target)  # noqa: SLF001
    if keys is None:
        keys = g._succ[source][target] = g._pred[target][source] = g.edge_key_dict_factory()  # noqa: SLF001
    keys[len(keys)] = data
    return data


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


__all__ = ["EDGE_LABELS", "FOLDED", "FOLDED_VALUES", "STATUS_LABELS", "EntityRecord", "Subject", "assemble", "collect",
           "entity_records", "entity_type_of", "format_number", "to_networkx"]
