"""Seed layout: each zone's entities as a disc around the zone, the discs packed apart along a spiral,
the entities shared by many zones (an honour, an industry) in a grid at the middle, entities linked
to nothing in a block below.

vis-network then needs only a short stabilisation to settle the drawing, instead of untangling
a random start (pyvis's default takes minutes at 2,000 nodes). Linear in the graph size, quadratic
in the number of zones.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import networkx as nx

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
NODE_SPACING = 80.0
BLOCK_STEP = (220.0, 70.0)
"""Column and row step of the block of unlinked entities: room for a label under each."""
CLUSTER_GAP = 2 * NODE_SPACING
"""Empty space between two zones' discs."""
ASPECT = 1.4
"""The spiral of discs is this much wider than high, as the page's canvas is."""
SHARED_ZONES = 3
SHARED_SHARE = 0.2
"""An entity other than a zone linked into :data:`SHARED_ZONES` discs and this share of all discs is shared
(an honour, an industry): it goes to the middle grid; a company with projects in three of sixty zones is not."""
SHARED_LIMIT = 24
ROW_SHARE = 1 / 28
"""Row step of the middle grid as a share of the discs' height: at the fitted zoom a row still holds a
label under its node, so the shared hubs' names never have to give way to each other."""


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
    degree = dict(g.degree())
    for zone, members in groups.items():
        members.sort(key=lambda n: (n != zone, -degree[n], n))
    return groups


def _place_groups(groups: dict[str, list[str]], hole: float = 0.0) -> dict[str, tuple[float, float]]:
    """Each zone's disc, biggest first, at the next point of a spiral where it clears the discs placed
    and a hole of radius ``hole`` around the origin."""
    placed: list[tuple[float, float, float]] = [(0.0, 0.0, hole - CLUSTER_GAP / 2)] if hole else []
    positions: dict[str, tuple[float, float]] = {}
    k = 0
    for members in sorted(groups.values(), key=lambda m: (-len(m), m[0])):
        radius = NODE_SPACING * math.sqrt(len(members))
        step = max(NODE_SPACING, radius) / 2  # spiral points about one radius apart
        while True:
            r = step * math.sqrt(k)
            x, y = ASPECT * r * math.cos(k * GOLDEN_ANGLE), r * math.sin(k * GOLDEN_ANGLE)
            k += 1
            if all(math.hypot(x - px, y - py) >= radius + pr + CLUSTER_GAP for px, py, pr in placed):
                break
        placed.append((x, y, radius))
        positions.update(zip(members, _disc(len(members), x, y), strict=True))
    return positions


def _take_shared(g: nx.MultiDiGraph, groups: dict[str, list[str]]) -> list[str]:
    """The shared entities, most linked first, taken out of their discs (a zone's view counts an honour of
    its companies among its members)."""
    home = {n: zone for zone, members in groups.items() for n in members}
    undirected = g.to_undirected(as_view=True)
    spans = {n: len({home[m] for m in undirected.neighbors(n) if m in home}) for n in g.nodes if n not in groups}
    least = max(SHARED_ZONES, SHARED_SHARE * len(groups))
    shared = sorted((n for n, count in spans.items() if count >= least), key=lambda n: (-g.degree(n), n))
    taken = set(shared[:SHARED_LIMIT])
    for members in groups.values():
        members[:] = [n for n in members if n not in taken]
    return shared[:SHARED_LIMIT]


def _grid(nodes: list[str], step: float) -> tuple[dict[str, tuple[float, float]], float]:
    """``nodes`` in columns around the origin, a label's width apart; their positions and the grid's radius."""
    cols = math.ceil(math.sqrt(len(nodes) / 6))
    rows = math.ceil(len(nodes) / cols)
    width, height = 6 * step, step
    positions = {node: ((k % cols - (cols - 1) / 2) * width, (k // cols - (rows - 1) / 2) * height)
                 for k, node in enumerate(nodes)}
    return positions, math.hypot(cols * width, rows * height) / 2


def _place_rest(g: nx.MultiDiGraph, positions: dict[str, tuple[float, float]]) -> None:
    """Entities outside every zone: at the middle of their placed neighbours, else in a block below the clusters."""
    undirected = g.to_undirected(as_view=True)
    degree = dict(g.degree())
    rest = sorted((n for n in g.nodes if n not in positions), key=lambda n: (-degree[n], n))
    apart = []
    for k, node in enumerate(rest):
        placed = [positions[n] for n in undirected.neighbors(node) if n in positions]
        if not placed:
            apart.append(node)
            continue
        angle = k * GOLDEN_ANGLE
        positions[node] = (sum(p[0] for p in placed) / len(placed) + NODE_SPACING * math.cos(angle),
                           sum(p[1] for p in placed) / len(placed) + NODE_SPACING * math.sin(angle))
    _place_block(apart, positions)


def _place_block(nodes: list[str], positions: dict[str, tuple[float, float]]) -> None:
    """``nodes`` in rows under everything placed so far: the group the page hides behind its "未关联" toggle."""
    if not nodes:
        return
    xs = [p[0] for p in positions.values()] or [0.0]
    top = max((p[1] for p in positions.values()), default=0.0) + 3 * NODE_SPACING
    per_row = max(4, math.ceil(math.sqrt(len(nodes) * 1.5)))
    left = (min(xs) + max(xs)) / 2 - (per_row - 1) * BLOCK_STEP[0] / 2
    for k, node in enumerate(nodes):
        row, col = divmod(k, per_row)
        positions[node] = (left + col * BLOCK_STEP[0], top + row * BLOCK_STEP[1])


def seed_positions(g: nx.MultiDiGraph, zones_of: Mapping[str, Sequence[str]]) -> dict[str, tuple[float, float]]:
    """Starting (x, y) of every node of ``g``; ``zones_of`` maps a node to the zones it belongs to."""
    groups = _groups(g, zones_of)
    shared = _take_shared(g, groups)
    positions = _place_groups(groups)
    if shared and positions:
        ys = [y for _, y in positions.values()]
        grid, radius = _grid(shared, max(NODE_SPACING, (max(ys) - min(ys)) * ROW_SHARE))
        positions = _place_groups(groups, radius + CLUSTER_GAP)
        positions.update(grid)
    _place_rest(g, positions)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in positions.items()}
