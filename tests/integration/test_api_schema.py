"""Property tests from the OpenAPI schema: no generated request makes the API answer 5xx, and every answer
is the status, media type, headers and body the description documents."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from pyoxigraph import RdfFormat
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    allow_header_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    unsupported_method,
)

from api.main import create_app
from kg.settings import MEMORY, Settings
from kg.store.oxigraph import OxigraphStore
from tests.conftest import API_TOKEN, DATA

_store = OxigraphStore(None)
_store.raw.load(path=str(DATA / "sample.trig"), format=RdfFormat.TRIG)
_store.rebuild_merged()
_settings = Settings(
    store=MEMORY,
    corpus=Path(tempfile.gettempdir()) / "zonekg-no-corpus",
    api_token=API_TOKEN,
    max_rows=20,
    _env_file=None,
)  # type: ignore[call-arg]
APP = create_app(_settings, store=_store)
# The graph page routes (another router) are covered by their own suite.
schema = schemathesis.openapi.from_asgi("/openapi.json", APP).exclude(tag="graph")


@pytest.fixture(scope="module", autouse=True)
def _started_app() -> Iterator[None]:
    """Run the app's lifespan around the generated calls (the schema client does not)."""
    from fastapi.testclient import TestClient

    with TestClient(APP):
        yield


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_schema_no_server_errors(case: Any) -> None:
    case.call_and_validate(checks=[not_a_server_error])
    assert _store.quad_count() == 54


# The whole description, graph pages included, checked with every schemathesis check: statuses, media
# types, headers and bodies as documented. Two exceptions, each for a reason the schema cannot carry:
# OPTIONS/405 Allow lists (the SPARQL protocol layer answers those) and, on /sparql, the two data checks:
# any string is a schema-valid query, and one that is not SPARQL is rightly a 400; and a "schema-violating"
# text body (a generated object) is still a string on the wire.
schemathesis.serializer.alias(["application/sparql-query", "application/sparql-update"], "text/plain")
full_schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
PROTOCOL_CHECKS = [unsupported_method, allow_header_conformance]


@full_schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_schema_answers_as_documented(case: Any) -> None:
    sparql = case.operation.path == "/sparql"
    excluded = PROTOCOL_CHECKS + ([positive_data_acceptance, negative_data_rejection] if sparql else [])
    case.call_and_validate(excluded_checks=excluded)
    assert _store.quad_count() == 54
