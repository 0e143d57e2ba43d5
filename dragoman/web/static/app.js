// dragoman explorer: draws the charts and the network of a page from its JSON twin.
// Loaded as a file (the Content-Security-Policy forbids inline scripts and eval): Vega runs its
// expressions through vega-interpreter (ast: true), never through new Function.
"use strict";

(function () {
  function fail(el, message) {
    el.classList.add("chart-error");
    el.textContent = message;
  }

  function drawChart(el) {
    fetch(el.dataset.chart, { headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.json();
      })
      .then(function (data) {
        var spec = data[el.dataset.key || "spec"];
        if (spec.data && spec.data.values && !spec.data.values.length) {
          el.classList.add("chart-empty");
          el.textContent = "No dated events match" + (spec.title ? " (" + spec.title + ")" : "") + ".";
          el.dataset.drawn = "empty";
          return null;
        }
        if (spec.vconcat) {  // "container" width works for single views only: size each part here
          // leave room for the y axis and the legend
          spec.vconcat.forEach(function (part) { part.width = Math.max(el.clientWidth - 260, 200); });
        }
        return window.vegaEmbed(el, spec, {
          renderer: "canvas",
          actions: false,
          ast: true,
          expr: window.vega.expressionInterpreter,
          defaultStyle: false,
          tooltip: { disableDefaultStyle: true }
        });
      })
      .then(function (result) { if (result) { el.dataset.drawn = "true"; } })
      .catch(function (err) { fail(el, "The chart could not be drawn: " + err.message); });
  }

  function drawNetwork(el) {
    fetch(el.dataset.network, { headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.json();
      })
      .then(function (data) {
        if (!data.elements.length) { fail(el, "No dyads match this filter."); return; }
        var maxEvents = Math.max.apply(null, data.edges.map(function (e) { return e.events; }));
        var cy = window.cytoscape({
          container: el,
          elements: data.elements,
          layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 9000; } },
          style: [
            { selector: "node", style: {
              "label": "data(label)", "font-size": 10, "background-color": "#555",
              "width": "mapData(events, 1, " + maxEvents + ", 12, 40)",
              "height": "mapData(events, 1, " + maxEvents + ", 12, 40)" } },
            { selector: "edge", style: {
              "curve-style": "bezier", "target-arrow-shape": "triangle",
              "line-color": "data(colour)", "target-arrow-color": "data(colour)",
              "width": "mapData(events, 1, " + maxEvents + ", 1, 10)", "opacity": 0.85 } }
          ]
        });
        cy.on("tap", "node, edge", function (evt) { window.location.assign(evt.target.data("href")); });
        el.dataset.drawn = "true";
      })
      .catch(function (err) { fail(el, "The network could not be drawn: " + err.message); });
  }

  function drawAll(root) {
    root.querySelectorAll("[data-chart]").forEach(drawChart);
    root.querySelectorAll("[data-network]").forEach(drawNetwork);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
})();
