/* Network map: draws the server's vis-network data (#netwerk-data) with the
 * vendored vis-network. A file of its own, not an inline script, so the site
 * can get a strict Content-Security-Policy. Without JavaScript the page still
 * works: the filters are a plain GET form and the network is listed as text.
 *
 * window.netwerkKaart exposes the network, its DataSets and timings
 * (ms since navigation start) for the browser tests and for diagnosis.
 */
(function () {
  "use strict";
  var bron = document.getElementById("netwerk-data");
  var houder = document.getElementById("netwerk-kaart");
  if (!bron || !houder || typeof vis === "undefined") {
    return;
  }
  var data = JSON.parse(bron.textContent);
  var metingen = { start: performance.now() };
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  houder.textContent = "";
  var netwerk = new vis.Network(houder, { nodes: nodes, edges: edges }, data.options);
  window.netwerkKaart = { network: netwerk, nodes: nodes, edges: edges, metingen: metingen };

  netwerk.once("afterDrawing", function () {
    // With physics (small maps) vis draws only after stabilising; big maps come with
    // fixed positions and no physics, so this is when the map is ready either way.
    metingen.eersteTekening = performance.now();
  });
  netwerk.once("stabilizationIterationsDone", function () {
    // Small maps only: big ones come with fixed positions and physics off.
    metingen.stabilisatie = performance.now();
  });

  /* A click on a node opens its page; a click on empty space or an edge does nothing. */
  function open(params) {
    if (!params.nodes || params.nodes.length === 0) {
      return;
    }
    var knoop = nodes.get(params.nodes[0]);
    if (knoop && knoop.url) {
      window.location.assign(knoop.url);
    }
  }
  netwerk.on("click", open);
  window.netwerkKaart.open = open;
  netwerk.on("hoverNode", function () { houder.classList.add("netwerk-wijs"); });
  netwerk.on("blurNode", function () { houder.classList.remove("netwerk-wijs"); });
}());
