"""Graph page rendering: pyvis builds the vis-network node and edge lists, our own template shows them.

pyvis 0.3.2's own template writes the heading, select-menu options and link titles as raw
HTML and loads its assets from CDNs, so only its node/edge builders are used here. Every
piece of document text reaches the page as JSON inside a ``<script type="application/json">``
island (``<``, ``>`` and ``&`` escaped) and is put on screen with ``textContent``; vis-network
9 shows string titles with ``innerText``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from string import Template
from typing import Any
from urllib.parse import quote

import networkx as nx
import opencc

from kg.model import EntityType
from viz.graph import STATUS_LABELS, format_number
from viz.layout import seed_positions
from viz.views import View, adjacency, zone_members

VIS_NETWORK_DIR = ("lib", "vis-9.1.2")
"""vis-network ships inside the pinned pyvis wheel; the page serves that copy."""
STATIC_FILES: dict[str, str] = {
    "vis-network.min.js": "text/javascript",
    "vis-network.css": "text/css",
    "graph-labels.js": "text/javascript",
    "graph-url.js": "text/javascript",
    "graph-details.js": "text/javascript",
    "graph-ring.js": "text/javascript",
    "graph.js": "text/javascript",
    "graph.css": "text/css",
}
# Colour, shape and Chinese name of each entity type (the legend).
TYPE_STYLES: dict[str, dict[str, str]] = {
    EntityType.ZONE.value: {"color": "#d62728", "shape": "star", "name": "开发区"},
    EntityType.ENTERPRISE.value: {"color": "#1f77b4", "shape": "dot", "name": "企业"},
    EntityType.PROJECT.value: {"color": "#ff7f0e", "shape": "diamond", "name": "项目"},
    EntityType.PLATFORM.value: {"color": "#2ca02c", "shape": "square", "name": "平台载体"},
    EntityType.HONOUR.value: {"color": "#bcbd22", "shape": "triangle", "name": "荣誉"},
    EntityType.POLICY.value: {"color": "#9467bd", "shape": "triangleDown", "name": "政策"},
    EntityType.PERSON.value: {"color": "#8c564b", "shape": "dot", "name": "人物"},
    EntityType.INDUSTRY.value: {"color": "#17becf", "shape": "hexagon", "name": "产业"},
}
SCRIPTS = ("vis-network.min.js", "graph-labels.js", "graph-url.js", "graph-details.js", "graph-ring.js", "graph.js")
PHYSICS_NODE_LIMIT = 1000
TITLE_INDICATORS = 6  # indicator lines in a tooltip; the details panel lists them all
CURRENCY_NAMES = {"CNY": "元", "USD": "美元", "EUR": "欧元", "HKD": "港元", "JPY": "日元"}
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

PAGE = Template("""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>开发区知识图谱 · 图谱浏览</title>
<link rel="icon" href="data:,">
$styles
</head>
<body>
<header>
  <strong>开发区知识图谱</strong>
  <input id="search" type="search" placeholder="搜索名称或别名（简/繁）" autocomplete="off">
  <select id="zone-filter"><option value="">全部开发区</option></select>
  <span id="focus-box"><button id="focus-button" type="button" disabled>聚焦</button>
  <select id="depth"><option>1</option><option>2</option><option>3</option></select>
  <button id="reset-button" type="button">全部</button></span>
  <span id="note"></span>
</header>
$choices<div id="main">
  <aside id="side"><div id="type-filter"></div><div id="legend"></div><div id="results"></div></aside>
  <div id="network"></div>
  <aside id="details"><p class="hint">点击节点查看事实与来源句子</p></aside>
</div>
<script type="application/json" id="graph-data">$data</script>
$scripts
</body>
</html>
""")


@dataclass(frozen=True)
class Assets:
    """How the page gets its JavaScript and CSS: from ``/static`` URLs or inlined."""

    inline: bool = False
    base: str = "/static/viz"


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


@cache
def static_text(name: str) -> str:
    """Text of a page asset: our own from ``viz/static``, vis-network's from the installed pyvis package."""
    if name not in STATIC_FILES:
        raise KeyError(name)
    if name.startswith("vis-network"):
        return resources.files("pyvis").joinpath(*VIS_NETWORK_DIR, name).read_text(encoding="utf-8")
    return resources.files("viz").joinpath("static", name).read_text(encoding="utf-8")


def amount_text(amount: float, currency: str) -> str:
    """'20亿元' for 2e9 CNY, '3000万美元' for 3e7 USD."""
    unit = CURRENCY_NAMES.get(currency, f" {currency}")
    return f"{format_number(amount)}{unit}"


def _search_key(names: list[str]) -> str:
    folded = ["".join(n.split()).lower() for n in names]
    return "|".join(dict.fromkeys(folded + [_s2t().convert(n) for n in folded]))


