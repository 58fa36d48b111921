"""Property test: name search and name filters return exactly what a plain Python scan of the names finds."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.text import to_simplified
from kg.store.oxigraph import OxigraphStore

# Characters of the sample names (both scripts) mixed with SPARQL syntax and breakout material.
ALPHABET = st.sampled_from(
    list("如皋高新技术产业开发区東东旭科技项目瞪羚企业術區\"'\\{}<>#.;?$ \n\rUNIONDROPservice＂")
)
QUERIES = st.text(ALPHABET, min_size=1, max_size=12)

NAMES = {
    "rugao": ["如皋高新技术产业开发区", "如皋高新区"],
    "dx": ["东旭科技"],
    "dxp": ["东旭科技项目"],
    "gazelle": ["瞪羚企业"],
}


def expected(q: str, ids: list[str]) -> set[str]:
    needle = to_simplified(q).lower()
    return {i for i in ids if needle and any(needle in n.lower() for n in NAMES[i])}


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(q=QUERIES)
def test_api_search_property_matches_python_scan(api_client: Any, sample_store: OxigraphStore, q: str) -> None:
    found = {item["id"] for item in api_client.get("/search", params={"q": q}).json()["items"]}
    assert found == expected(q, list(NAMES))
    listed = api_client.get("/enterprises", params={"q": q})
    assert {item["id"] for item in listed.json()["items"]} == (expected(q, ["dx"]) if to_simplified(q) else {"dx"})
    assert sample_store.quad_count() == 54
