// In-page search over the methods and models in search-index.js. No network, no libraries.
(function () {
  "use strict";
  var index = window.SDK_SEARCH_INDEX || [];
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  if (!input || !list) {
    return;
  }
  var active = -1;

  function score(entry, query) {
    var name = entry.name.toLowerCase();
    var short = name.slice(name.lastIndexOf(".") + 1);
    if (name === query || short === query) return 0;
    if (short.indexOf(query) === 0) return 1;
    if (name.indexOf(query) === 0) return 2;
    if (name.indexOf(query) >= 0) return 3;
    if (entry.summary.toLowerCase().indexOf(query) >= 0) return 4;
    return -1;
  }

  function search(text) {
    var query = text.trim().toLowerCase();
    if (!query) return [];
    var found = [];
    for (var i = 0; i < index.length; i++) {
      var s = score(index[i], query);
      if (s >= 0) found.push({ entry: index[i], score: s });
    }
    found.sort(function (a, b) {
      return a.score - b.score || a.entry.name.length - b.entry.name.length ||
        (a.entry.name < b.entry.name ? -1 : 1);
    });
    return found.slice(0, 25).map(function (f) { return f.entry; });
  }

  function show(results) {
    list.textContent = "";
    active = results.length ? 0 : -1;
    results.forEach(function (entry, position) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.href;
      var name = document.createElement("code");
      name.textContent = entry.name;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = entry.kind;
      link.appendChild(name);
      link.appendChild(kind);
      if (entry.summary) {
        var summary = document.createElement("span");
        summary.className = "summary";
        summary.textContent = entry.summary;
        link.appendChild(summary);
      }
      item.appendChild(link);
      if (position === 0) item.className = "active";
      list.appendChild(item);
    });
    if (!results.length && input.value.trim()) {
      var none = document.createElement("li");
      none.textContent = "No method or model matches.";
      none.className = "empty";
      list.appendChild(none);
    }
    list.hidden = !input.value.trim();
  }

  function move(step) {
    var items = list.querySelectorAll("li a");
    if (!items.length) return;
    var rows = list.querySelectorAll("li");
    if (active >= 0) rows[active].className = "";
    active = (active + step + items.length) % items.length;
    rows[active].className = "active";
    items[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("input", function () { show(search(input.value)); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
    else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
    else if (event.key === "Escape") { list.hidden = true; }
    else if (event.key === "Enter") {
      var links = list.querySelectorAll("li a");
      if (links.length) window.location.href = links[Math.max(active, 0)].href;
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== input) {
      input.focus();
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    if (!list.contains(event.target) && event.target !== input) list.hidden = true;
  });
})();
