// Wagtail's date picker opens a tenth of a second after its field gets focus, even when the focus
// has moved on by then: a quick Tab from "Fra" to "Til og med" left both pickers open, one over
// the other, covering the button below. A picker now opens only while its own field has focus,
// and closes when the focus leaves it (a click in the picker keeps the focus in the field). Set
// on first focus, as some pickers (the page's publishing schedule) are made after this runs.
//
// Typing a date closes the picker, and it stays closed until the field is clicked or left and
// entered again: over the case page's "Ny frist" it covered "Flyt fristen", and a click on the
// button after typing landed in the calendar.
const $ = window.jQuery;
const typedInto = new WeakSet();

function isPicker(input) {
  return Boolean($(input).data("xdsoft_datetimepicker"));
}

$(document).on("focusin", "input", (event) => {
  const $input = $(event.target);
  typedInto.delete(event.target);
  if (isPicker(event.target) && !$input.data("opensOnlyWithFocus")) {
    $input.data("opensOnlyWithFocus", true);
    $input.datetimepicker({
      onShow: (_time, $field) => $field.is(":focus") && !typedInto.has($field[0]),
    });
  }
});

$(document).on("pointerdown", "input", (event) => {
  typedInto.delete(event.target);
});

$(document).on("input", "input", (event) => {
  if (isPicker(event.target)) {
    typedInto.add(event.target);
    $(event.target).datetimepicker("hide");
  }
});

$(document).on("focusout", "input", (event) => {
  if (isPicker(event.target)) {
    $(event.target).datetimepicker("hide");
  }
});
