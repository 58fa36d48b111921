"""Fixtures shared by the browser tests: one headless Chromium and one live server over the bundled corpus."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.live import CHROMIUM, CHROMIUM_ARGS, corpus_store, live_server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with playwright_api.sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def corpus_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live app on a store holding the bundled corpus."""
    store = corpus_store()
    with live_server(store, tmp_path_factory.mktemp("no-corpus")) as url:
        yield url
    store.close()
