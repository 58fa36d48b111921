"""Graph page labels: hubs named at every zoom, more names on zooming in, never two labels on top of each other;
zones' clusters drawn apart; a click-expansion's ring readable.

Checked on the bundled corpus and on a 2,000-node synthetic graph, at the default zoom of the overview, a zone
view and a depth-2 focus, and at the other zooms the page offers; each view is saved as a screenshot.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.browser.graph_pages import expansion_layout, labels, node_point, open_graph, visible_ids, wait_for, zoom_to
from tests.browser.live import CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def biggest_zone_and_member(base: str) -> tuple[str, str]:
    """The zone with most links, and the enterprise of that zone with most links (the depth-2 focus)."""
    data = httpx.get(base + "/graph.json", timeout=60).json()
    kinds = {n["id"]: n["type"] for n in data["nodes"]}
    degree: dict[str, int] = {}
    for link in data["links"]:
        for end in (link["source"], link["target"]):
            degree[end] = degree.get(end, 0) + 1
    zone = max((n for n, t in kinds.items() if t == "Zone"), key=lambda n: (degree.get(n, 0), n))
    members = {link["source"] for link in data["links"] if link["target"] == zone}
    member = max((n for n in members if kinds[n] == "Enterprise"), key=lambda n: (degree.get(n, 0), n))
    return zone, member


def views(base: str) -> dict[str, str]:
    zone, member = biggest_zone_and_member(base)
    return {"overview": "", "zone": "?zone=" + quote(zone, safe=""),
            "focus-depth2": f"?focus={quote(member, safe='')}&depth=2"}


def assert_clean(report: dict[str, Any], where: str) -> None:
    assert report["count"] > 0, where
    assert report["overlaps"] == [], where
    assert report["problems"] == [], where


# Hubs whose node lies this far inside the canvas (pixels) have room for their name on every side.
HUB_ROOM = {"x": 200, "y": 50}
HUBS_WITH_ROOM = """room => {
  const net = __graph.network, canvas = document.querySelector('#network canvas');
  return __graph.nodes.get({filter: n => n.hub && !n.hidden}).map(n => n.id).filter(id => {
    const p = net.canvasToDOM(net.getPositions([id])[id]);
    return p.x > room.x && p.y > room.y && p.x < canvas.clientWidth - room.x && p.y < canvas.clientHeight - room.y;
  });
}"""


def assert_hubs_named(page: Any, report: dict[str, Any], where: str) -> None:
    """Every zone and every other hub drawn with room around it carries its name."""
    hubs = set(page.evaluate(HUBS_WITH_ROOM, HUB_ROOM))
    missing = page.evaluate("ids => __graph.nodes.get(ids).map(n => n.name)", sorted(hubs - set(report["nodes"])))
    assert missing == [], f"{where}: unnamed hubs"


@pytest.mark.parametrize("graph", ["corpus", "synthetic"])
def test_graph_labels_never_overlap_in_overview_zone_and_focus(browser: Any, graph: str, request: Any) -> None:
    base = request.getfixturevalue(f"{graph}_server_url")
    for name, query in views(base).items():
        offline = open_graph(browser, base, query)
        page = offline.page
        report = labels(page)
        assert_clean(report, f"{graph} {name} at the default zoom")
        hubs = set(page.evaluate("__graph.nodes.get({filter: n => n.hub && !n.hidden}).map(n => n.id)"))
        assert hubs and hubs <= set(report["nodes"]), f"{graph} {name}: unnamed hubs at the default zoom"
        offline.screenshot(f"graph-{graph}-{name}.png")
        fitted = report["scale"]
        for factor in (0.25, 2.0, 2.0, 2.0):  # zooming out stops at the default; then 8x in
            zoom_to(page, factor)
            assert page.evaluate("__graph.network.getScale()") >= min(fitted, 1) * 0.999  # small views: down to 1
            where = f"{graph} {name} at scale {page.evaluate('__graph.network.getScale()')}"
            report = labels(page)
            assert_clean(report, where)
            assert_hubs_named(page, report, where)
        assert offline.errors == []
        page.close()


@pytest.mark.parametrize("graph", ["corpus", "synthetic"])
def test_graph_labels_more_names_appear_on_zooming_in(browser: Any, graph: str, request: Any) -> None:
    base = request.getfixturevalue(f"{graph}_server_url")
    offline = open_graph(browser, base)
    page = offline.page
    overview = labels(page)
    hubs = set(page.evaluate("__graph.nodes.get({filter: n => n.hub}).map(n => n.id)"))
    zone, _ = biggest_zone_and_member(base)
    assert zone in overview["nodes"]
    page.evaluate("id => __graph.network.moveTo({position: __graph.network.getPositions([id])[id], "
                  "scale: __graph.network.getScale() * 3})", zone)
    closer = labels(page)
    assert_clean(closer, graph)
    assert zone in closer["nodes"]  # a hub keeps its name at every zoom
    assert len(set(closer["nodes"]) - hubs) > len(set(overview["nodes"]) - hubs)
    offline.screenshot(f"graph-{graph}-zoomed-3x.png")
    page.close()


def test_graph_labels_relation_names_on_edges_when_close(browser: Any, corpus_server_url: str) -> None:
    zone, _ = biggest_zone_and_member(corpus_server_url)
    offline = open_graph(browser, corpus_server_url, "?zone=" + quote(zone, safe=""))
    page = offline.page
    page.evaluate("id => __graph.select(id)", zone)
    page.evaluate("id => __graph.network.moveTo({position: __graph.network.getPositions([id])[id], scale: 2})", zone)
    report = labels(page)
    assert_clean(report, "zone hub at scale 2")
    assert report["edges"] > 0
    assert zone in visible_ids(page)
    offline.screenshot("graph-corpus-zone-selected-scale2.png")
    page.close()


def test_graph_labels_click_expansion_is_a_readable_ring(browser: Any, synthetic_server_url: str) -> None:
    """An honour of a zone's companies, clicked in the zone's view: its ninety-odd holders from every zone
    come in on rings around it, on free ground, the rest of the drawing where it was, most of them named."""
    zone, _ = biggest_zone_and_member(synthetic_server_url)
    members = httpx.get(synthetic_server_url + "/graph.json", params={"zone": zone}, timeout=60).json()["nodes"]
    honour = next(n["id"] for n in members if n["type"] == "Honour")
    offline = open_graph(browser, synthetic_server_url, "?zone=" + quote(zone, safe=""))
    page = offline.page
    before = visible_ids(page)
    positions = page.evaluate("ids => __graph.network.getPositions(ids)", sorted(before))
    page.mouse.click(*node_point(page, honour))
    expansion = wait_for(page, "__graph.lastExpansion")
    assert expansion["id"] == honour and expansion["added"] > 40
    assert page.evaluate("ids => __graph.network.getPositions(ids)", sorted(before)) == positions
    ring = expansion_layout(page, before, honour)
    assert len(ring["fresh"]) == expansion["added"] and ring["nearestOld"] >= 30
    report = labels(page)
    assert_clean(report, "after the expansion")
    assert len(set(report["nodes"]) & set(ring["fresh"])) >= 0.6 * len(ring["fresh"])
    assert {honour, zone} <= set(report["nodes"])  # the selection, and the zone hub despite ninety pinned names
    offline.screenshot("graph-synthetic-honour-expanded.png")
    assert offline.errors == []


# Members of exactly one zone whose nearest zone on the drawn overview is their own.
NEAREST_OWN_ZONE = """() => {
  const shown = __graph.nodes.get({filter: n => !n.hidden});
  const zones = shown.filter(n => n.etype === 'Zone').map(n => n.id);
  const at = __graph.network.getPositions(shown.map(n => n.id));
  const members = shown.filter(n => n.etype !== 'Zone' && n.zones.length === 1 && zones.includes(n.zones[0]));
  const nearest = (p) => zones.reduce((b, z) => {
    const d = Math.hypot(at[z].x - p.x, at[z].y - p.y); return d < b.d ? {z: z, d: d} : b; }, {z: null, d: Infinity}).z;
  return [members.length, members.filter(n => nearest(at[n.id]) === n.zones[0]).length];
}"""


@pytest.mark.parametrize("graph", ["corpus", "synthetic"])
def test_graph_overview_places_zone_clusters_apart(browser: Any, graph: str, request: Any) -> None:
    offline = open_graph(browser, request.getfixturevalue(f"{graph}_server_url"))
    members, nearest_own = offline.page.evaluate(NEAREST_OWN_ZONE)
    assert members > 200 and nearest_own >= 0.9 * members
    offline.page.close()
