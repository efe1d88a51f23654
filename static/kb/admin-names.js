// Names for parts of Wagtail's admin that its scripts build without one, so a screen reader
// says what they are.

// A tag field is typed into an input that the tag-it plugin adds beside the field's own input,
// which it hides; the field's label names only the hidden one. Here it names both, also in the
// forms "Tilføj dokumenter" and the choosers' upload tabs add later.
$(document).on("tagitcreate", (event) => {
  const label = document.querySelector(`label[for="${event.target.id}"]`);
  const input = event.target.nextElementSibling?.querySelector(".tagit-new input");
  if (label?.id && input) input.setAttribute("aria-labelledby", label.id);
});

// A chooser ("Vælg et dokument", "Vælg en side", …) opens as a dialog without a name: it is
// named by the heading of what it shows, given again each time it shows another step.
$(document).on("show.bs.modal", ".modal", (event) => {
  const heading = event.currentTarget.querySelector(".modal-body h1");
  if (!heading) return;
  heading.id ||= "chooser-heading";
  event.currentTarget.setAttribute("aria-labelledby", heading.id);
});
