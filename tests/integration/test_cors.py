"""``--cors`` / ZONEKG_CORS_ORIGINS: the named web origins may call the API and /sparql from a browser."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore

ORIGIN = "https://analyst.example.org"


@pytest.fixture
def cors_client(api_settings: Settings, sample_store: OxigraphStore) -> Iterator[TestClient]:
    settings = api_settings.model_copy(update={"cors_origins": f"{ORIGIN}, https://other.example.org"})
    with TestClient(create_app(settings, store=sample_store)) as client:
        yield client


def test_cors_preflight_for_a_sparql_post_is_allowed_for_a_named_origin(cors_client: TestClient) -> None:
    answer = cors_client.options("/sparql", headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type",
    })
    assert answer.status_code == 200
    assert answer.headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in answer.headers["access-control-allow-methods"]


def test_cors_answers_carry_the_origin_and_expose_the_cap_headers(cors_client: TestClient) -> None:
    answer = cors_client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"},
                             headers={"Origin": ORIGIN, "Accept": "application/sparql-results+json"})
    assert answer.status_code == 200
    assert answer.headers["access-control-allow-origin"] == ORIGIN
    assert "X-SPARQL-MaxRows" in answer.headers["access-control-expose-headers"]


def test_cors_other_origins_get_no_grant(cors_client: TestClient) -> None:
    answer = cors_client.get("/stats", headers={"Origin": "https://evil.example.net"})
    assert answer.status_code == 200
    assert "access-control-allow-origin" not in answer.headers


def test_cors_is_off_by_default(api_client: TestClient) -> None:
    answer = api_client.get("/stats", headers={"Origin": ORIGIN})
    assert "access-control-allow-origin" not in answer.headers
    plain_options = api_client.options("/sparql")
    assert plain_options.status_code == 204 and "POST" in plain_options.headers["allow"]
