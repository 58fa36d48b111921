"""Driving the graph explorer in Chromium: open a view, click nodes where they are drawn, check the labels."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from tests.browser.live import OfflinePage

STABLE = "window.__graphStable !== undefined"

# Every label the last frame drew, checked against the canvas itself: the text measured again in its own font
# must fit its box, a node's box must touch the ring around its node, every box must lie inside the canvas,
# and no two boxes may intersect.
LABEL_REPORT = """() => {
  const net = __graph.network, scale = net.getScale();
  const canvas = document.querySelector('#network canvas');
  const measure = document.createElement('canvas').getContext('2d');
  const drawn = __graph.labels.drawn();
  const problems = [];
  for (const b of drawn) {
    for (const line of b.lines) {
      measure.font = line.font;
      if (measure.measureText(line.text).width > b.w + 0.5) problems.push('too narrow: ' + line.text);
    }
    if (b.x < 0 || b.y < 0 || b.x + b.w > canvas.clientWidth || b.y + b.h > canvas.clientHeight)
      problems.push('outside the canvas: ' + b.lines[0].text);
    if (b.kind === 'node') {
      const node = __graph.nodes.get(b.id);
      if (node.hidden) problems.push('label of a hidden node: ' + node.name);
      const p = net.canvasToDOM(net.getPositions([b.id])[b.id]);
      const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.w)), dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.h));
      if (Math.hypot(dx, dy) > node.size * scale + 8) problems.push('far from its node: ' + node.name);
      if (b.lines[0].text !== node.name) problems.push('not the node name: ' + b.lines[0].text);
    }
  }
  const overlaps = [];
  for (let i = 0; i < drawn.length; i++) for (let j = i + 1; j < drawn.length; j++) {
    const a = drawn[i], b = drawn[j];
    if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
      overlaps.push(a.lines[0].text + ' / ' + b.lines[0].text);
  }
  const nodes = drawn.filter((b) => b.kind === 'node').map((b) => b.id);
  return { count: drawn.length, nodes: nodes, edges: drawn.length - nodes.length, problems: problems,
           overlaps: overlaps, scale: scale };
}"""


def open_graph(browser: Any, base: str, query: str = "") -> OfflinePage:
    """The explorer at ``/graph{query}``, loaded and at rest, with nothing but ``base`` reachable."""
    offline = OfflinePage(browser, base)
    offline.page.goto(f"{base}/graph{query}")
    wait_for(offline.page, STABLE, 60)
    return offline


def labels(page: Any) -> dict[str, Any]:
    """The label report of the frame on screen (after one more redraw)."""
    page.evaluate("__graph.network.redraw()")
    return dict(page.evaluate(LABEL_REPORT))


def visible_ids(page: Any) -> set[str]:
    return set(page.evaluate("__graph.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))


def node_point(page: Any, node: str) -> tuple[float, float]:
    """Where ``node`` is drawn, in page coordinates."""
    point = page.evaluate("id => __graph.network.canvasToDOM(__graph.network.getPositions([id])[id])", node)
    box = page.locator("#network").bounding_box()
    return box["x"] + point["x"], box["y"] + point["y"]


def zoom_to(page: Any, factor: float) -> None:
    """Zoom by ``factor`` around the view's centre, as the wheel does (the page clamps the range)."""
    page.evaluate("f => { __graph.network.moveTo({scale: __graph.network.getScale() * f}); "
                  "__graph.network.emit('zoom', {}); }", factor)


def wait_for(page: Any, expression: str, timeout_s: float = 60.0) -> Any:
    """Poll ``expression`` until it is truthy (the page's CSP forbids Playwright's eval-based wait_for_function)."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_s} s: {expression}")
        time.sleep(0.1)


T = TypeVar("T")


def eventually(check: Callable[[], T], timeout_s: float = 60.0) -> T:
    """``check()`` once it passes, for a view that is still moving (animations run by frames, slower on a busy
    machine); its last AssertionError if it still fails after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return check()
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def expansion_layout(page: Any, before: set[str], centre: str) -> dict[str, Any]:
    """Where a click-expansion put its new nodes, in screen pixels: nearest old node, distance to the centre."""
    return dict(page.evaluate("""([before, centre]) => {
      const net = __graph.network, at = (id) => net.canvasToDOM(net.getPositions([id])[id]);
      const shown = __graph.nodes.get({filter: n => !n.hidden}).map(n => n.id);
      const old = shown.filter(id => before.includes(id) && id !== centre).map(at);
      const fresh = shown.filter(id => !before.includes(id));
      const c = at(centre);
      return { fresh: fresh,
        nearestOld: Math.min(...fresh.map(id => { const p = at(id);
          return Math.min(...old.map(q => Math.hypot(p.x - q.x, p.y - q.y))); })),
        fromCentre: fresh.map(id => { const p = at(id); return Math.hypot(p.x - c.x, p.y - c.y); }) };
    }""", [sorted(before), centre]))
