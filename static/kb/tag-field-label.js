// Wagtail's tag fields are typed into an input that the tag-it plugin adds beside the field's
// own input, which it hides; the field's label names only the hidden one, so a screen reader
// announced the visible one without a name. Here the label names it too, also in the forms
// that "Tilføj dokumenter" adds after each upload.
$(document).on("tagitcreate", (event) => {
  const label = document.querySelector(`label[for="${event.target.id}"]`);
  const input = event.target.nextElementSibling?.querySelector(".tagit-new input");
  if (label?.id && input) input.setAttribute("aria-labelledby", label.id);
});
