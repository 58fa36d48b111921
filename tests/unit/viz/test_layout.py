"""Seed layout: every node placed, zone members around their zone, zone-less entities near their neighbours."""

from __future__ import annotations

import math

import networkx as nx

from viz.layout import CLUSTER_GAP, seed_positions


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


def shared_honours_graph(zones: int = 10) -> tuple[nx.MultiDiGraph, dict[str, list[str]]]:
    """Zones of eight companies; three honours held by a company of every zone (a zone's view counts each
    honour among the first zone's members, as viz.views.zone_members does)."""
    g = nx.MultiDiGraph()
    zones_of: dict[str, list[str]] = {}
    for z in range(zones):
        zones_of[f"zone{z}"] = [f"zone{z}"]
        for e in range(8):
            g.add_edge(f"ent{z}.{e}", f"zone{z}")
            zones_of[f"ent{z}.{e}"] = [f"zone{z}"]
    for h in range(3):
        for z in range(zones):
            g.add_edge(f"ent{z}.{h}", f"honour{h}")
        zones_of[f"honour{h}"] = ["zone0"]
    return g, zones_of


def test_layout_puts_entities_shared_by_many_zones_in_a_column_at_the_middle() -> None:
    g, zones_of = shared_honours_graph()
    positions = seed_positions(g, zones_of)
    honours = sorted(positions[f"honour{h}"] for h in range(3))
    assert len({x for x, _ in honours}) == 1  # one column, a row each: room for every name
    steps = [b[1] - a[1] for a, b in zip(honours, honours[1:], strict=False)]
    assert min(steps) > 0
    middle = max(math.hypot(*p) for p in honours)
    zones = [positions[f"zone{z}"] for z in range(10)]
    assert min(math.hypot(*p) for p in zones) > middle + CLUSTER_GAP  # the discs leave the middle free
    assert math.dist(positions["honour0"], positions["zone0"]) > steps[0]  # not piled on the first zone


def test_layout_company_in_a_few_zones_stays_in_its_disc() -> None:
    g, zones_of = shared_honours_graph(zones=20)  # three zones of twenty: not shared
    g.add_edge("ent0.7", "zone1")
    g.add_edge("ent0.7", "zone2")
    positions = seed_positions(g, zones_of)
    nearest = min((f"zone{z}" for z in range(20)), key=lambda z: math.dist(positions["ent0.7"], positions[z]))
    assert nearest == "zone0"


def test_layout_discs_spread_wider_than_high() -> None:
    g, zones_of = shared_honours_graph()
    positions = seed_positions(g, zones_of).values()
    xs, ys = [x for x, _ in positions], [y for _, y in positions]
    assert max(xs) - min(xs) > 1.15 * (max(ys) - min(ys))
