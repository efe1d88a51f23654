"""The letter form of a reply: its greeting and its closing, which the reply composer and the
FAQ drafts made from answers both need to find."""

import re

# A letter's opening ("Kære Mette,") and closing ("Venlig hilsen" and the name below it): the
# standard replies have both, and a FAQ page has neither. A greeting line is the greeting and
# at most a name, as in "Kære [fjernet],".
GREETING = r"(hej|hejsa|kære|goddag|godmorgen)( [\w\[\]-]+){0,2}"
GREETING_RE = re.compile(rf"{GREETING} *[,!:.]?", re.IGNORECASE)
# A greeting with the text going on after it on its line: "Hej sekretariatet. Vi har …".
GREETING_BEFORE_TEXT_RE = re.compile(rf"{GREETING} *[,!:.]\s+(?=\S)", re.IGNORECASE)
# A typed greeting above a standard reply's own: "Hej Birthe." and then "Kære Birthe,".
MAX_GREETINGS = 2
SIGN_OFF_RE = re.compile(
    r"((med )?venlig(st)? hilsen|(mange|de bedste|bedste|kærlig) hilsner?|mvh|vh|kh|hilsen)\b",
    re.IGNORECASE,
)
SIGN_OFF_WITHIN_LAST_LINES = 4


def opens_with_greeting(text: str) -> bool:
    lines = text.strip().splitlines()
    return bool(lines) and GREETING_RE.fullmatch(lines[0].strip()) is not None


def without_greeting(text: str) -> str:
    """``text`` without the greetings it opens with: a line of its own ("Kære Mette,") or the
    beginning of the first line ("Hej sekretariatet. Vi har …", the rest then begun with a
    capital)."""
    for _ in range(MAX_GREETINGS):
        text = text.strip()
        if opens_with_greeting(text):
            text = "\n".join(text.splitlines()[1:])
        elif opening := GREETING_BEFORE_TEXT_RE.match(text):
            rest = text[opening.end() :]
            text = rest[:1].upper() + rest[1:]
        else:
            break
    return text.strip()


def without_letter_form(text: str) -> str:
    """``text`` without its opening greeting line and its closing from "Venlig hilsen" on, its
    lines trimmed and joined by line feeds (a browser ends a textarea's lines with CR LF)."""
    lines = [line.strip() for line in without_greeting(text).strip().splitlines()]
    written = [i for i, line in enumerate(lines) if line]
    for i in written[-SIGN_OFF_WITHIN_LAST_LINES:]:
        if SIGN_OFF_RE.match(lines[i]):
            lines = lines[:i]
            break
    return "\n".join(lines).strip()
