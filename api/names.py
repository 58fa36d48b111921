"""Filters that name an entity: an id, an IRI, or a label or alias in either script; a name shared by
several entities is refused with the candidates (409) rather than silently resolved to one of them."""

from __future__ import annotations

import re
from collections import defaultdict

from pyoxigraph import Literal, NamedNode

from api.entity_service import entity_iri_for, fullest
from api.errors import ApiError
from api.schemas import Ref
from api.terms import make_ref
from api.text import to_simplified
from kg.errors import NotFound
from kg.model import EntityType
from kg.sparql import load_query
from kg.store import GraphStore

ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class AmbiguousName(ApiError):
    """A name several entities carry: the client must pick one by id or IRI."""

    status, code = 409, "ambiguous_name"

    def __init__(self, message: str, candidates: list[Ref]) -> None:
        super().__init__(message)
        self.candidates = candidates

    def extra(self) -> dict[str, object]:
        return {"candidates": [c.model_dump(mode="json") for c in self.candidates]}


def _exists(store: GraphStore, item: NamedNode, entity_type: EntityType) -> bool:
    return store.ask(load_query("ld_entity_exists"), bindings={"item": item, "type": entity_type.iri})


def _by_name(store: GraphStore, entity_type: EntityType, name: str) -> list[Ref]:
    bindings = {"type": entity_type.iri, "name": Literal(name, language="zh"),
                "simplified": Literal(to_simplified(name), language="zh")}
    labels: dict[str, list[str]] = defaultdict(list)
    for row in store.select(load_query("api_entity_by_name"), bindings=bindings):
        labels[row["item"].value].append(row["label"].value)
    return sorted((make_ref(iri, fullest(names), [entity_type.iri.value]) for iri, names in labels.items()),
                  key=lambda ref: (ref.label or "", ref.iri))


def resolve(store: GraphStore, entity_type: EntityType, ref: str) -> NamedNode:
    """The entity ``ref`` names: its id (last IRI segment), its IRI, or a label or alias in either script.

    Raises:
        NotFound: nothing of that type goes by ``ref``.
        AmbiguousName: several entities of that type carry the name.
    """
    ref = ref.strip()
    if ID.match(ref) and _exists(store, entity_iri_for(entity_type, ref), entity_type):
        return entity_iri_for(entity_type, ref)
    if ref.startswith(("http://", "https://")):
        try:
            iri = NamedNode(ref)
        except ValueError:
            iri = None
        if iri is not None and _exists(store, iri, entity_type):
            return iri
    found = _by_name(store, entity_type, ref)
    if not found:
        raise NotFound(f"no {entity_type.value} with id, IRI or name {ref!r}")
    if len(found) > 1:
        names = "; ".join(f"{c.label} ({c.id})" for c in found)
        raise AmbiguousName(f"{len(found)} {entity_type.value} entities are called {ref!r}: {names}", found)
    return NamedNode(found[0].iri)
