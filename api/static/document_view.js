// Document view: highlight the evidence sentence the URL names (?s=&e= marks it server-side as
// .current; #evidence-<id> picks one here) and scroll it into view; the facts' 原文 links do the same in place.
(function () {
  "use strict";
  var text = document.getElementById("doc-text");
  if (!text) { return; }

  function marksOf(id) { return text.querySelectorAll('mark[data-ev="' + id + '"]'); }

  function select(id) {
    var marks = marksOf(id);
    if (!marks.length) { return false; }
    text.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    marks.forEach(function (m) { m.classList.add("current"); });
    return true;
  }

  function reveal() {
    var first = text.querySelector("mark.current");
    if (first) {
      first.scrollIntoView({ block: "center" });
      first.classList.add("flash");
      window.setTimeout(function () { first.classList.remove("flash"); }, 1200);
    }
    var id = first ? first.getAttribute("data-ev") : null;
    var aside = document.querySelector(".doc-facts");
    var stated = [];
    document.querySelectorAll(".doc-facts li").forEach(function (li) {
      var source = li.querySelector("a.source");
      var mine = id !== null && source && source.getAttribute("href") === "#evidence-" + id;
      li.classList.toggle("current", mine);
      if (mine) { stated.push(li); }
    });
    if (stated.length && aside) { aside.scrollTop = stated[0].offsetTop - aside.clientHeight / 3; }
    window.__docView = { current: id, facts: stated.length };
  }

  function fromHash() {
    var match = /^#evidence-([A-Za-z0-9_-]+)$/.exec(window.location.hash);
    return match ? select(match[1]) : false;
  }

  document.querySelectorAll(".doc-facts a.source").forEach(function (a) {
    a.addEventListener("click", function (event) {
      var id = a.getAttribute("href").slice("#evidence-".length);
      if (!select(id)) { return; }
      event.preventDefault();
      var url = new URL(window.location.href);
      url.searchParams.set("s", a.getAttribute("data-s"));
      url.searchParams.set("e", a.getAttribute("data-e"));
      url.hash = "";
      window.history.pushState(null, "", url.toString());
      reveal();
    });
  });
  window.addEventListener("hashchange", function () { if (fromHash()) { reveal(); } });
  fromHash();
  reveal();
}());
