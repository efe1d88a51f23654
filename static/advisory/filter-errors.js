// Wagtail does not draw the filter menu again while the list refreshes as someone types in it;
// the refreshed list puts each field's errors into it (case_index_results.html). Each field is
// then marked invalid, or valid again, from those errors: the red border and, for screen
// readers, aria-invalid, as a full page load marks it.
const filters = document.getElementById("filters-drilldown");
const markFields = () => {
  for (const field of filters.querySelectorAll("[data-field]")) {
    const invalid = field.querySelector("[data-field-errors] .error-message") !== null;
    field.classList.toggle("w-field--error", invalid);
    for (const input of field.querySelectorAll("[data-field-input] :is(input, select)")) {
      if (invalid) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
  }
};
if (filters) new MutationObserver(markFields).observe(filters, { childList: true, subtree: true });
