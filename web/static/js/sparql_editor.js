/* Wrapper around the vendored Yasgui: our endpoint, no outside services, the
   saved queries, and fixes for what axe finds in Yasgui's own markup. */
(function () {
  "use strict";
  if (!window.Yasgui) { return; }
  var gegevens = JSON.parse(document.getElementById("sparql-gegevens").textContent);
  var formulier = document.getElementById("sparql-formulier");
  var geladen = document.getElementById("sparql-geladen");
  var perCode = {};
  gegevens.queries.forEach(function (q) { perCode[q.code] = q; });

  // Ctrl+Space would ask an outside vocabulary service (LOV); the constructor
  // option is merged with the defaults, so replace the defaults themselves.
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    endpoint: gegevens.endpoint,
    requestConfig: { endpoint: gegevens.endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: gegevens.endpoint }]; } },
    persistenceId: null,
    populateFromUrl: false,
    autofocus: false,
    tabName: "Query",
    yasqe: { value: formulier.elements.query.value }
  });
  window.sparqlEditor = yasgui;
  formulier.hidden = true;

  function laad(code) {
    var q = perCode[code];
    var tab = yasgui.getTab();
    tab.setQuery(q.sparql);
    geladen.textContent = "Geladen: " + q.titel + ". " + q.uitleg;
    tab.getYasqe().focus();
  }
  document.querySelectorAll(".sparql-laad").forEach(function (knop) {
    knop.hidden = false;
    knop.addEventListener("click", function () { laad(knop.dataset.code); });
  });
  // A link like /sparql/editor#dubbel-aanbod (from the findings page) opens that query.
  var gevraagd = decodeURIComponent(window.location.hash.slice(1));
  if (perCode[gevraagd]) { laad(gevraagd); }

  // Accessibility fixes for Yasgui's markup (see tests/web/browser).
  // Idempotent: runs again on every change Yasgui makes to its markup.
  function noem(selector, naam) {
    document.querySelectorAll(selector).forEach(function (el) {
      if (el.getAttribute("aria-label") !== naam) { el.setAttribute("aria-label", naam); }
    });
  }
  function toegankelijk() {
    noem("#yasgui .controlbar input.autocomplete", "SPARQL-eindpunt");
    noem("#yasgui .CodeMirror textarea", "SPARQL-query");
    noem("#yasgui select.tableSizer", "Rijen per pagina");
    noem("#yasgui button.tabContextButton", "Instellingen van de query");
    noem("#yasgui button.addTab", "Nieuw tabblad");
    // The editor's scroll area must be reachable by keyboard (WCAG 2.1.1).
    document.querySelectorAll("#yasgui .CodeMirror-scroll[tabindex='-1']").forEach(function (el) {
      el.setAttribute("tabindex", "0");
      el.setAttribute("aria-label", "Query (scrollen)");
    });
    // A tablist may only hold tabs: move the "+" button out of it, into a bar
    // beside it. Its empty wrapper stays: Yasgui inserts new tabs before it.
    document.querySelectorAll("#yasgui .tabsList .addTab").forEach(function (knop) {
      var lijst = knop.closest(".tabsList");
      var balk = document.createElement("div");
      balk.className = "sparql-tabbalk";
      lijst.parentNode.insertBefore(balk, lijst);
      balk.appendChild(lijst);
      balk.appendChild(knop);
    });
    // Wide results scroll sideways inside the editor column, by keyboard too.
    document.querySelectorAll("#yasgui .yasr_results:not([tabindex])").forEach(function (el) {
      el.setAttribute("tabindex", "0");
      el.setAttribute("role", "region");
      el.setAttribute("aria-label", "Resultaten");
    });
  }
  toegankelijk();
  new MutationObserver(toegankelijk).observe(document.getElementById("yasgui"),
                                             { childList: true, subtree: true });
})();
