// The plan (A3) and resources (A4): behaviours their pages opt into with data attributes.
// No inline code anywhere (Content-Security-Policy); every page works without this file.
(function () {
  "use strict";

  function onReady(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  // --- The plan tree: expand / collapse all -------------------------------------------------
  // [data-plan-toggles] holds the buttons (hidden without JavaScript); each
  // [data-plan-expand="open|close"] opens or closes every <details> of the tree.
  function initToggles(root) {
    (root || document).querySelectorAll("[data-plan-toggles]").forEach(function (box) {
      box.classList.remove("d-none");
    });
  }
  document.addEventListener("click", function (event) {
    var btn = event.target.closest && event.target.closest("[data-plan-expand]");
    if (!btn) return;
    var open = btn.getAttribute("data-plan-expand") === "open";
    document.querySelectorAll("[data-plan-tree] details").forEach(function (d) { d.open = open; });
  });

  // --- The plan tree: drag an item under another --------------------------------------------
  // Every <ol class="plan-children" data-parent="KEY"> of [data-plan-tree] is a drop list;
  // items (li[data-move-url]) are dragged by their .drag-handle. A drop posts the new
  // whole and place to the item's move address, and the tree comes back re-rendered (or
  // unchanged with the reason, when the plan refuses the move — a circle, say).
  function initDrag(root) {
    if (!window.Sortable || !window.htmx) return;
    (root || document).querySelectorAll("[data-plan-tree]").forEach(function (tree) {
      var lists = [tree].concat(Array.prototype.slice.call(tree.querySelectorAll("ol.plan-children")));
      lists.forEach(function (list) {
        if (list._sortable) return;
        list._sortable = window.Sortable.create(list, {
          group: "plan-tree",
          handle: ".drag-handle",
          draggable: ".plan-node",
          animation: 150,
          fallbackOnBody: true,
          swapThreshold: 0.6,
          onEnd: function (evt) {
            if (evt.from === evt.to && evt.oldIndex === evt.newIndex) return;
            var url = evt.item.getAttribute("data-move-url");
            if (!url) { window.location.reload(); return; }
            window.htmx.ajax("POST", url, {
              target: "#plan-tree",
              select: "#plan-tree",
              swap: "outerHTML",
              values: {
                "move-parent": evt.to.getAttribute("data-parent") || "",
                "move-index": String(evt.newIndex),
                dragged: "1",
                next: window.location.pathname + window.location.search
              }
            });
          }
        });
      });
    });
  }

  // --- The timeline: fit to the width, and for printing -------------------------------------
  // [data-gantt-fit] toggles the chart between its natural size (scrolling sideways) and
  // the width of the page; printing always fits it to the paper.
  var FIT = ["mw-100", "h-auto"];
  function fit(on) {
    document.querySelectorAll("[data-gantt] svg").forEach(function (svg) {
      FIT.forEach(function (c) { svg.classList.toggle(c, on); });
    });
  }
  document.addEventListener("click", function (event) {
    var btn = event.target.closest && event.target.closest("[data-gantt-fit]");
    if (!btn) return;
    var on = btn.getAttribute("aria-pressed") !== "true";
    btn.setAttribute("aria-pressed", on ? "true" : "false");
    fit(on);
  });
  var fitted = false;
  window.addEventListener("beforeprint", function () {
    var btn = document.querySelector("[data-gantt-fit]");
    fitted = !!btn && btn.getAttribute("aria-pressed") === "true";
    fit(true);
  });
  window.addEventListener("afterprint", function () { fit(fitted); });

  // --- Resources: the gap chart (Apache ECharts, SVG renderer) ------------------------------
  // <div data-gap-chart="ID"> draws the line chosen in <select data-gap-line="ID"> from the
  // JSON data island <script type="application/json" id="ID">: {labels: {...}, lines: [{id,
  // name, unit, points: [{date, needed, available, lacking}]}]}. The table beside the
  // chart holds the same numbers for screen readers and for printing.
  function drawGap(box) {
    if (!window.echarts) return;
    var island = document.getElementById(box.getAttribute("data-gap-chart"));
    if (!island) return;
    var data = JSON.parse(island.textContent);
    var select = document.querySelector("[data-gap-line='" + box.getAttribute("data-gap-chart") + "']");
    var id = select ? select.value : (data.lines[0] && data.lines[0].id);
    var line = data.lines.filter(function (l) { return l.id === id; })[0];
    if (!line) return;
    var chart = box._chart || window.echarts.init(box, null, { renderer: "svg" });
    box._chart = chart;
    var L = data.labels;
    var dates = line.points.map(function (p) { return p.date || L.now; });
    function series(name, key, type, colour) {
      return {
        name: name, type: type, step: type === "line" ? "end" : undefined,
        data: line.points.map(function (p) { return Number(p[key]); }),
        itemStyle: { color: colour }, lineStyle: type === "line" ? { width: 2.5, color: colour } : undefined,
        symbolSize: 7
      };
    }
    chart.setOption({
      aria: { enabled: true },
      animation: false,
      textStyle: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif" },
      tooltip: { trigger: "axis", renderMode: "richText", valueFormatter: function (v) { return Number(v).toLocaleString() + " " + line.unit; } },
      legend: { top: 0, left: 0 },  // the resource is named by the select above
      grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: dates },
      yAxis: { type: "value", name: line.unit, nameTextStyle: { align: "left" } },
      series: [
        series(L.lacking, "lacking", "bar", "#c81e1e"),
        series(L.needed, "needed", "line", "#1f3a5f"),
        series(L.available, "available", "line", "#1c6b3a")
      ]
    }, true);
  }
  function initGaps(root) {
    (root || document).querySelectorAll("[data-gap-chart]").forEach(function (box) {
      box.classList.remove("d-none");
      drawGap(box);
    });
  }
  document.addEventListener("change", function (event) {
    var sel = event.target.closest && event.target.closest("[data-gap-line]");
    if (!sel) return;
    var box = document.querySelector("[data-gap-chart='" + sel.getAttribute("data-gap-line") + "']");
    if (box) drawGap(box);
    // Show the table of the chosen line only.
    document.querySelectorAll("[data-gap-table]").forEach(function (t) {
      t.classList.toggle("d-none", t.getAttribute("data-gap-table") !== sel.value);
    });
  });
  window.addEventListener("resize", function () {
    document.querySelectorAll("[data-gap-chart]").forEach(function (box) {
      if (box._chart) box._chart.resize();
    });
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var root = event.target.parentNode || document;
    initToggles(root);
    initDrag(root);
  });
  onReady(function () {
    document.querySelectorAll("[data-gantt-fit]").forEach(function (b) { b.classList.remove("d-none"); });
    initToggles(document);
    initDrag(document);
    initGaps(document);
  });
})();