def _node_options(data: dict[str, Any]) -> dict[str, Any]:
    """A node as the page draws it; the page writes labels itself (``name``, ``amount``), so vis-network gets none."""
    style = TYPE_STYLES[data["type"]]
    name = data["label"]
    aliases = [a for a in data.get("aliases", "").split("|") if a]
    lines = [f"{style['name']} · {name}"]
    if aliases:
        lines.append("别名：" + "、".join(aliases))
    amount = amount_text(data["amount"], data.get("currency", "CNY")) if data.get("amount") else ""
    if amount:
        lines.append("投资额：" + amount)
    if data.get("status"):
        lines.append(f"进展：{STATUS_LABELS.get(data['status'], data['status'])} {data.get('status_year', '')}".strip())
    indicators = data.get("indicators", "").splitlines()
    preview = indicators[:TITLE_INDICATORS]
    if len(indicators) > TITLE_INDICATORS:
        preview.append(f"……另有 {len(indicators) - TITLE_INDICATORS} 项指标")
    return {
        "name": name, "amount": amount, "title": "\n".join(lines + preview), "facts": "\n".join(lines),
        "color": style["color"], "shape": style["shape"],
        "etype": data["type"], "aliases": aliases,
        "search": _search_key([name, *aliases]), "zones": [], "indicators": indicators,
    }


def node_size(etype: str, degree: int) -> float:
    """Drawn radius: zones largest, other entities growing with their links."""
    return 22.0 if etype == EntityType.ZONE.value else round(7 + min(13.0, 2.5 * math.sqrt(degree)), 1)


