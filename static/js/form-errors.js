// A form sent back with mistakes opens with its error summary focused, so
// screen readers read it first and keyboard users start from its links.
// The form posts to "#error-summary", which browsers focus on their own;
// this covers those that only scroll there.
(function () {
  "use strict";
  function focusSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary && document.activeElement !== summary && !summary.contains(document.activeElement)) {
      summary.focus();
    }
  }
  focusSummary();
  window.addEventListener("load", focusSummary, { once: true });
})();
