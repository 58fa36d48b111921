"""The graph page in headless Chromium against a real uvicorn server: render, search, filters, details, XSS."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from pyoxigraph import RdfFormat

from kg.store.oxigraph import OxigraphStore
from tests.browser.graph_pages import STABLE, wait_for
from tests.browser.live import live_server

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "sample.trig"
XSS = ROOT / "tests" / "unit" / "viz" / "xss.trig"
CORPUS = ROOT / "data" / "corpus"
ARTIFACTS = ROOT / "artifacts"
XSS_ENTERPRISE = "https://w3id.org/zonekg/resource/enterprise/xss"
SAMPLE_ENTERPRISE = "https://w3id.org/zonekg/resource/enterprise/dx"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def _build_store() -> OxigraphStore:
    """Sample and XSS graphs, plus the demo corpus when the extraction pipeline is installed."""
    store = OxigraphStore(None)
    store.raw.load(path=str(SAMPLE), format=RdfFormat.TRIG)
    store.raw.load(path=str(XSS), format=RdfFormat.TRIG)
    store.rebuild_merged()
    if importlib.util.find_spec("ingest.pipeline") and importlib.util.find_spec("ingest.emit"):
        from ingest.runner import ingest_paths

        ingest_paths(store, [CORPUS], workers=1, on_error="raise", progress=False)
    return store


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = _build_store()
    with live_server(store, tmp_path_factory.mktemp("no-corpus")) as url:
        yield url
    store.close()


class PageRecorder:
    """A loaded graph page with the dialogs, console errors and off-host requests it produced."""

    def __init__(self, browser: Any, url: str) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: None if r.url.startswith(url) else self.foreign.append(r.url))
        self.page.goto(url + "/graph")
        wait_for(self.page, STABLE, 60)

    def visible_count(self) -> int:
        return int(self.page.evaluate("__graph.nodes.get({filter: n => !n.hidden}).length"))

    def click_node(self, iri: str) -> None:
        """Click the node where vis-network drew it on the canvas."""
        self.page.evaluate("id => __graph.network.focus(id, {scale: 1.0, animation: false})", iri)
        point = self.page.evaluate(
            "id => __graph.network.canvasToDOM(__graph.network.getPositions([id])[id])", iri
        )
        box = self.page.locator("#network").bounding_box()
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


@pytest.fixture
def graph_page(browser: Any, server_url: str) -> Iterator[PageRecorder]:
    recorder = PageRecorder(browser, server_url)
    yield recorder
    recorder.page.close()


def test_graph_page_loads_and_renders_every_node(graph_page: PageRecorder, server_url: str) -> None:
    import httpx

    expected = len(httpx.get(server_url + "/graph.json").json()["nodes"])
    drawn = "Object.keys(__graph.network.getPositions()).length"
    assert expected > 0
    unlinked = graph_page.page.evaluate("__graph.nodes.get({filter: n => n.isolated}).length")
    assert graph_page.page.evaluate("__graph.nodes.length") == expected
    assert graph_page.visible_count() == expected - unlinked == graph_page.page.evaluate(drawn)
    graph_page.page.click("#isolated-toggle")  # entities linked to nothing wait behind a toggle
    assert graph_page.visible_count() == expected == graph_page.page.evaluate(drawn)
    assert graph_page.page.locator("#network canvas").count() == 1
    assert graph_page.errors == []
    assert graph_page.foreign == []


def test_graph_page_search_finds_entity_by_traditional_alias(graph_page: PageRecorder) -> None:
    graph_page.page.fill("#search", "如皋高新區")
    results = graph_page.page.locator("#results button.result")
    names = results.all_text_contents()
    assert "如皋高新技术产业开发区" in names
    assert all("如皋" in name for name in names)
    results.nth(names.index("如皋高新技术产业开发区")).click()
    assert graph_page.page.locator("#details h2").text_content() == "如皋高新技术产业开发区"


def test_graph_page_type_and_zone_filters_change_node_count(graph_page: PageRecorder) -> None:
    total = graph_page.visible_count()
    enterprises = graph_page.page.evaluate(
        "__graph.nodes.get({filter: n => n.etype === 'Enterprise' && !n.hidden}).length")
    graph_page.page.uncheck("#type-filter input[value=Enterprise]")
    assert graph_page.visible_count() == total - enterprises
    graph_page.page.check("#type-filter input[value=Enterprise]")
    assert graph_page.visible_count() == total
    zone = graph_page.page.evaluate("document.querySelector('#zone-filter option:nth-child(2)').value")
    members = graph_page.page.evaluate("z => __graph.nodes.get({filter: n => n.zones.includes(z)}).length", zone)
    graph_page.page.select_option("#zone-filter", zone)
    assert 0 < graph_page.visible_count() == members


def test_graph_page_focus_shows_ego_network(graph_page: PageRecorder) -> None:
    graph_page.click_node(SAMPLE_ENTERPRISE)
    graph_page.page.select_option("#depth", "1")
    graph_page.page.click("#focus-button")
    neighbours = graph_page.page.evaluate("id => __graph.network.getConnectedNodes(id).length", SAMPLE_ENTERPRISE)
    assert graph_page.visible_count() == neighbours + 1


def test_graph_page_click_shows_source_sentences(graph_page: PageRecorder) -> None:
    graph_page.click_node(SAMPLE_ENTERPRISE)
    assert graph_page.page.locator("#details h2").text_content() == "东旭科技"
    sentence = graph_page.page.locator("#details .sentences li").first
    sentence.wait_for(timeout=60_000)
    assert "2021年签约东旭科技20亿元项目1个。" in sentence.text_content()
    href = sentence.locator("a").get_attribute("href")
    assert href.startswith("/documents/sample?s=") and "&e=" in href  # the document view, sentence highlighted


def test_graph_page_names_from_documents_stay_inert(graph_page: PageRecorder) -> None:
    page = graph_page.page
    graph_page.click_node(XSS_ENTERPRISE)
    page.locator("#details .sentences li").first.wait_for(timeout=60_000)
    page.fill("#search", "svg")
    page.mouse.move(10, 10)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert graph_page.dialogs == []
    # The merged graph labels an entity with its fullest name: here the longest of the three hostile ones.
    assert page.locator("#details h2").text_content() == "</script><script>window.__xss=2</script>"
    assert page.locator("img, svg, #main script").count() == 0
    assert "window.__xss=4" in page.locator("#details .sentences").text_content()


def test_graph_page_screenshot_of_corpus_graph(graph_page: PageRecorder) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = graph_page.page
    hub = page.evaluate("""() => { const net = __graph.network; let best = null, most = -1;
        for (const id of __graph.nodes.getIds()) {
            const n = net.getConnectedEdges(id).length; if (n > most) { most = n; best = id; } }
        return best; }""")
    page.evaluate("id => { __graph.select(id); __graph.network.moveTo({scale: 0.75}); }", hub)
    page.locator("#details .sentences li").first.wait_for(timeout=60_000)
    graph_page.page.screenshot(path=str(ARTIFACTS / "graph.png"))
    assert (ARTIFACTS / "graph.png").stat().st_size > 10_000


def test_graph_page_zone_view_asks_the_server_for_another_zone(graph_page: PageRecorder, server_url: str) -> None:
    zones = graph_page.page.evaluate("[...document.querySelectorAll('#zone-filter option')].map(o => o.value)")
    first, second = [z for z in zones if z][:2]
    page = graph_page.page
    page.goto(f"{server_url}/graph?zone={quote(first, safe='')}")
    wait_for(page, STABLE, 60)
    assert page.evaluate("document.getElementById('zone-filter').value") == first
    with page.expect_navigation():
        page.select_option("#zone-filter", second)
    wait_for(page, STABLE, 60)
    assert page.evaluate("document.getElementById('zone-filter').value") == second
    assert page.url.endswith("?zone=" + quote(second, safe=""))
    assert graph_page.errors == []
