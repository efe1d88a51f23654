"""A snippet of an article's text around the words searched for, with those words marked."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD_RE = re.compile(r"(\w+)")
SPACE_RE = re.compile(r"\s+")
SNIPPET_WORDS = 32
MIN_STEM = 3


def is_match(word: str, stems: list[str]) -> bool:
    word = word.lower()
    return any(word.startswith(stem) for stem in stems)


def best_window(words: list[str], stems: list[str]) -> tuple[int, int]:
    """The window of SNIPPET_WORDS words holding the most different matched words."""
    best, best_start = 0, 0
    matches = [i for i, word in enumerate(words) if is_match(word, stems)]
    for start in matches:
        inside = {words[i].lower() for i in matches if start <= i < start + SNIPPET_WORDS}
        if len(inside) > best:
            best, best_start = len(inside), max(0, start - 4)
    return best_start, best


def snippet(text: str, stems: list[str]) -> SafeString:
    """About SNIPPET_WORDS words of ``text`` around the best cluster of matches, HTML-escaped,
    matches wrapped in <mark>. Empty when nothing in ``text`` matches."""
    stems = [stem for stem in stems if len(stem) >= MIN_STEM]
    parts = WORD_RE.split(text)  # odd indexes are words, even ones what lies between
    words = parts[1::2]
    start, found = best_window(words, stems)
    if not found:
        return mark_safe("")
    end = min(len(words), start + SNIPPET_WORDS)
    html = []
    for index in range(start, end):
        word = escape(words[index])
        html.append(f"<mark>{word}</mark>" if is_match(words[index], stems) else word)
        if index < end - 1:
            html.append(escape(SPACE_RE.sub(" ", parts[2 * index + 2])))
    prefix = "… " if start else ""
    suffix = " …" if end < len(words) else escape(parts[-1].strip())
    return mark_safe(prefix + "".join(html) + suffix)  # noqa: S308 - every piece is escaped
