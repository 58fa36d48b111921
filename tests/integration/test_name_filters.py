"""zone= and honour= take an id, an IRI or a name in either script; a shared name is a 409 with candidates."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

RUGAO_IRI = "https://w3id.org/zonekg/resource/zone/rugao"


NAMES = ["rugao", RUGAO_IRI, "如皋高新技术产业开发区", "如皋高新区", "如皋高新區", " 如皋高新区 "]


@pytest.mark.parametrize("zone", NAMES)
def test_zone_filter_takes_id_iri_or_name(api_client: Any, zone: str) -> None:
    answer = api_client.get(f"/enterprises?zone={quote(zone)}")
    assert answer.status_code == 200, answer.text
    assert [item["id"] for item in answer.json()["items"]] == ["dx"]


@pytest.mark.parametrize("honour", ["gazelle", "https://w3id.org/zonekg/resource/honour/gazelle", "瞪羚企业"])
def test_honour_filter_takes_id_iri_or_name(api_client: Any, honour: str) -> None:
    assert [item["id"] for item in api_client.get(f"/enterprises?honour={quote(honour)}").json()["items"]] == ["dx"]


@pytest.mark.parametrize("url", ["/enterprises?zone=无此开发区", "/enterprises?honour=unicorn",
                                 "/enterprises?zone=" + quote("https://w3id.org/zonekg/resource/enterprise/dx")])
def test_filter_naming_nothing_is_404(api_client: Any, url: str) -> None:
    answer = api_client.get(url)
    assert answer.status_code == 404 and answer.json()["error"] == "not_found"



def test_short_name_of_several_zones_is_409_with_candidates(corpus_client: TestClient) -> None:
    answer = corpus_client.get("/enterprises?zone=高新区")
    assert answer.status_code == 409
    body = answer.json()
    assert body["error"] == "ambiguous_name"
    assert len(body["candidates"]) >= 2
    for candidate in body["candidates"]:
        chosen = corpus_client.get(f"/enterprises?zone={candidate['id']}")
        assert chosen.status_code == 200
        by_iri = corpus_client.get(f"/enterprises?zone={quote(candidate['iri'])}")
        assert by_iri.json()["items"] == chosen.json()["items"]


def test_full_and_short_names_of_one_zone_give_the_same_page(corpus_client: TestClient) -> None:
    full = corpus_client.get("/enterprises?zone=南通经济技术开发区").json()
    short = corpus_client.get("/enterprises?zone=南通开发区").json()
    traditional = corpus_client.get("/enterprises?zone=南通開發區").json()
    assert full["total"] > 0 and full == short == traditional


def test_graph_json_refuses_an_ambiguous_zone_too(corpus_client: TestClient) -> None:
    answer = corpus_client.get("/graph.json?zone=高新区")
    assert answer.status_code == 409
    assert len(answer.json()["candidates"]) >= 2


def test_graph_page_offers_the_zones_an_ambiguous_name_could_mean(corpus_client: TestClient) -> None:
    answer = corpus_client.get("/graph?zone=高新区")
    assert answer.status_code == 409 and answer.headers["content-type"].startswith("text/html")
    candidates = corpus_client.get("/graph.json?zone=高新区").json()["candidates"]
    for candidate in candidates:
        assert f'href="/graph?zone={quote(candidate["iri"], safe="")}"' in answer.text
    assert "script-src 'self'" in answer.headers["content-security-policy"]
