"""The letter form of a reply: its greeting and its closing, which the reply composer and the
FAQ drafts made from answers both need to find."""

import re

# A letter's opening ("Kære Mette,") and closing ("Venlig hilsen" and the name below it): the
# standard replies have both, and a FAQ page has neither. A greeting line is the greeting and
# at most a name, as in "Kære [fjernet],".
GREETING_RE = re.compile(
    r"(hej|hejsa|kære|goddag|godmorgen)( [\w\[\]-]+){0,2} *[,!:]?", re.IGNORECASE
)
SIGN_OFF_RE = re.compile(
    r"((med )?venlig(st)? hilsen|(mange|de bedste|bedste|kærlig) hilsner?|mvh|vh|kh|hilsen)\b",
    re.IGNORECASE,
)
SIGN_OFF_WITHIN_LAST_LINES = 4


def opens_with_greeting(text: str) -> bool:
    lines = text.strip().splitlines()
    return bool(lines) and GREETING_RE.fullmatch(lines[0].strip()) is not None


def without_greeting(text: str) -> str:
    """``text`` without its opening greeting line, if it has one."""
    return "\n".join(text.strip().splitlines()[1:]).strip() if opens_with_greeting(text) else text


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
