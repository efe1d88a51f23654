"""The vocabulary of published words, kept in PostgreSQL, for folding and typo correction.

Stems come from PostgreSQL's Danish Snowball stemmer (the same one the database backend and,
in effect, the Elasticsearch ``danish`` analyzer use), so "husmøder" is known because
"husmødet" is."""

import re
from collections import Counter
from dataclasses import dataclass

from wordfreq import zipf_frequency

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from wagtail.search.models import IndexEntry

from kb.models import ArticlePage, SearchTerm
from kb.search.text import page_text, tokenize

MAX_WORD_LENGTH = 100

UPSERT_SQL = """
INSERT INTO kb_searchterm (word, stem, frequency)
SELECT word, COALESCE((ts_lexize('danish_stem', word))[1], word), pages
FROM unnest(%s::text[], %s::int[]) AS counted(word, pages)
ON CONFLICT (word) DO UPDATE SET frequency = kb_searchterm.frequency + EXCLUDED.frequency
"""
REBUILD_BATCH = 500

ANALYSE_SQL = """
SELECT token, stem, stem IS NOT NULL AND pages > 0,
       EXISTS (SELECT 1 FROM kb_searchterm WHERE kb_searchterm.word = token), pages
FROM unnest(%s::text[]) AS token,
LATERAL (SELECT CASE WHEN cardinality(lexemes) = 0 THEN NULL ELSE lexemes[1] END AS stem
         FROM (SELECT COALESCE(ts_lexize('danish_stem', token), ARRAY[token]) AS lexemes) l
) AS stem_of,
LATERAL (SELECT COALESCE(sum(frequency), 0) AS pages
         FROM kb_searchterm WHERE kb_searchterm.stem = stem_of.stem) AS counted
"""

# Two letters swapped count as one slip, as on a phone keyboard (levenshtein counts two).
# They are looked up by the word index, apart from the scan for near words.
CLOSEST_SQL = """
SELECT word FROM (
    SELECT word, frequency, 1 AS distance FROM kb_searchterm WHERE word = ANY(%(swaps)s::text[])
    UNION ALL
    SELECT word, frequency, LEAST(
        levenshtein(word, %(token)s),
        -- æ, ø or å typed as a, o or a, as phones without a Danish keyboard do: nearer than
        -- any other slip (maltid is måltid, not altid).
        levenshtein(translate(word, 'æøå', 'aoa'), %(token)s)
    ) FROM kb_searchterm
    WHERE length(word) BETWEEN %(length)s - %(distance)s AND %(length)s + %(distance)s
      AND levenshtein_less_equal(word, %(token)s, %(distance)s) <= %(distance)s
) AS candidate
ORDER BY distance, frequency DESC, word
LIMIT 1
"""


@dataclass(frozen=True)
class TokenInfo:
    """What the vocabulary says about one query word: its stem (None for a stop word) and
    whether published material contains a word with that stem."""

    stem: str | None
    known: bool
    # Whether published material has the word itself, not only another word with its stem.
    published: bool = False
    # How often pages have a word with its stem: pages, counted once for each form they have.
    pages: int = 0


def is_kept(word: str) -> bool:
    """Whether the vocabulary keeps a word of this length: not a single letter or digit."""
    return 1 < len(word) <= MAX_WORD_LENGTH


def words_of(text: str) -> set[str]:
    return {word for word in tokenize(text) if is_kept(word)}


def add_counts(counts: Counter) -> None:
    """Add words with the number of pages they occur in."""
    if counts:
        words = sorted(counts)
        with connection.cursor() as cursor:
            cursor.execute(UPSERT_SQL, [words, [counts[word] for word in words]])


def add_text(text: str) -> None:
    add_counts(Counter(words_of(text)))


def add_page(page) -> None:
    add_text(page_text(page))


FORGET_SQL = """
DELETE FROM kb_searchterm AS term
WHERE term.word = ANY(%(words)s::text[])
  AND NOT EXISTS (
    SELECT FROM kb_searchposting AS posting
    JOIN wagtailcore_page AS page ON page.id = posting.object_id::bigint
    WHERE posting.lexeme = term.stem
      AND posting.content_type_id = ANY(%(kinds)s)
      AND page.live AND page.id <> %(page)s
      AND NOT EXISTS (
        SELECT FROM wagtailcore_pageviewrestriction AS restriction
        JOIN wagtailcore_page AS restricted ON restricted.id = restriction.page_id
        WHERE page.path LIKE restricted.path || '%%'
      )
  )
"""


