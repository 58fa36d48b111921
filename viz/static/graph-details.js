// The details panel: a node's facts, relations, indicators and source sentences, with links to the
// document view (the sentence highlighted) and, for a zone, to its profile page.
(function () {
  "use strict";
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  const localId = (iri) => iri.split("/").pop();

  // "/documents/{id}?s=<start>&e=<end>": the document view scrolls to and highlights that span.
  function sourceHref(ev) {
    if (!ev.url || !ev.url.startsWith("/")) return "";
    // The server's evidence URL already names the span (/documents/{id}?s=&e=); add it only where it does not.
    if (ev.url.includes("?") || ev.start === null || ev.start === undefined || ev.end === null || ev.end === undefined) {
      return ev.url;
    }
    return ev.url + "?s=" + encodeURIComponent(ev.start) + "&e=" + encodeURIComponent(ev.end);
  }

  function relationLines(id, edges, byId) {
    const lines = [];
    for (const e of edges) {
      if (e.from !== id && e.to !== id) continue;
      const other = byId.get(e.from === id ? e.to : e.from);
      if (other) lines.push(e.from === id ? e.relation + " → " + other.name : "← " + e.relation + "：" + other.name);
    }
    return lines;
  }

  function showEvidence(panel, id, detailsUrl, carried) {
    if (!detailsUrl && !carried) return;
    const box = el("div", "正在读取来源句子…", "evidence");
    panel.appendChild(box);
    // An exported page carries its sentences (no server to link to); the served page asks the server.
    const details = carried ? Promise.resolve({ evidence: carried })
      : fetch(detailsUrl + "?iri=" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))));
    details
      .then((details) => {
        box.textContent = "";
        box.appendChild(el("h3", "来源句子（" + details.evidence.length + "）"));
        const list = el("ol", undefined, "sentences");
        for (const ev of details.evidence) {
          const item = el("li");
          item.appendChild(el("q", ev.text));
          const href = carried ? "" : sourceHref(ev);
          if (href) {
            const link = el("a", ev.source || ev.doc_id, "source");
            link.href = href;
            item.append(" ", link);
          } else if (ev.source) {
            const span = ev.start === null || ev.start === undefined ? "" : "，第 " + ev.start + "–" + ev.end + " 字";
            item.append(" ", el("span", ev.source + span, "source"));
          }
          list.appendChild(item);
        }
        box.appendChild(list);
      })
      .catch(() => { box.textContent = "来源句子读取失败"; });
  }

  function fill(panel, node, edges, byId, detailsUrl, carried) {
    panel.appendChild(el("h2", node.name));
    if (node.etype === "Zone") {
      const profile = el("a", "开发区概况 →", "profile");
      profile.href = "/zones/" + encodeURIComponent(localId(node.id));
      panel.appendChild(profile);
    }
    panel.appendChild(el("pre", node.facts, "facts"));
    const facts = el("ul", undefined, "relations");
    for (const line of relationLines(node.id, edges, byId)) facts.appendChild(el("li", line));
    panel.appendChild(facts);
    if (node.indicators.length) {
      panel.appendChild(el("h3", "指标（" + node.indicators.length + "）"));
      const list = el("ul", undefined, "indicators");
      for (const line of node.indicators) list.appendChild(el("li", line));
      panel.appendChild(list);
    }
    showEvidence(panel, node.id, detailsUrl, carried);
  }

  window.GraphDetails = { fill: fill, sourceHref: sourceHref };
})();
