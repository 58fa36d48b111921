"""REST views of entities: pages of one type, one entity with its links and facts, name search.

Every query is a named template from ``kg/queries`` run with bound terms.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from api.facets import Facets, allowed_items
from api.page_shell import evidence_url
from api.schemas import EntityDetail, EntityPage, Evidence, FactNode, Link, Ref
from api.terms import BASE_TYPES, entity_id, literal_value, local_name, make_ref, plain_value, text
from kg.errors import NotFound
from kg.labels import fullest
from kg.model import EntityType
from kg.namespaces import RDF, RDFS, SKOS, ZONE, ZR
from kg.sparql import load_query
from kg.store import GraphStore
from kg.store.terms import Term

NARY = {c.value for c in (ZONE.Investment, ZONE.StatusEvent, ZONE.Award, ZONE.Role, ZONE.IndicatorObservation)}
_NAMES = {RDFS.label.value, SKOS.altLabel.value, RDF.type.value, ZONE.mentionedIn.value}


@dataclass
class _Neighbour:
    """One neighbour of an entity: its label and classes, gathered over result rows."""

    label: str | None = None
    types: set[str] = field(default_factory=set)


def entity_iri_for(entity_type: EntityType, ident: str) -> NamedNode:
    """The IRI behind ``/{collection}/{id}``."""
    return ZR[f"{entity_type.value.lower()}/{ident}"]


def list_entities(
    store: GraphStore, entity_type: EntityType, *, q: str, zone: NamedNode | None, limit: int, offset: int,
    facets: Facets | None = None,
) -> EntityPage:
    """A page of one type's entities, filtered by a name fragment, a zone and facets."""
    bindings: dict[str, Term] = {"type": entity_type.iri, "q": Literal(q)}
    name = "api_entities"
    if zone is not None:
        bindings["zone"] = zone
        name = "api_entities_in_zone"
    rows = store.select(load_query(name), bindings=bindings)
    allowed = allowed_items(store, facets)
    if allowed is not None:
        rows = [r for r in rows if r["item"].value in allowed]
    items = [make_ref(r["item"].value, text(r, "label"), [entity_type.iri.value]) for r in rows]
    return EntityPage(total=len(items), limit=limit, offset=offset, items=items[offset : offset + limit])


def search_entities(store: GraphStore, q: str, limit: int) -> list[Ref]:
    """Entities of any type whose label or an alias contains ``q`` (shortest names first)."""
    rows = store.select(load_query("api_search"), bindings={"q": Literal(q)})
    return [make_ref(r["item"].value, text(r, "label"), [r["type"].value]) for r in rows[:limit]]


def _neighbours(rows: list[dict[str, Term]], key: str, label: str, cls: str) -> dict[tuple[str, str], _Neighbour]:
    found: dict[tuple[str, str], _Neighbour] = defaultdict(_Neighbour)
    for row in rows:
        entry = found[(row["p"].value, _key(row[key]))]
        entry.label = fullest([entry.label, text(row, label)])
        if cls in row:
            entry.types.add(row[cls].value)
    return found


def _key(term: Term) -> str:
    return str(term) if isinstance(term, Literal) else term.value


def _evidence(row: dict[str, Term]) -> Evidence:
    start, end = row["start"], row["end"]
    assert isinstance(start, Literal) and isinstance(end, Literal)
    document, first, last = entity_id(row["doc"].value), int(literal_value(start)), int(literal_value(end))
    return Evidence(document=document, text=row["text"].value, start=first, end=last,
                    url=evidence_url(document, first, last))


