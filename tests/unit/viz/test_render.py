"""The page: offline assets only, document text never becomes markup, data round-trips through the island."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from pyoxigraph import RdfFormat

from kg.store.oxigraph import OxigraphStore
from viz.render import STATIC_FILES, Assets, amount_text, page_data, physics_options, render_html, static_text
from viz.source import store_view
from viz.views import select_view

XSS_TRIG = Path(__file__).resolve().parent / "xss.trig"
PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "{{7*7}}",
    "${7*7}",
    '<a href="javascript:alert(1)">href</a>',
    "line\u2028sep\u2029para",
    "\u202eevil",
    "<!--<script>",
    "苏州<img src=x onerror=alert(1)>科技有限公司",
    "长" * 10_000,
]
PAGE_TAGS = {"html", "head", "meta", "title", "link", "body", "header", "strong", "input", "select", "option",
             "span", "button", "div", "aside", "p", "script", "style"}


class Elements(HTMLParser):
    """Every start tag and attribute of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag == "script":
            self.scripts.append(dict(attrs))


def payload_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for i, name in enumerate(PAYLOADS):
        g.add_node(f"e{i}", label=name, type="Enterprise", aliases=name, subtype="")
        g.add_edge(f"e{i}", "z", predicate="locatedIn", label=name)
    g.add_node("z", label=PAYLOADS[0], type="Zone", aliases="", subtype="", indicators=PAYLOADS[1])
    return g


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


@pytest.fixture
def xss_store(sample_store: OxigraphStore) -> OxigraphStore:
    sample_store.raw.load(path=str(XSS_TRIG), format=RdfFormat.TRIG)
    sample_store.rebuild_merged()
    return sample_store


def test_render_payload_names_create_no_elements_or_attributes() -> None:
    html = render_html(select_view(payload_graph()))
    page = parse(html)
    assert set(page.tags) <= PAGE_TAGS
    assert page.tags.count("script") == 7  # six assets and the data island
    assert not any(name.startswith("on") or (value or "").startswith("javascript") for name, value in page.attrs)
    assert "<img" not in html and "<svg" not in html and "<!--" not in html


def test_render_payloads_round_trip_through_json_island() -> None:
    html = render_html(select_view(payload_graph()))
    island = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert island is not None
    data = json.loads(island.group(1))
    assert {n["name"] for n in data["nodes"]} == set(PAYLOADS)
    assert {e["relation"] for e in data["edges"]} == set(PAYLOADS)
    assert not any("label" in item for item in data["nodes"] + data["edges"])  # the page draws every label


def test_render_served_page_loads_only_local_assets(xss_store: OxigraphStore) -> None:
    page = parse(render_html(store_view(xss_store), details_url="/graph/details"))
    sources = [v for k, v in page.attrs if k in ("src", "href")]
    assert sources and all(s and (s.startswith("/static/viz/") or s == "data:,") for s in sources)


def test_render_inline_page_has_no_external_urls(xss_store: OxigraphStore) -> None:
    html = render_html(store_view(xss_store), assets=Assets(inline=True))
    page = parse(html)
    assert not [v for k, v in page.attrs if k in ("src", "href") and v != "data:,"]
    assert all("src" not in s for s in page.scripts)
    assert static_text("vis-network.min.js") in html


def test_render_declares_utf8_and_keeps_chinese_text(xss_store: OxigraphStore) -> None:
    html = render_html(store_view(xss_store))
    assert '<meta charset="utf-8">' in html
    assert "如皋高新技术产业开发区" in html and '"name": "东旭科技项目", "amount": "20亿元"' in html


def test_render_nodes_styled_by_type_with_text_titles(sample_store: OxigraphStore) -> None:
    data = page_data(store_view(sample_store))
    by_type = {n["etype"]: n for n in data["nodes"]}
    assert by_type["Zone"]["shape"] == "star" and by_type["Project"]["shape"] == "diamond"
    assert by_type["Project"]["title"].splitlines()[:3] == ["项目 · 东旭科技项目", "投资额：20亿元", "进展：签约 2021"]
    assert set(data["types"]) == {"Zone", "Enterprise", "Project", "Platform", "Honour", "Policy", "Person", "Industry"}


def test_render_search_key_holds_both_scripts(sample_store: OxigraphStore) -> None:
    nodes = {n["name"]: n for n in page_data(store_view(sample_store))["nodes"]}
    assert "如皋高新區" in nodes["如皋高新技术产业开发区"]["search"]
    assert "东旭科技" in nodes["东旭科技"]["search"] and "東旭科技" in nodes["东旭科技"]["search"]


def test_render_zone_membership_and_seed_positions(sample_store: OxigraphStore) -> None:
    data = page_data(store_view(sample_store))
    zone = data["zones"][0]["id"]
    assert all(n["zones"] == [zone] for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])


