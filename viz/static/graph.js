// Graph explorer: reads the JSON island, draws it with vis-network, and wires search, filters,
// focus, neighbour expansion, the URL (history) and the details panel. Document text only ever
// reaches the DOM through textContent; vis-network 9 shows string titles with innerText.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const allTypes = Object.keys(data.types);
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeKey = (e) => e.from + "\u0000" + e.to + "\u0000" + e.predicate + "\u0000" + e.relation;
  const edgeKeys = new Set();
  const edgeList = data.edges.map((e, i) => { edgeKeys.add(edgeKey(e)); return Object.assign({ id: "e" + i }, e); });
  const state = {
    types: new Set(data.view.types.length ? data.view.types : allTypes), zone: data.view.zone,
    focus: data.view.focus, depth: data.view.depth, q: "", selected: null,
    expanded: new Set(), showIsolated: false, defaultScale: 1,
  };
  const isolatedCount = data.nodes.filter((n) => n.isolated).length;
  const Url = window.GraphUrl;
  const href = (view) => Url.href(view, allTypes.length);

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  // Neighbours along loaded edges, kept as an adjacency map (edges arrive with expansions).
  const adjacency = new Map();
  function link(e) {
    for (const [a, b] of [[e.from, e.to], [e.to, e.from]]) {
      if (!adjacency.has(a)) adjacency.set(a, new Set());
      adjacency.get(a).add(b);
    }
  }
  edgeList.forEach(link);
  const neighbours = (id) => adjacency.get(id) || new Set();

  function egoSet(start, depth, allowed) {
    const seen = new Set([start]);
    let frontier = [start];
    for (let d = 0; d < depth; d++) {
      const next = [];
      for (const id of frontier) for (const n of neighbours(id)) {
        if (!seen.has(n) && allowed(n)) { seen.add(n); next.push(n); }
      }
      frontier = next;
    }
    return seen;
  }

  function passes(n) {
    return state.types.has(n.etype) && (!state.zone || n.zones.includes(state.zone));
  }

  function isShown(n, ego) {
    if (state.expanded.has(n.id) || n.id === state.selected) return true;
    if (ego) return ego.has(n.id);
    return passes(n) && (!n.isolated || state.showIsolated || Boolean(state.zone));
  }

  function visibleIds() {
    return data.nodes.filter((n) => !n.hidden).map((n) => n.id);
  }

  function applyFilters() {
    const ego = state.focus && byId.has(state.focus) ? egoSet(state.focus, state.depth, (id) => passes(byId.get(id))) : null;
    const updates = [];
    for (const n of data.nodes) {
      const hidden = !isShown(n, ego);
      if (hidden !== Boolean(n.hidden)) { n.hidden = hidden; updates.push({ id: n.id, hidden: hidden }); }
    }
    if (updates.length) nodes.update(updates);
    const shown = data.nodes.length - data.nodes.filter((n) => n.hidden).length;
    document.getElementById("note").textContent =
      shown === data.nodes.length ? data.note : "显示 " + shown + " / " + data.nodes.length + " 个节点";
    document.getElementById("zone-filter").value = state.zone || "";
    document.getElementById("depth").value = String(state.depth);
    for (const box of document.querySelectorAll("#type-filter input")) box.checked = state.types.has(box.value);
    const toggle = document.getElementById("isolated-toggle");
    if (toggle) toggle.setAttribute("aria-pressed", String(state.showIsolated));
  }

  // Label candidates in priority order: the selection and search hits, the hubs, the selection's
  // neighbours (all of these always compete for a label), then the rest by rank.
  let labelOrder = [];
  function refreshLabelOrder() {
    const tier = new Map();
    if (state.selected) for (const n of neighbours(state.selected)) tier.set(n, 2);
    for (const n of data.nodes) if (n.hub) tier.set(n.id, 1);
    for (const hit of searchHits()) tier.set(hit.id, 0);
    if (state.selected) tier.set(state.selected, 0);
    const shown = data.nodes.filter((n) => !n.hidden);
    const first = shown.filter((n) => tier.has(n.id))
      .sort((a, b) => tier.get(a.id) - tier.get(b.id) || a.rank - b.rank);
    labelOrder = first.concat(shown.filter((n) => !tier.has(n.id)).sort((a, b) => a.rank - b.rank));
    labelOrder.pinned = first.length;
  }
  function shownEdges(onlyPinned) {
    const sel = state.selected;
    const shown = (id) => byId.has(id) && !byId.get(id).hidden;
    const touches = (e) => sel !== null && (e.from === sel || e.to === sel);
    if (onlyPinned && sel === null) return [];
    return edgeList.filter((e) => (!onlyPinned || touches(e)) && shown(e.from) && shown(e.to))
      .map((e) => Object.assign({ pinned: touches(e) }, e))
      .sort((a, b) => Number(b.pinned) - Number(a.pinned));
  }
  function labelSource() {
    return { nodes: labelOrder, pinned: labelOrder.pinned || 0, edges: shownEdges, defaultScale: state.defaultScale };
  }

  const MAX_SCALE = 4;
  const FIT_MARGIN = 0.88;
  function fitVisible(animate) {
    const scale = fitNodes(visibleIds(), 1.6, animate);
    if (scale) state.defaultScale = scale;
  }
  function fitNodes(ids, maxZoom, animate) {
    if (!ids.length) return 0;
    network.fit({ nodes: ids, maxZoomLevel: maxZoom, animation: false });
    // A margin for the labels of the outermost nodes, which fit() does not count.
    const scale = network.getScale() * FIT_MARGIN;
    network.moveTo({ scale: scale, animation: animate ? { duration: 300 } : false });
    return scale;
  }
  // Zooming out stops at the fitted view (every hub's name has room there), zooming in at MAX_SCALE.
  function clampZoom() {
    const min = Math.min(state.defaultScale, 1);
    const scale = network.getScale();
    if (scale < min || scale > MAX_SCALE) network.moveTo({ scale: Math.min(MAX_SCALE, Math.max(min, scale)) });
  }

  // A history entry for a view; an exported page opened from a file may refuse them, and works without.
  function remember(replace, view, url) {
    try {
      history[replace ? "replaceState" : "pushState"](view, "", url || href(view));
    } catch (err) {
      return;
    }
  }

  // One change of view: client-side when this page holds the whole graph, else a new page from the server.
  function go(change, how) {
    const next = Object.assign(Url.fromState(state), change);
    if (!data.complete) { window.location.assign(href(next)); return; }
    Url.toState(next, state, allTypes);
    if (how !== "none") remember(how === "replace", next);
    redraw(true);
  }
  function redraw(refit) {
    applyFilters();
    refreshLabelOrder();
    if (refit) fitVisible(true); else network.redraw();
  }

  function buildLegend() {
    const filter = document.getElementById("type-filter");
    filter.appendChild(el("h3", "类型"));
    for (const [type, style] of Object.entries(data.types)) {
      const label = el("label", undefined, "type-option");
      const box = el("input");
      box.type = "checkbox";
      box.checked = state.types.has(type);
      box.value = type;
      box.addEventListener("change", () => {
        const types = new Set(state.types);
        if (box.checked) types.add(type); else types.delete(type);
        go({ types: allTypes.filter((t) => types.has(t)) });
      });
      const swatch = el("span", "", "swatch shape-" + style.shape);
      swatch.style.background = style.color;
      label.append(box, swatch, el("span", style.name));
      filter.appendChild(label);
    }
    if (isolatedCount) {
      const toggle = el("button", "未关联 " + isolatedCount + " 个", "toggle");
      toggle.id = "isolated-toggle";
      toggle.type = "button";
      toggle.title = "没有任何关系的实体，默认收起";
      toggle.addEventListener("click", () => {
        state.showIsolated = !state.showIsolated;
        redraw(!state.showIsolated);
        if (state.showIsolated) { // to the block, where their names have room
          fitNodes(data.nodes.filter((n) => n.isolated && !n.hidden).map((n) => n.id), 1.2, true);
        }
      });
      filter.appendChild(toggle);
    }
    document.getElementById("legend").appendChild(
      el("p", "放大后显示更多名称；单击节点展开邻居，双击聚焦。项目名称下方是投资额。", "hint"));
  }

  function buildZoneFilter() {
    const select = document.getElementById("zone-filter");
    for (const zone of data.zones) {
      const option = el("option", zone.label);
      option.value = zone.id;
      select.appendChild(option);
    }
    select.value = state.zone || "";
    select.addEventListener("change", () => go({ zone: select.value, focus: "" }));
    for (const choice of document.querySelectorAll("#choices a.choice")) {
      choice.addEventListener("click", (event) => {
        const id = choice.dataset.id;
        if (!data.complete || !byId.has(id)) return; // the link itself loads the chosen view
        event.preventDefault();
        document.getElementById("choices").remove();
        if (choice.dataset.param === "focus") go({ focus: id, depth: state.depth });
        else go({ zone: id, focus: "" });
      });
    }
  }

  function showDetails(id) {
    const node = byId.get(id);
    const panel = document.getElementById("details");
    panel.textContent = "";
    if (!node) return;
    document.getElementById("focus-button").disabled = false;
    const close = el("button", "×", "close");
    close.type = "button";
    close.title = "关闭";
    close.addEventListener("click", () => {
      document.body.classList.remove("has-details");
      state.selected = null;
      network.unselectAll();
      redraw(false);
    });
    panel.appendChild(close);
    window.GraphDetails.fill(panel, node, edgeList, byId, data.detailsUrl, data.evidence && data.evidence[node.id]);
    document.body.classList.add("has-details");
  }

  // Free spots around a node for count new neighbours, preferring the side facing away from the graph's middle.
  function ringSpots(id, count) {
    const all = network.getPositions(visibleIds());
    const centre = all[id] || network.getPositions([id])[id] || { x: 0, y: 0 };
    const taken = Object.values(all);
    const mid = taken.reduce((m, p) => ({ x: m.x + p.x / taken.length, y: m.y + p.y / taken.length }), { x: 0, y: 0 });
    const away = Math.atan2(centre.y - mid.y, centre.x - mid.x) || 0;
    return window.GraphRing.place(centre, count, taken, network.getScale(), away);
  }
  // The camera (never the nodes) moves so that ids are on screen; zooming out that far stays allowed.
  function showAll(ids) {
    const canvas = container.querySelector("canvas");
    const onScreen = (p) => p.x >= 0 && p.y >= 0 && p.x <= canvas.clientWidth && p.y <= canvas.clientHeight;
    const points = network.getPositions(ids);
    if (ids.every((n) => points[n] && onScreen(network.canvasToDOM(points[n])))) return;
    const scale = fitNodes(ids, network.getScale(), false);
    if (scale) state.defaultScale = Math.min(state.defaultScale, scale);
  }

  // Click: the node's neighbours from the server, added around it (those already loaded are just shown).
  function expand(id) {
    if (!data.neighboursUrl) return Promise.resolve();
    return fetch(data.neighboursUrl + "?iri=" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((found) => {
        const fresh = found.nodes.filter((n) => !byId.has(n.id));
        const spots = ringSpots(id, fresh.length);
        fresh.forEach((n, k) => {
          Object.assign(n, { x: spots[k].x, y: spots[k].y,
            physics: false, hidden: false, rank: data.nodes.length + n.rank, isolated: false });
          data.nodes.push(n);
          byId.set(n.id, n);
        });
        if (fresh.length) nodes.add(fresh);
        const newEdges = found.edges.filter((e) => !edgeKeys.has(edgeKey(e)))
          .map((e, k) => Object.assign({ id: "x" + edgeList.length + "_" + k }, e));
        newEdges.forEach((e) => { edgeKeys.add(edgeKey(e)); edgeList.push(e); link(e); });
        if (newEdges.length) edges.add(newEdges);
        for (const n of found.nodes) state.expanded.add(n.id);
        state.expanded.add(id);
        redraw(false);
        if (fresh.length) showAll([id].concat(fresh.map((n) => n.id)));
        if (state.selected === id) showDetails(id); // its relations now include the new neighbours
        window.__graph.lastExpansion = { id: id, added: fresh.length, neighbours: found.nodes.length };
      })
      .catch(() => { window.__graph.lastExpansion = { id: id, error: true }; });
  }

  function select(id, options) {
    if (!byId.has(id)) return;
    state.selected = id;
    if (byId.get(id).hidden) state.expanded.add(id);
    redraw(false);
    network.selectNodes([id]);
    if (!options || options.move !== false) network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
    showDetails(id);
  }

  let lastHits = [];
  function searchHits() { return lastHits; }
  function runSearch(q) {
    const results = document.getElementById("results");
    results.textContent = "";
    state.q = q;
    const key = q.replace(/\s+/g, "").toLowerCase();
    lastHits = key ? data.nodes.filter((n) => n.search.includes(key)).slice(0, 30) : [];
    if (key) {
      results.appendChild(el("h3", "搜索结果（" + lastHits.length + "）"));
      for (const hit of lastHits) {
        const button = el("button", hit.name, "result");
        button.type = "button";
        button.dataset.id = hit.id;
        button.addEventListener("click", () => select(hit.id));
        results.appendChild(button);
      }
    }
    refreshLabelOrder();
    network.redraw();
  }
  function buildSearch() {
    const input = document.getElementById("search");
    input.value = state.q;
    input.addEventListener("input", () => {
      runSearch(input.value);
      // A new search is a new history entry; the keystrokes after the first refine it in place.
      const view = Url.fromState(state);
      const searching = history.state && history.state.q;
      remember(searching, view);
    });
  }

  function buildFocus() {
    const depth = document.getElementById("depth");
    document.getElementById("focus-button").addEventListener("click", () => {
      if (state.selected) go({ focus: state.selected, depth: Number(depth.value) });
    });
    depth.addEventListener("change", () => {
      if (state.focus) go({ depth: Number(depth.value) }); else state.depth = Number(depth.value);
    });
    document.getElementById("reset-button").addEventListener("click", () => {
      state.expanded.clear();
      go({ zone: "", focus: "", depth: 1, types: allTypes });
    });
  }

  window.addEventListener("popstate", (event) => {
    const next = event.state || Url.parse(window.location.search);
    if (!data.complete) { window.location.reload(); return; }
    Url.toState(next, state, allTypes);
    document.getElementById("search").value = state.q;
    runSearch(state.q);
    redraw(true);
  });

  // The server rendered the URL's view (data.view); only the search text is the page's own.
  state.q = Url.parse(window.location.search).q;
  for (const n of data.nodes) n.hidden = !isShown(n, null);
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(edgeList);
  const container = document.getElementById("network");
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  const labels = window.GraphLabels.create(network, labelSource);
  function markStable() {
    network.setOptions({ physics: false });
    applyFilters();
    refreshLabelOrder();
    fitVisible(false);
    remember(true, Url.fromState(state), window.location.href); // back to here restores this view
    window.__graphStable = performance.now();
  }
  if (data.nodes.length === 0) markStable();
  else if (data.options.physics.enabled === false) network.once("afterDrawing", markStable);
  else network.once("stabilizationIterationsDone", markStable);
  let clickTimer = null;
  network.on("click", (params) => {
    if (!params.nodes.length) return;
    const id = params.nodes[0];
    select(id, { move: false });
    clearTimeout(clickTimer);
    clickTimer = setTimeout(() => expand(id), 250); // a double click cancels it
  });
  network.on("doubleClick", (params) => {
    clearTimeout(clickTimer);
    if (params.nodes.length) go({ focus: params.nodes[0], depth: Number(document.getElementById("depth").value) });
  });
  network.on("zoom", clampZoom);
  buildLegend();
  buildZoneFilter();
  buildSearch();
  buildFocus();
  applyFilters();
  if (state.q) runSearch(state.q);
  window.__graph = { network: network, nodes: nodes, edges: edges, select: select, expand: expand,
    labels: labels, state: state, fit: fitVisible, lastExpansion: null };
})();
