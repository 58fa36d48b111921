"""Graph page navigation on the bundled corpus: zone choice zooms to the zone, click expands in place from the
server, double-click focuses, the URL holds the view (back/forward, sharing), ambiguous names are offered as
choices, unlinked entities sit behind a toggle, and the details panel links to the document and zone pages."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import httpx
import pytest

from tests.browser.graph_pages import (
    eventually,
    expansion_layout,
    labels,
    node_point,
    open_graph,
    visible_ids,
    wait_for,
)
from tests.browser.live import CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

RUGAO = "https://w3id.org/zonekg/resource/zone/rugao"
SAMPLE_ENTERPRISE = "https://w3id.org/zonekg/resource/enterprise/dx"


def graph_json(base: str, **params: Any) -> dict[str, Any]:
    answer = httpx.get(base + "/graph.json", params=params, timeout=60)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def zone_named(base: str, text: str) -> str:
    return next(n["id"] for n in graph_json(base)["nodes"] if n["type"] == "Zone" and n["label"] == text)


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def href(page: Any) -> str:
    """The address bar now (Playwright's page.url lags behind history.replaceState)."""
    return str(page.evaluate("location.href"))


def test_graph_navigation_choosing_a_zone_zooms_and_centres_on_it(browser: Any, corpus_server_url: str) -> None:
    offline = open_graph(browser, corpus_server_url)
    page = offline.page
    overview_scale = page.evaluate("__graph.network.getScale()")
    zone = zone_named(corpus_server_url, "江阴高新技术开发区")
    page.select_option("#zone-filter", zone)
    members = {n["id"] for n in graph_json(corpus_server_url, zone=zone)["nodes"]}
    assert visible_ids(page) == members
    assert query_of(href(page))["zone"] == [zone]

    def zoomed_on_the_zone() -> None:  # the zoom is animated
        assert page.evaluate("__graph.network.getScale()") > 2 * overview_scale
        x, y = node_point(page, zone)
        box = page.locator("#network").bounding_box()
        assert abs(x - (box["x"] + box["width"] / 2)) < 0.25 * box["width"]
        assert abs(y - (box["y"] + box["height"] / 2)) < 0.25 * box["height"]
        for member in members:  # the whole zone is on screen
            mx, my = node_point(page, member)
            assert box["x"] <= mx <= box["x"] + box["width"] and box["y"] <= my <= box["y"] + box["height"]

    eventually(zoomed_on_the_zone)
    offline.screenshot("graph-nav-zone-chosen.png")
    assert offline.errors == []


def test_graph_navigation_click_expands_neighbours_in_place(browser: Any, corpus_server_url: str) -> None:
    zone = zone_named(corpus_server_url, "江阴高新技术开发区")
    offline = open_graph(browser, corpus_server_url, "?zone=" + quote(zone, safe=""))
    page = offline.page
    before = visible_ids(page)
    industry = next(n["id"] for n in graph_json(corpus_server_url, zone=zone)["nodes"] if n["label"] == "先进制造业")
    server = {n["id"] for n in graph_json(corpus_server_url, focus=industry, depth=1)["nodes"]}
    assert server - before  # it links to entities of other zones, which the zone view leaves out
    positions = page.evaluate("ids => __graph.network.getPositions(ids)", sorted(before))
    page.mouse.click(*node_point(page, industry))
    expansion = wait_for(page, "__graph.lastExpansion")
    assert expansion == {"id": industry, "added": len(server - before), "neighbours": len(server) - 1}
    after = visible_ids(page)
    assert after == before | server
    assert page.evaluate("ids => __graph.network.getPositions(ids)", sorted(before)) == positions  # in place
    ring = expansion_layout(page, before, industry)
    assert set(ring["fresh"]) == server - before
    assert ring["nearestOld"] >= 30  # on free ground: no new node drawn on top of one already there
    assert all(60 <= d <= 400 for d in ring["fromCentre"])  # around the expanded node
    assert page.locator("#details h2").text_content() == "先进制造业"
    relations = page.locator("#details ul.relations li").all_text_contents()
    assert any("如皋" in line for line in relations)  # the panel lists the neighbour just brought in
    report = labels(page)
    assert report["overlaps"] == [] and report["problems"] == []
    assert server - before <= set(report["nodes"])  # the neighbour brought in is named
    offline.screenshot("graph-nav-click-expanded.png")
    assert offline.errors == []


def double_click_to_focus(browser: Any, base: str, node: str, attempts: int = 5) -> Any:
    """A fresh explorer (depth 2) on which a double click on ``node`` focused it.

    vis-network (hammer.js) takes two taps as a double click only if Chromium stamps them within 300 ms; with
    its main thread busy (the first tap selects and redraws) the second can be stamped later on a loaded machine,
    and the page then rightly sees two clicks. Each try starts on a new page; a page that never focuses on a
    double click fails every try."""
    for _ in range(attempts):
        offline = open_graph(browser, base)
        page = offline.page
        page.select_option("#depth", "2")
        page.evaluate("id => __graph.network.focus(id, {scale: 1.5, animation: false})", node)
        page.mouse.dblclick(*node_point(page, node))
        try:
            wait_for(page, "location.search.includes('focus=')", 15)
            return offline
        except AssertionError:
            page.close()
    raise AssertionError(f"{attempts} double clicks on {node} never focused it")


def test_graph_navigation_double_click_focuses_and_url_holds_the_view(browser: Any, corpus_server_url: str) -> None:
    offline = double_click_to_focus(browser, corpus_server_url, SAMPLE_ENTERPRISE)
    page = offline.page
    assert query_of(href(page))["focus"] == [SAMPLE_ENTERPRISE] and query_of(href(page))["depth"] == ["2"]
    ego = {n["id"] for n in graph_json(corpus_server_url, focus=SAMPLE_ENTERPRISE, depth=2)["nodes"]}
    assert visible_ids(page) == ego
    offline.screenshot("graph-nav-double-click-focus.png")
    shared = open_graph(browser, corpus_server_url, "?" + urlsplit(href(page)).query)  # the URL, opened afresh
    assert visible_ids(shared.page) == ego
    shared.page.close()
    page.go_back()
    wait_for(page, "!location.search.includes('focus=')")
    assert visible_ids(page) == set(page.evaluate("__graph.nodes.get({filter: n => !n.isolated}).map(n => n.id)"))
    page.go_forward()
    wait_for(page, "location.search.includes('focus=')")
    assert visible_ids(page) == ego
    assert offline.errors == []


def test_graph_navigation_back_and_forward_walk_zone_types_and_search(browser: Any, corpus_server_url: str) -> None:
    offline = open_graph(browser, corpus_server_url)
    page = offline.page
    zone = zone_named(corpus_server_url, "港闸经济开发区")
    page.select_option("#zone-filter", zone)
    in_zone = visible_ids(page)
    page.uncheck("#type-filter input[value=Project]")
    assert query_of(href(page))["type"] and "Project" not in query_of(href(page))["type"]
    no_projects = visible_ids(page)
    assert no_projects == {n["id"] for n in graph_json(corpus_server_url, zone=zone,
                                                       type=query_of(href(page))["type"])["nodes"]}
    page.locator("#search").press_sequentially("港闸")
    assert query_of(href(page))["q"] == ["港闸"]
    page.go_back()
    wait_for(page, "!location.search.includes('q=')")
    assert page.input_value("#search") == ""
    page.go_back()
    wait_for(page, "!location.search.includes('type=')")
    assert visible_ids(page) == in_zone and page.is_checked("#type-filter input[value=Project]")
    page.go_back()
    wait_for(page, "!location.search.includes('zone=')")
    assert page.input_value("#zone-filter") == ""
    page.go_forward()
    page.go_forward()
    page.go_forward()
    wait_for(page, "location.search.includes('q=')")
    assert page.input_value("#search") == "港闸" and visible_ids(page) == no_projects
    assert "港闸经济开发区" in page.locator("#results button.result").all_text_contents()
    reloaded = open_graph(browser, corpus_server_url, "?" + urlsplit(href(page)).query)  # shared link
    assert visible_ids(reloaded.page) == no_projects
    assert reloaded.page.input_value("#search") == "港闸"
    reloaded.page.close()
    assert offline.errors == []


def test_graph_navigation_ambiguous_zone_name_offers_the_candidates(browser: Any, corpus_server_url: str) -> None:
    offline = open_graph(browser, corpus_server_url, "?zone=" + quote("高新区"))
    page = offline.page
    candidates = httpx.get(corpus_server_url + "/graph.json", params={"zone": "高新区"}).json()["candidates"]
    choices = page.locator("#choices a.choice")
    assert sorted(choices.all_text_contents()) == sorted(c["label"] for c in candidates)
    assert "高新区" in page.locator("#choices").text_content()
    offline.screenshot("graph-nav-ambiguous-choices.png")
    chosen = candidates[0]
    choices.nth([c.text_content() for c in choices.all()].index(chosen["label"])).click()
    wait_for(page, "location.search.includes('zone=https')")
    assert query_of(href(page))["zone"] == [chosen["iri"]]
    assert visible_ids(page) == {n["id"] for n in graph_json(corpus_server_url, zone=chosen["iri"])["nodes"]}
    assert page.locator("#choices").count() == 0
    assert [e for e in offline.errors if "409" not in e] == []  # the page itself answers 409


def test_graph_navigation_ambiguous_focus_name_offers_the_entities(browser: Any, corpus_server_url: str) -> None:
    offline = open_graph(browser, corpus_server_url, "?focus=" + quote("高新区") + "&depth=2")
    page = offline.page
    answer = httpx.get(corpus_server_url + "/graph.json", params={"focus": "高新区"})
    assert answer.status_code == 409
    candidates = answer.json()["candidates"]
    choices = page.locator("#choices a.choice")
    assert sorted(c.text_content() for c in choices.all()) == sorted(c["label"] + "开发区" for c in candidates)
    assert f"「高新区」可指 {len(candidates)} 个实体" in page.locator("#choices").text_content()
    # Meanwhile the whole graph, not one candidate picked silently.
    assert page.evaluate("__graph.state.focus") == ""
    assert visible_ids(page) == set(page.evaluate("__graph.nodes.get({filter: n => !n.isolated}).map(n => n.id)"))
    offline.screenshot("graph-nav-ambiguous-focus-choices.png")
    chosen = candidates[-1]
    choices.nth([c.get_attribute("data-id") for c in choices.all()].index(chosen["iri"])).click()
    wait_for(page, "location.search.includes('focus=https')")
    assert query_of(href(page))["focus"] == [chosen["iri"]] and query_of(href(page))["depth"] == ["2"]
    assert visible_ids(page) == {n["id"] for n in graph_json(corpus_server_url, focus=chosen["iri"], depth=2)["nodes"]}
    assert page.locator("#choices").count() == 0
    assert [e for e in offline.errors if "409" not in e] == []


def test_graph_navigation_unlinked_entities_behind_a_toggle(browser: Any, corpus_server_url: str) -> None:
    offline = open_graph(browser, corpus_server_url)
    page = offline.page
    data = graph_json(corpus_server_url)
    linked = {end for link in data["links"] for end in (link["source"], link["target"])}
    unlinked = {n["id"] for n in data["nodes"]} - linked
    assert unlinked and visible_ids(page) == linked
    toggle = page.locator("#isolated-toggle")
    assert toggle.text_content() == f"未关联 {len(unlinked)} 个"
    toggle.click()
    assert visible_ids(page) == linked | unlinked

    def most_unlinked_named() -> None:  # the view moves to them
        report = labels(page)
        assert report["overlaps"] == [] and report["problems"] == []
        assert len(set(report["nodes"]) & unlinked) >= len(unlinked) / 2

    eventually(most_unlinked_named)
    offline.screenshot("graph-nav-unlinked-shown.png")
    toggle.click()
    assert visible_ids(page) == linked


def test_graph_navigation_details_link_source_span_and_zone_profile(browser: Any, corpus_server_url: str) -> None:
    offline = open_graph(browser, corpus_server_url)
    page = offline.page
    page.evaluate("id => __graph.select(id)", SAMPLE_ENTERPRISE)
    link = page.locator("#details .sentences li a.source").first
    link.wait_for(timeout=60_000)
    assert link.get_attribute("href") == "/documents/sample?s=0&e=20"
    page.evaluate("id => __graph.select(id)", RUGAO)
    assert page.locator("#details a.profile").get_attribute("href") == "/zones/rugao"
    page.locator("#details .sentences li").first.wait_for(timeout=60_000)
    offline.screenshot("graph-nav-zone-details.png")


def test_graph_navigation_names_nodes_as_the_rest_api(browser: Any, corpus_server_url: str) -> None:
    offline = open_graph(browser, corpus_server_url)
    page = offline.page
    api = {z["iri"]: z["label"] for z in httpx.get(corpus_server_url + "/zones", params={"limit": 100}).json()["items"]}
    names = dict(page.evaluate("__graph.nodes.get({filter: n => n.etype === 'Zone'}).map(n => [n.id, n.name])"))
    options = dict(page.evaluate("[...document.querySelectorAll('#zone-filter option')].map(o => [o.value, o.text])"))
    assert api and names == api and {k: v for k, v in options.items() if k} == api
