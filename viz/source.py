"""Reading the graph page's data from the store, through the named ``viz_*`` query templates.

A view is cut in SPARQL, so no request loads the whole graph: a ``viz_members_*`` pattern names the
candidates of a view (every entity, one type, or a superset of a zone or focus view),
``viz_view_count`` counts them and ``viz_view_triples`` brings back just their part of the graph.
When there are more candidates than the page shows, only the most connected come back:
``viz_view_rank`` finds the degree of the N-th and ``viz_degree_at_least`` keeps those at or above
it; the unfiltered view ranks inside ``viz_degree_top``, with nothing bound. The exact
zone/type/focus cut (:func:`viz.views.cut_view`) then runs in NetworkX on that small graph, so a
view that is not truncated equals the one cut from the whole graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any
from urllib.parse import quote

import networkx as nx
from pyoxigraph import Literal, NamedNode, Triple

from kg.errors import NotFound
from kg.labels import fullest
from kg.model import EntityType
from kg.sparql import load_query
from kg.store import GraphStore
from viz.graph import to_networkx
from viz.views import DEFAULT_NODE_LIMIT, InvalidView, View, cap, check_depth, check_types, cut_view, fold_name

MEMBERS_MARK = "#MEMBERS"
DEGREE_MARK = "#DEGREE"
QUERY_NODE_LIMIT = DEFAULT_NODE_LIMIT
"""Most nodes one view query brings back (the LIMIT of viz_view_rank.rq and viz_degree_top.rq)."""


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


@cache
def view_query(shape: str, members: str, degree: str | None = None) -> str:
    """The ``viz_view_<shape>`` template with the ``viz_members_<members>`` pattern (and ``viz_degree_<degree>`` cut).

    The parts are fixed texts at marked lines; values are always bound, never written into the query.
    """
    parts = {MEMBERS_MARK: load_query(f"viz_members_{members}")}
    if degree:
        parts[DEGREE_MARK] = load_query(f"viz_degree_{degree}")
    lines = load_query(f"viz_view_{shape}").splitlines()
    return "\n".join(parts.get(line.strip(), line) for line in lines)


def _select(
    store: GraphStore, query: str, anchors: list[NamedNode | None], extra: dict[str, Any]
) -> list[dict[str, Any]]:
    """Rows of ``query`` for each anchor (None: nothing bound but ``extra``)."""
    rows: list[dict[str, Any]] = []
    for anchor in anchors:
        rows += store.select(query, bindings={**extra, **({"anchor": anchor} if anchor else {})})
    return rows


def candidates(store: GraphStore, members: str, anchors: list[NamedNode | None],
               limit: int = QUERY_NODE_LIMIT) -> Candidates:
    """Members of a view (one query per anchor), cut in SPARQL to about ``limit`` of the most connected."""
    total = sum(int(r["total"].value) for r in _select(store, view_query("count", members), anchors, {}))
    degree, extra = None, {}
    if total > limit and anchors != [None]:
        ranked = _select(store, view_query("rank", members), anchors, {})
        degrees = sorted((int(r["degree"].value) for r in ranked), reverse=True)
        extra = {"mindegree": Literal(degrees[min(limit, len(degrees)) - 1] if degrees else 0)}
        degree = "at_least"
    elif total > limit:
        degree = "top"  # the unfiltered view ranks its own top N inside the query, with nothing bound
    rows = _select(store, view_query("triples", members, degree), anchors, extra)
    triples = [Triple(r["s"], r["p"], r["o"]) for r in rows]
    return Candidates(to_networkx(triples), total, truncated=total > limit)


def resolve_entity(store: GraphStore, ref: str) -> str:
    """IRI of the entity ``ref`` names: its IRI, a label or an alias (either script); raises NotFound."""
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
    return str(rows[0]["item"].value)


def store_view(
    store: GraphStore,
    *,
    zone: str | None = None,
    types: Iterable[str] | None = None,
    focus: str | None = None,
    depth: int = 1,
    limit: int = DEFAULT_NODE_LIMIT,
) -> View:
    """The view :func:`viz.views.select_view` would cut from the whole graph, read from the store."""
    wanted = check_types(types) if types else None
    check_depth(depth)
    zone_node = resolve_entity(store, zone) if zone else None
    focus_node = resolve_entity(store, focus) if focus else None
    if zone_node:
        found = candidates(store, "zone", [NamedNode(zone_node)])
    elif focus_node:
        found = candidates(store, f"focus{depth}", [NamedNode(focus_node)])
    elif wanted:
        found = candidates(store, "type", [EntityType(t).iri for t in sorted(wanted)])
    else:
        found = candidates(store, "all", [None])
    view = cut_view(found.graph, zone=zone_node, types=wanted, focus=focus_node, depth=depth)
    total = found.total if found.truncated else view.number_of_nodes()
    shown = cap(view, limit)
    return View(shown, total, shown.number_of_nodes() < total, focus=focus_node, zone=zone_node)


def zone_index(store: GraphStore) -> list[dict[str, str]]:
    """Every zone as ``{"id", "label"}`` with its fullest label (as viz.graph and the REST API name it), by label."""
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


def entity_evidence(store: GraphStore, iri: str) -> list[EvidenceOut]:
    """Source sentences for everything said about the entity ``iri``."""
    rows = store.select(load_query("viz_evidence"), bindings={"entity": entity_node(iri)})
    out = []
    for row in rows:
        doc_id = _text(row.get("docId"))
        out.append(EvidenceOut(
            text=_text(row.get("text")), doc_id=doc_id, source=_text(row.get("source")) or doc_id,
            url=f"/documents/{quote(doc_id, safe='')}" if doc_id else "",
            start=_int(row.get("start")), end=_int(row.get("end")),
        ))
    return out


def evidence_json(store: GraphStore, iri: str) -> dict[str, Any]:
    """The details panel's payload for one entity."""
    return {"iri": iri, "evidence": [asdict(e) for e in entity_evidence(store, iri)]}
