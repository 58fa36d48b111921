// The explorer's view in the URL: q (search), zone, type (repeated), focus and depth, so a view can be
// shared and back/forward walk through the views a visitor chose.
(function () {
  "use strict";
  function parse(search) {
    const params = new URLSearchParams(search);
    return {
      q: params.get("q") || "", zone: params.get("zone") || "", focus: params.get("focus") || "",
      depth: Number(params.get("depth")) || 1, types: params.getAll("type"),
    };
  }

  function fromState(state) {
    return { q: state.q || "", zone: state.zone || "", focus: state.focus || "", depth: state.depth || 1,
      types: Array.from(state.types) };
  }

  function toState(view, state, allTypes) {
    state.q = view.q || "";
    state.zone = view.zone || "";
    state.focus = view.focus || "";
    state.depth = view.depth || 1;
    state.types = new Set(view.types && view.types.length ? view.types : allTypes);
  }

  function href(view, allCount) {
    const params = new URLSearchParams();
    if (view.zone) params.set("zone", view.zone);
    const types = view.types || [];
    if (types.length && types.length < allCount) for (const t of types) params.append("type", t);
    if (view.focus) { params.set("focus", view.focus); params.set("depth", String(view.depth || 1)); }
    if (view.q) params.set("q", view.q);
    const query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  window.GraphUrl = { parse: parse, fromState: fromState, toState: toState, href: href };
})();