def forget_page(page) -> None:
    """Drop the words of ``page`` (unpublished or deleted) that no other live page has, so
    "Mente du …?" never offers a word from withdrawn material."""
    with connection.cursor() as cursor:
        cursor.execute(
            FORGET_SQL,
            {
                "words": sorted(words_of(page_text(page))),
                "kinds": [kind.pk for kind in article_kinds()],
                "page": page.pk,
            },
        )


def article_kinds() -> list[ContentType]:
    models = [ArticlePage, *ArticlePage.__subclasses__()]
    return list(ContentType.objects.get_for_models(*models).values())


def rebuild() -> int:
    """Rebuild the vocabulary from the text the database index holds for live, public
    articles (no StreamField or PDF parsing); returns the number of words."""
    SearchTerm.objects.all().delete()
    ids = [str(pk) for pk in ArticlePage.objects.live().public().values_list("pk", flat=True)]
    texts = IndexEntry.objects.filter(object_id__in=ids, content_type__in=article_kinds())
    texts = texts.values_list("title_text", "body_text")
    counts = Counter()
    for number, (title, body) in enumerate(texts.iterator(), 1):
        counts.update(words_of(f"{title} {body}"))
        if number % REBUILD_BATCH == 0:
            add_counts(counts)
            counts = Counter()
    add_counts(counts)
    return SearchTerm.objects.count()


def analyse(tokens: list[str]) -> dict[str, TokenInfo]:
    """Stem and look up each token in one round trip."""
    if not tokens:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(ANALYSE_SQL, [tokens])
        return {token: TokenInfo(*info) for token, *info in cursor.fetchall()}


# Letters of a word that may be the beginning of longer published compounds, and how many of
# those are searched (the most frequent).
MIN_BEGINNING = 8
COMPLETIONS = 3
COMPLETIONS_SQL = """
SELECT word FROM kb_searchterm WHERE word LIKE %s ORDER BY frequency DESC, word LIMIT %s
"""


def completions(token: str) -> list[str]:
    """The published compounds that begin with ``token`` (databeskyttelse →
    databeskyttelsesforordningen, databeskyttelsesrådgiver): Danish writes a compound as one
    word, so the word a person thinks of may be only the beginning of the published one."""
    if len(token) < MIN_BEGINNING or not token.isalpha():
        return []
    with connection.cursor() as cursor:
        cursor.execute(COMPLETIONS_SQL, [token + "%", COMPLETIONS])
        return [word for (word,) in cursor.fetchall()]


# A shorter word begins many words that are no compounds of it: of the published words it
# begins, only those whose rest is a common word are read as its compounds, and not a word as
# common as the everyday words are (hund-rede is hundrede, bil-let billet: Zipf 4.6 and 4.4,
# where skattefri has 3.5).
MIN_SHORT_BEGINNING = 4
COMPOUND_CANDIDATES = 50
MAX_COMPOUND_ZIPF = 4.0


def compounds_beginning(token: str) -> list[str]:
    """The most frequent published compounds of ``token`` as their first part (skat →
    skattefri, skattepligtigt): the rest, after the linking s or e, or after the doubled last
    letter and e (skat-t-e-fri), a common Danish word of MIN_PART letters or more."""
    if not (MIN_SHORT_BEGINNING <= len(token) < MIN_BEGINNING and token.isalpha()):
        return []
    with connection.cursor() as cursor:
        cursor.execute(COMPLETIONS_SQL, [token + "_%", COMPOUND_CANDIDATES])
        candidates = [word for (word,) in cursor.fetchall()]
    joins = [token, token + "s", token + "e", token + token[-1] + "e"]

    def is_compound(word: str) -> bool:
        if zipf_frequency(word, "da") >= MAX_COMPOUND_ZIPF:
            return False
        rests = (word[len(join) :] for join in joins if word.startswith(join))
        return any(len(rest) >= MIN_PART and is_common_danish(rest) for rest in rests)

    return [word for word in candidates if is_compound(word)][:COMPLETIONS]


