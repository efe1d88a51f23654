"""A snippet of an article's text around the words searched for, with those words marked."""

import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from html import escape
from itertools import islice

import Stemmer

from django.utils.safestring import SafeString, mark_safe

SNIPPET_CHARS = 220
LEAD_CHARS = 40
MIN_STEM = 3
MAX_MATCHES = 60
# A snippet comes from the first 100,000 characters (some 40 pages of a PDF): lower-casing a
# whole book for every hit would cost more than the rest of the page.
SEARCHED_CHARS = 100_000
SPACE_RE = re.compile(r"\s+")
# The database index joins a body's blocks with ", ": after a full stop (and any closing
# quote) that comma is noise.
BLOCK_JOIN_RE = re.compile(r"([.!?:][»«\"”’)]*), ")
# The bullets of a PDF's lists: in a snippet the commas between the items say enough.
BULLET_RE = re.compile(r"\s*[•▪●◦‣]\s*")


@lru_cache(maxsize=256)
def stem_pattern(stems: tuple[str, ...]) -> re.Pattern | None:
    """Whole words that start with one of the stems (husmød → husmødet, husmøder), in lower-case
    text. Each stem is found as plain text, then checked for a word start before it: several
    times faster than checking for a word start at every character."""
    kept = {stem for stem in stems if len(stem) >= MIN_STEM or is_section(stem) or is_number(stem)}
    if not kept:
        return None
    alternatives = map(stem_alternative, sorted(kept, key=len, reverse=True))
    return re.compile(rf"(?:{'|'.join(alternatives)})\w*")


def is_section(stem: str) -> bool:
    return stem.startswith("§")


def is_number(stem: str) -> bool:
    """A number of two digits or more (18 in "paragraf 18"): one digit marks too much."""
    return stem.isdigit() and len(stem) > 1


def stem_alternative(stem: str) -> str:
    if is_section(stem):  # §18 as the query has it, § 18 as texts often do; § starts no word
        return rf"§\s?{re.escape(stem[1:])}(?!\d)"
    whole = r"(?!\d)" if is_number(stem) else ""  # 18, not the beginning of 180 or 1800
    return rf"{re.escape(stem)}(?<!\w{re.escape(stem)}){whole}"


_stemmers = threading.local()  # a Stemmer is not safe to share between threads


# A text repeats its words: the same few forms are stemmed on every result page.
@lru_cache(maxsize=65536)
def danish_stem(word: str) -> str:
    """The Snowball stem of a lower-case Danish word: the stemmer the search engines use."""
    if not hasattr(_stemmers, "danish"):
        _stemmers.danish = Stemmer.Stemmer("danish")
    return _stemmers.danish.stemWord(word)


def is_searched(word: str, stems: frozenset[str]) -> bool:
    """Whether ``word`` (lower case, begun by one of ``stems``) is a form of one: "kommer" and
    "kommunen" begin with "kom", and only "kommer" was found by a search for "kom". The stems
    searched come from PostgreSQL, whose (older) Snowball also undoubles cc and zz: succes →
    suc, where this one gives succ."""
    if is_section(word):
        return True
    stem = danish_stem(word)
    return stem in stems or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in stems)


def lower_case(text: str) -> str:
    """``text`` in lower case, letter for letter, so positions in it are positions in ``text``:
    İ is the one letter whose lower case is longer (i and a combining dot)."""
    return text.replace("İ", "I").lower()


def best_start(matches: list[re.Match]) -> int:
    """Where the window holding the most different matched words begins (the first such);
    ``matches`` are in lower-case text."""
    starts = [match.start() for match in matches]
    words = [match.group() for match in matches]
    variety = len(set(words))
    in_window: dict[str, int] = {}
    best, best_variety, end = starts[0], 0, 0
    for first, start in enumerate(starts):
        if best_variety == variety:  # no later window can hold more
            break
        limit = start + SNIPPET_CHARS - LEAD_CHARS
        while end < len(starts) and starts[end] < limit:
            in_window[words[end]] = in_window.get(words[end], 0) + 1
            end += 1
        if len(in_window) > best_variety:
            best, best_variety = start, len(in_window)
        if in_window[words[first]] == 1:
            del in_window[words[first]]
        else:
            in_window[words[first]] -= 1
    return best


# "Et sted at høre til – en undersøgelse af …": a title page often sets the part before the
# dash (or colon) apart from the rest.
TITLE_PARTS_RE = re.compile(r"\s+[–—-]\s+|:\s+")


@lru_cache(maxsize=4096)  # a title per article: compiling one took as long as its snippet
def title_pattern(title: str) -> re.Pattern | None:
    """The title, or its part before a dash or colon when that is two words or more, with any
    white space between the words."""
    forms = [lower_case(title).split()]
    main = lower_case(TITLE_PARTS_RE.split(title, maxsplit=1)[0]).split()
    if len(main) > 1 and main != forms[0]:
        forms.append(main)
    alternatives = [r"\s+".join(map(re.escape, words)) for words in forms if words]
    return re.compile("|".join(alternatives)) if alternatives else None


