"""``zonekg export``: the graph page's views written as HTML, GraphML, GEXF, N-Quads or JSON-LD."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx
import rdflib
from pyoxigraph import NamedNode, RdfFormat, Triple, serialize

from kg.errors import KgError
from kg.namespaces import PREFIXES
from kg.sparql import load_query
from kg.store import GraphStore
from viz.graph import to_networkx
from viz.render import Assets, render_html
from viz.source import evidence_of
from viz.views import DEFAULT_NODE_LIMIT, View, select_view

FORMATS = ("html", "graphml", "gexf", "nq", "jsonld")
ALIASES = {"nquads": "nq"}
# Fact nodes hanging off an entity, exported along with it.
FACT_LINKS = frozenset(
    f"{PREFIXES['zone']}{name}" for name in ("investment", "status", "award", "role", "indicator")
)


class UnknownFormat(KgError):
    """The export format is not one of :data:`FORMATS`."""


def view_triples(triples: Iterable[Triple], nodes: set[str]) -> list[Triple]:
    """Triples about the view's entities and their fact nodes, without links leaving the view."""
    triples = list(triples)
    by_subject: dict[str, list[Triple]] = {}
    for t in triples:
        by_subject.setdefault(t.subject.value, []).append(t)

    def inside(t: Triple) -> bool:
        target = t.object.value if isinstance(t.object, NamedNode) else None
        return target is None or target not in by_subject or target in nodes

    out: list[Triple] = []
    for node in nodes:
        for t in by_subject.get(node, []):
            if t.predicate.value in FACT_LINKS:
                fact = by_subject.get(t.object.value, [])
                if all(inside(f) for f in fact):
                    out += [t, *fact]
            elif inside(t):
                out.append(t)
    return list(dict.fromkeys(out))


def write_html(store: GraphStore, view: View, out: Path) -> None:
    """A self-contained page: assets inlined, every entity's source sentences carried in the page."""
    evidence = evidence_of(store, set(view.graph.nodes))
    out.write_text(render_html(view, assets=Assets(inline=True), evidence=evidence), encoding="utf-8")


def _write_graphml(view: View, triples: list[Triple], out: Path) -> None:
    nx.write_graphml(view.graph, out, encoding="utf-8")


def _write_gexf(view: View, triples: list[Triple], out: Path) -> None:
    nx.write_gexf(view.graph, out, encoding="utf-8")


def _write_nquads(view: View, triples: list[Triple], out: Path) -> None:
    out.write_bytes(serialize(view_triples(triples, set(view.graph.nodes)), format=RdfFormat.N_QUADS) or b"")


def _write_jsonld(view: View, triples: list[Triple], out: Path) -> None:
    data = serialize(view_triples(triples, set(view.graph.nodes)), format=RdfFormat.N_TRIPLES) or b""
    graph = rdflib.Graph()
    graph.parse(data=data.decode("utf-8"), format="nt")
    out.write_text(graph.serialize(format="json-ld", context=PREFIXES, indent=1), encoding="utf-8")


WRITERS: dict[str, Callable[[View, list[Triple], Path], None]] = {
    "graphml": _write_graphml,
    "gexf": _write_gexf,
    "nq": _write_nquads,
    "jsonld": _write_jsonld,
}


def export_graph(
    store: GraphStore, fmt: str, out: Path, *, zone: str | None = None, focus: str | None = None, depth: int = 1
) -> View | None:
    """Write the whole graph, or the zone/focus view of it, to ``out``; returns the view (None for a full dump)."""
    fmt = ALIASES.get(fmt, fmt)
    if fmt not in FORMATS:
        raise UnknownFormat(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "nq" and not zone and not focus:
        with out.open("wb") as fh:
            store.dump_nquads(fh)
        return None
    triples = store.construct(load_query("viz_graph"))
    limit = DEFAULT_NODE_LIMIT if fmt == "html" else sys.maxsize
    view = select_view(to_networkx(triples), zone=zone, focus=focus, depth=depth, limit=limit)
    if fmt == "html":
        write_html(store, view, out)
    else:
        WRITERS[fmt](view, triples, out)
    return view
