"""GET /sparql: the query page for browsers, the service description for machines; the gallery's queries."""

from __future__ import annotations

from typing import Any

import pytest

from api.workbench import examples, prefix_block
from tests.browser.live import corpus_store

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_workbench_page_for_a_browser(api_client: Any) -> None:
    answer = api_client.get("/sparql", headers={"Accept": BROWSER_ACCEPT})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["vary"] == "Accept"
    assert '<script src="/static/workbench/yasgui.min.js">' in answer.text
    assert "https://" not in answer.text.split('id="workbench-config"')[0]  # no stylesheet or script off-host


@pytest.mark.parametrize("accept", [None, "*/*", "text/turtle", "text/turtle, text/html;q=0.5"])
def test_service_description_for_machines(api_client: Any, accept: str | None) -> None:
    answer = api_client.get("/sparql", headers={"Accept": accept} if accept else {})
    assert answer.headers["content-type"].startswith("text/turtle")
    assert "sd:Service" in answer.text or "service-description#Service" in answer.text


def test_a_query_from_a_browser_is_still_answered(api_client: Any) -> None:
    answer = api_client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": BROWSER_ACCEPT})
    assert not answer.headers["content-type"].startswith("text/html")


def test_workbench_assets_are_a_fixed_list(api_client: Any) -> None:
    assert api_client.get("/static/workbench/workbench.js").status_code == 200
    assert api_client.get("/static/workbench/..%2Fpackage.json").status_code == 404
    assert api_client.get("/static/workbench/yasgui.esm.js").status_code == 404


def test_every_gallery_query_returns_distinct_rows_on_the_corpus() -> None:
    store = corpus_store()
    assert len(examples()) >= 10
    for example in examples():
        rows = store.select(prefix_block() + example.query)
        keys = [tuple(sorted((k, str(v)) for k, v in row.items())) for row in rows]
        assert rows, example.name
        assert len(keys) == len(set(keys)), example.name
    store.close()


def test_companies_by_zone_lists_each_pair_once() -> None:
    store = corpus_store()
    rows = store.select(prefix_block() + examples()[0].query)
    pairs = [(row["zone"].value, row["company"].value) for row in rows]
    assert len(pairs) == len(set(pairs))
    store.close()
