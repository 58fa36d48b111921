"""Graph views kept per store generation: repeated views come from the cache, any write makes them fresh."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.routers.graph_page import router
from kg.namespaces import ZR
from kg.store.oxigraph import OxigraphStore
from viz.cache import GenerationCache, store_cache
from viz.source import cached_view, store_view, zone_index

NEW_ZONE = ZR["zone/newpark"]
INSERT_ZONE = f'INSERT DATA {{ GRAPH {ZR["doc/new"]} {{ {NEW_ZONE} a zone:Zone ; rdfs:label "新园区"@zh }} }}'


class CountingStore:
    """Delegates to an OxigraphStore and counts its SELECTs."""

    def __init__(self, store: OxigraphStore, *, with_generation: bool = True) -> None:
        self._store, self.selects = store, 0
        if with_generation:
            self.generation = 0

    def select(self, query: str, **kwargs: Any) -> Any:
        self.selects += 1
        return self._store.select(query, **kwargs)

    def write(self, update: str) -> None:
        self._store.update(update)
        self.generation += 1


def test_view_cache_repeated_view_reads_nothing(sample_store: OxigraphStore) -> None:
    store = CountingStore(sample_store)
    first = cached_view(store, types=["Enterprise", "Zone"])
    reads = store.selects
    assert reads > 0
    assert cached_view(store, types=["Zone", "Enterprise"]) is first
    assert store.selects == reads
    assert cached_view(store, types=["Zone"]) is not first  # another view is read


def test_view_cache_write_makes_views_fresh(sample_store: OxigraphStore) -> None:
    before = cached_view(sample_store)
    zones_before = zone_index(sample_store)
    sample_store.update(INSERT_ZONE)
    after = cached_view(sample_store)
    assert NEW_ZONE.value not in before.graph and NEW_ZONE.value in after.graph
    assert {"id": NEW_ZONE.value, "label": "新园区"} in zone_index(sample_store)
    assert len(zone_index(sample_store)) == len(zones_before) + 1


def test_view_cache_store_without_generation_is_read_every_time(sample_store: OxigraphStore) -> None:
    store = CountingStore(sample_store, with_generation=False)
    assert store_cache(store) is None  # type: ignore[arg-type]
    cached_view(store)
    reads = store.selects
    cached_view(store)
    assert store.selects == 2 * reads


def test_view_cache_value_built_during_a_write_is_not_kept(sample_store: OxigraphStore) -> None:
    store = CountingStore(sample_store)
    cache = GenerationCache(store)  # type: ignore[arg-type]

    def build_while_writing() -> str:
        store.write(INSERT_ZONE)
        return "read before the write ended"

    assert cache.get("k", build_while_writing) == "read before the write ended"
    assert cache.get("k", lambda: "fresh") == "fresh"


def test_view_cache_matches_uncached_view(sample_store: OxigraphStore) -> None:
    for params in ({}, {"focus": "東旭科技", "depth": 2}, {"zone": "如皋高新区"}):
        cached = cached_view(sample_store, **params)  # type: ignore[arg-type]
        fresh = store_view(sample_store, **params)  # type: ignore[arg-type]
        assert sorted(cached.graph.nodes(data=True)) == sorted(fresh.graph.nodes(data=True))
        assert sorted(cached.graph.edges) == sorted(fresh.graph.edges)


def test_view_cache_graph_routes_follow_writes(sample_store: OxigraphStore) -> None:
    app = FastAPI()
    app.include_router(router)
    app.state.store = sample_store
    with TestClient(app) as client:
        first = client.get("/graph.json", params={"type": "Zone"})
        assert client.get("/graph.json", params={"type": "Zone"}).content == first.content
        assert "新园区" not in client.get("/graph").text
        sample_store.update(INSERT_ZONE)
        labels = {n["label"] for n in client.get("/graph.json", params={"type": "Zone"}).json()["nodes"]}
        assert "新园区" in labels
        assert "新园区" in client.get("/graph").text


def test_view_cache_drops_least_recent_beyond_its_memory(sample_store: OxigraphStore) -> None:
    cache = GenerationCache(sample_store, max_bytes=25)
    cache.get("a", lambda: "x" * 10)
    cache.get("b", lambda: "y" * 10)
    cache.get("a", lambda: "rebuilt")  # a is used again, so b is the least recent
    cache.get("c", lambda: "z" * 10)
    assert cache.get("a", lambda: "rebuilt") == "x" * 10
    assert cache.get("b", lambda: "rebuilt") == "rebuilt"
