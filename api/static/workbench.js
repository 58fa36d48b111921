// The SPARQL workbench: YASGUI on this service's endpoint, the ontology's prefixes, and a gallery of
// example queries (each button opens its query in the editor and runs it). No state is kept between visits.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("workbench-config").textContent);
  const gallery = document.getElementById("gallery");
  if (typeof Yasgui === "undefined") {
    return;
  }
  const first = config.examples[0];
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    endpointCatalogueOptions: { getData: () => [{ endpoint: config.endpoint }] },
    // Class and property completion asks a public vocabulary service; this page talks to its own host only.
    yasqe: { value: first ? first.query : "", autocompleters: ["variables", "prefixes"] },
    populateFromUrl: false,
  });

  function show(example) {
    const tab = yasgui.getTab();
    tab.setEndpoint(config.endpoint);
    tab.setQuery(example.query);
    tab.query();
  }

  for (const example of config.examples) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "example";
    button.dataset.name = example.name;
    button.textContent = example.title;
    button.addEventListener("click", () => show(example));
    gallery.appendChild(button);
  }
  window.__workbench = { yasgui, show, examples: config.examples };
})();
