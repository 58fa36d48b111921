"""Errors raised by zonekg; the CLI and the API each map them in one place."""

from __future__ import annotations


class KgError(Exception):
    """Base of every error zonekg raises on purpose."""


class StoreError(KgError):
    """The store could not do what was asked."""


class StoreUnavailable(StoreError):
    """The store cannot be opened or reached (locked by another process, server down)."""


class QuerySyntaxError(StoreError):
    """A SPARQL query or update did not parse."""


class QueryNotAllowed(KgError):
    """A query uses a feature the public endpoint refuses (SERVICE, LOAD, updates)."""


class QueryTimeout(StoreError):
    """A query ran past its time limit and was stopped."""


class QueryCrashed(StoreUnavailable):
    """A query's worker died while evaluating it (memory limit, stack overflow): the query's fault."""


class NotFound(KgError):
    """No such entity or document."""


class DocumentRejected(KgError):
    """A document could not be ingested (bad encoding, too large, unreadable)."""


class DatasetConflict(KgError):
    """An update names its dataset both in its text (USING, USING NAMED, WITH) and in protocol parameters."""
