// Keyboard shortcuts of the review pages (the pages work without them):
// a approve, r reject, j next, k previous; on the list, j / k move through the rows and Enter opens one.
(function () {
  "use strict";

  function typing(target) {
    if (!target || !target.tagName) return false;
    if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
    return target.tagName === "INPUT" && !/^(radio|checkbox|button|submit)$/.test(target.type);
  }

  function press(selector) {
    var element = document.querySelector(selector);
    if (!element) return false;
    element.click();
    return true;
  }

  var rows = Array.prototype.slice.call(document.querySelectorAll("table.flags tr.flag"));
  var selected = -1;

  function select(index) {
    if (!rows.length) return false;
    if (selected >= 0) rows[selected].classList.remove("selected");
    selected = Math.max(0, Math.min(rows.length - 1, index));
    rows[selected].classList.add("selected");
    rows[selected].querySelector("a.open").focus();
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    var done = false;
    if (event.key === "a") done = press("button[data-key=a]");
    else if (event.key === "r") done = press("button[data-key=r]");
    else if (event.key === "j") done = rows.length ? select(selected + 1) : press("a[data-key=j]");
    else if (event.key === "k") done = rows.length ? select(selected - 1) : press("a[data-key=k]");
    if (done) event.preventDefault();
  });

  var filters = document.getElementById("filters");
  if (filters) {
    filters.addEventListener("change", function () { filters.submit(); });
  }
})();
