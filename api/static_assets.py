"""Files the app's pages load: our own from ``api/static``, third-party builds from ``node_modules`` (``npm ci``).

Each page keeps a fixed list of its files (name → (media type, origin)); nothing else is served.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path

from fastapi.responses import Response

from api.errors import ApiError
from kg.errors import NotFound

NODE_MODULES = Path(__file__).resolve().parents[1] / "node_modules"
HEADERS = {"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"}


class AssetsMissing(Exception):
    """A third-party build is not installed (``npm ci`` has not run)."""


def read_asset(assets: Mapping[str, tuple[str, str]], build: Path, name: str) -> tuple[bytes, str]:
    """(content, media type) of one file from ``assets``: origin ``api`` is ours, any other is in ``build``.

    Raises:
        KeyError: not in the list.
        AssetsMissing: the build folder lacks the file.
    """
    media_type, origin = assets[name]
    if origin == "api":
        return resources.files("api").joinpath("static", name).read_bytes(), media_type
    path = build / name
    if not path.is_file():
        raise AssetsMissing(f"{path} is missing: run `npm ci` in the project folder (scripts/install.sh does)")
    return path.read_bytes(), media_type


def serve_asset(read: Callable[[str], tuple[bytes, str]], name: str, unavailable: type[ApiError]) -> Response:
    """The answer for one page file: 404 off the list, ``unavailable`` (503) when its build is not installed."""
    try:
        content, media_type = read(name)
    except KeyError as err:
        raise NotFound("no such asset") from err
    except AssetsMissing as err:
        raise unavailable(str(err)) from err
    return Response(content, media_type=f"{media_type}; charset=utf-8", headers=HEADERS)