MIN_PART = 3
MIN_WHOLE_PART = 5  # letters of a published part searched without the rest of its compound
# Letters Danish puts between the parts of a compound: kørsel-s-godtgørelse, hold-e-plads.
LINKING_LETTERS = "se"
# Endings of words that always take the linking s in a compound: trænings-tøj, ledelses-stil.
LINKING_S_ENDINGS = ("ing", "ion", "hed", "else", "skab", "dom", "tet")
# Whether pages have other compounds that begin with a word and the linking s: sports-klub.
LINKING_S_SQL = """
SELECT EXISTS (SELECT 1 FROM kb_searchterm WHERE word LIKE %s AND word NOT LIKE %s)
"""


def takes_linking_s(first: str, token: str) -> bool:
    """Whether ``first`` takes the linking s: by its ending, or as pages write it in compounds
    other than ``token`` (and its forms): "sportsklub", but no word begins "huss"."""
    if first.endswith(LINKING_S_ENDINGS):
        return True
    with connection.cursor() as cursor:
        cursor.execute(LINKING_S_SQL, [f"{first}s%", f"{token[: len(first) + 2]}%"])
        return cursor.fetchone()[0]


def compound_splits(token: str) -> list[tuple[str, str]]:
    """Every cut of ``token`` into two parts of MIN_PART letters or more, also without a
    linking letter."""
    if len(token) < 2 * MIN_PART or not token.isalpha():
        return []
    splits = []
    for cut in range(MIN_PART, len(token) - MIN_PART + 1):
        first, second = token[:cut], token[cut:]
        splits.append((first, second))
        if first[-1] in LINKING_LETTERS and len(first) > MIN_PART:
            splits.append((first[:-1], second))
    return splits


def split_compounds(tokens: list[str]) -> tuple[dict[str, list[str]], dict[str, TokenInfo]]:
    """split_compound of each token in one round trip, and what the vocabulary says of the
    tokens and of their parts."""
    parts = {part for token in tokens for split in compound_splits(token) for part in split}
    info = analyse(sorted(parts | set(tokens)))
    return {token: split_compound(token, info) for token in tokens}, info


def split_compound(token: str, info: dict[str, TokenInfo] | None = None) -> list[str]:
    """The published words ``token`` is a compound of: both parts when both are published
    (kørselsgodtgørelse → kørsel, godtgørelse; of several splits, the most even), else the
    longest published part when it is at least half the word and MIN_WHOLE_PART letters
    (effektmåling → effekt, where nothing says "måling"), else []. A shorter part is too
    likely a chance fragment of a name ("hus" in Aarhus). ``info`` has the parts analysed."""
    splits = compound_splits(token)
    if not splits:
        return []
    info = info or analyse(sorted({part for split in splits for part in split}))
    known = [split for split in splits if all(info[part].known for part in split)]
    # After a word that takes the linking s, an s is that, not the next word's: sport-s-tøj,
    # not sport-støj; but hus-stand. Asked only when both splits are words.
    known = [
        (first, second)
        for first, second in known
        if not (
            second.startswith("s")
            and (first, second[1:]) in known
            and takes_linking_s(first, token)
        )
    ]
    # Of the two splits at one cut, the one whose first part is published as a word: kørsel
    # (a linking s: kørsels-godtgørelse), holde (hold-e-plads) and puls (pul is a stem only).
    known.sort(key=lambda split: not info[split[0]].published)

    def evenness(split: tuple[str, str]) -> int:
        """Of the cut, so of one cut's splits max() keeps the first."""
        return min(len(token) - len(split[1]), len(split[1]))

    if best := max(known, key=evenness, default=None):
        return list(best)
    parts = [part for split in splits for part in split if info[part].known]
    longest = max(parts, key=len, default="")
    return [longest] if len(longest) >= max(MIN_WHOLE_PART, len(token) / 2) else []


# Phrases that Danish writes apart and people often write as one word. Only these: ifølge,
# igennem, imellem and især are one word.
WRITTEN_APART = {
    word.replace(" ", ""): word
    for word in (
        *("i gang", "i stedet", "i øvrigt", "i dag", "i går", "i morgen", "i aften", "i nat"),
        *("i alt", "i hvert fald", "i forvejen", "i stand", "i kraft", "i brug", "i orden"),
        *("i forhold", "i øjeblikket", "til stede", "for øvrigt", "på forhånd"),
    )
}


