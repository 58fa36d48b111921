"""Entity items as linked data (JSON-LD, Turtle) against the JSON view of the same item, on a synthetic store.

An item in JSON-LD or Turtle is the store's triples about the entity (``ld_entity_graph.rq``), serialised;
the JSON view is the hand-built ``EntityDetail`` the REST API has always answered. Both go through the app
(FastAPI TestClient) over the same in-memory store (bench/synth.py) in the same run, for the zone that
most entities are located in (a hub) and for one enterprise. The table gives the median time of one
answer, its size, and the ratio linked data / JSON.

    .venv/bin/python -m bench.bench_linked_data [--documents 2000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from api.main import create_app
from bench.synth import document_quads, plans
from kg.settings import MEMORY, Settings
from kg.store.oxigraph import OxigraphStore

HUB = """SELECT ?zone (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e zone:locatedIn ?zone }
GROUP BY ?zone ORDER BY DESC(?n) LIMIT 1"""
ONE_ENTERPRISE = "SELECT ?e WHERE { ?e a zone:Enterprise } LIMIT 1"
MEDIA_TYPES = ("application/json", "application/ld+json", "text/turtle")


def _median_get(client: TestClient, path: str, accept: str, repeats: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        answer = client.get(path, headers={"Accept": accept})
        times.append(time.perf_counter() - start)
        assert answer.status_code == 200, answer.text
        size = len(answer.content)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    store = OxigraphStore(None)
    for plan in plans(args.documents):
        store.raw.extend(document_quads(plan))
    hub = store.select(HUB)[0]["zone"].value.rsplit("/", 1)[-1]
    enterprise = store.select(ONE_ENTERPRISE)[0]["e"].value.rsplit("/", 1)[-1]
    print(f"store: {store.quad_count():,} quads from {args.documents} synthetic documents")
    settings = Settings(store=MEMORY, corpus=Path(tempfile.gettempdir()) / "zonekg-no-corpus", _env_file=None)  # type: ignore[call-arg]
    with TestClient(create_app(settings, store=store)) as client:
        print(f"{'item':<12} {'media type':<22} {'median s':>9} {'bytes':>9} {'÷ JSON':>7}")
        for name, path in (("hub zone", f"/zones/{hub}"), ("enterprise", f"/enterprises/{enterprise}")):
            json_time, _ = _median_get(client, path, "application/json", args.repeats)
            for media_type in MEDIA_TYPES:
                seconds, size = _median_get(client, path, media_type, args.repeats)
                print(f"{name:<12} {media_type:<22} {seconds:>9.3f} {size:>9,} {seconds / json_time:>7.2f}")


if __name__ == "__main__":
    main()
