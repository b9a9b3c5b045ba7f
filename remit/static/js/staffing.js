// Staffing pages (personnel planning): small behaviours, opted into with data attributes.
(function () {
  "use strict";

  // <div data-scroll-to-today> holding a chart wider than the screen (a phone) opens with
  // the chart's "today" line (an SVG element with class "today") in view, near the right,
  // instead of at the company's first years.
  function scrollToToday() {
    document.querySelectorAll("[data-scroll-to-today]").forEach(function (box) {
      if (box.scrollWidth <= box.clientWidth) return;
      var svg = box.querySelector("svg");
      var today = svg && svg.querySelector(".today");
      if (!today) {
        box.scrollLeft = box.scrollWidth;
        return;
      }
      var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      var x = parseFloat(today.getAttribute("x1")) * scale;
      box.scrollLeft = Math.max(0, x - box.clientWidth * 0.7);
    });
  }

  if (document.readyState !== "loading") scrollToToday();
  else document.addEventListener("DOMContentLoaded", scrollToToday);
})();
