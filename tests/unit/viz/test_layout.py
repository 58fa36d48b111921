"""Seed layout: every node placed, zone members around their zone, zone-less entities near their neighbours."""

from __future__ import annotations

import math

import networkx as nx

from viz.layout import seed_positions


def clustered_graph() -> tuple[nx.MultiDiGraph, dict[str, list[str]]]:
    g = nx.MultiDiGraph()
    zones_of: dict[str, list[str]] = {}
    for z in range(4):
        g.add_node(f"zone{z}")
        zones_of[f"zone{z}"] = [f"zone{z}"]
        for e in range(6 + z):
            g.add_edge(f"ent{z}.{e}", f"zone{z}")
            zones_of[f"ent{z}.{e}"] = [f"zone{z}"]
    g.add_edge("ent0.0", "honour")
    g.add_edge("ent1.0", "honour")
    g.add_node("orphan")
    return g, zones_of


def test_layout_places_every_node_at_a_distinct_point() -> None:
    g, zones_of = clustered_graph()
    positions = seed_positions(g, zones_of)
    assert set(positions) == set(g.nodes)
    assert len(set(positions.values())) == g.number_of_nodes()


def test_layout_members_sit_nearest_their_own_zone() -> None:
    g, zones_of = clustered_graph()
    positions = seed_positions(g, zones_of)
    for node, (zone,) in zones_of.items():
        zones = [z for z in g.nodes if z.startswith("zone")]
        nearest = min(zones, key=lambda z: math.dist(positions[node], positions[z]))
        assert nearest == zone, node


def test_layout_zone_less_entity_lies_between_its_neighbours() -> None:
    g, zones_of = clustered_graph()
    positions = seed_positions(g, zones_of)
    a, b, h = positions["ent0.0"], positions["ent1.0"], positions["honour"]
    assert math.dist(a, h) < math.dist(a, b) and math.dist(b, h) < math.dist(a, b)


def test_layout_puts_entities_linked_to_nothing_placed_in_a_block_below_the_clusters() -> None:
    g, zones_of = clustered_graph()
    for k in range(10):
        g.add_node(f"orphan{k}")
    positions = seed_positions(g, zones_of)
    orphans = [positions[n] for n in g.nodes if n.startswith("orphan")]
    placed = [positions[n] for n in g.nodes if not n.startswith("orphan")]
    lowest = max(y for _, y in placed)
    assert all(y > lowest for _, y in orphans)
    rows = {y for _, y in orphans}
    assert 1 < len(rows) < len(orphans)  # rows, not a column or a ring
    assert len(set(orphans)) == len(orphans)
