/* Filters and date sorting for the all-claims table of mkdocs-factcheck. No library.
 *
 * The page works without this script: it is a plain table. The script shows the filter form
 * the generator wrote (hidden until now), copies each row's facts from its hidden
 * <span class="fc-row" data-verdict data-topic data-source data-person data-date> onto the
 * row, hides the rows that do not match, sorts them by date, and keeps the choice in the
 * address (?verdict=false&topic=student-visas&sort=oldest) so a view can be shared and
 * survives a reload. Everything it writes into the page is text (textContent), never HTML.
 */
(function () {
  "use strict";

  var FILTERS = ["verdict", "topic", "source", "person"];

  function setUp(form) {
    if (form.dataset.fcReady) return;
    form.dataset.fcReady = "yes";
    var marks = Array.prototype.slice.call(document.querySelectorAll("span.fc-row"));
    var rows = marks.map(function (mark, index) {
      var row = mark.closest("tr");
      FILTERS.concat(["date"]).forEach(function (name) { row.dataset[name] = mark.dataset[name] || ""; });
      row.dataset.order = String(index);
      return row;
    });
    if (!rows.length) return;
    var body = rows[0].parentElement;
    var status = form.querySelector("[data-fc-status]");

    function choice(name) {
      var field = form.elements[name];
      return field ? field.value : "";
    }

    function matches(row) {
      return FILTERS.every(function (name) {
        var wanted = choice(name);
        return !wanted || row.dataset[name].split(" ").indexOf(wanted) !== -1;
      });
    }

    function sortRows() {
      var direction = choice("sort") === "oldest" ? 1 : -1;
      rows.slice().sort(function (a, b) {
        if (a.dataset.date !== b.dataset.date) return a.dataset.date < b.dataset.date ? -direction : direction;
        return Number(a.dataset.order) - Number(b.dataset.order);
      }).forEach(function (row) { body.appendChild(row); });
    }

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        row.hidden = !matches(row);
        if (!row.hidden) shown += 1;
      });
      sortRows();
      status.textContent = form.dataset.status.replace("{shown}", String(shown)).replace("{total}", String(rows.length));
    }

    function remember() {
      var address = new URL(window.location.href);
      FILTERS.concat(["sort"]).forEach(function (name) {
        var value = choice(name);
        if (value && !(name === "sort" && value === "newest")) address.searchParams.set(name, value);
        else address.searchParams.delete(name);
      });
      window.history.replaceState(window.history.state, "", address.toString());
    }

    function restore() {
      var params = new URLSearchParams(window.location.search);
      FILTERS.concat(["sort"]).forEach(function (name) {
        var field = form.elements[name];
        var value = params.get(name);
        if (!field || value === null) return;
        var known = Array.prototype.some.call(field.options, function (option) { return option.value === value; });
        if (known) field.value = value;
      });
    }

    form.addEventListener("change", function () { apply(); remember(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(); remember(); }, 0);
    });
    restore();
    form.hidden = false;
    apply();
  }

  function start() {
    var form = document.querySelector("form[data-fc-filters]");
    if (form) setUp(form);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
