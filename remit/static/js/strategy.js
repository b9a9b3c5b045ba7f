// Strategic objectives (A2): the chart of an objective's measurements, trend and target.
//
// <div data-objective-chart="ID"> is drawn with Apache ECharts from the JSON data island
// <script type="application/json" id="ID"> (the server's data; never executed). The SVG
// renderer and a tooltip written here without style attributes keep the chart inside
// the Content-Security-Policy (no inline styles). The page shows the same data as a
// table and a summary, so the chart is never the only way to read it.
(function () {
  "use strict";

  var COLORS = {
    measured: "#1f5f8b",
    trend: "#7b8794",
    target: "#c0392b",
    baseline: "#9aa5b1",
    range: "#7b8794"
  };

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function number(value) {
    return Number(value).toLocaleString(document.documentElement.lang || undefined, {
      maximumFractionDigits: 2
    });
  }

  function day(value) {
    // ECharts gives time values as milliseconds or as the ISO strings of the data.
    var d = typeof value === "number" ? new Date(value) : new Date(String(value) + "T00:00:00");
    var m = String(d.getMonth() + 1).padStart(2, "0");
    var dd = String(d.getDate()).padStart(2, "0");
    return d.getFullYear() + "-" + m + "-" + dd;
  }

  function fitHeight(el) {
    var width = el.clientWidth || 600;
    el.style.height = Math.round(Math.max(240, Math.min(380, width * 0.5))) + "px";
  }

  function tooltip(data) {
    // HTML without style attributes: the CSP forbids them (classes come from Bootstrap).
    return function (params) {
      var list = Array.isArray(params) ? params : [params];
      if (!list.length) return "";
      var date = day(list[0].value[0]);
      var lines = ['<div class="fw-semibold mb-1">' + escapeHtml(date) + "</div>"];
      list.forEach(function (p) {
        if (p.seriesName === "baseline-extent" || p.value == null || p.value[1] == null) return;
        lines.push(
          "<div>" + escapeHtml(p.seriesName) + ": <strong>" + escapeHtml(number(p.value[1])) +
          "</strong>" + (data.unit ? " " + escapeHtml(data.unit) : "") + "</div>"
        );
      });
      var note = data.notes && data.notes[date];
      if (note) lines.push('<div class="small text-body-secondary text-wrap">' + escapeHtml(note) + "</div>");
      return lines.join("");
    };
  }

  function options(el, data) {
    var L = data.labels;
    var marks = [];
    if (data.target !== null) {
      marks.push({ yAxis: data.target, name: L.target, lineStyle: { color: COLORS.target, type: "dashed" },
        label: { formatter: L.target + " " + number(data.target), position: "insideStartTop", color: COLORS.target } });
    }
    if (data.baseline !== null) {
      marks.push({ yAxis: data.baseline, name: L.baseline, lineStyle: { color: COLORS.baseline, type: "dotted" },
        label: { formatter: L.baseline + " " + number(data.baseline), position: "insideStartBottom", color: "#5b6776" } });
    }
    if (data.deadline && data.trend) {
      marks.push({ xAxis: data.deadline, name: L.deadline, lineStyle: { color: COLORS.target, type: "dotted" },
        label: { formatter: L.deadline, position: "end", color: COLORS.target } });
    }
    var series = [{
      name: L.measured,
      type: "line",
      data: data.measurements,
      symbol: "circle",
      symbolSize: 6,
      lineStyle: { width: 2.5, color: COLORS.measured },
      itemStyle: { color: COLORS.measured },
      markLine: { symbol: "none", silent: true, data: marks }
    }];
    if (data.trend) {
      series.push({
        name: L.trend,
        type: "line",
        data: data.trend,
        symbol: "none",
        lineStyle: { width: 2, type: "dashed", color: COLORS.trend },
        itemStyle: { color: COLORS.trend }
      });
    }
    if (data.target !== null) {
      // The target where it must be reached: the gap to the trend's end is the message.
      var when = data.deadline || (data.measurements.length ? data.measurements[data.measurements.length - 1][0] : null);
      if (when) {
        series.push({
          name: L.target,
          type: "scatter",
          data: [[when, data.target]],
          symbol: "diamond",
          symbolSize: 14,
          itemStyle: { color: COLORS.target }
        });
      }
    }
    if (data.baseline !== null && data.measurements.length) {
      // Invisible: keeps the baseline inside the value axis.
      series.push({
        name: "baseline-extent",
        type: "scatter",
        data: [[data.measurements[0][0], data.baseline]],
        symbolSize: 0,
        silent: true,
        tooltip: { show: false }
      });
    }
    if (data.range && data.deadline) {
      series.push({
        name: L.range,
        type: "line",
        data: [[data.deadline, data.range[0]], [data.deadline, data.range[1]]],
        symbol: "rect",
        symbolSize: [10, 2],
        lineStyle: { width: 6, color: COLORS.range, opacity: 0.35 },
        itemStyle: { color: COLORS.range }
      });
    }
    var font = window.getComputedStyle(document.body).fontFamily;
    var narrow = el.clientWidth < 560;
    return {
      animation: false,
      aria: { enabled: true, label: { description: el.getAttribute("aria-label") || "" } },
      textStyle: { fontFamily: font },
      // On a phone the legend goes below the chart, where it may wrap onto two lines.
      grid: { left: 8, right: 64, top: narrow ? 32 : 56, bottom: narrow ? 64 : 8, containLabel: true },
      legend: {
        top: narrow ? null : 0,
        bottom: narrow ? 0 : null,
        left: 0,
        itemGap: narrow ? 10 : 16,
        data: series.map(function (s) { return s.name; }).filter(function (n) { return n !== "baseline-extent"; })
      },
      // extraCssText is applied through the CSSOM (element.style), which the CSP allows.
      tooltip: {
        trigger: "axis",
        confine: true,
        formatter: tooltip(data),
        extraCssText: "max-width: 22rem; white-space: normal;"
      },
      xAxis: { type: "time", axisLabel: { hideOverlap: true } },
      yAxis: { type: "value", scale: true, name: data.unit || "", nameTextStyle: { align: "left" } },
      series: series
    };
  }

  function draw(el) {
    if (el._chart || !window.echarts) return;
    var source = document.getElementById(el.getAttribute("data-objective-chart"));
    if (!source) return;
    var data = JSON.parse(source.textContent);
    fitHeight(el);
    var chart = window.echarts.init(el, null, { renderer: "svg" });
    chart.setOption(options(el, data));
    el._chart = chart;
    var width = el.clientWidth;
    window.addEventListener("resize", function () {
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      fitHeight(el);
      chart.resize();
    });
  }

  function drawAll(root) {
    (root || document).querySelectorAll("[data-objective-chart]").forEach(draw);
  }

  if (document.readyState !== "loading") drawAll(document);
  else document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function (event) { drawAll(event.target); });
})();
