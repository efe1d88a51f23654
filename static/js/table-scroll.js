/* A table wider than its column scrolls sideways, and a keyboard user scrolls it by giving it
   focus. A table that fits is no Tab stop and no landmark: there would be nothing to do there,
   and a screen reader's list of regions filled with "Tabel". Without JavaScript every table
   stays both. */
(function () {
  "use strict";
  var regions = document.querySelectorAll(".table-scroll");
  if (!regions.length || !window.ResizeObserver) {
    return;
  }

  function update(region) {
    if (region.scrollWidth > region.clientWidth) {
      region.setAttribute("tabindex", "0");
      region.setAttribute("role", "region");
    } else if (region !== document.activeElement) {
      region.removeAttribute("tabindex");
      region.removeAttribute("role");
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
