"""The loader on real saved pages (bench/html_pages.json), where local mirrors of their repositories exist."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bench.bench_html import MANIFEST, page_bytes, read_new, reference_article, score, visible_text
from ingest.decode import decode_text

PAGES = json.loads(MANIFEST.read_text(encoding="utf-8"))["pages"]
MIRRORS = Path(os.environ.get("ZONEKG_PAGE_MIRRORS", "/work/.mirror"))


@pytest.mark.parametrize("page", PAGES, ids=[p["id"] for p in PAGES])
def test_real_page_keeps_its_article_and_no_furniture(page: dict) -> None:
    data = page_bytes(page, MIRRORS)
    if data is None:
        pytest.skip(f"no local mirror of {page['repo']}")
    markup, _ = decode_text(data, page["id"])
    article = reference_article(visible_text(markup), page["spans"], page["id"])
    kept, furniture = score(read_new(data), article)
    # A headline in a plain <div> (no <h1>, empty <title>) is the one part the loader may miss.
    assert kept >= len(article) - 60
    assert furniture <= 20
