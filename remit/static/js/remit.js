// Remit's small behaviours. No inline scripts anywhere (Content-Security-Policy):
// pages opt in with data attributes.
(function () {
  "use strict";

  function onReady(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  // <select data-autosubmit> submits its form when changed (language switch).
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("[data-autosubmit]") && el.form) el.form.requestSubmit();
  });

  // <form data-confirm="Question?"> asks before submitting.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  }, true);

  // <button data-copy="#selector"> copies the text of the target.
  document.addEventListener("click", function (event) {
    var btn = event.target.closest && event.target.closest("[data-copy]");
    if (!btn) return;
    var target = document.querySelector(btn.getAttribute("data-copy"));
    if (target && navigator.clipboard) {
      navigator.clipboard.writeText(target.textContent.trim());
      btn.textContent = btn.getAttribute("data-copied") || "Copied";
    }
  });

  // <button data-print> opens the browser's print dialogue.
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-print]")) window.print();
  });

  // <button data-fill="[name=x]" data-value="…"> copies a suggestion into a field of its form.
  document.addEventListener("click", function (event) {
    var btn = event.target.closest && event.target.closest("[data-fill]");
    if (!btn) return;
    var form = btn.closest("form");
    var field = form && form.querySelector(btn.getAttribute("data-fill"));
    if (field) {
      field.value = btn.getAttribute("data-value");
      field.focus();
    }
  });

  // <ol data-sortable data-sortable-url="…"> items (with data-key) can be dragged into a new
  // order, which is posted as order=KEY&order=KEY…; the step comes back re-rendered.
  function initSortable(root) {
    if (!window.Sortable || !window.htmx) return;
    (root || document).querySelectorAll("[data-sortable]").forEach(function (list) {
      if (list._sortable) return;
      list._sortable = window.Sortable.create(list, {
        handle: ".drag-handle",
        animation: 150,
        onEnd: function () {
          var keys = Array.prototype.map.call(list.querySelectorAll(":scope > [data-key]"), function (li) {
            return li.getAttribute("data-key");
          });
          var section = list.closest("section[id]");
          window.htmx.ajax("POST", list.getAttribute("data-sortable-url"), {
            target: section ? "#" + section.id : "body", swap: "outerHTML", values: { order: keys }
          });
        }
      });
    });
  }
  document.addEventListener("htmx:afterSettle", function (event) { initSortable(event.target.parentNode || document); });

  onReady(function () {
    initSortable(document);
    // Move focus to the first invalid field so keyboard users land on the error.
    var invalid = document.querySelector("[aria-invalid=true]");
    if (invalid) invalid.focus();
  });
})();
