"""Upkeep of the merged graph on a remote store: ``SparqlHttpStore`` against ``oxigraph serve`` on loopback.

The server's location is loaded once with ``oxigraph load`` (the document graphs from the N-Quads, the
merged graph from the embedded store's, into ``zr:graph/merged``) and reused. The server is started and
stopped as the store contract tests do (tests/contract/servers.py). Per document, the same cycles as on
the embedded store (bench.merged_writes); then a no-op ``/sparql/update`` (followed, as every update, by
the full rebuild of the merged graph), stopped at the limit by stopping the server.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import httpx

from bench.merged_updates import print_update_table, update_cycles
from bench.merged_writes import NOOP_UPDATE, document_cycles, documents, merged_ntriples
from kg.errors import QueryTimeout
from kg.store.merged import MERGED_GRAPH, with_rebuild
from kg.store.sparql_http import MERGED, SparqlHttpStore
from tests.contract.servers import oxigraph_binary, oxigraph_server


def prepared_location(data: Path, source: Path, store: Path, documents_count: int) -> Path:
    """An Oxigraph location with the document graphs and the merged graph (made once)."""
    location = data / f"oxigraph-{documents_count}"
    if (location / "CURRENT").is_file():
        return location
    binary = oxigraph_binary()
    if binary is None:
        raise FileNotFoundError("oxigraph CLI not installed (pip package 'oxigraph')")
    merged = data / f"merged-{documents_count}.nt"
    with merged.open("wb") as out:
        out.writelines(merged_ntriples(store))
    started = time.perf_counter()
    subprocess.run([str(binary), "load", "--location", str(location), "--file", str(source)], check=True)
    subprocess.run([str(binary), "load", "--location", str(location), "--file", str(merged),
                    "--graph", MERGED_GRAPH.value], check=True)
    print(f"loaded {location} with oxigraph load in {time.perf_counter() - started:.0f} s")
    return location


class ServerSideUpkeep(SparqlHttpStore):
    """The old path as baseline: the server works out the merged graph's upkeep of a document write in SPARQL."""

    def _document_upkeep(self, graph: object, new: object) -> None:
        return None


def remote_upkeep(data: Path, source: Path, store: Path, documents_count: int, count: int,
                  limit: float) -> tuple[dict[str, float], dict[str, float]]:
    """Per-document figures through oxigraph serve (ours, then the old path); prints the updates' figures."""
    location = prepared_location(data, source, store, documents_count)
    print(f"\n### Upkeep of the merged graph, remote store (SparqlHttpStore → oxigraph serve, {location})\n")
    with oxigraph_server(location) as endpoint:
        remote = SparqlHttpStore(endpoint.query, update_url=endpoint.update, timeout_s=limit)
        client = httpx.Client(timeout=limit)

        def plain(update: str) -> None:
            client.post(endpoint.update, data={"update": update}).raise_for_status()

        merged_size = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {MERGED_GRAPH} {{ ?s ?p ?o }} }}"
        before = remote.select(merged_size)[0]["n"].value
        figures = document_cycles(remote, plain, *documents(documents_count, count))
        old_path = ServerSideUpkeep(endpoint.query, update_url=endpoint.update, timeout_s=limit)
        baseline = document_cycles(old_path, plain, *documents(documents_count, count))
        after = remote.select(merged_size)[0]["n"].value
        print(f"merged graph on the server: {int(before):,} triples before the document cycles, {int(after):,} after")
        print_update_table("oxigraph serve", update_cycles(remote.update, plain, documents_count))
        started = time.perf_counter()
        remote.update(NOOP_UPDATE)
        print(f"\n/sparql/update of a no-op (incremental upkeep): {(time.perf_counter() - started) * 1000:.1f} ms")
        remote._write_timeout = httpx.Timeout(limit, connect=5.0)
        started = time.perf_counter()
        try:
            remote._update(with_rebuild(NOOP_UPDATE, MERGED), write=True)
            seconds = time.perf_counter() - started
            size = int(remote.select(merged_size)[0]["n"].value)
            print(f"old path: /sparql/update of a no-op (+ full rebuild in SPARQL, one request): {seconds:.1f} s, "
                  f"{size:,} triples after")
        except QueryTimeout:
            print(f"old path: /sparql/update of a no-op (+ full rebuild in SPARQL, one request): >{limit:.0f} s "
                  "(stopped at the limit: the server was stopped, its transaction not committed)")
        client.close()
        remote.close()
    return figures, baseline
