// Shows knowledge-base pages that may answer the question while the person types.
// Without JavaScript the "Se om vi allerede har svaret" button does the same. The texts
// come from the template (data attributes), so they are translated with the rest.
(function () {
  "use strict";
  var form = document.querySelector("form[data-suggest-url]");
  var results = document.querySelector("[data-suggestions-results]");
  var status = document.querySelector("[data-suggestions-status]");
  if (!form || !results || !status || !window.fetch) return;
  var fields = [form.elements.subject, form.elements.question];
  var timer = null;
  var lastQuery = "";
  var lastFound = null;

  // Said again only when other pages are found, so a screen reader is not talking over the
  // typing after every pause.
  function announce(pages) {
    var found = pages.map(function (page) { return page.url; }).join(" ");
    if (found === lastFound) return;
    lastFound = found;
    if (!pages.length) {
      status.textContent = results.dataset.noneText;
    } else if (pages.length === 1) {
      status.textContent = status.dataset.oneText;
    } else {
      status.textContent = status.dataset.manyText.replace("%s", pages.length);
    }
  }

  function render(pages) {
    announce(pages);
    results.textContent = "";
    if (!pages.length) {
      var none = document.createElement("p");
      none.textContent = results.dataset.noneText;
      results.appendChild(none);
      return;
    }
    var list = document.createElement("ul");
    list.className = "article-list";
    pages.forEach(function (page) {
      var item = document.createElement("li");
      item.className = "teaser";
      var title = document.createElement("h3");
      title.className = "teaser__title";
      var link = document.createElement("a");
      link.href = page.url;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = page.title;
      var hint = document.createElement("span");
      hint.className = "visually-hidden";
      hint.textContent = " (" + results.dataset.newWindowText + ")";
      link.appendChild(hint);
      title.appendChild(link);
      var summary = document.createElement("p");
      summary.className = "teaser__summary";
      summary.textContent = page.summary;
      item.appendChild(title);
      item.appendChild(summary);
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  function lookup() {
    var query = fields.map(function (field) { return field.value.trim(); }).join(" ").trim();
    if (query.length < 3 || query === lastQuery) return;
    lastQuery = query;
    var url = form.dataset.suggestUrl + "?q=" + encodeURIComponent(query.slice(0, 500));
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (query === lastQuery) render(data.results); })
      .catch(function () { /* suggestions are a help, not a requirement */ });
  }

  fields.forEach(function (field) {
    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookup, 400);
    });
  });
  // Back with an error, the question is still there: so are the pages that may answer it.
  if (!results.querySelector("ul") && fields.every(function (field) { return field.value.trim(); })) {
    lookup();
  }
})();
