"""Seed layout: each zone's entities as a disc around the zone, the discs on a spiral.

vis-network then needs only a short stabilisation to settle the drawing, instead of untangling
a random start (pyvis's default takes minutes at 2,000 nodes). Linear in the graph size.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import networkx as nx

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
NODE_SPACING = 80.0


def _disc(count: int, cx: float, cy: float) -> list[tuple[float, float]]:
    """``count`` points packed evenly in a disc (a sunflower) around (cx, cy); the first is the centre."""
    return [
        (cx + NODE_SPACING * math.sqrt(i) * math.cos(i * GOLDEN_ANGLE),
         cy + NODE_SPACING * math.sqrt(i) * math.sin(i * GOLDEN_ANGLE))
        for i in range(count)
    ]


def _groups(g: nx.MultiDiGraph, zones_of: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for node in g.nodes:
        home = node if node in zones_of.get(node, ()) else next(iter(zones_of.get(node, ())), None)
        if home is not None:
            groups.setdefault(home, []).append(node)
    for zone, members in groups.items():
        members.sort(key=lambda n: (n != zone, -g.degree(n), n))
    return groups


def _place_groups(groups: dict[str, list[str]]) -> dict[str, tuple[float, float]]:
    ordered = sorted(groups.values(), key=len, reverse=True)
    radius = NODE_SPACING * math.sqrt(max((len(m) for m in ordered), default=1))
    positions: dict[str, tuple[float, float]] = {}
    for i, members in enumerate(ordered):
        r = 2.2 * radius * math.sqrt(i)
        centre = (r * math.cos(i * GOLDEN_ANGLE), r * math.sin(i * GOLDEN_ANGLE))
        positions.update(zip(members, _disc(len(members), *centre), strict=True))
    return positions


def _place_rest(g: nx.MultiDiGraph, positions: dict[str, tuple[float, float]]) -> None:
    """Entities outside every zone: at the middle of their placed neighbours, else on an outer ring."""
    undirected = g.to_undirected(as_view=True)
    rest = sorted((n for n in g.nodes if n not in positions), key=lambda n: -g.degree(n))
    outer = 1.2 * max((math.hypot(x, y) for x, y in positions.values()), default=0) + NODE_SPACING
    for k, node in enumerate(rest):
        placed = [positions[n] for n in undirected.neighbors(node) if n in positions]
        if placed:
            angle = k * GOLDEN_ANGLE
            x = sum(p[0] for p in placed) / len(placed) + NODE_SPACING * math.cos(angle)
            y = sum(p[1] for p in placed) / len(placed) + NODE_SPACING * math.sin(angle)
        else:
            angle = 2 * math.pi * k / max(len(rest), 1)
            x, y = outer * math.cos(angle), outer * math.sin(angle)
        positions[node] = (x, y)


def seed_positions(g: nx.MultiDiGraph, zones_of: Mapping[str, Sequence[str]]) -> dict[str, tuple[float, float]]:
    """Starting (x, y) of every node of ``g``; ``zones_of`` maps a node to the zones it belongs to."""
    positions = _place_groups(_groups(g, zones_of))
    _place_rest(g, positions)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in positions.items()}
