"""SPARQL 1.1 Protocol request parsing, content negotiation and the service description."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs

from fastapi import Request
from pyoxigraph import NamedNode, Triple

from api import results
from api.errors import ApiError, NotAcceptable, PayloadTooLarge, UnsupportedMediaType, UriTooLong

MAX_QUERY_BYTES = 64 * 1024
MAX_URL_BYTES = 8 * 1024
MAX_FORM_BYTES = MAX_QUERY_BYTES + 8 * 1024
TURTLE = "text/turtle"

RESULT_ALIASES = {
    results.JSON: results.JSON,
    "application/json": results.JSON,
    results.XML: results.XML,
    "application/xml": results.XML,
    "text/xml": results.XML,
    results.CSV: results.CSV,
    results.TSV: results.TSV,
}
GRAPH_ALIASES = {
    TURTLE: TURTLE,
    "application/x-turtle": TURTLE,
    "application/n-triples": "application/n-triples",
    "text/plain": "application/n-triples",
    "application/ld+json": "application/ld+json",
    "application/rdf+xml": "application/rdf+xml",
}
# ``format=``/``output=`` parameters some clients send instead of (or besides) Accept.
FORMAT_PARAM = {
    "json": (results.JSON, "application/ld+json"),
    "xml": (results.XML, "application/rdf+xml"),
    "csv": (results.CSV, TURTLE),
    "tsv": (results.TSV, TURTLE),
    "turtle": (results.JSON, TURTLE),
    "n3": (results.JSON, TURTLE),
    "nt": (results.JSON, "application/n-triples"),
    "json-ld": (results.JSON, "application/ld+json"),
}


@dataclass(frozen=True)
class ProtocolRequest:
    """What a /sparql request asks for."""

    query: str | None = None
    update: str | None = None
    default_graph_uris: tuple[str, ...] = ()
    named_graph_uris: tuple[str, ...] = ()
    using_graph_uris: tuple[str, ...] = ()
    using_named_graph_uris: tuple[str, ...] = ()


def _accept_entries(header: str) -> list[str]:
    """Media ranges of an Accept header, highest quality first (ties keep their order)."""
    entries = []
    for position, part in enumerate(header.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            entries.append((-quality, position, media.lower()))
    return [media for _, _, media in sorted(entries)]


def negotiate(accept: str | None, fmt: str | None = None) -> tuple[str, str]:
    """The (results, graph) media types to answer with.

    Raises:
        NotAcceptable: the Accept header names nothing this endpoint can produce.
    """
    if fmt and fmt.lower() in FORMAT_PARAM:
        return FORMAT_PARAM[fmt.lower()]
    entries = _accept_entries(accept or "*/*")
    wildcard = any(m in ("*/*", "application/*", "text/*") for m in entries)
    chosen_results = next((RESULT_ALIASES[m] for m in entries if m in RESULT_ALIASES), None)
    chosen_graph = next((GRAPH_ALIASES[m] for m in entries if m in GRAPH_ALIASES), None)
    if chosen_results is None and chosen_graph is None and not wildcard:
        raise NotAcceptable(f"cannot produce any of: {accept}")
    return chosen_results or results.JSON, chosen_graph or TURTLE


async def _read_body(request: Request, limit: int) -> bytes:
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"request body over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError("the request body is not UTF-8") from exc


def _graphs(params: dict[str, list[str]], name: str) -> tuple[str, ...]:
    uris = tuple(params.get(name, ()))
    for uri in uris:
        try:
            NamedNode(uri)
        except ValueError as exc:
            raise ApiError(f"{name} is not an IRI: {uri!r}") from exc
    return uris


def _merged(*sources: dict[str, list[str]]) -> dict[str, list[str]]:
    """Parameters from the URL, the form and the body together, repeats kept (so they can be refused)."""
    merged: dict[str, list[str]] = {}
    for source in sources:
        for name, values in source.items():
            merged.setdefault(name, []).extend(values)
    return merged


def _check_once(params: dict[str, list[str]]) -> None:
    for name in ("query", "update"):
        if len(params.get(name, ())) > 1:
            raise ApiError(f"{name} is given {len(params[name])} times; a request carries one {name}")
    if "query" in params and "update" in params:
        raise ApiError("a request carries a query or an update, not both")
    for name in ("using-graph-uri", "using-named-graph-uri"):
        if name in params and "query" in params:
            raise ApiError(f"{name} belongs to updates; a query's dataset is default-graph-uri / named-graph-uri")
    for name in ("default-graph-uri", "named-graph-uri"):
        if name in params and "update" in params:
            raise ApiError(f"{name} belongs to queries; an update's dataset is using-graph-uri / using-named-graph-uri")


def _from_params(params: dict[str, list[str]]) -> ProtocolRequest:
    _check_once(params)
    query, update = params.get("query"), params.get("update")
    text = (query or update or [""])[0]
    if len(text.encode("utf-8")) > MAX_QUERY_BYTES:
        raise PayloadTooLarge(f"query text over {MAX_QUERY_BYTES} bytes")
    return ProtocolRequest(
        query=query[0] if query else None,
        update=update[0] if update else None,
        default_graph_uris=_graphs(params, "default-graph-uri"),
        named_graph_uris=_graphs(params, "named-graph-uri"),
        using_graph_uris=_graphs(params, "using-graph-uri"),
        using_named_graph_uris=_graphs(params, "using-named-graph-uri"),
    )


def _check_charset(media_params: list[str]) -> None:
    """The protocol's bodies are UTF-8 (SPARQL 1.1 Protocol §2.1.2, §2.2.2): another declared charset is refused."""
    for param in media_params:
        key, _, value = param.partition("=")
        charset = value.strip().strip('"')
        if key.strip() == "charset" and charset not in ("utf-8", "utf8", "us-ascii"):
            raise UnsupportedMediaType(f"the request body must be UTF-8, not {charset}")


