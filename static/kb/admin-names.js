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

// The rich-text editor (Draftail) and the table editor (Handsontable) are typed into through
// areas that they draw for a field, whose label names only the field's hidden input. Each area is
// named by that label instead: in a StructBlock ("Fremhævet boks") the label above the field,
// which points at nothing, and as a StreamField's own block, which has no label, the block type
// in its header ("Tekst", "Tabel"). Blocks added later are named as their editor appears.
const fieldLabel = (input) => {
  const above = input.closest("[data-field-wrapper]")?.previousElementSibling;
  return (
    document.querySelector(`label[for="${input.id}"]`) ||
    (above?.matches("label") ? above : null) ||
    input.closest("[data-streamfield-child]")?.querySelector(".c-sf-block__type")
  );
};

const TABLE = "-handsontable-container";
const typingAreas = {
  // Draftail's textbox, drawn beside the field's input.
  ".public-DraftEditor-content": (area) =>
    area
      .closest("[data-draftail-editor-wrapper]")
      ?.parentElement.querySelector(":scope > input[id]"),
  // Handsontable's area for the chosen cell, in a container named after the field's input.
  ".handsontableInput": (area) =>
    document.getElementById(area.closest(`[id$="${TABLE}"]`)?.id.slice(0, -TABLE.length)),
  // Handsontable's copy-and-paste area, one for all tables: named as the first (all are "Tabel").
  "#HandsontableCopyPaste": () =>
    document.getElementById(document.querySelector(`[id$="${TABLE}"]`)?.id.slice(0, -TABLE.length)),
};

const nameTypingAreas = () => {
  for (const [selector, inputOf] of Object.entries(typingAreas)) {
    for (const area of document.querySelectorAll(`${selector}:not([aria-labelledby])`)) {
      const input = inputOf(area);
      const label = input && fieldLabel(input);
      if (!label) continue;
      label.id ||= `${input.id}-label`;
      area.setAttribute("aria-labelledby", label.id);
    }
  }
};
new MutationObserver(nameTypingAreas).observe(document.body, { childList: true, subtree: true });
nameTypingAreas();
