/* A link in the error summary brings its whole field into view: label, help and error above
   the input. Followed as a plain link, it put the input at the top of the screen and a long
   error or help text above it out of sight. Without JavaScript the link still goes to the input. */
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary");
  if (!summary) {
    return;
  }
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var input = link && document.getElementById(link.hash.slice(1));
    var field = input && input.closest(".field");
    if (!field) {
      return;
    }
    event.preventDefault();
    field.scrollIntoView();
    input.focus({ preventScroll: true });
  });
})();
