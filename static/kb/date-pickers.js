// Wagtail's date picker opens a tenth of a second after its field gets focus, even when the focus
// has moved on by then: a quick Tab from "Fra" to "Til og med" left both pickers open, one over
// the other. A picker now opens only while its own field has focus.
const $ = window.jQuery;
$("input").each((_index, input) => {
  if ($(input).data("xdsoft_datetimepicker")) {
    $(input).datetimepicker({ onShow: (_time, $input) => $input.is(":focus") });
  }
});
