"""A store backend that speaks SPARQL 1.1 Query, Update and the Graph Store Protocol to a server.

Document graphs are named graphs ``zr:doc/<id>``; the merged graph is the named graph
``zr:graph/merged`` (kg.store.merged), sent as ``default-graph-uri`` with every query that
does not name its own dataset, so any SPARQL 1.1 server works (Oxigraph, Virtuoso, Fuseki,
GraphDB). Each document write and its merged-graph update go in one update request. Only
graphs under the resource namespace count as this store's graphs, so a shared server's other
data and Virtuoso's system graphs are left alone by ``graphs``, ``dump_nquads`` and
``quad_count``.
"""

from __future__ import annotations

import itertools
import logging
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
from kg.iri import digest
from kg.namespaces import PREFIXES, ZR
from kg.query_dataset import query_dataset
from kg.settings import Settings
from kg.sparql_syntax import uses_graph_patterns
from kg.store.binding import bind_values, query_form
from kg.store.merged import DOC_GRAPHS, MERGED_GRAPH, TOUCHED_GRAPH, MergedGraph, with_rebuild, with_upkeep
from kg.store.merged_update import MAX_TOUCHED, CannotTell, changes
from kg.store.remote_update import RemoteUpdateUpkeep
from kg.store.remote_upkeep import DocumentChange
from kg.store.terms import Term, boolean_answer, ntriples_block, solution_rows

