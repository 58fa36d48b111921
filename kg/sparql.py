"""Named SPARQL templates (``kg/queries/*.rq``), loaded once and run with bound variables."""

from __future__ import annotations

from functools import cache
from importlib import resources

from kg.errors import NotFound


@cache
def load_query(name: str) -> str:
    """Text of the template ``kg/queries/<name>.rq``."""
    path = resources.files("kg.queries").joinpath(f"{name}.rq")
    if not path.is_file():
        raise NotFound(f"no query template named {name!r}")
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    """Names of every bundled template."""
    return sorted(p.name[:-3] for p in resources.files("kg.queries").iterdir() if p.name.endswith(".rq"))
