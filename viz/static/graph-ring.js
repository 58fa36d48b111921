// Where a click-expansion puts the neighbours it brings in: on rings around the expanded node, in the free
// directions nearest "away from the rest of the graph", never on top of a node already drawn. Nothing
// already drawn moves; the page draws without physics once it is at rest.
(function () {
  "use strict";
  const SLOT_PX = 44; // screen distance between two new neighbours on a ring: a label's height and more
  const CLEAR_PX = 34; // screen distance every new node keeps from the nodes already drawn
  const MIN_RADIUS_PX = 90;
  const MAX_RINGS = 12;

  // Grid of the points already taken, for near-neighbour checks in canvas units.
  function index(points, cell) {
    const grid = new Map();
    const key = (x, y) => Math.floor(x / cell) * 65536 + Math.floor(y / cell);
    const add = (p) => { const k = key(p.x, p.y); if (!grid.has(k)) grid.set(k, []); grid.get(k).push(p); };
    points.forEach(add);
    const near = (p, d) => {
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
        for (const q of grid.get(key(p.x + dx * cell, p.y + dy * cell)) || []) {
          if (Math.hypot(p.x - q.x, p.y - q.y) < d) return true;
        }
      }
      return false;
    };
    return { add: add, near: near };
  }

  // count positions around centre (canvas units) at the given scale; taken: positions of the drawn nodes;
  // away: the direction (radians) to prefer, e.g. from the middle of the graph through the centre.
  function place(centre, count, taken, scale, away) {
    const slot = SLOT_PX / scale, clear = CLEAR_PX / scale;
    const occupied = index(taken.filter((p) => p.x !== centre.x || p.y !== centre.y), clear);
    const out = [];
    let radius = Math.max(MIN_RADIUS_PX / scale, (count * slot) / (2 * Math.PI));
    for (let ring = 0; ring < MAX_RINGS && out.length < count; ring++, radius += slot) {
      const slots = Math.max(6, Math.floor((2 * Math.PI * radius) / slot));
      const angles = [];
      for (let k = 0; k < slots; k++) angles.push(away + (2 * Math.PI * k) / slots);
      const bend = (a) => Math.abs(Math.atan2(Math.sin(a - away), Math.cos(a - away)));
      angles.sort((a, b) => bend(a) - bend(b));
      for (const a of angles) {
        if (out.length >= count) break;
        const p = { x: centre.x + radius * Math.cos(a), y: centre.y + radius * Math.sin(a) };
        if (occupied.near(p, clear)) continue;
        occupied.add(p);
        out.push(p);
      }
    }
    while (out.length < count) { // a crowded corner: the rest further out, evenly around
      const a = away + (2 * Math.PI * out.length) / count;
      out.push({ x: centre.x + radius * Math.cos(a), y: centre.y + radius * Math.sin(a) });
    }
    return out;
  }

  window.GraphRing = { place: place };
})();