def hubs(g: nx.MultiDiGraph) -> set[str]:
    """Every zone and the most linked entities (5, up to 20 on big graphs): labelled at every zoom."""
    degree = dict(g.degree())
    by_degree = sorted(g.nodes, key=lambda n: (-degree[n], g.nodes[n]["label"], n))
    top = {n for n in by_degree[:max(5, min(20, len(by_degree) // 100))] if degree[n] > 0}
    return {n for n in g.nodes if g.nodes[n]["type"] == EntityType.ZONE.value} | top


def label_order(g: nx.MultiDiGraph, hub_nodes: set[str]) -> list[str]:
    """Nodes by label priority: zones, the other hubs, then the rest, each by degree (ties by name)."""
    def tier(n: str) -> int:
        return 0 if g.nodes[n]["type"] == EntityType.ZONE.value else 1 if n in hub_nodes else 2

    degree = dict(g.degree())
    return sorted(g.nodes, key=lambda n: (tier(n), -degree[n], g.nodes[n]["label"], n))


@dataclass(frozen=True)
class PageNetwork:
    """The vis-network node and edge lists of a graph, as the page takes them."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


def build_network(g: nx.MultiDiGraph) -> PageNetwork:
    """Styled nodes ranked for labels and directed edges with their relation, in the dicts pyvis 0.3.2's
    ``add_node``/``add_edge`` made (written here: its ``add_edge`` scans the node list for every edge)."""
    hub_nodes, degrees = hubs(g), dict(g.degree())
    nodes = []
    for rank, node in enumerate(label_order(g, hub_nodes)):
        data = g.nodes[node]
        degree = degrees[node]
        nodes.append({**_node_options(data), "rank": rank, "size": node_size(data["type"], degree),
                      "isolated": degree == 0, "hub": node in hub_nodes, "id": node})
    edges = [{"relation": data.get("label", ""), "title": data.get("label", ""), "predicate": data.get("predicate", ""),
              "from": source, "to": target, "arrows": "to"} for source, target, data in g.edges(data=True)]
    return PageNetwork(nodes, edges)


def physics_options(node_count: int) -> dict[str, Any]:
    """vis-network options: bounded stabilisation (fewer iterations on bigger graphs), then physics off.

    Above :data:`PHYSICS_NODE_LIMIT` nodes the seed layout is drawn as it is: stabilisation
    costs tens of milliseconds per iteration there (bench/bench_graph_page.py).
    """
    iterations = max(40, min(300, 40_000 // max(node_count, 1)))
    return {
        "physics": {
            "enabled": node_count <= PHYSICS_NODE_LIMIT,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -2500, "springLength": 90, "springConstant": 0.02,
                          "centralGravity": 0.4, "damping": 0.35, "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50, "fit": False},
            "minVelocity": 1.0,
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
                  "color": {"inherit": False, "color": "#9aa3ad", "highlight": "#333", "hover": "#555"}},
        "nodes": {"borderWidth": 1},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": node_count > 500,
                        "hideEdgesOnZoom": node_count > 500},
    }


def zone_index(g: nx.MultiDiGraph) -> list[dict[str, str]]:
    """The zones of ``g`` as ``{"id", "label"}``, by label (viz.source.zone_index reads them from a store)."""
    zones = [(n, d["label"]) for n, d in g.nodes(data=True) if d.get("type") == EntityType.ZONE.value]
    return [{"id": n, "label": label} for n, label in sorted(zones, key=lambda z: z[1])]


def _page_nodes(view: View) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes (styled, ranked, with their zones and seed positions) and edges of a view, as the page takes them."""
    net = build_network(view.graph)
    nodes = {n["id"]: n for n in net.nodes}
    near = adjacency(view.graph)
    for zone in zone_index(view.graph):
        for member in zone_members(view.graph, zone["id"], near):
            nodes[member]["zones"].append(zone["id"])
    positions = seed_positions(view.graph, {n: node["zones"] for n, node in nodes.items()})
    for node_id, (x, y) in positions.items():
        nodes[node_id].update(x=x, y=y)
    for node in net.nodes:
        if node["isolated"]:
            node["physics"] = False  # the block of unlinked entities keeps its rows
    return net.nodes, net.edges


def page_data(view: View, *, zones: list[dict[str, str]] | None = None, details_url: str = "",
              types: list[str] | None = None, depth: int = 1, extra: dict[str, Any] | None = None,
              evidence: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """Everything the page script needs, as one JSON-ready dict; ``evidence`` (entity IRI → its source
    sentences) is carried by a page that has no server to ask (the HTML export).

    ``zones`` fills the zone list (default: the zones in the view). A node's own zone list, which
    the zone filter reads, holds the zones of the view it is a member of, cut from the view itself.
    ``types`` and ``depth`` are the view's other parameters, which the page keeps in its URL;
    ``extra`` adds entries (the server's routes, the candidates of an ambiguous name).
    """
    nodes, edges = _page_nodes(view)
    complete = not (view.truncated or view.zone or view.focus or types)
    return {
        "nodes": nodes, "edges": edges, "options": physics_options(len(nodes)),
        "types": TYPE_STYLES, "zones": zone_index(view.graph) if zones is None else zones, "note": view.note,
        "truncated": view.truncated, "focus": view.focus, "zone": view.zone, "detailsUrl": details_url,
        "evidence": evidence or {},
        "view": {"zone": view.zone or "", "focus": view.focus or "", "depth": depth, "types": sorted(types or [])},
        "complete": complete, **(extra or {}),
    }


def neighbour_data(view: View, centre: str) -> dict[str, Any]:
    """The nodes and edges a click on ``centre`` adds to the page: its ego network as the page draws it."""
    nodes, edges = _page_nodes(view)
    return {"centre": centre, "nodes": [n for n in nodes if n["id"] != centre], "edges": edges,
            "truncated": view.truncated, "total": view.total_nodes}


def json_island(data: dict[str, Any]) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survive literally.

    >>> json_island({"name": "</script><img src=x>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset_tags(assets: Assets) -> tuple[str, str]:
    if assets.inline:
        styles = "".join(f"<style>{static_text(n)}</style>\n" for n in ("vis-network.css", "graph.css"))
        scripts = "".join(f"<script>{static_text(n)}</script>\n" for n in SCRIPTS)
        return styles, scripts
    styles = "".join(f'<link rel="stylesheet" href="{assets.base}/{n}">\n' for n in ("vis-network.css", "graph.css"))
    scripts = "".join(f'<script src="{assets.base}/{n}"></script>\n' for n in SCRIPTS)
    return styles, scripts


def choices_html(ambiguous: dict[str, Any] | None) -> str:
    """The bar offering what an ambiguous zone or focus name could mean, each a link to its own view."""
    if not ambiguous:
        return ""
    param = ambiguous.get("param", "zone")
    depth = f"&amp;depth={int(ambiguous.get('depth', 1))}" if param == "focus" else ""
    links = "".join(
        f'<a class="choice" href="/graph?{param}={quote(c["id"], safe="")}{depth}" data-param="{param}" '
        f'data-id="{escape(c["id"])}">{escape(c["label"])}{_type_tag(param, c.get("type", ""))}</a>'
        for c in ambiguous["choices"]
    )
    name, count = escape(ambiguous["name"]), len(ambiguous["choices"])
    what = "个开发区" if param == "zone" else "个实体"
    return f'<div id="choices" role="alert"><span>「{name}」可指 {count} {what}，请选择：</span>{links}</div>\n'


def _type_tag(param: str, etype: str) -> str:
    """A focus candidate's kind after its name (a zone choice needs none)."""
    style = TYPE_STYLES.get(etype)
    return f'<small class="kind">{style["name"]}</small>' if param == "focus" and style else ""


def render_page(data: dict[str, Any], assets: Assets = Assets()) -> str:
    """The explorer page for :func:`page_data` output."""
    styles, scripts = _asset_tags(assets)
    return PAGE.substitute(styles=styles, scripts=scripts, data=json_island(data),
                           choices=choices_html(data.get("ambiguous")))


def render_html(view: View, *, assets: Assets = Assets(), zones: list[dict[str, str]] | None = None,
                details_url: str = "", types: list[str] | None = None, depth: int = 1,
                extra: dict[str, Any] | None = None, evidence: dict[str, list[dict[str, Any]]] | None = None) -> str:
    """Page data and page in one call."""
    return render_page(page_data(view, zones=zones, details_url=details_url, types=types, depth=depth,
                                 extra=extra, evidence=evidence), assets)
