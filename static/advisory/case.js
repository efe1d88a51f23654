// "Indsæt link i svar": put a knowledge-base link at the cursor in the reply, one click.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-insert-link]");
  const reply = document.getElementById("id_reply-body");
  if (!button || !reply) return;
  const text = `${button.dataset.title}: ${button.dataset.insertLink}\n`;
  const at = reply.selectionStart ?? reply.value.length;
  const before = reply.value.slice(0, at);
  const separator = before && !before.endsWith("\n") ? "\n" : "";
  reply.value = before + separator + text + reply.value.slice(at);
  reply.focus();
});
