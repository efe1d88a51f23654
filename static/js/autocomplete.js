/* Title suggestions under a search box, following the ARIA 1.2 combobox pattern
   (list autocomplete). Without JavaScript the box is a plain search form. */
(function () {
  "use strict";
  var MIN_LENGTH = 2;
  var DELAY_MS = 150;

  function setup(input) {
    var form = input.form;
    var listbox = document.createElement("ul");
    var status = document.createElement("div");
    var items = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    listbox.id = input.id + "-forslag";
    listbox.className = "autocomplete";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", input.dataset.autocompleteLabel);
    listbox.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.classList.add("search-form--autocomplete");
    form.appendChild(listbox);
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = listbox.children;
      active = index;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    // ``answered``: a lookup found these, so none is worth saying (not a box cleared).
    function render(results, answered) {
      items = results;
      listbox.textContent = "";
      results.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listbox.id + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = item.title;
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { choose(index); });
        listbox.appendChild(option);
      });
      input.removeAttribute("aria-activedescendant");
      active = -1;
      listbox.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
      if (results.length) {
        status.textContent = input.dataset.autocompleteCount.replace("%s", results.length);
      } else {
        status.textContent = answered ? input.dataset.autocompleteNone : "";
      }
    }

    function choose(index) {
      window.location.assign(items[index].url);
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      var request = ++latest;
      if (query.length < MIN_LENGTH) { render([]); return; }
      fetch(input.dataset.autocomplete + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" }
      })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (request === latest) { render(data.results, true); } })
        .catch(function () { render([]); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var count = listbox.children.length;
      var open = !listbox.hidden;
      if (event.key === "ArrowDown" && count) {
        event.preventDefault();
        if (!open) { listbox.hidden = false; input.setAttribute("aria-expanded", "true"); }
        highlight((active + 1) % count);
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        highlight(active <= 0 ? count - 1 : active - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape" && (open || input.value)) {
        // Handled here, as the combobox pattern has it: the suggestions close, else the box is
        // emptied. The phone menu around the box stays open.
        event.preventDefault();
        if (open) { close(); } else { input.value = ""; }
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-autocomplete]").forEach(setup);
})();
