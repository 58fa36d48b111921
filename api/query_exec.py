"""Evaluate one public SPARQL query on a pyoxigraph store and serialise it under the row cap.

Used in-thread for in-memory stores and inside the query worker processes for
on-disk ones; it only needs picklable inputs and outputs.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, Store

from api import results
from kg.errors import KgError, QuerySyntaxError, StoreError
from kg.namespaces import PREFIXES, RESOURCE_IRI
from kg.query_dataset import QueryDataset, query_dataset, run_query
from kg.sparql_guard import FeatureNotAllowed, check_query

T = TypeVar("T")


@dataclass(frozen=True)
class QueryRequest:
    """A checked query and how its answer should be serialised."""

    query: str
    results_type: str = results.JSON
    graph_type: str = "text/turtle"
    default_graph_uris: tuple[str, ...] = ()
    named_graph_uris: tuple[str, ...] = ()
    max_rows: int = 10_000
    max_bytes: int = 32 * 1024 * 1024
    """Cap on the answer's terms (N-Triples characters); the answer is cut before the row that passes it."""


@dataclass(frozen=True)
class QueryAnswer:
    """A serialised answer; ``truncated`` says the row cap cut it, ``cut_bytes`` the byte cap, ``in_memory`` that
    a query worker answered from its in-memory copy of the default graph (api.query_copy)."""

    body: bytes
    media_type: str
    truncated: bool = False
    rows: int | None = 0
    """Solutions or triples kept (0 for a boolean answer; None for a small answer the engine serialised whole)."""
    cut_bytes: bool = False
    in_memory: bool = False


def execute(store: Store, request: QueryRequest) -> QueryAnswer:
    """Check the query (SERVICE refused), run it and serialise at most ``max_rows`` solutions or triples.

    The check parses the text when it could name SERVICE; it runs here, where the query runs, so a
    text that is slow to parse costs a killable worker its time limit, not the server.

    Raises:
        FeatureNotAllowed: the query uses SERVICE.
        QuerySyntaxError: the text is not a SPARQL query (updates are not queries).
        StoreError: the store failed while evaluating.
    """
    check_query(request.query)
    try:
        dataset = query_dataset(request.query, request.default_graph_uris, request.named_graph_uris)
        return _evaluated(store, request, dataset)
    except (SyntaxError, RuntimeError) as exc:  # RuntimeError: an evaluation error (e.g. an unbound SERVICE name)
        raise QuerySyntaxError(str(exc)) from exc
    except OSError as exc:
        raise StoreError(str(exc)) from exc


def _evaluated(store: Store, request: QueryRequest, dataset: QueryDataset | None) -> QueryAnswer:
    """Evaluate the query and serialise its answer under the caps (a second evaluation only the first time an
    answer is too large for the engine's own writer).

    The engine's result lives in this frame only, and is dropped here: pyoxigraph's results may only be
    dropped on the thread that made them, and the frames above, which parsed the text with rdflib, can be
    left in reference cycles that the garbage collector frees on whatever thread it runs on."""
    result = run_query(store, request.query, dataset, prefixes=PREFIXES, base_iri=RESOURCE_IRI)
    try:
        if _engine_may_write(result, request):
            small = _small_answer(result, request)
            if small is not None:
                return small
            # Past the small-answer bound: evaluated again, serialised here under the caps. The text is
            # remembered, so the next time it is evaluated once.
            LARGE_ANSWERS.add(_answer_key(request))
            result = run_query(store, request.query, dataset, prefixes=PREFIXES, base_iri=RESOURCE_IRI)
        return _serialise(result, request)
    finally:
        del result


class RecentKeys:
    """A bounded set of recent keys (oldest forgotten first); shared by threads, a lost key is only relearnt."""

    def __init__(self, most: int = 4096) -> None:
        self._keys: OrderedDict[tuple[object, ...], None] = OrderedDict()
        self._most = most

    def add(self, key: tuple[object, ...]) -> None:
        self._keys[key] = None
        self._keys.move_to_end(key)
        while len(self._keys) > self._most:
            self._keys.popitem(last=False)

    def __contains__(self, key: object) -> bool:
        return key in self._keys


