"""The zone profile page and the document view in headless Chromium, offline, on the bundled corpus:
charts drawn (SVG with bars and Chinese labels) with the REST API's numbers, the evidence sentence
highlighted and scrolled into view. Screenshots go to artifacts/."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from api.page_shell import ECHARTS_BUILD, STATUS_ORDER
from tests.browser.graph_pages import wait_for
from tests.browser.live import ARTIFACTS, CHROMIUM, OfflinePage
from tests.integration.test_zone_profile import rest_investment

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed"),
    pytest.mark.skipif(not ECHARTS_BUILD.is_dir(), reason="ECharts is not installed (npm ci)"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def server_url(corpus_server_url: str) -> str:
    return corpus_server_url


@pytest.fixture
def offline(browser: Any, server_url: str) -> Iterator[OfflinePage]:
    page = OfflinePage(browser, server_url)
    yield page
    assert page.blocked == [] and page.errors == []
    page.page.close()


def _zone(server_url: str, name: str) -> dict[str, Any]:
    items = httpx.get(server_url + "/zones", params={"q": name}).json()["items"]
    return next(z for z in items if z["label"] == name)


def _total(server_url: str, collection: str, **params: Any) -> int:
    return int(httpx.get(f"{server_url}/{collection}", params={"limit": 1000, **params}).json()["total"])


def _chart_shapes(page: Any, chart_id: str) -> int:
    return int(page.evaluate(f"document.querySelectorAll('#{chart_id} svg path').length"))


def _full_screenshot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_profile_charts_draw_the_api_numbers(offline: OfflinePage, server_url: str) -> None:
    zone = _zone(server_url, "如皋高新区")
    page = offline.page
    page.goto(f"{server_url}/zones/{zone['id']}")
    wait_for(page, "window.__zoneProfile !== undefined", 60)
    for chart in ("chart-pipeline", "chart-investment", "chart-indicator"):
        assert _chart_shapes(page, chart) >= 5, chart
    pipeline_text = page.locator("#chart-pipeline svg").text_content()
    assert all(word in pipeline_text for word in ("签约", "开工", "在建", "竣工", "投产"))
    drawn = page.evaluate("__zoneProfile.charts['chart-pipeline'].getOption().series[0].data.map(d => d.value)")
    assert drawn == [_total(server_url, "projects", zone=zone["id"], status=s) for s in STATUS_ORDER]
    assert sum(drawn) > 0
    stacks = page.evaluate("__zoneProfile.charts['chart-investment'].getOption().series.map(s => s.data)")
    expected, _ = rest_investment(httpx.Client(base_url=server_url), zone["id"])
    assert sum(sum(v or 0 for v in s) for s in stacks) == pytest.approx(expected["CNY"])
    projects = _total(server_url, "projects", zone=zone["id"])
    assert page.locator('.figure[data-figure="项目"] b').text_content() == str(projects)
    assert page.locator("#projects tbody tr").count() == projects
    assert page.locator("#projects a.source").count() > 0
    offline.screenshot("zone-profile-top.png")
    _full_screenshot(page, "zone-profile-full.png")


# Each figure card of the profile and the REST collection that counts the same members of the zone.
FIGURE_COLLECTIONS = {"项目": "projects", "企业": "enterprises", "企业所获荣誉": "honours", "平台载体": "platforms",
                      "政策": "policies", "主导产业": "industries", "人物": "people"}


@pytest.mark.parametrize("name", ["如皋高新区", "江阴高新技术开发区", "港闸经济开发区"])
def test_profile_totals_equal_the_rest_api(offline: OfflinePage, server_url: str, name: str) -> None:
    zone = _zone(server_url, name)
    page = offline.page
    page.goto(f"{server_url}/zones/{zone['id']}")
    wait_for(page, "window.__zoneProfile !== undefined", 60)
    cards = dict(page.evaluate("[...document.querySelectorAll('.figure')].map(f => "
                               "[f.dataset.figure, f.querySelector('b').textContent])"))
    totals = httpx.get(f"{server_url}/zones/{zone['id']}/profile").json()["totals"]
    for label, collection in FIGURE_COLLECTIONS.items():
        assert cards[label] == str(totals[collection]) == str(_total(server_url, collection, zone=zone["id"])), label
    assert cards["园区荣誉"] == str(totals["zone_honours"]) and cards["指标数据"] == str(totals["indicators"])
    money = next(v for k, v in cards.items() if "投资" in k)
    assert (money == "—") == (not totals["investment"])
    assert page.locator("#projects tbody tr").count() == totals["projects"]


def test_metric_choice_redraws_the_indicator_chart(offline: OfflinePage, server_url: str) -> None:
    zone = _zone(server_url, "江阴高新技术开发区")
    page = offline.page
    page.goto(f"{server_url}/zones/{zone['id']}")
    wait_for(page, "window.__zoneProfile !== undefined", 60)
    options = page.locator("#metric option")
    assert options.count() >= 10
    second = options.nth(1).text_content()
    page.select_option("#metric", index=1)
    title = page.evaluate("__zoneProfile.charts['chart-indicator'].getOption().title[0].text")
    assert title == second
    assert _chart_shapes(page, "chart-indicator") >= 3
    page.locator("#chart-pipeline").scroll_into_view_if_needed()
    offline.screenshot("zone-profile-jiangyin.png")


def test_source_link_opens_the_document_with_the_sentence_highlighted_in_view(
    offline: OfflinePage, server_url: str
) -> None:
    zone = _zone(server_url, "江阴高新技术开发区")
    page = offline.page
    page.goto(f"{server_url}/zones/{zone['id']}")
    wait_for(page, "window.__zoneProfile !== undefined", 60)
    profile = httpx.get(f"{server_url}/zones/{zone['id']}/profile").json()
    # The sentence furthest into its document: the view must scroll to show it.
    evidence = max((e for row in profile["projects"] for e in row["evidence"]), key=lambda e: e["start"])
    page.locator(f'#projects a.source[href="{evidence["url"]}"]').first.click()
    wait_for(page, "window.__docView !== undefined", 60)
    marked = "".join(page.locator("#doc-text mark.current").all_text_contents())
    assert unicodedata.normalize("NFKC", marked) == unicodedata.normalize("NFKC", evidence["text"])
    box = page.locator("#doc-text mark.current").first.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 900
    assert page.evaluate("window.scrollY") > 0
    assert page.evaluate("window.__docView.facts") >= 1  # the facts that sentence states are marked too
    fact_box = page.locator(".doc-facts li.current").first.bounding_box()
    assert fact_box is not None and 0 <= fact_box["y"] <= 900
    colour = page.evaluate("getComputedStyle(document.querySelector('mark.current')).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    offline.screenshot("document-view-highlight.png")


def test_document_facts_move_the_highlight_in_place(offline: OfflinePage, server_url: str) -> None:
    documents = httpx.get(server_url + "/documents").json()["items"]
    doc = max(documents, key=lambda d: d["facts"])
    page = offline.page
    page.goto(f"{server_url}/documents/{doc['id']}")
    wait_for(page, "window.__docView !== undefined", 60)
    assert page.locator("#doc-text mark.current").count() == 0
    links = page.locator(".doc-facts a.source")
    assert links.count() > 10
    last = links.nth(links.count() - 1)
    target = last.get_attribute("href").removeprefix("#evidence-")
    last.click()
    assert page.evaluate("window.__docView.current") == target
    assert f"s={last.get_attribute('data-s')}" in page.url
    box = page.locator("#doc-text mark.current").first.bounding_box()
    assert box is not None and 0 <= box["y"] <= 900
    offline.screenshot("document-view-fact-click.png")
    page.goto(f"{server_url}/documents/{doc['id']}#evidence-{target}")
    wait_for(page, "window.__docView !== undefined", 60)
    assert page.evaluate("window.__docView.current") == target


def test_exported_html_shows_source_sentences_offline(browser: Any, tmp_path: Any) -> None:
    from tests.browser.live import corpus_store
    from viz.export import export_graph
    from viz.source import zone_index

    store = corpus_store()
    out = tmp_path / "export.html"
    # By IRI: the name 如皋高新区 is also an alias of 如皋高新技术产业开发区, so it names no single zone.
    zone = next(z["id"] for z in zone_index(store) if z["label"] == "如皋高新区")
    view = export_graph(store, "html", out, zone=zone)
    assert view is not None and view.zone == zone
    offline = OfflinePage(browser, out.as_uri().rsplit("/", 1)[0])
    page = offline.page
    page.goto(out.as_uri())
    wait_for(page, "window.__graphStable !== undefined", 60)
    page.evaluate("id => __graph.select(id)", zone)
    sentences = page.locator("#details .sentences li")
    sentences.first.wait_for(timeout=60_000)
    assert sentences.count() >= 5
    assert "000_d6b4aef8aad70cf9" in sentences.first.text_content()
    page.locator("#details .evidence h3").scroll_into_view_if_needed()
    offline.screenshot("export-html-evidence.png")
    assert offline.blocked == [] and offline.errors == []
    page.close()
    store.close()


def test_zone_with_no_projects_or_figures_renders_without_errors(offline: OfflinePage, server_url: str) -> None:
    zones = httpx.get(server_url + "/zones", params={"limit": 1000}).json()["items"]
    profiles = [httpx.get(f"{server_url}/zones/{z['id']}/profile").json() for z in zones]
    bare = min(profiles, key=lambda p: (p["totals"]["projects"] + p["totals"]["indicators"]))
    assert bare["totals"]["projects"] == 0 and bare["totals"]["indicators"] == 0
    page = offline.page
    page.goto(f"{server_url}/zones/{bare['zone']['id']}")
    wait_for(page, "window.__zoneProfile !== undefined", 60)
    assert page.locator("#chart-investment").text_content() == "没有披露投资额的项目"
    assert page.locator("#chart-indicator").text_content() == "没有抽取到指标"
    assert page.locator("h1").text_content() == bare["zone"]["label"]
