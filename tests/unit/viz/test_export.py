"""`zonekg export`: every format written, readable back, and restricted to the chosen view."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from pyoxigraph import DefaultGraph, RdfFormat, Store

from kg.store.oxigraph import OxigraphStore
from viz.export import UnknownFormat, export_graph

ENTERPRISE = "https://w3id.org/zonekg/resource/enterprise/dx"
PROJECT = "https://w3id.org/zonekg/resource/project/dxp"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_networkx_formats_read_back(sample_store: OxigraphStore, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"g.{fmt}"
    export_graph(sample_store, fmt, out)
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert g.number_of_nodes() == 4 and g.number_of_edges() == 4
    assert float(g.nodes[PROJECT]["amount"]) == 2e9
    assert "如皋高新技术产业开发区" in {d["label"] for _, d in g.nodes(data=True)}


def test_export_html_is_self_contained(sample_store: OxigraphStore, tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    export_graph(sample_store, "html", out)
    html = out.read_text(encoding="utf-8")
    assert "/static/" not in html and "vis.Network" in html and "东旭科技" in html


def test_export_nquads_of_everything_keeps_document_graphs(sample_store: OxigraphStore, tmp_path: Path) -> None:
    out = tmp_path / "all.nq"
    export_graph(sample_store, "nquads", out)
    copy = Store()
    copy.load(path=str(out), format=RdfFormat.N_QUADS)
    document_quads = [q for q in sample_store.raw if not isinstance(q.graph_name, DefaultGraph)]
    assert len(copy) == len(document_quads) > 0  # the document graphs; a load recomputes the merged graph
    assert set(copy) == set(document_quads)


def test_export_nquads_of_focus_view_holds_only_that_view(sample_store: OxigraphStore, tmp_path: Path) -> None:
    out = tmp_path / "focus.nq"
    view = export_graph(sample_store, "nq", out, focus="东旭科技项目", depth=1)
    assert view is not None and set(view.graph.nodes) == {PROJECT, ENTERPRISE, "https://w3id.org/zonekg/resource/zone/rugao"}
    text = out.read_text(encoding="utf-8")
    assert "2000000000" in text and "signed" in text
    assert "honour/gazelle" not in text and "sentenceText" not in text


def test_export_jsonld_uses_context_and_parses(sample_store: OxigraphStore, tmp_path: Path) -> None:
    out = tmp_path / "g.jsonld"
    export_graph(sample_store, "jsonld", out, zone="如皋高新区")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"]["zone"] == "https://w3id.org/zonekg/ontology#"
    graph = rdflib.Graph().parse(out, format="json-ld")
    labels = {str(o) for o in graph.objects(predicate=rdflib.RDFS.label)}
    assert {"东旭科技", "东旭科技项目", "如皋高新技术产业开发区"} <= labels


def test_export_unknown_format_is_refused(sample_store: OxigraphStore, tmp_path: Path) -> None:
    with pytest.raises(UnknownFormat, match="png"):
        export_graph(sample_store, "png", tmp_path / "g.png")


def test_export_html_carries_each_entitys_source_sentences(sample_store: OxigraphStore, tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    view = export_graph(sample_store, "html", out)
    html = out.read_text(encoding="utf-8")
    island = html.split('<script type="application/json" id="graph-data">', 1)[1].split("</script>", 1)[0]
    evidence = json.loads(island)["evidence"]
    assert view is not None and set(evidence) <= set(view.graph.nodes)
    sentences = {e["text"] for e in evidence[ENTERPRISE]}
    assert "2021年签约东旭科技20亿元项目1个。" in sentences
    assert all(e["url"] == "" and e["source"] and e["start"] is not None for e in evidence[ENTERPRISE])
