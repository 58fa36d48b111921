"""Assets of the document view and the zone profile: our own scripts and styles, and ECharts from node_modules."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from api import page_shell
from api.errors import ApiError
from api.static_assets import serve_asset

router = APIRouter(tags=["pages"])


class ChartsUnavailable(ApiError):
    status, code = 503, "charts_not_installed"


@router.get(page_shell.ASSET_PATH + "/{name}", include_in_schema=False)
def asset(name: str) -> Response:
    """A file of the pages (fixed list, no paths)."""
    return serve_asset(page_shell.asset, name, ChartsUnavailable)
