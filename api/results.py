"""Serialise SPARQL results cut at a row cap (pyoxigraph can only serialise a whole result)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, serialize

from kg.namespaces import PREFIXES, XSD

Row = Sequence[Any]
XSD_STRING = XSD.string.value

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
RESULT_TYPES = (JSON, XML, CSV, TSV)
GRAPH_TYPES = ("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml")


def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Triple):
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: _json_term(getattr(term, p)) for p in parts}}
    out: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


class TermTexts:
    """Each term's JSON text and N-Triples length, kept for the terms answers repeat (labels, zones, types).

    A bound on the number kept: past it the cache starts afresh. Shared by threads: a lost entry is only recomputed.
    """

    def __init__(self, most: int = 100_000) -> None:
        self._json: dict[Any, str] = {}
        self._sizes: dict[Any, int] = {}
        self._most = most

    def json(self, term: Any) -> str:
        text = self._json.get(term)
        if text is None:
            if len(self._json) >= self._most:
                self._json = {}
            text = self._json[term] = json.dumps(_json_term(term), ensure_ascii=False)
        return text

    def size(self, term: Any) -> int:
        """Characters of the term's N-Triples form (what the answer byte cap counts)."""
        size = self._sizes.get(term)
        if size is None:
            if len(self._sizes) >= self._most:
                self._sizes = {}
            size = self._sizes[term] = len(str(term))
        return size


TERMS = TermTexts()


def to_json(variables: list[str], rows: Iterable[Row]) -> bytes:
    """SPARQL 1.1 Query Results JSON (assembled from each term's cached JSON text)."""
    keys = [json.dumps(v, ensure_ascii=False) + ":" for v in variables]
    text = TERMS.json
    bindings = ",".join(
        "{" + ",".join(k + text(t) for k, t in zip(keys, row, strict=True) if t is not None) + "}" for row in rows
    )
    head = json.dumps({"vars": variables}, ensure_ascii=False)
    return f'{{"head":{head},"results":{{"bindings":[{bindings}]}}}}'.encode()


def _xml_term(term: Any) -> str:
    if isinstance(term, NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def to_xml(variables: list[str], rows: Iterable[Row]) -> bytes:
    """SPARQL Query Results XML."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    out.append("</head><results>")
    for row in rows:
        cells = (
            f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
            for v, t in zip(variables, row, strict=True)
            if t is not None
        )
        out.append("<result>" + "".join(cells) + "</result>")
    out.append("</results></sparql>")
    return "".join(out).encode("utf-8")


def _csv_value(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, NamedNode | Literal) else str(term)


def to_csv(variables: list[str], rows: Iterable[Row]) -> bytes:
    """SPARQL 1.1 Query Results CSV (values without types)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    writer.writerows([_csv_value(t) for t in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def to_tsv(variables: list[str], rows: Iterable[Row]) -> bytes:
    """SPARQL 1.1 Query Results TSV (terms in their N-Triples form)."""
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


SOLUTION_WRITERS = {JSON: to_json, XML: to_xml, CSV: to_csv, TSV: to_tsv}
ENGINE_MIN_ROW_BYTES = {JSON: 3, XML: 17}
"""The fewest bytes a solution takes in the engine's own JSON and XML (``{},`` and ``<result></result>``).
Every term takes more bytes there than characters in N-Triples, so an answer of at most ``min(max_bytes,
max_rows * this)`` bytes is under both caps of a public answer. (CSV and TSV write some terms shorter.)"""


class Overflow(Exception):
    """A :class:`CappedBuffer` was asked to grow past its limit."""


class CappedBuffer(io.BytesIO):
    """A binary sink for the engine's serialisers that refuses to grow past ``limit`` bytes (raises Overflow).

    The engine may hand the caller that error as another (OSError), so ``overflowed`` tells it apart."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self._limit = limit
        self.overflowed = False

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.tell() + len(data) > self._limit:
            self.overflowed = True
            raise Overflow(f"more than {self._limit:,} bytes")
        return super().write(data)


def solutions(media_type: str, variables: list[str], rows: Iterable[Row]) -> bytes:
    """Serialise solution rows in one of :data:`RESULT_TYPES`."""
    return SOLUTION_WRITERS[media_type](variables, rows)


def triples(media_type: str, items: list[Triple]) -> bytes:
    """Serialise triples in one of :data:`GRAPH_TYPES`."""
    fmt = RdfFormat.from_media_type(media_type) or RdfFormat.TURTLE
    return serialize(items, format=fmt, prefixes=PREFIXES) or b""
