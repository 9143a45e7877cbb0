// Filters by class and review state.  Without this script every flag stays visible and the
// filter form stays hidden, so a reader never sees controls that do nothing.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("article.discrepancy"));
  var shown = document.getElementById("shown");

  function checked(name) {
    var on = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=" + name + "]"), function (input) {
      on[input.value] = input.checked;
    });
    return on;
  }

  function apply() {
    var classes = checked("class");
    var states = checked("review");
    var count = 0;
    items.forEach(function (item) {
      var visible = classes[item.dataset.class] !== false && states[item.dataset.review] !== false;
      item.hidden = !visible;
      if (visible) { count += 1; }
    });
    shown.textContent = "Showing " + count + " of " + items.length +
      (items.length === 1 ? " discrepancy." : " discrepancies.");
  }

  form.addEventListener("change", apply);
  form.hidden = false;
  apply();
}());
