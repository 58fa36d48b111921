"""FastAPI dependencies: the store, settings, query runner and writer the app holds."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.query_pool import QueryRunner
from api.writes import Writer
from kg.settings import Settings
from kg.store import GraphStore


def get_store(request: Request) -> GraphStore:
    return request.app.state.store  # type: ignore[no-any-return]


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_runner(request: Request) -> QueryRunner:
    return request.app.state.runner  # type: ignore[no-any-return]


def get_writer(request: Request) -> Writer:
    return request.app.state.writer  # type: ignore[no-any-return]


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
RunnerDep = Annotated[QueryRunner, Depends(get_runner)]
WriterDep = Annotated[Writer, Depends(get_writer)]
