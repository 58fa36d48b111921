"""The API's SPARQL templates parse, project every variable they are bound with, and are never built from strings."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode

from kg.namespaces import XSD, ZONE, ZR
from kg.sparql import load_query, query_names
from kg.store.oxigraph import OxigraphStore

API = Path(__file__).resolve().parents[3] / "api"

BINDINGS = {
    "api_entities": {"type": ZONE.Enterprise, "q": Literal("东旭")},
    "api_entities_in_zone": {"type": ZONE.Project, "zone": ZR["zone/rugao"], "q": Literal("")},
    "api_search": {"q": Literal("如皋")},
    "api_entity_by_name": {"type": ZONE.Zone, "name": Literal("如皋高新區", language="zh"),
                           "simplified": Literal("如皋高新区", language="zh")},
    "api_entity_out": {"item": ZR["enterprise/dx"]},
    "api_entity_in": {"item": ZR["zone/rugao"]},
    "api_entity_evidence": {"item": ZR["enterprise/dx"]},
    "api_node": {"node": ZR["investment/i1"]},
    "api_node_holder": {"node": ZR["award/a1"]},
    "api_node_evidence": {"node": ZR["status/st1"]},
    "api_documents": {},
    "api_document": {"doc": ZR["doc/sample"]},
    "api_filter_status": {"status": ZONE.signed},
    "api_filter_status_year": {"status": ZONE.signed, "year": Literal("2021", datatype=XSD.gYear)},
    "api_filter_year": {"year": Literal("2021", datatype=XSD.gYear)},
    "api_filter_amount": {"min": Literal("1000000000", datatype=XSD.decimal), "currency": Literal("CNY")},
    "api_filter_honour": {"honour": ZR["honour/gazelle"]},
}


def test_api_queries_every_template_has_a_case() -> None:
    assert sorted(n for n in query_names() if n.startswith("api_")) == sorted(BINDINGS)


@pytest.mark.parametrize("name", sorted(BINDINGS))
def test_api_queries_bound_template_answers_on_sample(sample_store: OxigraphStore, name: str) -> None:
    rows = sample_store.select(load_query(name), bindings=BINDINGS[name])
    assert rows, f"{name} found nothing in the sample graph"
    for variable, term in BINDINGS[name].items():
        assert all(row[variable] == term for row in rows)


def _builds_query_from_strings(call: ast.Call) -> bool:
    if not call.args:
        return False
    first = call.args[0]
    is_format = isinstance(first, ast.Call) and isinstance(first.func, ast.Attribute) and first.func.attr == "format"
    return (
        isinstance(first, ast.JoinedStr)
        or is_format
        or (isinstance(first, ast.BinOp) and isinstance(first.op, ast.Mod))
    )


@pytest.mark.parametrize("path", sorted(API.rglob("*.py")), ids=lambda p: str(p.relative_to(API)))
def test_api_queries_never_spliced(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    spliced = [
        c.lineno for c in calls if c.func.attr in {"select", "construct", "ask"} and _builds_query_from_strings(c)
    ]
    assert spliced == []


def test_api_queries_unknown_item_finds_nothing(sample_store: OxigraphStore) -> None:
    rows = sample_store.select(
        load_query("api_entity_out"), bindings={"item": NamedNode("https://w3id.org/zonekg/resource/enterprise/none")}
    )
    assert rows == []