def get_entity(store: GraphStore, entity_type: EntityType, ident: str) -> EntityDetail:
    """One entity with its names, documents, binary links (with evidence) and n-ary facts.

    Raises:
        NotFound: no entity of that type has this id.
    """
    item = entity_iri_for(entity_type, ident)
    out = store.select(load_query("api_entity_out"), bindings={"item": item})
    values = defaultdict(list)
    for row in out:
        values[row["p"].value].append(row["o"])
    if entity_type.iri not in values[RDF.type.value]:
        raise NotFound(f"no {entity_type.value} with id {ident!r}")
    incoming = store.select(load_query("api_entity_in"), bindings={"item": item})
    evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for row in store.select(load_query("api_entity_evidence"), bindings={"item": item}):
        evidence[(row["s"].value, row["p"].value, row["o"].value)].append(_evidence(row))
    name = fullest(t.value for t in values[RDFS.label.value])
    links, facts = _adjacent(store, item, out, evidence, "out")
    more_links, more_facts = _adjacent(store, item, incoming, evidence, "in")
    return EntityDetail(
        id=ident,
        iri=item.value,
        type=entity_type.value,
        types=sorted(local_name(t.value) for t in values[RDF.type.value]),
        label=name,
        aliases=sorted({t.value for t in values[SKOS.altLabel.value] + values[RDFS.label.value]} - {name}),
        documents=sorted(entity_id(t.value) for t in values[ZONE.mentionedIn.value]),
        links=links + more_links,
        facts=facts + more_facts,
    )


def _adjacent(
    store: GraphStore,
    item: NamedNode,
    rows: list[dict[str, Term]],
    evidence: dict[tuple[str, str, str], list[Evidence]],
    direction: str,
) -> tuple[list[Link], list[FactNode]]:
    """Links and n-ary facts on one side of ``item``: ``out`` (it is the subject) or ``in`` (the object)."""
    var = "o" if direction == "out" else "s"
    links, facts = [], []
    for (p, other), n in sorted(_neighbours(rows, var, f"{var}Label", f"{var}Type").items()):
        if direction == "out" and p in _NAMES:
            continue
        if n.types & NARY:
            facts.append(_fact_node(store, NamedNode(other), local_name(p), direction, n.types))
        elif n.types & BASE_TYPES.keys():
            key = (item.value, p, other) if direction == "out" else (other, p, item.value)
            links.append(_link(store, p, direction, make_ref(other, n.label, n.types), evidence.get(key, [])))
    return links, facts


def _link(store: GraphStore, predicate: str, direction: str, target: Ref, evidence: list[Evidence]) -> Link:
    """A link; a project target also brings its amounts and status history."""
    facts = _own_facts(store, NamedNode(target.iri)) if target.type == EntityType.PROJECT.value else []
    return Link(
        predicate=local_name(predicate),
        direction=direction,  # type: ignore[arg-type]
        target=target,
        evidence=evidence,
        target_facts=facts,
    )


def _own_facts(store: GraphStore, item: NamedNode) -> list[FactNode]:
    """The n-ary facts an entity holds (outgoing fact nodes only)."""
    rows = store.select(load_query("api_entity_out"), bindings={"item": item})
    found = _neighbours(rows, "o", "oLabel", "oType")
    return [
        _fact_node(store, NamedNode(o), local_name(p), "out", n.types)
        for (p, o), n in sorted(found.items())
        if n.types & NARY
    ]


def _fact_node(store: GraphStore, node: NamedNode, predicate: str, direction: str, types: set[str]) -> FactNode:
    bindings: dict[str, Term] = {"node": node}
    properties = defaultdict(list)
    for row in store.select(load_query("api_node"), bindings=bindings):
        properties[local_name(row["p"].value)].append(plain_value(row["v"], text(row, "vLabel"), []))
    evidence = [_evidence(r) for r in store.select(load_query("api_node_evidence"), bindings=bindings)]
    holder = None
    if direction == "in":
        rows = store.select(load_query("api_node_holder"), bindings=bindings)
        holder = next(
            (
                make_ref(r["holder"].value, text(r, "holderLabel"), [r["holderType"].value])
                for r in rows
                if "holderType" in r and r["holderType"].value in BASE_TYPES
            ),
            None,
        )
    return FactNode(
        predicate=predicate,
        direction=direction,  # type: ignore[arg-type]
        node=node.value,
        kind=local_name(sorted(types & NARY)[0]),
        properties=dict(properties),
        holder=holder,
        evidence=evidence,
    )
