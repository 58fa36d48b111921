"""Reading what the graph page draws of entities (viz.graph records: names, folded facts) from a store.

Two queries, numbered predicates only (decoding terms is most of a query's cost on the on-disk store):
``viz_entity_attributes`` (labels, aliases, links to fact nodes) and ``viz_entity_facts`` (the fact nodes'
values). Classes come from the entity index, edges too.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from pyoxigraph import NamedNode

from kg.namespaces import RDF, RDFS, SKOS, ZONE
from kg.store import GraphStore
from viz.graph import FOLDED, EntityRecord, collect, entity_records
from viz.templates import fill, numbered, union, values_block

FOLDED_LINKS = tuple(ZONE[f] for f in FOLDED)
NAME_PREDICATES = (RDFS.label, SKOS.altLabel, *FOLDED_LINKS)
"""What the names query reads of an entity: its names and its links to fact nodes."""
FACT_PREDICATES = tuple(ZONE[p] for p in (
    "amount", "currency", "statusValue", "year", "honour", "roleIn", "title", "metric", "value", "unit", "period",
))
"""What viz.graph folds in from a fact node (investment, status, award, role, indicator)."""


def read_records(store: GraphStore, classes: Mapping[str, Collection[str]],
                 entities: Collection[str] | None = None) -> dict[str, EntityRecord]:
    """The records of ``entities`` (None: every entity of ``classes``), each typed with its ``classes``."""
    targets = list(classes) if entities is None else [e for e in entities if e in classes]
    if not targets:
        return {}
    triples: list[tuple[Any, NamedNode, Any]] = [
        (NamedNode(e), RDF.type, ZONE[c]) for e in targets for c in sorted(classes[e])]
    nodes = "" if entities is None else values_block("e", targets)
    names = fill("viz_entity_attributes", {"#NODES": nodes, "#PREDICATES": numbered("?e {p} ?o", NAME_PREDICATES)})
    triples += [(r["e"], NAME_PREDICATES[int(r["k"].value)], r["o"]) for r in store.select(names)]
    folded = set(FOLDED_LINKS)
    facts = {t[2].value for t in triples if t[1] in folded and isinstance(t[2], NamedNode)}
    if facts:
        nodes = "" if entities is None else values_block("f", sorted(facts))
        query = fill("viz_entity_facts", {"#NODES": nodes, "#PREDICATES": numbered("?f {p} ?o", FACT_PREDICATES)})
        triples += [(r["f"], FACT_PREDICATES[int(r["k"].value)], r["o"]) for r in store.select(query)]
    return entity_records(collect(triples), targets)


def holders(store: GraphStore, iris: Collection[str]) -> set[str]:
    """The subjects linking to a fact node among ``iris`` (the folded values they draw may come from it)."""
    if not iris:
        return set()
    query = fill("viz_entity_holders", {"#NODES": values_block("f", iris), "#LINKS": union("?e {p} ?f", FOLDED_LINKS)})
    return {row["e"].value for row in store.select(query)}
