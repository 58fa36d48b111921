"""Property tests from the OpenAPI schema: no generated request makes the API answer 5xx."""

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

from api.main import create_app
from kg.settings import MEMORY, Settings
from kg.store.oxigraph import OxigraphStore
from tests.conftest import API_TOKEN, DATA

_store = OxigraphStore(None)
_store.raw.load(path=str(DATA / "sample.trig"), format=RdfFormat.TRIG)
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
