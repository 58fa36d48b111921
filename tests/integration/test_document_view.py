"""The document view: the normalised text with the evidence span (given in original-text offsets) marked
where the normalised text holds it, even when normalisation dropped or changed characters before it."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ingest.runner import ingest_bytes
from kg.store.oxigraph import OxigraphStore

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
# Traditional script, pinyin glosses and a contact line (blanked): the normalised text is shorter and differs.
TEXT = ("青嵐開發區(qū)年報\n聯繫電話：0513-12345678\n"
        "２０２３年，青嵐高新區(qū)簽約遠帆科技新材料項目，總投資２０億元。\n"
        "青嵐高新區(qū)管委會主任李明出席活動。\n")


@pytest.fixture
def client(api_settings: Any) -> Any:
    from fastapi.testclient import TestClient

    from api.main import create_app

    store = OxigraphStore(None)
    ingest_bytes(store, TEXT.encode("utf-8"), "qinglan.txt")
    with TestClient(create_app(api_settings, store=store)) as test_client:
        yield test_client
    store.close()


def _current(page: str) -> str:
    return "".join(re.findall(r'<mark class="[^"]*\bcurrent\b[^"]*"[^>]*>([^<]*)</mark>', page))


def test_evidence_span_of_the_original_is_marked_in_the_normalised_text(client: Any) -> None:
    people = client.get("/people", params={"q": "李明"}).json()["items"]
    person = client.get(f"/people/{people[0]['id']}").json()
    evidence = person["facts"][0]["evidence"][0]
    assert evidence["text"] == "青嵐高新區(qū)管委會主任李明出席活動。"  # the original's words and span
    assert TEXT[evidence["start"]:evidence["end"]] == evidence["text"]
    page = client.get(evidence["url"], headers={"Accept": BROWSER})
    assert page.status_code == 200
    assert _current(page.text) == "青岚高新区管委会主任李明出席活动。"
    assert "0513-12345678" not in page.text and "(qū)" not in page.text  # normalised: blanked, gloss dropped
    assert 'href="#evidence-' in page.text and "李明" in page.text.split('class="doc-facts"', 1)[1]


def test_fragment_ids_and_spans_that_match_no_sentence(client: Any) -> None:
    plain = client.get("/documents/qinglan", headers={"Accept": BROWSER}).text
    ids = re.findall(r'<mark class="ev" id="evidence-([A-Za-z0-9_-]+)"', plain)
    assert ids and _current(plain) == ""
    past_the_end = client.get("/documents/qinglan?s=5000&e=6000", headers={"Accept": BROWSER})
    assert past_the_end.status_code == 200 and _current(past_the_end.text) == ""
    assert client.get("/documents/qinglan?s=-1&e=3", headers={"Accept": BROWSER}).status_code == 422
    assert client.get("/documents/nothing", headers={"Accept": BROWSER}).status_code == 404


def test_names_from_documents_are_inert_on_the_page(api_settings: Any) -> None:
    from fastapi.testclient import TestClient

    from api.main import create_app

    store = OxigraphStore(None)
    hostile = "<script>window.x=1</script>开发区\n2023年，青岚高新区管委会主任<b>李明</b>出席活动。\n"
    ingest_bytes(store, hostile.encode("utf-8"), "hostile.txt")
    with TestClient(create_app(api_settings, store=store)) as test_client:
        page = test_client.get("/documents/hostile", headers={"Accept": BROWSER}).text
    store.close()
    body = page.split("<main>", 1)[1]
    assert "<script>window" not in body and "<b>" not in body
    assert "&lt;script&gt;window.x=1&lt;/script&gt;" in body


def test_document_stored_without_its_text_shows_its_sentences(api_settings: Any) -> None:
    from fastapi.testclient import TestClient

    from api.main import create_app

    store = OxigraphStore(None)
    ingest_bytes(store, TEXT.encode("utf-8"), "qinglan.txt")
    # As ingested by an older version (the store's update keeps the merged graph in step).
    store.update("PREFIX zone: <https://w3id.org/zonekg/ontology#> "
                 "DELETE WHERE { GRAPH ?g { ?d zone:normalisedText ?t } }")
    with TestClient(create_app(api_settings, store=store)) as test_client:
        evidence = test_client.get("/people", params={"q": "李明"}).json()["items"][0]["id"]
        url = test_client.get(f"/people/{evidence}").json()["facts"][0]["evidence"][0]["url"]
        page = test_client.get(url, headers={"Accept": BROWSER}).text
    store.close()
    assert "重新导入" in page
    assert _current(page) == "青嵐高新區(qū)管委會主任李明出席活動。"
