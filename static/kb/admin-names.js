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

// A rich-text field (Draftail) is typed into a textbox that the editor draws beside the field's
// hidden input, which is what the field's label names. The textbox is named by that label; in a
// StructBlock ("Fremhævet boks") by the label above the field, which points at nothing; and as a
// StreamField's own text block, which has no label, by the block type in its header ("Tekst").
// Blocks added later are named as their editor appears.
const richTextLabel = (input) => {
  const above = input.closest("[data-field-wrapper]")?.previousElementSibling;
  return (
    document.querySelector(`label[for="${input.id}"]`) ||
    (above?.matches("label") ? above : null) ||
    input.closest("[data-streamfield-child]")?.querySelector(".c-sf-block__type")
  );
};

const nameRichTextBoxes = () => {
  for (const textbox of document.querySelectorAll(
    ".public-DraftEditor-content:not([aria-labelledby])",
  )) {
    const editor = textbox.closest("[data-draftail-editor-wrapper]");
    const input = editor?.parentElement.querySelector(":scope > input[id]");
    const label = input && richTextLabel(input);
    if (!label) continue;
    label.id ||= `${input.id}-label`;
    textbox.setAttribute("aria-labelledby", label.id);
  }
};
new MutationObserver(nameRichTextBoxes).observe(document.body, { childList: true, subtree: true });
nameRichTextBoxes();
