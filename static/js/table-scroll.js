/* A table wider than its column scrolls sideways, and a keyboard user scrolls it by giving it
   focus. A table that fits is no Tab stop: there would be nothing to do there. Without
   JavaScript every table stays a Tab stop. */
(function () {
  "use strict";
  var regions = document.querySelectorAll(".table-scroll");
  if (!regions.length || !window.ResizeObserver) {
    return;
  }

  function update(region) {
    if (region.scrollWidth > region.clientWidth) {
      region.setAttribute("tabindex", "0");
    } else if (region !== document.activeElement) {
      region.removeAttribute("tabindex");
    }
  }

  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      update(entry.target);
    });
  });
  regions.forEach(function (region) {
    observer.observe(region);
  });
})();
