"""The only fixtures file: every fixture a test uses is defined here."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from pyoxigraph import RdfFormat

from kg.settings import MEMORY, Settings
from kg.sparql import load_query
from kg.store.oxigraph import OxigraphStore
from viz.graph import to_networkx

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CORPUS = ROOT / "data" / "corpus"
GOLD = ROOT.parent / "shared" / "gold" / "seeds.jsonl"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for an in-memory store with no token and no corpus bootstrap."""
    return Settings(store=MEMORY, corpus=tmp_path / "no-corpus", _env_file=None)  # type: ignore[call-arg]


@pytest.fixture
def memory_store() -> Iterator[OxigraphStore]:
    store = OxigraphStore(None)
    yield store
    store.close()


@pytest.fixture
def disk_store(tmp_path: Path) -> Iterator[OxigraphStore]:
    store = OxigraphStore(tmp_path / "store")
    yield store
    store.close()


@pytest.fixture
def sample_store(memory_store: OxigraphStore) -> OxigraphStore:
    """The in-memory store loaded with tests/data/sample.trig."""
    memory_store.raw.load(path=str(DATA / "sample.trig"), format=RdfFormat.TRIG)
    memory_store.rebuild_merged()
    return memory_store


@pytest.fixture
def sample_view_graph(sample_store: OxigraphStore) -> nx.MultiDiGraph:
    """The sample store as the graph page's NetworkX graph (the viz_graph CONSTRUCT)."""
    return to_networkx(sample_store.construct(load_query("viz_graph")))


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture
def gold_path() -> Path:
    if not GOLD.exists():
        pytest.skip("shared/gold/seeds.jsonl is not beside this checkout")
    return GOLD


# -- API ------------------------------------------------------------------------

API_TOKEN = "test-token-0123456789"


@pytest.fixture
def api_settings(tmp_path: Path) -> Settings:
    """In-memory store settings with an API token and a tiny row cap for the API tests."""
    return Settings(store=MEMORY, corpus=tmp_path / "no-corpus", api_token=API_TOKEN, max_rows=20, _env_file=None)  # type: ignore[call-arg]


@pytest.fixture
def api_client(api_settings: Settings, sample_store: OxigraphStore) -> Iterator[object]:
    """A TestClient on the app serving the sample graph from memory."""
    from fastapi.testclient import TestClient

    from api.main import create_app

    with TestClient(create_app(api_settings, store=sample_store)) as client:
        yield client


def serve_app(app: object, **options: object) -> Iterator[str]:
    """Run an ASGI app with uvicorn (``options``: more uvicorn.Config options) on a free loopback port in a thread;
    yields its base URL."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", **options))  # type: ignore[arg-type]
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "the test server did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def corpus_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A TestClient on the app over the sample graph plus the bundled corpus, ingested once per module."""
    from fastapi.testclient import TestClient

    from api.main import create_app
    from tests.browser.live import corpus_store

    store = corpus_store()
    settings = Settings(store=MEMORY, corpus=tmp_path_factory.mktemp("none"), _env_file=None)  # type: ignore[call-arg]
    with TestClient(create_app(settings, store=store)) as client:
        yield client
    store.close()


@pytest.fixture
def live_api(api_settings: Settings, sample_store: OxigraphStore) -> Iterator[str]:
    """The app on a real loopback port, serving the sample graph from memory."""
    from api.main import create_app

    yield from serve_app(create_app(api_settings, store=sample_store))


@pytest.fixture
def disk_store_path(tmp_path: Path) -> Path:
    """A closed on-disk store holding the sample graph plus 1,000 triples (enough for a runaway cross product)."""
    from pyoxigraph import Literal, NamedNode, Quad

    path = tmp_path / "store"
    store = OxigraphStore(path)
    store.raw.load(path=str(DATA / "sample.trig"), format=RdfFormat.TRIG)
    graph = NamedNode("https://w3id.org/zonekg/resource/doc/bulk")
    store.raw.extend(
        Quad(NamedNode(f"https://w3id.org/zonekg/resource/x/{i}"), NamedNode("https://w3id.org/zonekg/ontology#value"),
             Literal(i), graph)
        for i in range(1000)
    )
    store.close()
    return path