log = logging.getLogger(__name__)
MERGED = MergedGraph(MERGED_GRAPH)

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
        triples = list(triples)
        lines = ntriples_block(triples).splitlines()
        upkeep = self._document_upkeep(graph, triples) if len(lines) <= CHUNK_TRIPLES else None
        if not self.gsp_url and len(lines) <= CHUNK_TRIPLES:
            # One request is one transaction: readers never see a half-replaced graph, and the merged
            # graph changes with it.
            write = [f"DROP SILENT GRAPH {graph}", _insert(graph, lines)]
        else:
            # Too big for one request: the new version waits in a staging graph (not part of the merged
            # graph the queries read), then one request moves it into place and updates the merged graph.
            self._stage(_staging(graph), lines)
            write = [f"MOVE SILENT GRAPH {_staging(graph)} TO GRAPH {graph}"]
        if upkeep is None:  # too big to work out here: the server does it
            upkeep = [*MERGED.before_write(graph, triples), *write, *MERGED.after_write(graph), *MERGED.finish()]
        else:
            upkeep = [*write, *upkeep]
        self._update(" ;\n".join(upkeep), write=True)

    def _document_upkeep(self, graph: NamedNode, new: list[Triple]) -> list[str] | None:
        """The merged graph's operations for replacing ``graph`` by ``new``, worked out here from the old version
        and one SELECT of the names the touched entities have elsewhere (kg.store.remote_upkeep); None when the
        old version is too big for one request (the server then works it out)."""
        old = self.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }} LIMIT {CHUNK_TRIPLES + 1}")
        if len(old) > CHUNK_TRIPLES:
            return None
        change = DocumentChange(MERGED_GRAPH, graph, [Triple(r["s"], r["p"], r["o"]) for r in old], new)  # type: ignore[arg-type]
        rows = self.select(change.names_query()) if change.named_subjects() else []
        return change.operations(rows)

    def replace_graphs(self, graphs: Mapping[NamedNode, Iterable[Triple]]) -> None:
        for graph, triples in graphs.items():
            self.replace_graph(graph, triples)

    def _stage(self, staging: NamedNode, lines: list[str]) -> None:
        """Load a graph's new version into its staging graph: one GSP PUT, or chunk by chunk."""
        if self.gsp_url:
            self._gsp_put(staging, "\n".join(lines))
            return
        self._update(f"DROP SILENT GRAPH {staging}", write=True)
        for start in range(0, len(lines), CHUNK_TRIPLES):
            self._update(_insert(staging, lines[start : start + CHUNK_TRIPLES]), write=True)

    def delete_graph(self, graph: NamedNode) -> bool:
        if not self.ask(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"):
            return False
        # SILENT: Virtuoso refuses a plain DROP of a graph that was never CREATEd.
        upkeep = self._document_upkeep(graph, [])
        if upkeep is None:
            upkeep = [*MERGED.before_write(graph), f"DROP SILENT GRAPH {graph}", *MERGED.finish()]
        else:
            upkeep.insert(0, f"DROP SILENT GRAPH {graph}")
        self._update(" ;\n".join(upkeep), write=True)
        return True

    def bulk_load_nquads(self, data: bytes) -> None:
        """Load document graphs 1,000 quads a request (not atomic), then recompute the merged graph."""
        try:
            quads = list(parse(data, format=RdfFormat.N_QUADS))
        except SyntaxError as exc:
            raise StoreError(f"invalid N-Quads: {exc}") from exc
        quads = [q for q in quads if q.graph_name not in (MERGED_GRAPH, TOUCHED_GRAPH)]
        for start in range(0, len(quads), CHUNK_TRIPLES):
            self._update(_insert_quads(quads[start : start + CHUNK_TRIPLES]), write=True)
        self.rebuild_merged()

    def rebuild_merged(self) -> None:
        """Recompute the merged graph from the document graphs (one request)."""
        self._update(" ;\n".join(MERGED.rebuild()), write=True)
        # Virtuoso 7 can leave a large scratch graph behind when it is dropped in the request that filled it.
        self._update(f"CLEAR SILENT GRAPH {TOUCHED_GRAPH}", write=True)

    def ensure_merged(self) -> bool:
        """Build the merged graph of a server written before it existed; True if it had to."""
        documents = self.ask(f'ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{DOC_GRAPHS}")) }}')
        if not documents or self.ask(f"ASK {{ GRAPH {MERGED_GRAPH} {{ ?s ?p ?o }} }}"):
            return False
        log.info("%s has document graphs but no merged graph %s: building it once", self.query_url, MERGED_GRAPH)
        self.rebuild_merged()
        return True

    def update(self, update: str) -> None:
        # Only what the update touches is recomputed, sent as data in the same request (kg.store.remote_update).
        try:
            found = changes(update, self._select_as_update_reads, self._graph_triples)
        except CannotTell as reason:
            log.info("update needs a full rebuild of the merged graph (%s)", reason)
            self._update(with_rebuild(update, MERGED), write=True)
            self._update(f"CLEAR SILENT GRAPH {TOUCHED_GRAPH}", write=True)  # see rebuild_merged
            return
        upkeep = RemoteUpdateUpkeep(MERGED_GRAPH, found, self.select).operations()
        self._update(with_upkeep(update, upkeep), write=True)

    def _graph_triples(self, graph: NamedNode | None) -> list[Triple]:
        if graph is None:
            raise CannotTell("a server's default graph is its own")
        rows = self._select_paged(f"SELECT ?s ?p ?o WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}", "?s ?p ?o")
        triples = [Triple(r["s"], r["p"], r["o"]) for r in itertools.islice(rows, MAX_TOUCHED + 1)]  # type: ignore[arg-type]
        if len(triples) > MAX_TOUCHED:
            raise CannotTell(f"{graph} holds too many triples")
        return triples

    def _select_as_update_reads(self, query: str) -> list[dict[str, Term]]:
        """A SELECT over the server's own default graph, as an update's WHERE without USING reads."""
        response = self._post(self.query_url, {"query": PROLOGUE + query}, _JSON, self._timeout)
        return solution_rows(_results(response.content, response.headers.get("content-type", "").split(";")[0]))

    # -- reading ---------------------------------------------------------------

    def graphs(self) -> list[NamedNode]:
        query = (f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OURS} "
                 f"FILTER(?g NOT IN ({MERGED_GRAPH}, {TOUCHED_GRAPH})) }}")
        rows = self._select_paged(query, "?g")
        return sorted((r["g"] for r in rows if isinstance(r.get("g"), NamedNode)), key=str)

    def dump_nquads(self, out: BinaryIO) -> None:
        for graph in self.graphs():
            query = f"SELECT ?s ?p ?o WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
            for row in self._select_paged(query, "?s ?p ?o"):
                out.write(f"{row['s']} {row['p']} {row['o']} {graph} .\n".encode())

    def quad_count(self) -> int:
        # The document graphs' quads (and any other graph of ours), not the merged graph derived from them.
        query = (f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OURS} "
                 f"FILTER(?g NOT IN ({MERGED_GRAPH}, {TOUCHED_GRAPH})) }}")
        rows = self.select(query)
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
        elif _reads_merged_graph(query):
            form["default-graph-uri"] = MERGED_GRAPH.value
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
        form = {"query": PROLOGUE + query}
        if _reads_merged_graph(query):
            form["default-graph-uri"] = MERGED_GRAPH.value
        response = self._post(self.query_url, form, accept, self._timeout)
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


def _reads_merged_graph(query: str) -> bool:
    """Whether the merged graph goes as ``default-graph-uri``: not for a query with its own dataset, nor for one
    with ``GRAPH`` patterns, as servers then hide the named graphs (Oxigraph all, Virtuoso ``GRAPH <iri>``)."""
    return query_dataset(query) is None and not uses_graph_patterns(query)


def _staging(graph: NamedNode) -> NamedNode:
    """Outside ``zr:doc/``: a staging graph left by a killed load is no document of the merged graph."""
    return ZR[f"graph/staging/{digest(graph.value)}"]


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
