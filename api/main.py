"""The FastAPI app: SPARQL endpoint, REST resources, documents, search and stats."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline

from api import errors
from api.client_limits import ClientLimiter, ClientLimits
from api.limits import BodyLimitMiddleware
from api.methods import OptionsMiddleware
from api.query_pool import make_runner
from api.routers import (
    documents,
    entities,
    page_assets,
    resources,
    search,
    sparql,
    stats,
    workbench,
    zone_profile,
)
from api.sparql_service import BYTES_CUT_HEADER, TRUNCATED_HEADER
from api.write_gate import TokenBeforeBodyMiddleware
from api.writes import Writer
from kg.iri import doc_id_from_graph
from kg.settings import Settings, get_settings
from kg.store import GraphStore, open_store

log = logging.getLogger(__name__)

MULTIPART_SLACK_BYTES = 64 * 1024


def bootstrap(store: GraphStore, settings: Settings) -> None:
    """Ingest the configured corpus into a store that holds no documents yet."""
    if any(doc_id_from_graph(g) is not None for g in store.graphs()):
        return
    if not settings.corpus.is_dir():
        log.warning("store is empty and the corpus folder %s does not exist: serving an empty graph", settings.corpus)
        return
    from ingest.runner import ingest_paths  # the only other place the API reaches into ingest

    report = ingest_paths(store, [settings.corpus], workers=1, progress=False)
    log.info("bootstrap from %s: %s", settings.corpus, report.summary())


def _lifespan(settings: Settings, injected: GraphStore | None):  # type: ignore[no-untyped-def]
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = injected if injected is not None else open_store(settings)
        bootstrap(store, settings)
        store.flush()
        runner = make_runner(store, workers=settings.query_workers, timeout_s=settings.query_timeout_s,
                             copy_max_bytes=settings.query_copy_bytes)
        app.state.store, app.state.runner, app.state.writer = store, runner, Writer(store, runner, settings)
        try:
            yield
        finally:
            runner.close()
            if injected is None:
                store.close()

    return lifespan


def create_app(settings: Settings | None = None, *, store: GraphStore | None = None) -> FastAPI:
    """Build the app; ``store`` injects an already open store (tests), otherwise the settings' store is opened."""
    settings = settings or get_settings()
    # Swagger UI and ReDoc from the fastapi-offline package's own copies, not a CDN.
    app = FastAPIOffline(
        title="zonekg",
        description="Knowledge graph of Chinese development zones: SPARQL 1.1 endpoint and REST resources.",
        version="0.1.0",
        lifespan=_lifespan(settings, store),
    )
    app.state.settings = settings
    app.state.client_limiter = ClientLimiter(
        ClientLimits(
            settings.client_concurrency,
            settings.client_query_seconds_per_minute,
            settings.client_errors_per_minute,
            settings.client_faults_per_minute,
            settings.query_timeout_s,
        )
    )
    errors.install(app)
    # Uploads are the largest bodies (plus multipart framing); /sparql enforces its own 64 KiB.
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_document_bytes + MULTIPART_SLACK_BYTES)
    app.add_middleware(OptionsMiddleware)
    app.add_middleware(TokenBeforeBodyMiddleware, settings=settings)  # before the body limit reads
    if settings.cors_origins:
        # Outermost: a browser's preflight gets its CORS answer before any other check.
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origin_list,
            allow_methods=["GET", "HEAD", "POST", "DELETE", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "Accept"],
            expose_headers=[TRUNCATED_HEADER, BYTES_CUT_HEADER, "Vary", "Location"],
            max_age=600,
        )
    for module in (sparql, workbench, page_assets, zone_profile, entities, resources, documents, search, stats):
        app.include_router(module.router)
    if importlib.util.find_spec("api.routers.graph_page") is not None:
        from api.routers import graph_page

        app.include_router(graph_page.router)
    return app