@pytest.mark.parametrize(("nodes", "physics", "iterations"),
                         [(10, True, 300), (500, True, 80), (1000, True, 40), (2000, False, 40), (50_000, False, 40)])
def test_render_stabilisation_is_bounded(nodes: int, physics: bool, iterations: int) -> None:
    options = physics_options(nodes)
    assert options["physics"]["enabled"] is physics
    assert options["physics"]["stabilization"]["iterations"] == iterations
    assert options["edges"]["smooth"] is False


@pytest.mark.parametrize(("amount", "currency", "text"),
                         [(2e9, "CNY", "20亿元"), (3e7, "USD", "3000万美元"), (5e5, "GBP", "50万 GBP")])
def test_render_amount_text(amount: float, currency: str, text: str) -> None:
    assert amount_text(amount, currency) == text


def test_render_static_files_are_bundled() -> None:
    for name in STATIC_FILES:
        assert len(static_text(name)) > 500
    with pytest.raises(KeyError):
        static_text("../render.py")


def test_render_tooltip_shows_few_indicators_and_details_get_all() -> None:
    g = nx.MultiDiGraph()
    lines = [f"指标{i} {i} count 2022" for i in range(10)]
    g.add_node("z", label="某开发区", type="Zone", aliases="", subtype="", indicators="\n".join(lines))
    (node,) = page_data(select_view(g))["nodes"]
    assert node["title"].splitlines() == ["开发区 · 某开发区", *lines[:6], "……另有 4 项指标"]
    assert node["indicators"] == lines and node["facts"] == "开发区 · 某开发区"


def hub_graph() -> nx.MultiDiGraph:
    """Two zones; the second has more companies; a company with three honours; one entity linked to nothing."""
    g = nx.MultiDiGraph()
    for z, count in (("za", 2), ("zb", 4)):
        g.add_node(z, label=f"{z}区", type="Zone", aliases="")
        for i in range(count):
            g.add_node(f"{z}{i}", label=f"{z}公司{i}", type="Enterprise", aliases="")
            g.add_edge(f"{z}{i}", z, predicate="locatedIn", label="位于")
    for h in range(3):
        g.add_node(f"h{h}", label=f"荣誉{h}", type="Honour", aliases="")
        g.add_edge("zb0", f"h{h}", predicate="awarded", label="获评")
    g.add_node("alone", label="孤立政策", type="Policy", aliases="")
    return g


def test_render_ranks_zones_then_hubs_then_by_degree() -> None:
    nodes = sorted(page_data(select_view(hub_graph()))["nodes"], key=lambda n: n["rank"])
    order = [n["id"] for n in nodes]
    assert order[:2] == ["zb", "za"]  # zones first, the more linked first
    assert order[2] == "zb0"  # the most linked company is a hub
    assert {n["id"] for n in nodes if n["hub"]} == {"za", "zb", "zb0", "za0", "za1"}  # zones and the top five
    assert order[-1] == "alone" and [n["rank"] for n in nodes] == list(range(len(nodes)))


def test_render_flags_unlinked_entities_and_keeps_them_out_of_physics() -> None:
    nodes = {n["id"]: n for n in page_data(select_view(hub_graph()))["nodes"]}
    assert [i for i, n in nodes.items() if n["isolated"]] == ["alone"]
    assert nodes["alone"]["physics"] is False and "physics" not in nodes["zb0"]
    assert nodes["zb"]["size"] > nodes["zb0"]["size"] > nodes["za1"]["size"]


def test_render_page_data_says_whether_it_holds_the_whole_graph(sample_store: OxigraphStore) -> None:
    whole = page_data(store_view(sample_store))
    zone = page_data(store_view(sample_store, zone="如皋高新区"))
    typed = page_data(store_view(sample_store, types=["Enterprise"]), types=["Enterprise"])
    assert whole["complete"] and not zone["complete"] and not typed["complete"]
    assert zone["view"] == {"zone": "https://w3id.org/zonekg/resource/zone/rugao", "focus": "", "depth": 1,
                            "types": []}
    assert typed["view"]["types"] == ["Enterprise"]


def test_render_ambiguous_choices_are_escaped_links() -> None:
    html = render_html(select_view(hub_graph()), extra={"ambiguous": {"name": "<b>高新区</b>", "choices": [
        {"id": "https://w3id.org/zonekg/resource/zone/a", "label": "<img src=x>甲区", "key": "a"}]}})
    page = parse(html)
    assert "a" in page.tags and "img" not in page.tags and "b" not in page.tags
    assert 'href="/graph?zone=https%3A%2F%2Fw3id.org%2Fzonekg%2Fresource%2Fzone%2Fa"' in html
    assert "&lt;b&gt;高新区&lt;/b&gt;" in html
