"""A snippet of an article's text around the words searched for, with those words marked."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_CHARS = 220
LEAD_CHARS = 40
MIN_STEM = 3
MAX_MATCHES = 60
SPACE_RE = re.compile(r"\s+")


def stem_pattern(stems: list[str]) -> re.Pattern | None:
    """Whole words that start with one of the stems (husmød → husmødet, husmøder)."""
    stems = sorted({stem for stem in stems if len(stem) >= MIN_STEM}, key=len, reverse=True)
    if not stems:
        return None
    alternatives = "|".join(map(re.escape, stems))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def best_start(matches: list[re.Match]) -> int:
    """Where the window holding the most different matched words begins."""

    def variety(first: re.Match) -> int:
        limit = first.start() + SNIPPET_CHARS - LEAD_CHARS
        return len({m.group().lower() for m in matches if first.start() <= m.start() < limit})

    return max(matches, key=variety).start()


def snippet(text: str, stems: list[str]) -> SafeString:
    """About SNIPPET_CHARS characters of ``text`` around the best cluster of matches,
    HTML-escaped, matches wrapped in <mark>. Empty when nothing in ``text`` matches."""
    pattern = stem_pattern(stems)
    matches = list(pattern.finditer(text))[:MAX_MATCHES] if pattern else []
    if not matches:
        return mark_safe("")
    anchor = best_start(matches)
    start = 0 if anchor <= LEAD_CHARS else text.find(" ", anchor - LEAD_CHARS) + 1
    end = (
        text.rfind(" ", 0, start + SNIPPET_CHARS)
        if start + SNIPPET_CHARS < len(text)
        else len(text)
    )
    end = max(end, anchor + 1)
    html, position = [], start
    for match in pattern.finditer(text, start, end):
        html += [escape(text[position : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        position = match.end()
    html.append(escape(text[position:end]))
    body = SPACE_RE.sub(" ", "".join(html)).strip()
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + body + suffix)  # noqa: S308 - every piece of text is escaped
