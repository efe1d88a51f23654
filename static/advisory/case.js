// "Indsæt link i svar": put a knowledge-base link in the reply, one click: where a standard
// reply left a gap for it ("[Indsæt link til vejledningen]"), else at the cursor the person
// placed, else at the end (a box not yet clicked or typed in has its cursor above "Kære …").
const LINK_GAP = /\[Indsæt link[^\]]*\]/;
const cursorPlaced = new WeakSet();
for (const type of ["pointerup", "keyup"]) {
  document.addEventListener(type, (event) => {
    if (event.target.id === "id_reply-body") cursorPlaced.add(event.target);
  });
}
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-insert-link]");
  const reply = document.getElementById("id_reply-body");
  if (!button || !reply) return;
  const link = `${button.dataset.title}: ${button.dataset.insertLink}`;
  if (LINK_GAP.test(reply.value)) {
    reply.value = reply.value.replace(LINK_GAP, link);
  } else {
    const text = `${link}\n`;
    const at = cursorPlaced.has(reply) ? reply.selectionStart : reply.value.length;
    const before = reply.value.slice(0, at);
    const separator = before && !before.endsWith("\n") ? "\n" : "";
    reply.value = before + separator + text + reply.value.slice(at);
  }
  reply.dispatchEvent(new Event("input")); // kept as a draft, like typed text
  reply.focus();
});

// Drafts survive the page's other actions: each action ("Tildel", "Flyt fristen", "Tilknyt"…)
// is a form of its own and reloads the page, which emptied a half-written reply or note.
// Kept in this tab's sessionStorage until its own form is sent; what the page came with (a
// standard reply just inserted) is kept too.
const draftKey = (field) => `sagskladde:${location.pathname}:${field.name}`;
for (const field of document.querySelectorAll(".case-page textarea[name]")) {
  const key = draftKey(field);
  if (!field.value) field.value = sessionStorage.getItem(key) ?? "";
  const remember = () => {
    if (field.value) sessionStorage.setItem(key, field.value);
    else sessionStorage.removeItem(key);
  };
  remember();
  field.addEventListener("input", remember);
  field.form?.addEventListener("submit", () => sessionStorage.removeItem(key));
}