def outside_title(matches: list[re.Match], lowered: str, title: str) -> list[re.Match]:
    """``matches`` outside every repetition of ``title`` in ``lowered``; all of them when
    none is outside. The title shows above the snippet already: a PDF's title page or a first
    heading that repeats it is no context. Looked for only as far as the matches reach: a
    whole book read for every hit would cost more than the rest of the page."""
    pattern = title_pattern(title)
    if pattern is None:
        return matches
    reach = 2 * len(title)  # a repetition with more space between its words is longer
    start, end = max(0, matches[0].start() - reach), matches[-1].end() + reach
    repetitions = [found.span() for found in pattern.finditer(lowered, start, end)]
    if not repetitions:
        return matches

    def in_title(match: re.Match) -> bool:
        return any(first <= match.start() < last for first, last in repetitions)

    return [match for match in matches if not in_title(match)] or matches


# The stems of a phrase's words in order; None for a stop word between two of them
# ("frivillige på værestedet": frivil, None, værested).
Phrase = tuple[str | None, ...]


def phrase_words(phrase: Phrase) -> list[tuple[str, int]]:
    """Each word of ``phrase`` with the number of stop words just before it."""
    words, skipped = [], 0
    for stem in phrase:
        if stem is None:
            skipped += 1
        else:
            words.append((stem, skipped))
            skipped = 0
    return words


def phrase_at(candidates: list[re.Match], lowered: str, words: list[tuple[str, int]]) -> int:
    """How many of ``candidates``, from the first, are the ``words`` of a phrase (see
    phrase_words) one after the other in ``lowered``; 0 when they are not."""
    if len(candidates) < len(words):
        return 0
    for number, (stem, skipped) in enumerate(words):
        candidate = candidates[number]
        if not is_searched(candidate.group(), frozenset([stem])):
            return 0
        if number:  # a stop word before the phrase's first word may be anything
            between = lowered[candidates[number - 1].end() : candidate.start()]
            if not re.fullmatch(rf"\s+(?:\w+\s+){{{skipped}}}", between):
                return 0
    return len(words)


def searched_matches(
    candidates: Iterable[re.Match], lowered: str, words: frozenset[str], phrases: list[Phrase]
) -> Iterator[re.Match]:
    """The ``candidates`` to mark: forms of the ``words`` searched one by one, and the words of
    each of ``phrases`` where they stand together, as the phrase search found them."""
    if not phrases:  # nothing to look ahead for
        yield from (candidate for candidate in candidates if is_searched(candidate.group(), words))
        return
    each_phrase = [phrase_words(phrase) for phrase in phrases]
    ahead = max(len(words_of_phrase) for words_of_phrase in each_phrase)
    candidates = iter(candidates)
    window = deque(islice(candidates, ahead))
    while window:
        in_window = list(window)
        found = max(
            phrase_at(in_window, lowered, words_of_phrase) for words_of_phrase in each_phrase
        )
        if found:
            for _ in range(found):
                yield window.popleft()
        elif is_searched((first := window.popleft()).group(), words):
            yield first
        window.extend(islice(candidates, ahead - len(window)))


def snippet(
    text: str, stems: list[str], title: str = "", phrases: Iterable[Phrase] = ()
) -> SafeString:
    """About SNIPPET_CHARS characters of ``text`` around the best cluster of matches (outside
    repetitions of the page's ``title`` where there are any), HTML-escaped, matches wrapped
    in <mark>: the words of ``stems`` wherever they are, those of ``phrases`` where they stand
    together. Empty when nothing in ``text`` matches."""
    words = frozenset(stem.lower() for stem in stems)
    phrases = [tuple(stem and stem.lower() for stem in phrase) for phrase in phrases]
    of_phrases = {stem for phrase in phrases for stem in phrase if stem}
    pattern = stem_pattern(tuple(sorted(words | of_phrases)))
    lowered = lower_case(text[:SEARCHED_CHARS])

    def searched_words(start: int = 0, end: int = len(lowered)) -> Iterator[re.Match]:
        found = pattern.finditer(lowered, start, end) if pattern else ()
        return searched_matches(found, lowered, words, phrases)

    matches = list(islice(searched_words(), MAX_MATCHES))
    if not matches:
        return mark_safe("")
    anchor = best_start(outside_title(matches, lowered, title))
    start = 0 if anchor <= LEAD_CHARS else text.find(" ", anchor - LEAD_CHARS) + 1
    end = (
        text.rfind(" ", 0, start + SNIPPET_CHARS)
        if start + SNIPPET_CHARS < len(text)
        else len(text)
    )
    end = max(end, anchor + 1)
    html, position = [], start
    for match in searched_words(start, end):
        marked = text[match.start() : match.end()]
        html += [escape(text[position : match.start()]), f"<mark>{escape(marked)}</mark>"]
        position = match.end()
    html.append(escape(text[position:end]))
    body = BLOCK_JOIN_RE.sub(r"\1 ", SPACE_RE.sub(" ", BULLET_RE.sub(" ", "".join(html))))
    body = body.strip(" ,")  # a window may begin or end at a comma between blocks
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + body + suffix)  # noqa: S308 - every piece of text is escaped
