"""A real uvicorn server over an in-memory store of the sample graph and the bundled corpus, and a
Chromium page that may reach nothing but that server."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pyoxigraph import RdfFormat

from kg.store.oxigraph import OxigraphStore

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def corpus_store() -> OxigraphStore:
    from ingest.runner import ingest_paths

    store = OxigraphStore(None)
    store.raw.load(path=str(ROOT / "tests" / "data" / "sample.trig"), format=RdfFormat.TRIG)
    store.rebuild_merged()
    ingest_paths(store, [ROOT / "data" / "corpus"], workers=1, on_error="raise", progress=False)
    return store


@contextmanager
def live_server(store: OxigraphStore, no_corpus: Path) -> Iterator[str]:
    """Serve the app over ``store`` on a free local port (bound before the server starts); yields its base URL."""
    from api.main import create_app
    from kg.settings import MEMORY, Settings
    from tests.conftest import serve_app

    settings = Settings(store=MEMORY, corpus=no_corpus, _env_file=None)  # type: ignore[call-arg]
    server = serve_app(create_app(settings, store=store))
    try:
        yield next(server)
    finally:
        next(server, None)


class OfflinePage:
    """A page whose requests to anything but ``base`` are aborted and recorded, with its console errors."""

    def __init__(self, browser: Any, base: str) -> None:
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.route("**/*", self._route(base))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, base: str) -> Any:
        def handle(route: Any) -> None:
            if route.request.url.startswith(base + "/"):
                route.continue_()
            else:
                self.blocked.append(route.request.url)
                route.abort()

        return handle

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path), full_page=False)
        return path
