// Wagtail's date picker opens a tenth of a second after its field gets focus. It covered what
// was under the field: the next field, the button ("Flyt fristen"), and, when a form came back
// with the focus in a field it refused, the field's own error. A picker now opens only on a
// click or tap in its field, while the field has focus and nothing has been typed in it since:
// typing closes it, and a click on the button after typing no longer lands in the calendar.
// It closes when the focus leaves the field (a click in the picker keeps the focus there). Set
// at once and on first focus, as some pickers (the page's publishing schedule) are made later.
const $ = window.jQuery;
const clickedInto = new WeakSet();
const typedInto = new WeakSet();

function isPicker(input) {
  return Boolean($(input).data("xdsoft_datetimepicker"));
}

function mayShow(field) {
  return $(field).is(":focus") && clickedInto.has(field) && !typedInto.has(field);
}

$(document).on("pointerdown", "input", (event) => {
  clickedInto.add(event.target);
  typedInto.delete(event.target);
});

function takeOver(input) {
  const $input = $(input);
  if (isPicker(input) && !$input.data("opensOnClick")) {
    $input.data("opensOnClick", true);
    $input.datetimepicker({ onShow: (_time, $field) => mayShow($field[0]) });
    if (!mayShow(input)) $input.datetimepicker("hide");
  }
}

// Also now: a form that came back with an error may have put the focus in a field already.
document.querySelectorAll("input").forEach(takeOver);
$(document).on("focusin", "input", (event) => takeOver(event.target));

$(document).on("input", "input", (event) => {
  if (isPicker(event.target)) {
    typedInto.add(event.target);
    $(event.target).datetimepicker("hide");
  }
});

$(document).on("focusout", "input", (event) => {
  clickedInto.delete(event.target);
  if (isPicker(event.target)) {
    $(event.target).datetimepicker("hide");
  }
});
