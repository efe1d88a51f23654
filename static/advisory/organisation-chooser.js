// The organisation chooser, quick from the keyboard. Its dialog opens with the search box
// focused (Wagtail focuses the dialog, a Tab away from it). Once an organisation is chosen,
// the focus is back on the field: Wagtail gives it to the button that opened the dialog, which
// the choice hides, so it fell to the top of the page.
let openChooser = null;
document.addEventListener("click", (event) => {
  const opener = event.target.closest(".chooser [data-chooser-action-choose]");
  if (opener) openChooser = opener.closest(".chooser");
});
$(document).on("shown.bs.modal", (event) => event.target.querySelector("[autofocus]")?.focus());
$(document).on("hidden.bs.modal", () => {
  if (openChooser && document.activeElement === document.body) {
    const state = openChooser.classList.contains("blank") ? ".unchosen" : ".chosen";
    openChooser.querySelector(`${state} button`)?.focus();
  }
  openChooser = null;
});
