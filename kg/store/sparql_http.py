"""A store backend that speaks SPARQL 1.1 Query, Update and the Graph Store Protocol to a server.

Works with any server whose default graph is the union of its named graphs
(``oxigraph serve --union-default-graph``, Virtuoso, Fuseki with
``tdb2:unionDefaultGraph``, GraphDB, QLever). Only graphs under the resource
namespace count as this store's graphs, so a shared server's other data and
Virtuoso's system graphs are left alone by ``graphs``, ``dump_nquads`` and
``quad_count``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO

import httpx
from pyoxigraph import (
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
)

from kg.errors import QuerySyntaxError, QueryTimeout, StoreError, StoreUnavailable
from kg.namespaces import PREFIXES, ZR
from kg.settings import Settings
from kg.store.binding import bind_values, query_form
from kg.store.terms import Term, boolean_answer, ntriples_block, solution_rows

CHUNK_TRIPLES = 1000
"""Triples per INSERT DATA request: Virtuoso refuses updates that compile to > 10,000 SQL lines (~4k triples)."""
PAGE_ROWS = 5000
"""Rows per paged SELECT: servers cap result sizes (Virtuoso's ResultSetMaxRows is 10,000 by default)."""
WRITE_TIMEOUT_S = 300.0
OURS = f'FILTER(STRSTARTS(STR(?g), "{ZR[""].value}"))'
PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
_JSON = QueryResultsFormat.JSON.media_type
VIRTUOSO_ASK = "__ASK_RETVAL"


class SparqlHttpStore:
    """A :class:`kg.store.GraphStore` backed by a remote SPARQL 1.1 server."""

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        gsp_url: str | None = None,
        auth: httpx.Auth | None = None,
        timeout_s: float = 10.0,
        client: httpx.Client | None = None,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.gsp_url = gsp_url
        self._timeout = httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0))
        self._write_timeout = httpx.Timeout(max(timeout_s, WRITE_TIMEOUT_S), connect=min(timeout_s, 5.0))
        self._auth = auth
        self._owns_client = client is None
        self._client = client or httpx.Client()

    @classmethod
    def from_settings(cls, settings: Settings, *, client: httpx.Client | None = None) -> SparqlHttpStore:
        """The store the ``ZONEKG_SPARQL_*`` settings describe (``client``: an httpx client to use)."""
        if not settings.sparql_url:
            raise StoreUnavailable("ZONEKG_SPARQL_URL is not set")
        auth = None
        if settings.sparql_user:
            secret = settings.sparql_password.get_secret_value() if settings.sparql_password else ""
            scheme = httpx.DigestAuth if settings.sparql_auth == "digest" else httpx.BasicAuth
            auth = scheme(settings.sparql_user, secret)
        return cls(
            settings.sparql_url,
            update_url=settings.sparql_update_url,
            gsp_url=settings.sparql_gsp_url,
            auth=auth,
            timeout_s=settings.query_timeout_s,
            client=client,
        )

    # -- writing ---------------------------------------------------------------

    def replace_graph(self, graph: NamedNode, triples: Iterable[Triple]) -> None:
        lines = ntriples_block(triples).splitlines()
        if self.gsp_url:
            self._gsp_put(graph, "\n".join(lines))
        elif len(lines) <= CHUNK_TRIPLES:
            # One request is one transaction: readers never see a half-replaced graph.
            self._update(f"DROP SILENT GRAPH {graph} ;\n{_insert(graph, lines)}", write=True)
        else:
            self._replace_staged(graph, lines)

    def replace_graphs(self, graphs: Mapping[NamedNode, Iterable[Triple]]) -> None:
        for graph, triples in graphs.items():
            self.replace_graph(graph, triples)

    def _replace_staged(self, graph: NamedNode, lines: list[str]) -> None:
        """Load a big graph into a staging graph chunk by chunk, then swap it in with one MOVE."""
        staging = NamedNode(f"{graph.value}#staging")
        self._update(f"DROP SILENT GRAPH {staging}", write=True)
        for start in range(0, len(lines), CHUNK_TRIPLES):
            self._update(_insert(staging, lines[start : start + CHUNK_TRIPLES]), write=True)
        self._update(f"MOVE SILENT GRAPH {staging} TO GRAPH {graph}", write=True)

    def delete_graph(self, graph: NamedNode) -> bool:
        if not self.ask(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"):
            return False
        # SILENT: Virtuoso refuses a plain DROP of a graph that was never CREATEd.
        self._update(f"DROP SILENT GRAPH {graph}", write=True)
        return True

    def bulk_load_nquads(self, data: bytes) -> None:
        try:
            quads = list(parse(data, format=RdfFormat.N_QUADS))
        except SyntaxError as exc:
            raise StoreError(f"invalid N-Quads: {exc}") from exc
        for start in range(0, len(quads), CHUNK_TRIPLES):
            self._update(_insert_quads(quads[start : start + CHUNK_TRIPLES]), write=True)

    def update(self, update: str) -> None:
        self._update(update, write=True)

    # -- reading ---------------------------------------------------------------

    def graphs(self) -> list[NamedNode]:
        rows = self._select_paged(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OURS} }}", "?g")
        return sorted((r["g"] for r in rows if isinstance(r.get("g"), NamedNode)), key=str)

    def dump_nquads(self, out: BinaryIO) -> None:
        for graph in self.graphs():
            query = f"SELECT ?s ?p ?o WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
            for row in self._select_paged(query, "?s ?p ?o"):
                out.write(f"{row['s']} {row['p']} {row['o']} {graph} .\n".encode())

    def quad_count(self) -> int:
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OURS} }}")
        return int(rows[0]["n"].value) if rows else 0

    def select(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> list[dict[str, Term]]:
        return solution_rows(_results(*self._query(query, bindings, _JSON)))

    def construct(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> list[Triple]:
        body, media_type = self._query(query, bindings, RdfFormat.N_TRIPLES.media_type)
        if not media_type.startswith(("application/n-triples", "text/plain")):
            raise QuerySyntaxError("expected a CONSTRUCT or DESCRIBE query")
        return [q.triple for q in parse(body, format=RdfFormat.N_TRIPLES)]

    def ask(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> bool:
        result = _results(*self._query(query, bindings, _JSON))
        if isinstance(result, QuerySolutions) and [v.value for v in result.variables] == [VIRTUOSO_ASK]:
            # Virtuoso 7 answers ASK with one row (?__ASK_RETVAL 1) for true and no row for false.
            return any(row[VIRTUOSO_ASK] is not None and row[VIRTUOSO_ASK].value != "0" for row in result)
        return boolean_answer(result)

    def raw_query(
        self,
        query: str,
        *,
        results_media_type: str,
        graph_media_type: str,
        default_graph_uris: list[str] | None = None,
        named_graph_uris: list[str] | None = None,
    ) -> tuple[bytes, str]:
        form: dict[str, str | list[str]] = {"query": PROLOGUE + query}
        if default_graph_uris:
            form["default-graph-uri"] = default_graph_uris
        if named_graph_uris:
            form["named-graph-uri"] = named_graph_uris
        # Ask for one type only: Virtuoso would answer a CONSTRUCT in the results format if allowed.
        accept = graph_media_type if query_form(query) in ("CONSTRUCT", "DESCRIBE") else results_media_type
        response = self._post(self.query_url, form, accept, self._timeout)
        return response.content, response.headers.get("content-type", "").split(";")[0]

    def flush(self) -> None:
        """Nothing to do: the server commits every request."""

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    # -- protocol --------------------------------------------------------------

    def _select_paged(self, query: str, order: str) -> Iterator[dict[str, Term]]:
        offset = 0
        while True:
            rows = self.select(f"{query} ORDER BY {order} LIMIT {PAGE_ROWS} OFFSET {offset}")
            yield from rows
            if len(rows) < PAGE_ROWS:
                return
            offset += PAGE_ROWS

    def _query(self, query: str, bindings: Mapping[str, Term] | None, accept: str) -> tuple[bytes, str]:
        if bindings:
            query = bind_values(query, bindings)
        response = self._post(self.query_url, {"query": PROLOGUE + query}, accept, self._timeout)
        return response.content, response.headers.get("content-type", "").split(";")[0]

    def _update(self, update: str, *, write: bool) -> None:
        timeout = self._write_timeout if write else self._timeout
        self._post(self.update_url, {"update": PROLOGUE + update}, "*/*", timeout)

    def _gsp_put(self, graph: NamedNode, body: str) -> None:
        headers = {"Content-Type": RdfFormat.N_TRIPLES.media_type}
        request = self._client.build_request(
            "PUT", self.gsp_url or "", params={"graph": graph.value}, content=body.encode(), headers=headers,
            timeout=self._write_timeout,
        )
        self._send(request)

    def _post(
        self, url: str, form: Mapping[str, str | list[str]], accept: str, timeout: httpx.Timeout
    ) -> httpx.Response:
        request = self._client.build_request("POST", url, data=form, headers={"Accept": accept}, timeout=timeout)
        return self._send(request)

    def _send(self, request: httpx.Request) -> httpx.Response:
        try:
            response = self._client.send(request, auth=self._auth)
        except httpx.ReadTimeout as exc:
            raise QueryTimeout(f"{request.url.host} did not answer in time") from exc
        except (httpx.TransportError, httpx.TimeoutException) as exc:
            raise StoreUnavailable(f"SPARQL server {request.url.host}:{request.url.port} unreachable: {exc}") from exc
        if response.status_code == 400:
            raise QuerySyntaxError(_server_message(response))
        if response.status_code in (401, 403):
            raise StoreError(f"SPARQL server refused the request (HTTP {response.status_code}): check credentials "
                             f"and update permissions: {_server_message(response)}")
        if response.status_code >= 300:
            raise StoreError(f"SPARQL server answered HTTP {response.status_code}: {_server_message(response)}")
        return response


def _insert(graph: NamedNode, lines: list[str]) -> str:
    body = "\n".join(lines)
    return f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}"


def _insert_quads(quads: list[Quad]) -> str:
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        if not isinstance(q.graph_name, NamedNode):
            raise StoreError("only quads in named graphs are stored: every document has its own graph")
        by_graph.setdefault(str(q.graph_name), []).append(ntriples_block([q.triple]))
    blocks = " ".join(f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items())
    return f"INSERT DATA {{ {blocks} }}"


def _results(body: bytes, media_type: str) -> QuerySolutions | QueryBoolean:
    """Parse a SELECT/ASK answer in whichever results format the server chose."""
    fmt = QueryResultsFormat.from_media_type(media_type) or QueryResultsFormat.JSON
    try:
        return parse_query_results(body, format=fmt)
    except SyntaxError as exc:
        raise StoreError(f"unreadable {fmt.media_type} answer from the SPARQL server: {exc}") from exc


def _server_message(response: httpx.Response) -> str:
    text = response.text.strip()
    return text[:500] if text else response.reason_phrase