LARGE_ANSWERS = RecentKeys()
"""Queries whose last answer was past the engine's small-answer bound: serialised here from the start."""


def _answer_key(request: QueryRequest) -> tuple[object, ...]:
    return (request.query, request.results_type, request.max_rows, request.max_bytes,
            request.default_graph_uris, request.named_graph_uris)


def _engine_may_write(result: object, request: QueryRequest) -> bool:
    """The engine's own serialiser (faster than the one here) is tried first on a SELECT answer in JSON or
    XML, unless the same query's answer was too large for it last time."""
    return (isinstance(result, QuerySolutions) and request.results_type in results.ENGINE_MIN_ROW_BYTES
            and _answer_key(request) not in LARGE_ANSWERS)


def _small_answer(result: QuerySolutions, request: QueryRequest) -> QueryAnswer | None:
    """The engine's own serialisation of an answer small enough to be under both caps; None past that bound.

    The engine writes as it evaluates, so a large answer is abandoned after its first few kilobytes."""
    fmt = QueryResultsFormat.from_media_type(request.results_type)
    bound = min(request.max_bytes, request.max_rows * results.ENGINE_MIN_ROW_BYTES[request.results_type])
    sink = results.CappedBuffer(bound)
    try:
        result.serialize(sink, format=fmt)
    except (results.Overflow, OSError):
        if sink.overflowed:
            return None
        raise
    return QueryAnswer(sink.getvalue(), request.results_type, rows=None)


def execute_detached(store: Store, request: QueryRequest) -> QueryAnswer:
    """:func:`execute` for another thread: an error comes back without the frames that hold engine objects.

    pyoxigraph's results may only be dropped on the thread that made them; a traceback carried to
    the caller's thread would drop them there.
    """
    try:
        return execute(store, request)
    except FeatureNotAllowed as exc:
        error: KgError = FeatureNotAllowed(exc.keyword)
    except KgError as exc:
        error = type(exc)(str(exc))
    except Exception as exc:  # noqa: BLE001 - re-raised below as a StoreError without its frames
        error = StoreError(f"{type(exc).__name__}: {exc}")
    raise error


def _serialise(result: object, request: QueryRequest) -> QueryAnswer:
    if isinstance(result, QueryBoolean):
        fmt = QueryResultsFormat.from_media_type(request.results_type) or QueryResultsFormat.JSON
        return QueryAnswer(result.serialize(format=fmt) or b"", request.results_type)
    if isinstance(result, QuerySolutions):
        names = [v.value for v in result.variables]
        rows, cut_rows, cut_bytes = _capped(result, request, list, _row_size)
        body = results.solutions(request.results_type, names, rows)
        return QueryAnswer(body, request.results_type, cut_rows, len(rows), cut_bytes)
    items, cut_rows, cut_bytes = _capped(result, request, lambda t: t, lambda t: len(str(t)))  # type: ignore[arg-type]
    body = results.triples(request.graph_type, items)
    return QueryAnswer(body, request.graph_type, cut_rows, len(items), cut_bytes)


def _row_size(row: list[object]) -> int:
    size = results.TERMS.size
    return sum(size(term) for term in row if term is not None)


def _capped(items: Iterable[Any], request: QueryRequest, convert: Callable[[Any], T],
            size: Callable[[T], int]) -> tuple[list[T], bool, bool]:
    """At most ``max_rows`` items (each ``convert``-ed) whose terms total at most ``max_bytes``; (kept, cut at
    rows, cut at bytes). ``items`` is read in this frame, never through a generator left open."""
    kept: list[T] = []
    total = 0
    for found in items:
        if len(kept) == request.max_rows:
            return kept, True, False
        item = convert(found)
        total += size(item)
        if total > request.max_bytes:
            return kept, False, True
        kept.append(item)
    return kept, False, False
