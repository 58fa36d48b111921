"""Reading what the graph page draws of entities (viz.graph records: names, folded facts) from a store.

Two queries, numbered predicates only (decoding terms is most of a query's cost on the on-disk store):
``viz_entity_attributes`` (labels, aliases, links to fact nodes) and ``viz_entity_facts`` (the fact nodes'
values). For some entities, each fact node is asked only for the predicates its fold reads
(viz.graph.FOLDED_VALUES: an investment's amount and currency, not the nine others): a quarter of the index
lookups, most of a first view's cost at 1M triples. Classes come from the entity index, edges too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping

from pyoxigraph import NamedNode

from kg.namespaces import RDFS, SKOS, ZONE
from kg.store import GraphStore
from viz.graph import FOLDED, FOLDED_VALUES, EntityRecord, Subject, entity_records
from viz.templates import fill, numbered, union, values_block

FOLDED_LINKS = tuple(ZONE[f] for f in FOLDED)
NAME_PREDICATES = (RDFS.label, SKOS.altLabel, *FOLDED_LINKS)
"""What the names query reads of an entity: its names and its links to fact nodes."""
FACT_NAMES = tuple(dict.fromkeys(p for values in FOLDED_VALUES.values() for p in values))
FACT_PREDICATES = tuple(ZONE[p] for p in FACT_NAMES)
"""What viz.graph folds in from a fact node (investment, status, award, role, indicator)."""
_NAME_IRIS = tuple(p.value for p in NAME_PREDICATES)
_FACT_IRIS = tuple(p.value for p in FACT_PREDICATES)
_FIRST_LINK = NAME_PREDICATES.index(FOLDED_LINKS[0])


def read_records(store: GraphStore, classes: Mapping[str, Collection[str]],
                 entities: Collection[str] | None = None) -> dict[str, EntityRecord]:
    """The records of ``entities`` (None: every entity of ``classes``), each typed with its ``classes``."""
    targets = list(classes) if entities is None else [e for e in entities if e in classes]
    if not targets:
        return {}
    subjects: dict[str, Subject] = defaultdict(Subject)
    for e in targets:
        subjects[e].types.update(classes[e])
    nodes = "" if entities is None else values_block("e", targets)
    names = fill("viz_entity_attributes", {"#NODES": nodes, "#PREDICATES": numbered("?e {p} ?o", NAME_PREDICATES)})
    facts: dict[str, set[str]] = defaultdict(set)
    """Fact nodes by the link that reaches them."""
    for row in store.select(names):
        k, o = int(row["k"].value), row["o"]
        subjects[row["e"].value].add(_NAME_IRIS[k], o)
        if k >= _FIRST_LINK and isinstance(o, NamedNode):
            facts[FOLDED[k - _FIRST_LINK]].add(o.value)
    if facts:
        query = _every_fact_value() if entities is None else _fact_values(facts)
        for row in store.select(query):
            subjects[row["f"].value].add(_FACT_IRIS[int(row["k"].value)], row["o"])
    return entity_records(subjects, targets)


def _every_fact_value() -> str:
    """The values query for every fact node of the store (each of its value predicates once: an index scan)."""
    return fill("viz_entity_facts", {"#NODES": "", "#PREDICATES": numbered("?f {p} ?o", FACT_PREDICATES)})


def _fact_values(facts: Mapping[str, Iterable[str]]) -> str:
    """The values query for these fact nodes, by the link reaching them: each node asked only for the values
    its fold reads (a node reached by two links, for both sets)."""
    groups = []
    for link, nodes in facts.items():
        patterns = " UNION ".join(f"{{ ?f {ZONE[p]} ?o BIND({FACT_NAMES.index(p)} AS ?k) }}"
                                  for p in FOLDED_VALUES[link])
        groups.append(f"{{ {values_block('f', sorted(nodes))} {patterns} }}")
    return fill("viz_entity_facts", {"#NODES": "", "#PREDICATES": " UNION ".join(groups)})


def holders(store: GraphStore, iris: Collection[str]) -> set[str]:
    """The subjects linking to a fact node among ``iris`` (the folded values they draw may come from it)."""
    if not iris:
        return set()
    query = fill("viz_entity_holders", {"#NODES": values_block("f", iris), "#LINKS": union("?e {p} ?f", FOLDED_LINKS)})
    return {row["e"].value for row in store.select(query)}