# Endings that make a noun of a verb (strikke → strikning, udelukke → udelukkelse) with their
# inflections, longest first: the longest that fits comes off first, "ningen" before "ing".
NOUN_ENDINGS = sorted(
    [
        *("ningerne", "ningens", "ningen", "ninger", "nings", "ning"),
        *("ingerne", "ingens", "ingen", "inger", "ings", "ing"),
        *("elserne", "elsens", "elsen", "elser", "elses", "else"),
    ],
    key=len,
    reverse=True,
)
MIN_BASE = 4
VERB_ENDINGS = ("er", "e")  # registrerer, registrere

DERIVED_SQL = """
SELECT term.word
FROM unnest(%s::text[]) WITH ORDINALITY AS base(token, preference)
JOIN kb_searchterm AS term ON term.stem = (ts_lexize('danish_stem', base.token))[1]
ORDER BY base.preference, term.frequency DESC, term.word
LIMIT 1
"""


def without_endings(token: str, endings) -> list[str]:
    """``token`` without each of ``endings`` it has, where at least MIN_BASE letters are left."""
    return [
        token[: -len(ending)]
        for ending in endings
        if token.endswith(ending) and len(token) - len(ending) >= MIN_BASE
    ]


def verb_bases(token: str) -> list[str]:
    """``token`` without each noun ending it has (træningen → træn), for the verb it may be a
    noun of: the Danish stemmer reads such a base as the verb (træn, like træne)."""
    return without_endings(token, NOUN_ENDINGS)


def noun_forms(token: str) -> list[str]:
    """The nouns in -ing a verb may make (registrerer → registrering, kortlægge → kortlægning)."""
    bases = set(without_endings(token, VERB_ENDINGS))
    bases |= {base[:-1] for base in bases if base[-1] == base[-2]}  # kortlægg → kortlæg
    return sorted(base + ending for base in bases for ending in ("ing", "ning"))


def related_forms(token: str) -> list[str]:
    """The verb a noun may be made of, and the nouns a verb may make."""
    return verb_bases(token) + noun_forms(token)


def derived_from(token: str) -> str | None:
    """The published word for the verb ``token`` is a noun of (strikning → strikke), or None."""
    bases = verb_bases(token)
    if not bases:
        return None
    with connection.cursor() as cursor:
        cursor.execute(DERIVED_SQL, [bases])
        row = cursor.fetchone()
    return row[0] if row else None


DANISH_LETTERS_SQL = """
SELECT token, (
    SELECT left(word, length(token)) FROM kb_searchterm
    WHERE word ~ '[æøå]' AND translate(word, 'æøå', 'aoa') LIKE token || '%%'
    ORDER BY frequency DESC, word
    LIMIT 1
)
FROM unnest(%s::text[]) AS token
"""


def with_danish_letters(tokens: list[str]) -> dict[str, str]:
    """For each of ``tokens`` (beginnings of words, as typed so far) that begins a published
    word when read with æ, ø or å for a or o, that reading: husmo → husmø (husmødet), sma →
    små. Letters only; a token with none to read otherwise is left out."""
    typed = [token for token in tokens if token.isalpha() and re.search("[ao]", token)]
    if not typed:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(DANISH_LETTERS_SQL, [typed])
        return {token: read for token, read in cursor.fetchall() if read}


def is_common_danish(word: str) -> bool:
    """Whether ``word`` is among the 30,000 commonest words written in Danish (wordfreq's list,
    which has a few common misspellings too, such as "igang": WRITTEN_APART is read first)."""
    return zipf_frequency(word, "da") > 0


def swaps(token: str) -> list[str]:
    """``token`` with each pair of neighbouring letters swapped (lokaelr → lokaler, …)."""
    return [
        token[:i] + token[i + 1] + token[i] + token[i + 2 :]
        for i in range(len(token) - 1)
        if token[i] != token[i + 1]
    ]


def closest(token: str) -> str | None:
    """The published word nearest to ``token``: one slip away for short words (a wrong, missing
    or extra letter, or two letters swapped), two from seven letters on (frivlig, dagsorn: a
    doubled letter typed once and one left out)."""
    if len(token) < 4 or not token.isalpha():
        return None
    distance = 1 if len(token) < 7 else 2
    with connection.cursor() as cursor:
        cursor.execute(
            CLOSEST_SQL,
            {"token": token, "length": len(token), "distance": distance, "swaps": swaps(token)},
        )
        row = cursor.fetchone()
    return row[0] if row else None
