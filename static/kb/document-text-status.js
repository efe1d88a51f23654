// Below a publication's document: a warning when its text could not be read, asked for again
// each time the editor chooses or uploads another document in Wagtail's chooser.
document.addEventListener("change", async ({ target }) => {
  const status = target.id && document.querySelector(`[data-document-text-status="${target.id}"]`);
  if (!status) return;
  const chosen = target.value;
  const url = `${status.dataset.url}?id=${encodeURIComponent(chosen)}`;
  const response = chosen ? await fetch(url) : null;
  const warning = response?.ok ? await response.text() : "";
  // Another document may have been chosen while this one's answer was on its way.
  if (target.value === chosen) status.innerHTML = warning;
});
