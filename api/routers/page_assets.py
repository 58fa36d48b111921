"""Assets of the document view and the zone profile: our own scripts and styles, and ECharts from node_modules."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from api import page_shell
from api.errors import ApiError
from kg.errors import NotFound

router = APIRouter(tags=["pages"])


class ChartsUnavailable(ApiError):
    status, code = 503, "charts_not_installed"


@router.get(page_shell.ASSET_PATH + "/{name}", include_in_schema=False)
def asset(name: str) -> Response:
    """A file of the pages (fixed list, no paths)."""
    try:
        content, media_type = page_shell.asset(name)
    except KeyError as err:
        raise NotFound("no such asset") from err
    except page_shell.AssetsMissing as err:
        raise ChartsUnavailable(str(err)) from err
    headers = {"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"}
    return Response(content, media_type=f"{media_type}; charset=utf-8", headers=headers)