@pytest.fixture
def disk_api(tmp_path: Path, disk_store_path: Path) -> Iterator[str]:
    """The app on a real port over an on-disk store (query worker processes, 1.5 s limit), sample + 1,000 triples."""
    from api.main import create_app

    path = disk_store_path
    # Both workers are driven from one test client IP, so that IP may run two queries at once.
    settings = Settings(store=str(path), corpus=tmp_path / "no-corpus", query_timeout_s=1.5, query_workers=2,
                        client_concurrency=2, api_token=API_TOKEN, _env_file=None)  # type: ignore[call-arg]
    yield from serve_app(create_app(settings))


@pytest.fixture(scope="module", params=["memory", "disk"])
def protocol_client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A TestClient with the API token on an empty store: in memory, or on disk (queries in worker processes)."""
    from fastapi.testclient import TestClient

    from api.main import create_app

    folder = tmp_path_factory.mktemp("protocol")
    store = MEMORY if request.param == "memory" else str(folder / "store")
    # The suite's refusals are deliberate: the per-client error budget must not answer them with 429.
    settings = Settings(store=store, corpus=folder / "no-corpus", api_token=API_TOKEN, client_errors_per_minute=1000,
                        _env_file=None)  # type: ignore[call-arg]
    with TestClient(create_app(settings)) as client:
        yield client


# -- network canary ------------------------------------------------------------


@pytest.fixture
def canary() -> Iterator[list[int]]:
    """A loopback TCP server that records every connection it receives: its port first, then each caller's port
    (read them with :func:`canary_hits`)."""
    hits: list[int] = []
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, (_, port) = server.accept()
            except OSError:
                continue
            hits.append(port)
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    hits.append(server.getsockname()[1])  # first item: the port
    yield hits
    stop.set()
    thread.join()
    server.close()


def canary_hits(canary: list[int]) -> list[int]:
    """The connections the canary received before this call, every one of them counted: a marker connection is
    made and waited for, and connections are accepted in the order they were made (no guessed sleep)."""
    with socket.create_connection(("127.0.0.1", canary[0]), timeout=60) as marker:
        port = marker.getsockname()[1]
    deadline = time.monotonic() + 60
    while port not in canary[1:]:
        assert time.monotonic() < deadline, "the canary stopped accepting connections"
        time.sleep(0.01)
    canary.remove(port)
    return canary[1:]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Debian Chromium per browser-test module."""
    from tests.browser.live import CHROMIUM, CHROMIUM_ARGS

    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with playwright_api.sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def corpus_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live app on a store holding the bundled corpus (browser tests)."""
    from tests.browser.live import corpus_store, live_server

    store = corpus_store()
    with live_server(store, tmp_path_factory.mktemp("no-corpus")) as url:
        yield url
    store.close()


@pytest.fixture(scope="session")
def oxigraph_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """``oxigraph serve`` on loopback for the remote-store contract tests (tests/contract)."""
    from tests.contract.servers import oxigraph_server

    with oxigraph_server(tmp_path_factory.mktemp("oxigraph-serve")) as endpoint:
        yield endpoint


@pytest.fixture(scope="session")
def virtuoso_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Virtuoso on loopback for the remote-store contract tests; skipped when it is not installed."""
    from tests.contract.servers import virtuoso_server

    try:
        server = virtuoso_server(tmp_path_factory.mktemp("virtuoso"))
        endpoint = server.__enter__()
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    yield endpoint
    server.__exit__(None, None, None)


@pytest.fixture(scope="module")
def synthetic_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live app on a synthetic store whose graph page shows 2,000 nodes (bench/synth.py documents)."""
    from bench.bench_graph_page import synthetic_store
    from tests.browser.live import live_server

    store = synthetic_store(2000)
    with live_server(store, tmp_path_factory.mktemp("no-corpus")) as url:
        yield url
    store.close()
