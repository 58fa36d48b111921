// Labels of the graph page, drawn over vis-network's canvas at a constant screen size.
// Each frame the candidates are taken in priority order (pinned nodes, hubs: zones and the most
// linked entities, then by degree;
// lower-ranked nodes only once the user has zoomed in far enough) and a label is drawn only
// if its box overlaps no box already drawn, so no two labels ever cover each other.
(function () {
  "use strict";
  const FACE = '"Noto Sans CJK SC", "Noto Sans CJK TC", sans-serif';
  const FONTS = {
    zone: { font: "bold 14px " + FACE, line: 18, color: "#8c1c1c" },
    node: { font: "12px " + FACE, line: 15, color: "#222" },
    amount: { font: "11px " + FACE, line: 14, color: "#b35900" },
    edge: { font: "10px " + FACE, line: 12, color: "#666" },
  };
  const PAD = 3; // empty pixels kept around every label box
  const CELL = 64; // grid cell of the collision index, in screen pixels
  const BASE_BUDGET = 40; // candidates besides the pinned ones and hubs at the default zoom
  const EDGE_LABEL_SCALE = 1.1; // zoom from which relation names appear on edges
  const MIN_SHAPE = 2; // node radius (pixels) below which a label may cover the node
  const REPAIRS = 2; // extra passes over the must-have labels when some found no room

  const widths = new Map();
  function textWidth(ctx, font, text) {
    const key = font + "\u0000" + text;
    let w = widths.get(key);
    if (w === undefined) {
      ctx.font = font;
      w = ctx.measureText(text).width;
      widths.set(key, w);
    }
    return w;
  }

  // Boxes already drawn this frame, bucketed by grid cell.
  class Occupied {
    constructor() { this.cells = new Map(); }
    *range(b) {
      for (let cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.w) / CELL); cx++)
        for (let cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.h) / CELL); cy++) yield cx * 65536 + cy;
    }
    hits(b) {
      for (const key of this.range(b)) {
        for (const o of this.cells.get(key) || []) {
          if (b.x < o.x + o.w + PAD && o.x < b.x + b.w + PAD && b.y < o.y + o.h + PAD && o.y < b.y + b.h + PAD) return true;
        }
      }
      return false;
    }
    add(b) {
      for (const key of this.range(b)) {
        if (!this.cells.has(key)) this.cells.set(key, []);
        this.cells.get(key).push(b);
      }
    }
  }

  // A node's label as lines of [style, text], with the boxes it may take (DOM pixels): under the
  // node, else above, right, left or at a corner of it; a hub's label may also slide along those sides
  // (still touching the node), so that one crowded corner of the graph does not leave a zone unnamed.
  function nodeLabel(ctx, node, x, y, radius, slide) {
    const lines = [[node.etype === "Zone" ? FONTS.zone : FONTS.node, node.name]];
    if (node.amount) lines.push([FONTS.amount, node.amount]);
    const w = Math.max(...lines.map(([s, t]) => textWidth(ctx, s.font, t))) + 4;
    const h = lines.reduce((sum, [s]) => sum + s.line, 0);
    const gap = radius + PAD + 1; // clear of the node's own shape
    const spots = [[x - w / 2, y + gap], [x - w / 2, y - gap - h], [x + gap, y - h / 2], [x - gap - w, y - h / 2],
      [x + gap * 0.7, y + gap * 0.7], [x - gap * 0.7 - w, y + gap * 0.7],
      [x + gap * 0.7, y - gap * 0.7 - h], [x - gap * 0.7 - w, y - gap * 0.7 - h]];
    if (slide) {
      for (const f of [0.1, 0.9, 0.3, 0.7]) spots.push([x - w * f, y + gap], [x - w * f, y - gap - h]);
      for (const f of [0.1, 0.9]) spots.push([x + gap, y - h * f], [x - gap - w, y - h * f]);
    }
    return spots.map(([left, top]) => ({ kind: "node", id: node.id, lines: lines, x: left, y: top, w: w, h: h }));
  }

  function edgeLabel(ctx, edge, a, b) {
    const w = textWidth(ctx, FONTS.edge.font, edge.relation) + 4;
    const h = FONTS.edge.line;
    return { kind: "edge", id: edge.id, lines: [[FONTS.edge, edge.relation]],
      x: (a.x + b.x) / 2 - w / 2, y: (a.y + b.y) / 2 - h / 2, w: w, h: h };
  }

  function drawBox(ctx, box) {
    let top = box.y;
    for (const [style, text] of box.lines) {
      ctx.font = style.font;
      ctx.strokeText(text, box.x + box.w / 2, top + 1);
      ctx.fillStyle = style.color;
      ctx.fillText(text, box.x + box.w / 2, top + 1);
      top += style.line;
    }
  }

  // Labels that must be drawn (the pinned nodes and the hubs), greedily in order; when some find no room,
  // once more with those first (their neighbours usually have other spots), keeping the better pass.
  function placeMust(musts, spots, inside) {
    const pass = (order) => {
      const occupied = new Occupied(), drawn = [], failed = [];
      for (const c of order) {
        const box = spots(c).find((b) => inside(b) && !occupied.hits(b));
        if (box) { occupied.add(box); drawn.push(box); } else failed.push(c);
      }
      return { occupied: occupied, drawn: drawn, failed: failed };
    };
    let best = pass(musts);
    for (let retry = 0; retry < REPAIRS && best.failed.length; retry++) {
      const first = new Set(best.failed);
      const next = pass(best.failed.concat(musts.filter((c) => !first.has(c))));
      if (next.failed.length >= best.failed.length) break;
      best = next;
    }
    return best;
  }

  // source() gives {nodes: [node objects in priority order], pinned: count that always compete,
  // edges(onlyPinned): the shown edges worth a label, those of the selection first,
  // defaultScale: the scale of the fitted view}.
  function create(network, source) {
    const state = { drawn: [], enabled: true };
    network.on("afterDrawing", (ctx) => {
      if (!state.enabled) return;
      const started = performance.now();
      const view = source();
      const canvas = ctx.canvas;
      const ratio = canvas.width / canvas.clientWidth;
      const scale = network.getScale();
      const origin = network.canvasToDOM({ x: 0, y: 0 });
      const toDom = (p) => ({ x: p.x * scale + origin.x, y: p.y * scale + origin.y });
      const inside = (b) => b.x >= 0 && b.y >= 0 && b.x + b.w <= canvas.clientWidth && b.y + b.h <= canvas.clientHeight;
      const zoom = Math.max(1, scale / (view.defaultScale || scale));
      const budget = view.pinned + Math.round(BASE_BUDGET * zoom * zoom);
      const positions = network.getPositions(view.nodes.map((n) => n.id));
      const shapes = new Occupied(); // nodes' own shapes: only hubs' labels may cover them
      const at = new Map();
      const onScreen = (q) => q.x > -50 && q.y > -50 && q.x < canvas.clientWidth + 50 && q.y < canvas.clientHeight + 50;
      for (const node of view.nodes) {
        const p = positions[node.id];
        if (!p) continue;
        const q = toDom(p);
        const r = node.size * scale;
        at.set(node.id, q);
        if (r >= MIN_SHAPE && onScreen(q)) shapes.add({ x: q.x - r, y: q.y - r, w: 2 * r, h: 2 * r });
      }
      const candidates = [];
      let k = 0; // candidates so far among the nodes on screen: the zoom level decides how many may compete
      view.nodes.forEach((node, index) => {
        const q = at.get(node.id);
        if (!q || !onScreen(q)) return;
        const must = index < view.pinned || node.hub;
        if (k++ < budget || must) candidates.push({ node: node, q: q, must: must });
      });
      const spots = (c) => nodeLabel(ctx, c.node, c.q.x, c.q.y, c.node.size * scale, c.must);
      const { occupied, drawn } = placeMust(candidates.filter((c) => c.must), spots, inside);
      for (const c of candidates) {
        if (c.must) continue;
        const box = spots(c).find((b) => inside(b) && !occupied.hits(b) && !shapes.hits(b));
        if (box) { occupied.add(box); drawn.push(box); }
      }
      const labelled = new Set(drawn.map((b) => b.id));
      for (const edge of view.edges(scale < EDGE_LABEL_SCALE)) {
        if (!edge.pinned && !(labelled.has(edge.from) && labelled.has(edge.to))) continue;
        const a = positions[edge.from], b = positions[edge.to];
        if (!a || !b || !edge.relation) continue;
        const box = edgeLabel(ctx, edge, toDom(a), toDom(b));
        if (inside(box) && !occupied.hits(box) && !shapes.hits(box)) { occupied.add(box); drawn.push(box); }
      }
      ctx.save();
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.textAlign = "center";
      ctx.textBaseline = "top";
      ctx.lineJoin = "round";
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      for (const box of drawn) drawBox(ctx, box);
      ctx.restore();
      state.drawn = drawn;
      state.ms = performance.now() - started;
    });
    return {
      // What the last frame drew: kind, id, text lines with their CSS font, and the box in DOM pixels.
      drawn: () => state.drawn.map((b) => ({ kind: b.kind, id: b.id, x: b.x, y: b.y, w: b.w, h: b.h,
        lines: b.lines.map(([s, t]) => ({ font: s.font, text: t })) })),
      pad: PAD,
      lastMs: () => state.ms, // time the last frame spent on labels
    };
  }

  window.GraphLabels = { create: create };
})();
