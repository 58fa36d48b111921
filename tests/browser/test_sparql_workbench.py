"""The /sparql query page in headless Chromium, offline: editor, prefixes, an example run to a table."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from api.workbench import YASGUI_BUILD
from tests.browser.graph_pages import wait_for
from tests.browser.live import CHROMIUM, OfflinePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed"),
    pytest.mark.skipif(not YASGUI_BUILD.is_dir(), reason="YASGUI is not installed (npm ci)"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def server_url(corpus_server_url: str) -> str:
    return corpus_server_url


@pytest.fixture
def workbench(browser: Any, server_url: str) -> Iterator[OfflinePage]:
    offline = OfflinePage(browser, server_url)
    offline.page.goto(server_url + "/sparql")
    offline.page.locator(".CodeMirror").first.wait_for(timeout=60_000)
    yield offline
    offline.page.close()


def _editor_text(page: Any) -> str:
    return str(page.evaluate("__workbench.yasgui.getTab().getQuery()"))


def test_workbench_opens_with_prefixes_and_the_first_example(workbench: OfflinePage) -> None:
    query = _editor_text(workbench.page)
    assert "PREFIX zone: <https://w3id.org/zonekg/ontology#>" in query
    assert "PREFIX zr: <https://w3id.org/zonekg/resource/>" in query
    assert "zone:locatedIn" in query
    assert workbench.page.locator("#gallery button.example").count() >= 10
    assert workbench.blocked == []
    assert workbench.errors == []


def test_workbench_runs_companies_by_zone_into_a_table_of_distinct_rows(
    workbench: OfflinePage, server_url: str
) -> None:
    import httpx

    page = workbench.page
    page.locator("#gallery button.example").first.click()
    page.locator(".yasr table.dataTable tbody tr").first.wait_for(timeout=60_000)
    page.locator(".yasr_response_chip, .yasr .dataTables_info").first.wait_for(timeout=60_000)
    query = _editor_text(page)
    expected = httpx.post(server_url + "/sparql", data={"query": query},
                          headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"]
    pairs = [(b["zone"]["value"], b["company"]["value"]) for b in expected]
    assert len(pairs) == len(set(pairs)) > 0
    headers = page.locator(".yasr table.dataTable thead th").all_text_contents()
    assert {"zoneName", "companyName"} <= {h.strip() for h in headers}
    first_zone = expected[0]["zoneName"]["value"]
    assert first_zone in page.locator(".yasr table.dataTable tbody").text_content()
    workbench.screenshot("sparql-workbench.png")
    assert workbench.blocked == []
    assert workbench.errors == []


def test_entity_iri_opens_the_graph_page_focused_on_it(browser: Any, server_url: str) -> None:
    offline = OfflinePage(browser, server_url)
    offline.page.goto(server_url + "/resource/enterprise/dx")
    wait_for(offline.page, "window.__graphStable !== undefined", 60)
    assert "/graph?focus=https%3A%2F%2Fw3id.org%2Fzonekg%2Fresource%2Fenterprise%2Fdx" in offline.page.url
    assert offline.page.evaluate("__graph.nodes.get('https://w3id.org/zonekg/resource/enterprise/dx') !== null")
    assert offline.blocked == [] and offline.errors == []
    offline.page.close()
