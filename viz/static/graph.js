// Graph explorer: reads the JSON island, draws it with vis-network, and wires search,
// filters, focus and the details panel. Document text only ever reaches the DOM through
// textContent; vis-network 9 shows string titles with innerText.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges.map((e, i) => Object.assign({ id: "e" + i }, e)));
  const container = document.getElementById("network");
  const state = { types: new Set(Object.keys(data.types)), zone: "", focus: null, depth: 1, selected: null };

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function neighbours(id) {
    return edges.get({ filter: (e) => e.from === id || e.to === id }).map((e) => (e.from === id ? e.to : e.from));
  }

  function egoSet(start, depth) {
    const seen = new Set([start]);
    let frontier = [start];
    for (let d = 0; d < depth; d++) {
      const next = [];
      for (const id of frontier) for (const n of neighbours(id)) if (!seen.has(n)) { seen.add(n); next.push(n); }
      frontier = next;
    }
    return seen;
  }

  function applyFilters() {
    const ego = state.focus ? egoSet(state.focus, state.depth) : null;
    const updates = data.nodes.map((n) => ({
      id: n.id,
      hidden: !(state.types.has(n.etype) && (!state.zone || n.zones.includes(state.zone)) && (!ego || ego.has(n.id))),
    }));
    nodes.update(updates);
    const shown = updates.filter((u) => !u.hidden).length;
    document.getElementById("note").textContent =
      shown === data.nodes.length ? data.note : "显示 " + shown + " / " + data.nodes.length + " 个节点";
  }

  function buildLegend() {
    const filter = document.getElementById("type-filter");
    const legend = document.getElementById("legend");
    filter.appendChild(el("h3", "类型"));
    for (const [type, style] of Object.entries(data.types)) {
      const label = el("label", undefined, "type-option");
      const box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = type;
      box.addEventListener("change", () => {
        if (box.checked) state.types.add(type); else state.types.delete(type);
        applyFilters();
      });
      const swatch = el("span", "", "swatch shape-" + style.shape);
      swatch.style.background = style.color;
      label.append(box, swatch, el("span", style.name));
      filter.appendChild(label);
    }
    legend.appendChild(el("p", "边上的文字是关系；项目节点下方是投资额。", "hint"));
  }

  function buildZoneFilter() {
    const select = document.getElementById("zone-filter");
    for (const zone of data.zones) {
      const option = el("option", zone.label);
      option.value = zone.id;
      select.appendChild(option);
    }
    if (data.zone) select.value = data.zone;
    select.addEventListener("change", () => {
      // A truncated page holds only part of each zone: ask the server for the zone's own view.
      if (data.truncated || data.zone) {
        window.location.search = select.value ? "?zone=" + encodeURIComponent(select.value) : "";
        return;
      }
      state.zone = select.value;
      applyFilters();
    });
  }

  function factLines(id) {
    const lines = [];
    for (const e of edges.get({ filter: (x) => x.from === id || x.to === id })) {
      const other = byId.get(e.from === id ? e.to : e.from);
      if (!other) continue;
      const name = other.label.split("\n")[0];
      lines.push(e.from === id ? e.label + " → " + name : name + " → " + e.label);
    }
    return lines;
  }

  function showEvidence(panel, id) {
    const carried = data.evidence && data.evidence[id];
    if (!data.detailsUrl && !carried) return;
    const box = el("div", "正在读取来源句子…", "evidence");
    panel.appendChild(box);
    // An exported page carries its sentences; the served page asks the server.
    const details = carried ? Promise.resolve({ evidence: carried })
      : fetch(data.detailsUrl + "?iri=" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))));
    details
      .then((details) => {
        box.textContent = "";
        box.appendChild(el("h3", "来源句子（" + details.evidence.length + "）"));
        const list = el("ol", undefined, "sentences");
        for (const ev of details.evidence) {
          const item = el("li");
          item.appendChild(el("q", ev.text));
          if (ev.url && ev.url.startsWith("/")) {
            const link = el("a", ev.source || ev.doc_id);
            link.href = ev.url;
            item.append(" ", link);
          } else if (ev.source) {
            item.append(" ", el("span", ev.source + (ev.start === null ? "" : "，第 " + ev.start + "–" + ev.end + " 字"),
              "source"));
          }
          list.appendChild(item);
        }
        box.appendChild(list);
      })
      .catch(() => { box.textContent = "来源句子读取失败"; });
  }

  function showDetails(id) {
    const node = byId.get(id);
    const panel = document.getElementById("details");
    panel.textContent = "";
    if (!node) return;
    state.selected = id;
    document.getElementById("focus-button").disabled = false;
    panel.appendChild(el("h2", node.label.split("\n")[0]));
    panel.appendChild(el("pre", node.facts, "facts"));
    const facts = el("ul", undefined, "relations");
    for (const line of factLines(id)) facts.appendChild(el("li", line));
    panel.appendChild(facts);
    if (node.indicators.length) {
      panel.appendChild(el("h3", "指标（" + node.indicators.length + "）"));
      const list = el("ul", undefined, "indicators");
      for (const line of node.indicators) list.appendChild(el("li", line));
      panel.appendChild(list);
    }
    showEvidence(panel, id);
  }

  function select(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showDetails(id);
  }

  function buildSearch() {
    const input = document.getElementById("search");
    const results = document.getElementById("results");
    input.addEventListener("input", () => {
      results.textContent = "";
      const q = input.value.replace(/\s+/g, "").toLowerCase();
      if (!q) return;
      const hits = data.nodes.filter((n) => n.search.includes(q)).slice(0, 30);
      results.appendChild(el("h3", "搜索结果（" + hits.length + "）"));
      for (const hit of hits) {
        const button = el("button", hit.label.split("\n")[0], "result");
        button.type = "button";
        button.dataset.id = hit.id;
        button.addEventListener("click", () => select(hit.id));
        results.appendChild(button);
      }
    });
  }

  function buildFocus() {
    const depth = document.getElementById("depth");
    document.getElementById("focus-button").addEventListener("click", () => {
      state.focus = state.selected;
      state.depth = Number(depth.value);
      applyFilters();
      network.fit();
    });
    document.getElementById("reset-button").addEventListener("click", () => {
      state.focus = null;
      state.zone = "";
      document.getElementById("zone-filter").value = "";
      applyFilters();
      network.fit();
    });
  }

  const network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  function markStable() {
    network.setOptions({ physics: false });
    window.__graphStable = performance.now();
  }
  if (data.nodes.length === 0) markStable();
  else if (data.options.physics.enabled === false) network.once("afterDrawing", markStable);
  else network.once("stabilizationIterationsDone", markStable);
  network.on("click", (params) => { if (params.nodes.length) showDetails(params.nodes[0]); });
  buildLegend();
  buildZoneFilter();
  buildSearch();
  buildFocus();
  applyFilters();
  window.__graph = { network: network, nodes: nodes, edges: edges, select: select };
})();
