/* On a phone the main menu folds away behind a "Menu" button, so a page's own content starts
   near the top of the screen. Without JavaScript the menu stays open. */
(function () {
  "use strict";
  var button = document.querySelector(".menu-toggle");
  var menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) {
    return;
  }
  var header = button.closest(".site-header");

  function setOpen(open) {
    button.setAttribute("aria-expanded", String(open));
    header.classList.toggle("site-header--menu-open", open);
  }

  header.classList.add("site-header--foldable");
  button.hidden = false;
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  header.addEventListener("keydown", function (event) {
    if (event.defaultPrevented) { return; }  // an Escape a field inside has used
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
})();
