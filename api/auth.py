"""Bearer-token check for every write (updates, uploads, deletions)."""

from __future__ import annotations

import secrets

from api.errors import TokenRequired, UpdatesDisabled
from kg.settings import Settings


def require_token(authorization: str | None, settings: Settings) -> None:
    """Accept only ``Authorization: Bearer <api_token>``; without a configured token every write is refused.

    Raises:
        UpdatesDisabled: no token is configured (403).
        TokenRequired: the header is missing or the token does not match (401).
    """
    if settings.api_token is None or not settings.api_token.get_secret_value():
        raise UpdatesDisabled("writes are disabled: no API token is configured")
    scheme, _, given = (authorization or "").partition(" ")
    expected = settings.api_token.get_secret_value()
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), expected.encode()):
        raise TokenRequired("a valid bearer token is required")
