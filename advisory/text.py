"""Text as people send it, from a form or by email, made fit to keep and to show."""

import re
import unicodedata

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


RING_ABOVE = "\u030a"  # of å, which is a letter of its own in Danish, not an a with an accent


# æ, ø and å as a keyboard without them writes them.
DANISH_LETTERS_RE = re.compile("aa|ae|oe")
DANISH_LETTERS = {"aa": "å", "ae": "æ", "oe": "ø"}


def comparable(name: str) -> str:
    """``name`` as typed and as registered compare alike: case, runs of spaces and accents
    aside (cafe solstuen is Café Solstuen); æ, ø and å stay letters of their own, written
    either way (Aarhus is Århus)."""
    decomposed = unicodedata.normalize("NFD", single_line(name).casefold())
    kept = (c for c in decomposed if c == RING_ABOVE or not unicodedata.combining(c))
    plain = unicodedata.normalize("NFC", "".join(kept))
    return DANISH_LETTERS_RE.sub(lambda pair: DANISH_LETTERS[pair[0]], plain)
