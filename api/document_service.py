"""REST views of stored documents."""

from __future__ import annotations

from pyoxigraph import Literal

from api.schemas import DocumentOut, DocumentPage, IngestOut
from api.terms import literal_value, text
from kg.errors import NotFound
from kg.iri import doc_graph_iri, is_valid_doc_id
from kg.sparql import load_query
from kg.store import GraphStore
from kg.store.terms import Term


def _document(row: dict[str, Term]) -> DocumentOut:
    facts = row.get("facts")
    return DocumentOut(
        id=row["docId"].value,
        iri=row["doc"].value,
        source_name=text(row, "source"),
        encoding=text(row, "encoding"),
        content_hash=text(row, "hash"),
        facts=int(literal_value(facts)) if isinstance(facts, Literal) else 0,
    )


def list_documents(store: GraphStore, *, limit: int, offset: int) -> DocumentPage:
    """A page of documents ordered by id."""
    items = [_document(r) for r in store.select(load_query("api_documents"))]
    return DocumentPage(total=len(items), limit=limit, offset=offset, items=items[offset : offset + limit])


def get_document(store: GraphStore, doc_id: str) -> DocumentOut:
    """One document.

    Raises:
        NotFound: no document has this id.
    """
    if not is_valid_doc_id(doc_id):
        raise NotFound(f"no document {doc_id!r}")
    rows = store.select(load_query("api_document"), bindings={"doc": doc_graph_iri(doc_id)})
    if not rows:
        raise NotFound(f"no document {doc_id!r}")
    return _document(rows[0])


def ingest_out(result: object) -> IngestOut:
    """The JSON view of ingest's ``IngestResult``."""
    fields = ("source_name", "graph", "triples", "chars", "encoding")
    return IngestOut(id=result.doc_id, **{f: getattr(result, f) for f in fields})  # type: ignore[attr-defined]
