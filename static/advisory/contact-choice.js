// A case's contact person is one of its organisation's people (the form refuses anyone else):
// of the contacts, grouped by organisation, the list keeps only the chosen organisation's group.
// Without this script every group is listed.
for (const contacts of document.querySelectorAll("select[data-organisation-field]")) {
  const organisation = contacts.form.elements[contacts.dataset.organisationField];
  if (!organisation) continue;
  const groups = [...contacts.querySelectorAll("optgroup")];
  const showChosenOrganisation = () => {
    for (const group of groups) {
      const chosen = group.querySelector("option").dataset.organisation === organisation.value;
      if (chosen) contacts.append(group);
      else group.remove();
    }
  };
  showChosenOrganisation();
  organisation.addEventListener("change", showChosenOrganisation);
}
