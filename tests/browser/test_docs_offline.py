"""/docs and /redoc render in headless Chromium with every request off the app's host blocked."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.live import CHROMIUM, OfflinePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def server_url(corpus_server_url: str) -> str:
    return corpus_server_url


def test_swagger_ui_renders_every_operation_offline(browser: Any, server_url: str) -> None:
    import httpx

    spec = httpx.get(server_url + "/openapi.json").json()
    operations = sum(len(methods) for methods in spec["paths"].values())
    offline = OfflinePage(browser, server_url)
    offline.page.goto(server_url + "/docs")
    expect = playwright_api.expect
    expect(offline.page.locator(".opblock")).to_have_count(operations, timeout=60_000)  # drawn as the spec loads
    expect(offline.page.locator(".opblock-summary-path[data-path='/enterprises']")).to_have_count(1)
    offline.page.locator(".opblock-summary-path[data-path='/enterprises']").click()
    offline.page.locator(".parameters-container").first.wait_for(timeout=60_000)
    shot = offline.screenshot("docs.png")
    assert shot.stat().st_size > 10_000
    assert offline.blocked == []
    assert offline.errors == []
    offline.page.close()


def test_redoc_renders_offline(browser: Any, server_url: str) -> None:
    offline = OfflinePage(browser, server_url)
    offline.page.goto(server_url + "/redoc")
    offline.page.locator("h1").first.wait_for(timeout=60_000)
    assert "zonekg" in offline.page.locator("h1").first.text_content()
    assert offline.page.get_by_text("/enterprises").count() > 0
    # ReDoc's own "API docs by Redocly" badge image is the one thing it links off-site; the page needs none.
    assert [url for url in offline.blocked if not url.endswith("/logo-mini.svg")] == []
    offline.page.close()


def test_swagger_ui_shows_sparql_media_types_and_error_body(browser: Any, server_url: str) -> None:
    offline = OfflinePage(browser, server_url)
    # No deep link: Swagger UI expands a linked operation some time after it is drawn, and a click that
    # lands in between collapses it again; a plain page and one click always end expanded.
    offline.page.goto(server_url + "/docs")
    block = offline.page.locator("#operations-sparql-sparql_get")
    block.wait_for(timeout=60_000)
    block.locator(".opblock-summary").click()
    block.locator(".responses-wrapper").wait_for(timeout=60_000)
    media_types = block.locator(".responses-wrapper select.content-type option").all_text_contents()
    assert {"application/sparql-results+json", "text/csv", "text/turtle", "text/html"} <= set(media_types)
    codes = {c.strip() for c in block.locator(".responses-table td.response-col_status").all_text_contents()}
    assert {"200", "400", "406", "429", "503"} <= codes
    block.evaluate("element => element.scrollIntoView()")  # no wait for Swagger UI's expand animation to settle
    offline.screenshot("docs-sparql.png")
    assert offline.blocked == []
    offline.page.close()
