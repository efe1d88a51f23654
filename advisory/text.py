"""Text as people send it, from a form or by email, made fit to keep and to show."""

import re

# A vertical tab, form feed or next-line character (Word's line and page breaks; mail decoded
# from the wrong charset) is a line break; the other control characters go, among them the
# bidirectional overrides, with which "RTL" in a question showed as "LTR" to the adviser.
LINE_BREAK_RE = re.compile("[\x0b\x0c\x85\u2028\u2029]")
CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")


def typed_text(value: str) -> str:
    """Text as typed, without control characters (see CONTROL_RE) and trimmed."""
    return CONTROL_RE.sub("", LINE_BREAK_RE.sub("\n", value)).strip()


def single_line(value: str) -> str:
    """Collapse line breaks and runs of spaces: names and subjects go into email headers."""
    return " ".join(CONTROL_RE.sub("", value).split())
