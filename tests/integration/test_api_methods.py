"""OPTIONS answers 204 with the methods a path allows; a 405 names all of them, not one route's."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("path", "allow"),
    [
        ("/sparql", "GET, POST, OPTIONS"),
        ("/sparql/update", "POST, OPTIONS"),
        ("/zones", "GET, OPTIONS"),
        ("/documents/some-doc", "DELETE, GET, OPTIONS"),
    ],
)
def test_api_options_lists_allowed_methods(api_client: Any, path: str, allow: str) -> None:
    response = api_client.options(path)
    assert (response.status_code, response.headers["allow"], response.content) == (204, allow, b"")


def test_api_options_on_unknown_path_is_404(api_client: Any) -> None:
    assert api_client.options("/no-such-path").status_code == 404


def test_api_wrong_method_405_names_every_allowed_method(api_client: Any) -> None:
    response = api_client.delete("/sparql")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST, OPTIONS"
    assert response.json()["error"] == "method_not_allowed"