async def read_request(request: Request) -> ProtocolRequest:
    """Parse GET ``?query=``, a form POST, or a POST of ``application/sparql-query``/``-update``.

    Raises:
        UriTooLong, PayloadTooLarge, UnsupportedMediaType, ApiError: the request breaks the protocol or a limit.
    """
    if len(str(request.url).encode("utf-8")) > MAX_URL_BYTES:
        raise UriTooLong(f"request URL over {MAX_URL_BYTES} bytes; POST the query instead")
    url_params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method == "GET":
        if "update" in url_params:
            raise ApiError("updates must be sent with POST")
        return _from_params(url_params)
    media, *media_params = (part.strip().lower() for part in request.headers.get("content-type", "").split(";"))
    _check_charset(media_params)
    if media == "application/x-www-form-urlencoded":
        form = parse_qs(_decode(await _read_body(request, MAX_FORM_BYTES)), keep_blank_values=True)
        return _from_params(_merged(url_params, form))
    if media in ("application/sparql-query", "application/sparql-update"):
        text = _decode(await _read_body(request, MAX_QUERY_BYTES))
        key = "query" if media.endswith("query") else "update"
        return _from_params(_merged(url_params, {key: [text]}))
    raise UnsupportedMediaType(f"unsupported content type {media!r}")


SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"


def service_description(endpoint: str, graph_type: str) -> bytes:
    """The SPARQL 1.1 Service Description of this endpoint."""
    service, rdf_type = NamedNode(endpoint + "#service"), NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    facts = [
        (rdf_type, NamedNode(SD + "Service")),
        (NamedNode(SD + "endpoint"), NamedNode(endpoint)),
        (NamedNode(SD + "supportedLanguage"), NamedNode(SD + "SPARQL11Query")),
        (NamedNode(SD + "feature"), NamedNode(SD + "UnionDefaultGraph")),
    ]
    facts += [
        (NamedNode(SD + "resultFormat"), NamedNode(FORMATS + name))
        for name in (
            "SPARQL_Results_JSON",
            "SPARQL_Results_XML",
            "SPARQL_Results_CSV",
            "SPARQL_Results_TSV",
            "Turtle",
            "N-Triples",
            "JSON-LD",
            "RDF_XML",
        )
    ]
    return results.triples(graph_type, [Triple(service, p, o) for p, o in facts])
