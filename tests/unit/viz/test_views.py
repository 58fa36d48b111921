"""Views: find by name in either script, zone and type filters, focus ego networks, the size cap."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import NotFound
from kg.namespaces import ZR
from viz.views import InvalidView, cap, find_node, select_view

ZONE_IRI = ZR["zone/rugao"].value
ENTERPRISE = ZR["enterprise/dx"].value
PROJECT = ZR["project/dxp"].value
HONOUR = ZR["honour/gazelle"].value


def two_zone_graph() -> nx.MultiDiGraph:
    """Two zones, each with an enterprise and a project, sharing one honour."""
    g = nx.MultiDiGraph()
    for z in ("a", "b"):
        g.add_node(f"zone/{z}", label=f"{z}区", type="Zone", aliases="")
        g.add_node(f"ent/{z}", label=f"{z}公司", type="Enterprise", aliases="")
        g.add_node(f"proj/{z}", label=f"{z}项目", type="Project", aliases="")
        g.add_edge(f"ent/{z}", f"zone/{z}", predicate="locatedIn")
        g.add_edge(f"proj/{z}", f"ent/{z}", predicate="investor")
        g.add_edge(f"ent/{z}", "honour", predicate="awarded")
    g.add_node("honour", label="瞪羚企业", type="Honour", aliases="")
    return g


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        (ZONE_IRI, ZONE_IRI),
        ("如皋高新技术产业开发区", ZONE_IRI),
        ("如皋高新区", ZONE_IRI),
        ("如皋高新區", ZONE_IRI),
        ("東旭科技", ENTERPRISE),
        (" 东旭 科技 ", ENTERPRISE),
    ],
)
def test_views_find_node_by_iri_label_or_alias_in_either_script(
    sample_view_graph: nx.MultiDiGraph, ref: str, expected: str
) -> None:
    assert find_node(sample_view_graph, ref) == expected


def test_views_find_node_unknown_name_raises(sample_view_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(NotFound):
        find_node(sample_view_graph, "不存在的公司")


def test_views_whole_graph_is_not_truncated(sample_view_graph: nx.MultiDiGraph) -> None:
    view = select_view(sample_view_graph)
    assert (view.graph.number_of_nodes(), view.total_nodes, view.truncated) == (4, 4, False)
    assert view.note == "4 个节点，4 条关系"


def test_views_zone_keeps_its_entities_and_not_the_other_zone() -> None:
    view = select_view(two_zone_graph(), zone="a区")
    assert set(view.graph.nodes) == {"zone/a", "ent/a", "proj/a", "honour"}


def test_views_type_filter(sample_view_graph: nx.MultiDiGraph) -> None:
    view = select_view(sample_view_graph, types=["Enterprise", "Project"])
    assert set(view.graph.nodes) == {ENTERPRISE, PROJECT}


def test_views_unknown_type_is_refused(sample_view_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(InvalidView, match="Company"):
        select_view(sample_view_graph, types=["Company"])


@pytest.mark.parametrize(
    ("depth", "expected"),
    [(1, {"proj/a", "ent/a"}), (2, {"proj/a", "ent/a", "zone/a", "honour"}),
     (3, {"proj/a", "ent/a", "zone/a", "honour", "ent/b"})],
)
def test_views_focus_ego_network_by_depth(depth: int, expected: set[str]) -> None:
    view = select_view(two_zone_graph(), focus="a项目", depth=depth)
    assert set(view.graph.nodes) == expected
    assert view.focus == "proj/a"


@pytest.mark.parametrize("depth", [0, 4])
def test_views_focus_depth_out_of_range_is_refused(depth: int) -> None:
    with pytest.raises(InvalidView):
        select_view(two_zone_graph(), focus="a项目", depth=depth)


def test_views_cap_keeps_most_connected_part_and_says_so() -> None:
    g = nx.MultiDiGraph(nx.star_graph(9))
    g.add_edge(100, 101)
    nx.set_node_attributes(g, "Enterprise", "type")
    view = select_view(g, limit=5)
    assert view.truncated and view.total_nodes == 12
    assert 0 in view.graph and 100 not in view.graph and view.graph.number_of_nodes() == 5
    assert view.note == "显示连接最多的 5 个节点（共 12 个）"


def test_views_cap_leaves_small_graph_alone() -> None:
    g = two_zone_graph()
    assert cap(g, 100) is g
