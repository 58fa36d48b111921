"""Read-your-writes on an on-disk store whose query worker answers from an in-memory copy of the default graph:
every write (SPARQL update, upload, re-upload, delete) is seen by the very next query."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.query_exec import QueryRequest
from kg.settings import Settings
from tests.conftest import API_TOKEN

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
JSON = {"Accept": "application/sparql-results+json"}
NEW = "https://w3id.org/zonekg/resource/x/new"
LABELS = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
DOCUMENT = "苏州工业园区管委会发布公告。{company}落户苏州工业园区，总投资5亿元。"


@pytest.fixture
def disk_client(tmp_path: Path, disk_store_path: Path) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from api.main import create_app

    # One worker: every query reaches the worker whose copy the test waited for.
    settings = Settings(store=str(disk_store_path), corpus=tmp_path / "no-corpus", query_workers=1,
                        api_token=API_TOKEN, _env_file=None)  # type: ignore[call-arg]
    with TestClient(create_app(settings)) as client:
        yield client


def _copy_ready(client, query: str = LABELS) -> None:  # type: ignore[no-untyped-def]
    """Wait until the worker answers ``query`` from its in-memory copy."""
    deadline = time.monotonic() + 120
    while not client.app.state.runner.run(QueryRequest(query)).in_memory:
        assert time.monotonic() < deadline, "the worker never answered from its copy"
        time.sleep(0.05)


def _labels(client) -> set[str]:  # type: ignore[no-untyped-def]
    response = client.get("/sparql", params={"query": LABELS}, headers=JSON)
    assert response.status_code == 200
    return {row["label"]["value"] for row in response.json()["results"]["bindings"]}


def _upload(client, name: str, company: str) -> None:  # type: ignore[no-untyped-def]
    data = DOCUMENT.format(company=company).encode()
    response = client.post("/documents", files={"file": (name, data, "text/plain")}, headers=AUTH)
    assert response.status_code in (200, 201), response.text


def test_every_write_is_seen_by_the_next_query_then_by_the_copy(disk_client) -> None:  # type: ignore[no-untyped-def]
    _copy_ready(disk_client)
    assert "新企业" not in _labels(disk_client)

    insert = (f"INSERT DATA {{ GRAPH <https://w3id.org/zonekg/resource/doc/manual> {{ <{NEW}> "
              '<http://www.w3.org/2000/01/rdf-schema#label> "新企业"@zh } }')
    assert disk_client.post("/sparql/update", data={"update": insert}, headers=AUTH).status_code == 204
    assert "新企业" in _labels(disk_client)
    _copy_ready(disk_client)
    assert "新企业" in _labels(disk_client)  # the rebuilt copy holds it too

    _upload(disk_client, "notice.txt", "华星光电有限公司")
    assert "华星光电有限公司" in _labels(disk_client)
    _copy_ready(disk_client)

    _upload(disk_client, "notice.txt", "蓝海新材料有限公司")  # the same document again: replaced
    labels = _labels(disk_client)
    assert "蓝海新材料有限公司" in labels and "华星光电有限公司" not in labels
    _copy_ready(disk_client)

    document = next(d["id"] for d in disk_client.get("/documents").json()["items"] if d["id"].startswith("notice"))
    assert disk_client.delete(f"/documents/{document}", headers=AUTH).status_code in (200, 204)
    assert "蓝海新材料有限公司" not in _labels(disk_client)
    _copy_ready(disk_client)
    assert "蓝海新材料有限公司" not in _labels(disk_client)


def test_graph_queries_read_the_snapshot_while_the_copy_serves_the_rest(disk_client) -> None:  # type: ignore[no-untyped-def]
    _copy_ready(disk_client)
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    answer = disk_client.app.state.runner.run(QueryRequest(graphs))
    assert not answer.in_memory
    assert b"https://w3id.org/zonekg/resource/doc/bulk" in answer.body
