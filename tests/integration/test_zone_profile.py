"""The zone profile (JSON and page) against the REST API on the bundled corpus: every count and sum is
recomputed here from the REST lists (``?zone=``, ``&status=``) and the project items' investment facts."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from api.page_shell import STATUS_ORDER

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
COLLECTIONS = {"projects": "projects", "enterprises": "enterprises", "platforms": "platforms",
               "policies": "policies", "industries": "industries", "people": "people", "honours": "honours"}


def _zones(client: Any) -> list[dict[str, Any]]:
    return client.get("/zones", params={"limit": 1000}).json()["items"]


def _total(client: Any, collection: str, **params: Any) -> int:
    answer = client.get(f"/{collection}", params={"limit": 1000, **params})
    assert answer.status_code == 200, answer.text
    return int(answer.json()["total"])


def rest_investment(client: Any, zone_id: str) -> tuple[dict[str, float], int]:
    """Sum over the zone's projects of each one's largest reported investment per currency, from /projects/{id}."""
    sums: dict[str, float] = defaultdict(float)
    with_amount = 0
    for item in client.get("/projects", params={"zone": zone_id, "limit": 1000}).json()["items"]:
        facts = client.get(f"/projects/{item['id']}").json()["facts"]
        largest: dict[str, float] = {}
        for fact in facts:
            if fact["kind"] == "Investment":
                currency = fact["properties"].get("currency", ["CNY"])[0]
                largest[currency] = max(largest.get(currency, 0.0), float(fact["properties"]["amount"][0]))
        with_amount += bool(largest)
        for currency, amount in largest.items():
            sums[currency] += amount
    return dict(sums), with_amount


@pytest.fixture(scope="module")
def profiles(corpus_client: Any) -> dict[str, dict[str, Any]]:
    found = {}
    for zone in _zones(corpus_client):
        answer = corpus_client.get(f"/zones/{zone['id']}/profile")
        assert answer.status_code == 200, answer.text
        found[zone["id"]] = answer.json()
    return found


def test_every_zone_profile_counts_what_the_rest_lists_count(corpus_client: Any, profiles: dict) -> None:
    assert len(profiles) >= 5
    for zone_id, profile in profiles.items():
        totals = profile["totals"]
        for field, collection in COLLECTIONS.items():
            assert totals[field] == _total(corpus_client, collection, zone=zone_id), (zone_id, field)
            if field != "honours":
                assert len(profile[field]) == totals[field]
        listed = corpus_client.get("/honours", params={"zone": zone_id, "limit": 1000}).json()["items"]
        assert {h["honour"]["id"] for h in profile["honours"]} == {h["id"] for h in listed}


def test_pipeline_counts_equal_the_status_filter(corpus_client: Any, profiles: dict) -> None:
    drawn = 0
    for zone_id, profile in profiles.items():
        stages = [(s["status"], s["projects"]) for s in profile["pipeline"]]
        assert [s for s, _ in stages] == list(STATUS_ORDER)
        for status, count in stages:
            assert count == _total(corpus_client, "projects", zone=zone_id, status=status), (zone_id, status)
            drawn += count
    assert drawn > 0


def test_investment_total_and_cells_equal_the_project_items(corpus_client: Any, profiles: dict) -> None:
    seen = 0
    for zone_id, profile in profiles.items():
        expected, with_amount = rest_investment(corpus_client, zone_id)
        assert profile["totals"]["investment"] == pytest.approx(expected), zone_id
        assert profile["totals"]["projects_with_investment"] == with_amount
        by_currency: dict[str, float] = defaultdict(float)
        for cell in profile["investment"]:
            by_currency[cell["currency"]] += cell["amount"]
        assert dict(by_currency) == pytest.approx(expected)
        seen += bool(expected)
    assert seen >= 2  # the corpus has zones with stated investments


def test_zone_detail_and_profile_agree_on_indicators_and_zone_honours(corpus_client: Any, profiles: dict) -> None:
    for zone_id, profile in profiles.items():
        detail = corpus_client.get(f"/zones/{zone_id}").json()
        observed = {(f["properties"]["metric"][0], float(f["properties"]["value"][0]), f["properties"]["unit"][0],
                     (f["properties"].get("period") or [None])[0], f["properties"].get("kind", ["actual"])[0])
                    for f in detail["facts"] if f["kind"] == "IndicatorObservation"}
        shown = {(i["metric"], i["value"], i["unit"], i["period"], i["kind"]) for i in profile["indicators"]}
        assert shown == observed, zone_id
        honours = {link["target"]["id"] for link in detail["links"] if link["predicate"] == "awarded"}
        assert {m["item"]["id"] for m in profile["zone_honours"]} == honours


def test_every_profile_fact_links_to_its_sentence_in_the_document_view(corpus_client: Any, profiles: dict) -> None:
    profile = max(profiles.values(), key=lambda p: p["totals"]["projects"])
    evidence = [e for row in profile["projects"] for e in row["evidence"]]
    assert evidence and all(e["url"] == f"/documents/{e['document']}?s={e['start']}&e={e['end']}" for e in evidence)
    page = corpus_client.get(evidence[0]["url"], headers={"Accept": BROWSER_ACCEPT})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'class="ev current"' in page.text


def test_browser_gets_the_profile_page_and_machines_keep_json(corpus_client: Any, profiles: dict) -> None:
    zone_id = next(iter(profiles))
    page = corpus_client.get(f"/zones/{zone_id}", headers={"Accept": BROWSER_ACCEPT})
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert profiles[zone_id]["zone"]["label"] in page.text
    assert corpus_client.get(f"/zones/{zone_id}").headers["content-type"] == "application/json"
    assert corpus_client.get(f"/zones/{zone_id}", headers={"Accept": "*/*"}).json()["id"] == zone_id
    assert corpus_client.get("/zones/0000000000000000/profile").status_code == 404
    assert corpus_client.get("/zones/0000000000000000", headers={"Accept": BROWSER_ACCEPT}).status_code == 404
