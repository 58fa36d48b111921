"""Reading the graph page's data from the store, through the named ``viz_*`` query templates.

No request loads the whole graph, and each query returns as few terms as it can (decoding terms is most
of a query's cost on the on-disk store):

1. the view's entities are chosen in Python from the entity index (viz.index: classes and neighbours of
   every entity): every entity, those of some types, a zone's members or a focus entity's ego network; when
   there are more than the page shows, the most connected of them (degree, then IRI; the view's own entity
   always kept);
2. the view's graph is assembled from the records of those entities (viz.graph: names and folded facts).

An embedded store keeps its index in memory, patched after each write (viz.live), with the records views
have read, so a view reads only the records of entities not shown since they last changed. Elsewhere (a
remote SPARQL server, whose writes are not seen) the index is read for each view.

The exact zone/type/focus cut (:func:`viz.views.cut_view`) then runs in NetworkX on that small graph,
so a view that is not truncated equals the one cut from the whole graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import quote

import networkx as nx
from pyoxigraph import Literal, NamedNode

from kg.errors import NotFound
from kg.labels import fullest
from kg.sparql import load_query
from kg.store import GraphStore
from viz.cache import GenerationCache, cached, store_cache
from viz.graph import assemble
from viz.index import EntityIndex, read_entity_index
from viz.live import live_index
from viz.templates import values_block
from viz.views import (
    DEFAULT_NODE_LIMIT,
    AmbiguousEntity,
    InvalidView,
    View,
    cap,
    check_depth,
    check_types,
    cut_view,
    fold_name,
)

QUERY_NODE_LIMIT = DEFAULT_NODE_LIMIT
"""Most entities one view reads from the store (then cut to the page's cap)."""
ENTITY_INDEX_KEY = ("entity-index",)
"""The index's key in viz.cache, for a store that counts its writes without reporting what they touched."""
__all__ = ["QUERY_NODE_LIMIT", "entity_index", "store_view", "values_block", "zone_index"]


@dataclass(frozen=True)
class Candidates:
    """The part of the graph a view is cut from, and how many entities the store holds for it."""

    graph: nx.MultiDiGraph
    total: int
    truncated: bool


@dataclass(frozen=True)
class EvidenceOut:
    """One source sentence behind an entity, with the document it comes from."""

    text: str
    doc_id: str
    source: str
    url: str
    start: int | None
    end: int | None


def entity_index(store: GraphStore, cache: GenerationCache | None = None) -> EntityIndex:
    """The entity index: live for an embedded store, else read whole, kept in ``cache`` for the store's
    generation when one is given."""
    live = live_index(store)
    if live is not None:
        return live.current()
    if cache is None:
        return read_entity_index(store)
    return cache.get(ENTITY_INDEX_KEY, lambda: read_entity_index(store))


def entity_graph(store: GraphStore, entities: list[str], index: EntityIndex) -> nx.MultiDiGraph:
    """The entity graph among ``entities``: their binary facts from the index, names and folded facts from
    their records (read for those the index does not hold yet)."""
    return assemble(index.records_of(store, entities), entities, index.binary_edges(entities))


def candidates(store: GraphStore, index: EntityIndex, members: list[str], anchor: str | None = None,
               limit: int = QUERY_NODE_LIMIT) -> Candidates:
    """The graph of a view's ``members``, cut to the ``limit`` most connected (``anchor`` kept)."""
    truncated = len(members) > limit
    chosen = index.most_connected(members, limit, keep=anchor) if truncated else members
    return Candidates(entity_graph(store, chosen, index), len(members), truncated)


def resolve_entity(store: GraphStore, ref: str) -> str:
    """IRI of the entity ``ref`` names: its IRI, a label or an alias (either script).

    Raises NotFound, or AmbiguousEntity when the name belongs to several entities (as the REST API
    refuses such a name rather than picking one).
    """
    try:
        iri = NamedNode(ref)
    except ValueError:
        iri = None
    if iri is not None and store.select(load_query("viz_entity"), bindings={"item": iri}):
        return iri.value
    rows = store.select(load_query("viz_resolve_exact"), bindings={"name": Literal(ref.strip(), language="zh")})
    rows = rows or store.select(load_query("viz_resolve"), bindings={"key": Literal(fold_name(ref))})
    if not rows:
        raise NotFound(f"no entity named {ref!r} in the graph")
    items = list(dict.fromkeys(str(row["item"].value) for row in rows))
    if len(items) > 1:
        raise AmbiguousEntity(ref, items)
    return items[0]


def view_members(index: EntityIndex, zone_node: str | None, focus_node: str | None,
                 wanted: set[str] | None, depth: int) -> list[str]:
    """The entities a view is cut from: a zone's (two steps, not through other zones), a focus's (``depth``
    steps), those of the ``wanted`` types, or every entity."""
    if zone_node:
        return index.within(zone_node, 2, through_zones=False)
    if focus_node:
        return index.within(focus_node, depth)
    return index.of_types(wanted) if wanted else list(index.classes)


def store_view(
    store: GraphStore,
    *,
    zone: str | None = None,
    types: Iterable[str] | None = None,
    focus: str | None = None,
    depth: int = 1,
    limit: int = DEFAULT_NODE_LIMIT,
    cache: GenerationCache | None = None,
) -> View:
    """The view :func:`viz.views.select_view` would cut from the whole graph, read from the store.

    With a ``cache`` the entity index is shared with other views of the same store generation.
    """
    wanted = check_types(types) if types else None
    check_depth(depth)
    zone_node = resolve_entity(store, zone) if zone else None
    focus_node = resolve_entity(store, focus) if focus else None
    index = entity_index(store, cache)
    members = view_members(index, zone_node, focus_node, wanted, depth)
    found = candidates(store, index, members, zone_node or focus_node)
    view = cut_view(found.graph, zone=zone_node, types=wanted, focus=focus_node, depth=depth)
    total = found.total if found.truncated else view.number_of_nodes()
    shown = cap(view, limit)
    return View(shown, total, shown.number_of_nodes() < total, focus=focus_node, zone=zone_node)


def cached_view(
    store: GraphStore,
    *,
    zone: str | None = None,
    types: Iterable[str] | None = None,
    focus: str | None = None,
    depth: int = 1,
) -> View:
    """:func:`store_view`, kept per store generation (a repeated view does not touch the store)."""
    cache = store_cache(store)
    key = ("view", zone, tuple(sorted(types or ())), focus, depth)
    build = lambda: store_view(store, zone=zone, types=types, focus=focus, depth=depth, cache=cache)  # noqa: E731
    return build() if cache is None else cache.get(key, build)


def zone_index(store: GraphStore) -> list[dict[str, str]]:
    """Every zone as ``{"id", "label"}`` with its fullest label (as viz.graph and the REST API name it), by label.

    Kept per store generation.
    """
    return cached(store, ("zone-index",), lambda: read_zone_index(store))


def read_zone_index(store: GraphStore) -> list[dict[str, str]]:
    """:func:`zone_index` read from the store."""
    names: dict[str, list[str]] = {}
    for row in store.select(load_query("viz_zones")):
        names.setdefault(row["zone"].value, []).append(row["label"].value)
    labels = {zone: fullest(found) or zone for zone, found in names.items()}
    return [{"id": zone, "label": label} for zone, label in sorted(labels.items(), key=lambda z: (z[1], z[0]))]


def entity_node(iri: str) -> NamedNode:
    """The IRI as a term; raises InvalidView when it is not an absolute IRI."""
    try:
        return NamedNode(iri)
    except ValueError as err:
        raise InvalidView(f"not an IRI: {iri!r}") from err


def _text(term: Any) -> str:
    return term.value if isinstance(term, Literal | NamedNode) else ""


def _int(term: Any) -> int | None:
    return int(term.value) if isinstance(term, Literal) else None


def _evidence_out(row: dict[str, Any], *, linked: bool = True) -> EvidenceOut:
    """A sentence row; ``linked``: with the URL of the document view that highlights it."""
    doc_id = _text(row.get("docId"))
    start, end = _int(row.get("start")), _int(row.get("end"))
    url = f"/documents/{quote(doc_id, safe='')}" if doc_id and linked else ""
    if url and start is not None and end is not None:
        url += f"?s={start}&e={end}"
    return EvidenceOut(text=_text(row.get("text")), doc_id=doc_id, source=_text(row.get("source")) or doc_id,
                       url=url, start=start, end=end)


def entity_evidence(store: GraphStore, iri: str) -> list[EvidenceOut]:
    """Source sentences for everything said about the entity ``iri``."""
    rows = store.select(load_query("viz_evidence"), bindings={"entity": entity_node(iri)})
    return [_evidence_out(row) for row in rows]


def evidence_of(store: GraphStore, entities: set[str], *, per_entity: int = 200) -> dict[str, list[dict[str, Any]]]:
    """Source sentences of many entities at once (one query), for a page that carries them (the HTML export);
    without links, as such a page is read away from the server."""
    found: dict[str, list[dict[str, Any]]] = {}
    for row in store.select(load_query("viz_evidence_all")):
        entity = row["entity"].value
        if entity in entities and len(found.setdefault(entity, [])) < per_entity:
            found[entity].append(asdict(_evidence_out(row, linked=False)))
    return found


def evidence_json(store: GraphStore, iri: str) -> dict[str, Any]:
    """The details panel's payload for one entity."""
    return {"iri": iri, "evidence": [asdict(e) for e in entity_evidence(store, iri)]}
