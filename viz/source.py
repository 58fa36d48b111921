"""Reading the graph page's data from the store, through the named ``viz_*`` query templates."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import quote

import networkx as nx
from pyoxigraph import Literal, NamedNode

from kg.sparql import load_query
from kg.store import GraphStore
from viz.graph import to_networkx
from viz.views import InvalidView


@dataclass(frozen=True)
class EvidenceOut:
    """One source sentence behind an entity, with the document it comes from."""

    text: str
    doc_id: str
    source: str
    url: str
    start: int | None
    end: int | None


def load_graph(store: GraphStore) -> nx.MultiDiGraph:
    """The whole entity graph over the union of all document graphs."""
    return to_networkx(store.construct(load_query("viz_graph")))


def entity_node(iri: str) -> NamedNode:
    """The IRI as a term; raises InvalidView when it is not an absolute IRI."""
    try:
        return NamedNode(iri)
    except ValueError as err:
        raise InvalidView(f"not an IRI: {iri!r}") from err


def _text(term: Any) -> str:
    return term.value if isinstance(term, Literal | NamedNode) else ""


def _int(term: Any) -> int | None:
    return int(term.value) if isinstance(term, Literal) else None


def entity_evidence(store: GraphStore, iri: str) -> list[EvidenceOut]:
    """Source sentences for everything said about the entity ``iri``."""
    rows = store.select(load_query("viz_evidence"), bindings={"entity": entity_node(iri)})
    out = []
    for row in rows:
        doc_id = _text(row.get("docId"))
        out.append(EvidenceOut(
            text=_text(row.get("text")), doc_id=doc_id, source=_text(row.get("source")) or doc_id,
            url=f"/documents/{quote(doc_id, safe='')}" if doc_id else "",
            start=_int(row.get("start")), end=_int(row.get("end")),
        ))
    return out


def evidence_json(store: GraphStore, iri: str) -> dict[str, Any]:
    """The details panel's payload for one entity."""
    return {"iri": iri, "evidence": [asdict(e) for e in entity_evidence(store, iri)]}
