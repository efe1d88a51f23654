"""From what a person typed to an engine query: phrases in quotes, stop words dropped,
æ/ø/å typed as ae/oe/aa, typos corrected against the vocabulary, editors' synonyms added.

All of this happens before the engine sees the query, so both backends get the same words."""

import enum
import itertools
import os
import re
from dataclasses import dataclass, field
from functools import partial

from modelsearch.query import And, Boost, Or, Phrase, PlainText, SearchQuery

from kb.models import Synonym
from kb.remembered import remembered
from kb.search import vocabulary
from kb.search.text import tokenize

PHRASE_RE = re.compile(r'"([^"]+)"')
# Quotation marks as Danish prints them (»…«, „…“) and as phones type them (“…”), read as ".
AS_STRAIGHT_QUOTES = str.maketrans(dict.fromkeys("»«„“”", '"'))
WORD_RE = re.compile(r"\w+")
LETTERS_OR_DIGITS_RE = re.compile(r"\d+|[^\W\d_]+")
END_PUNCTUATION = "?!.,;:"
FOLDINGS = {"aa": "å", "ae": "æ", "oe": "ø"}
FOLDING_RE = re.compile("|".join(FOLDINGS))
# An e that may be the é of a loanword typed without it: at the end or before the e of an
# ending (cafe, cafeen, ideer for café, caféen, idéer).
ACCENTED_E_RE = re.compile("e(?=e|$)")
MAX_QUERY_LENGTH = 200
# How much a published compound's part counts beside the compound, whose pages it should not
# outrank: "ansvarsforsikring" wants the page that says it before one that says "forsikring".
PART_WEIGHT = 0.15
# How many times more pages a part may have than its compound: a part that is on nearly every
# page ("bruger" in "brugerundersøgelse") says nothing of what was searched.
MAX_PART_SPREAD = 10
# Words that make a question of what is asked, and stand in nearly every page ("Hvordan finder
# I …", "Vi kan …"): searched for, they put a page first for them alone. Left out beside the
# words that say what the question is about.
QUESTION_WORDS = frozenset(
    {"hvordan", "hvorfor", "hvornår", "hvorledes", "hvilken", "hvilket", "hvilke", "hvem"}
    | {"kan", "får", "gør", "må", "bør", "vores", "jeres", "nogen"}
)


def normalise(raw: str) -> str:
    """The query as logged and compared: lower case, single spaces, bounded length, without
    the question mark or full stop a question ends with (kept when it is all there is: "!!!"
    is no empty search, which would list everything)."""
    return within_length(unbounded(raw))


def unbounded(raw: str) -> str:
    typed = " ".join(raw.lower().translate(AS_STRAIGHT_QUOTES).split())
    return typed.rstrip(END_PUNCTUATION).rstrip() or typed


def within_length(text: str) -> str:
    """``text`` cut to MAX_QUERY_LENGTH after its last whole word, not in the middle of one,
    which would search for a word nobody typed."""
    if len(text) <= MAX_QUERY_LENGTH:
        return text
    head = text[: MAX_QUERY_LENGTH + 1]
    return head.rsplit(" ", 1)[0] if " " in head else text[:MAX_QUERY_LENGTH]


def spellings(token: str) -> list[str]:
    """``token`` and every way of reading its ae/oe/aa as æ/ø/å."""
    parts = FOLDING_RE.split(token)
    pairs = FOLDING_RE.findall(token)
    if not pairs or len(pairs) > 4:
        return [token]
    variants = []
    for choice in itertools.product(*((pair, FOLDINGS[pair]) for pair in pairs)):
        variants.append(parts[0] + "".join(c + p for c, p in zip(choice, parts[1:], strict=True)))
    return variants


def with_accents(variants: list[str]) -> list[str]:
    """A word's ``variants`` (see spellings), each also with é for the e of a loanword (cafe →
    café): searched where pages have it so, never a start for a correction."""
    accented = [ACCENTED_E_RE.sub("é", variant) for variant in variants]
    return list(dict.fromkeys(variants + accented))


class Reading(enum.Enum):
    """How the words searched for a typed word came from it, when they are other words."""

    SLIP = enum.auto()  # a slip mended (frivilig → frivillig): the page says what it searched
    OTHER_FORM = enum.auto()  # the same word in a published form (kommunalt → kommunale)
    BEGINNING = enum.auto()  # the beginning of published compounds (databeskyttelse)
    PARTS = enum.auto()  # a compound no page has, as its published parts (julefrokost)


@dataclass
class Word:
    """One typed word and the spellings searched for it (or, for a compound, its parts or the
    longer compounds it begins), and the related verb or noun searched beside them."""

    typed: str
    searched: list[str]
    reading: Reading = Reading.SLIP
    related: list[str] = field(default_factory=list)
    # How a correction reads, when that is more than the word searched: "i gang" for igang.
    shown: str = ""
    # Of a published compound, its published parts, searched beside it with less weight: a
    # "strikkeklub" is for pages on "strik" too.
    parts: list[str] = field(default_factory=list)

    @property
    def all_searched(self) -> list[str]:
        return self.searched + self.related

    @property
    def corrected(self) -> bool:
        """Whether the word is searched as something else only: "aarhus" is no slip where
        pages say both Aarhus and Århus."""
        return self.typed not in self.searched


@dataclass
class ParsedQuery:
    """A query ready for any backend, with what the page needs to explain it."""

    text: str
    words: list[Word] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    # The words in quotes, each as typed and as the phrase searches it.
    phrase_words: list[Word] = field(default_factory=list)
    expansions: list[str] = field(default_factory=list)
    # Words typed apart that are one published word, when that looks like a slip: typed → one.
    joined: dict[str, str] = field(default_factory=dict)
    # For highlighting: the stems of the words searched one by one, and of each phrase (in
    # quotes, or an editor's synonym of several words) in order, None for a stop word.
    stems: list[str] = field(default_factory=list)
    phrase_stems: list[tuple[str | None, ...]] = field(default_factory=list)
    # Typed words searched as typed that no published page contains ("hash"), beside others
    # that some page does.
    unfound: list[str] = field(default_factory=list)
    # The editors' synonyms searched beside the typed words, save those a form of was typed.
    synonyms: list[str] = field(default_factory=list)
    # Small words typed with ae/oe/aa, and how they read: paa → på. Not searched.
    small_words_read: dict[str, str] = field(default_factory=dict)
    # The words left out at the end of a query too long to search whole.
    left_out: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.phrases or self.expansions)

    @property
    def has_words(self) -> bool:
        """Whether anything in the query is a word: "%" or "*" alone has none."""
        return bool(tokenize(self.text))

    @property
    def replaced(self) -> dict[str, str]:
        """Each typed word searched as another spelling or word because of a slip: typed →
        searched."""
        return {
            word.typed: word.shown or word.searched[0]
            for word in self.words + self.phrase_words
            if word.corrected and word.reading is Reading.SLIP
        }

    @property
    def split(self) -> dict[str, list[str]]:
        """Each typed compound no page has that was searched as its parts: typed → parts."""
        return {word.typed: word.searched for word in self.words if word.reading is Reading.PARTS}

    @property
    def suggestion(self) -> str:
        """The query with corrected spellings ("Mente du …?"), or "" when nothing changed."""
        replaced = self.replaced
        if not (replaced or self.joined):
            return ""
        text = self.text
        for apart, one in self.joined.items():
            text = re.sub(r"\s+".join(map(re.escape, apart.split())), one, text)
        replaced |= self.small_words_read
        return WORD_RE.sub(lambda typed: replaced.get(typed[0], typed[0]), text)

    @property
    def terms(self) -> list[str]:
        """Every word searched for, for highlighting."""
        searched = [term for word in self.words for term in word.all_searched + word.parts]
        extra = [t for text in self.phrases + self.expansions for t in tokenize(text)]
        return list(dict.fromkeys(searched + extra))

    def engine_query(self) -> SearchQuery | None:
        """Any word may match (ranked by how many do and where); quoted phrases must."""
        alternatives = []
        plain = " ".join(spelling for word in self.words for spelling in word.all_searched)
        if plain:
            alternatives.append(PlainText(plain, operator="or"))
        if parts := " ".join(part for word in self.words for part in word.parts):
            alternatives.append(Boost(PlainText(parts, operator="or"), PART_WEIGHT))
        # A synonym of several words ("kommunal støtte") means them together, as a phrase.
        alternatives += [
            Phrase(text) if len(text.split()) > 1 else PlainText(text, operator="and")
            for text in self.expansions
        ]
        optional = Or(alternatives) if len(alternatives) > 1 else next(iter(alternatives), None)
        required = [Phrase(text) for text in self.phrases]
        if not required:
            return optional
        return And(required + [optional]) if optional else And(required)


@remembered(Synonym)
def editor_synonyms() -> dict[str, list[str]]:
    """Editor-defined terms, as the stems of their words, and the words they stand for: an
    inflected form of a term finds them too ("grøntsagshaven" for "grøntsagshave")."""
    synonyms = {tuple(tokenize(s.term)): s.synonym_list for s in Synonym.objects.all()}
    info = vocabulary.analyse(sorted({word for term in synonyms for word in term}))
    return {" ".join(stems(term, info)): words for term, words in synonyms.items() if term}


def stems(tokens, info: dict) -> list[str]:
    """The stem of each token, or the token itself for a stop word."""
    return [info[token].stem or token for token in tokens]


def synonym_terms_in(stemmed: list[str], synonyms: dict[str, list[str]]) -> list[str]:
    """Every editor-defined term that occurs in the query (``stemmed``) as whole words."""
    query = f" {' '.join(stemmed)} "
    return [term for term in synonyms if f" {term} " in query]


def resolve(token: str, info: dict, is_synonym: bool) -> Word:
    """What to search for one typed word: its known readings (ae/oe/aa, é), else the published
    compounds it begins, else the words of a phrase written as one ("igang"), else the nearest
    published word, else the published noun of it as a verb, else the two published words it
    is a compound of (or the letters and digits written together), else the published verb it
    is a noun of; nothing for a stop word or an unknown word a synonym stands in for."""
    variants = spellings(token)
    if any(info[variant].stem is None for variant in variants):
        return Word(token, [])
    known = [variant for variant in with_accents(variants) if info[variant].known]
    if known:
        return Word(token, known)
    if is_synonym:
        return Word(token, [])
    if longer := first_found(vocabulary.completions, variants) or first_found(
        vocabulary.compounds_beginning, variants
    ):
        return Word(token, longer, Reading.BEGINNING)
    if apart := first_found(vocabulary.WRITTEN_APART.get, variants):
        return Word(token, apart.split(), shown=apart)
    if corrected := first_found(correction, variants):
        return corrected
    if noun := first_found(partial(published_noun, info=info), variants):
        return Word(token, [noun])
    if parts := first_found(vocabulary.split_compound, variants) or letters_and_digits(token):
        return Word(token, parts, Reading.PARTS)
    return Word(token, [first_found(vocabulary.derived_from, variants) or token])


def letters_and_digits(token: str) -> list[str]:
    """A word of letters and digits written together, as its runs of each (paragraf18 →
    paragraf, 18, as pages write it) but single letters or digits (p18 → 18), which nothing
    is searched by; [] for letters or digits alone."""
    runs = LETTERS_OR_DIGITS_RE.findall(token)
    return [run for run in runs if vocabulary.is_kept(run)] if len(runs) > 1 else []


def correction(token: str) -> Word | None:
    """The nearest published word as the reading of ``token``. A common Danish word is read so
    only when that is the same word with æ, ø or å where it has a or o (mode → møde), or
    another form of it (kommunalt → kommunale, no slip), never as another word one letter away:
    "smidt" is not "midt"."""
    nearest = vocabulary.closest(token)
    if not nearest:
        return None
    if without_danish_letters(nearest) == token:
        return Word(token, [nearest])
    if is_other_form_of_compound(token, nearest):
        return Word(token, [nearest], Reading.OTHER_FORM)
    if not vocabulary.is_common_danish(token):
        return Word(token, [nearest])
    if is_other_form(token, nearest):
        return Word(token, [nearest], Reading.OTHER_FORM)
    return None


def is_other_form(word: str, other: str) -> bool:
    """Whether ``other`` (a word or two letters from ``word``) differs from it in the ending
    only: kommunalt, kommunale; not smidt, midt."""
    beginning = len(os.path.commonprefix([word, other]))
    return beginning >= max(vocabulary.MIN_BASE, len(word) - 2)


def is_other_form_of_compound(token: str, nearest: str) -> bool:
    """Whether ``nearest`` is the compound ``token`` with another form of its last word, both
    forms common Danish words (trænerkursus → trænerkurser): no slip, though no page has the
    form typed. Another word is a slip: kontorstil for kontorstol."""
    return any(
        nearest.startswith(token[:cut])
        and vocabulary.is_common_danish(token[cut:])
        and vocabulary.is_common_danish(nearest[cut:])
        and is_other_form(token[cut:], nearest[cut:])
        for cut in range(vocabulary.MIN_PART, len(token) - vocabulary.MIN_BASE + 1)
    )


def without_danish_letters(word: str) -> str:
    """``word`` as typed without a Danish keyboard: måltid → maltid, møde → mode."""
    return word.translate(str.maketrans("æøå", "aoa"))


def typed_apart(tokens: list[str]) -> dict[tuple[str, str], str]:
    """Each two neighbouring words and the one word they make together (general forsamling →
    generalforsamling): Danish writes compounds as one word, and people often split them."""
    return {
        (first, second): first + second
        for first, second in itertools.pairwise(tokens)
        if first.isalpha() and second.isalpha()
    }


def is_content_word(token: str, info: dict) -> bool:
    return token not in QUESTION_WORDS and info[token].stem is not None


def in_phrase(token: str, info: dict) -> Word:
    """How a word in quotes is searched: as typed when it is published or a stop word, else
    read with æ/ø/å or corrected to the nearest published word ("smaa skridt" is "små
    skridt"); never split or exchanged for a related word, so the phrase stays a phrase."""
    variants = spellings(token)
    if info[token].known or any(info[variant].stem is None for variant in variants):
        return Word(token, [token])
    known = [variant for variant in with_accents(variants) if info[variant].known]
    return Word(token, known[-1:] or [first_found(vocabulary.closest, variants) or token])


def related_words(words: list[str], info: dict) -> list[str]:
    """The published verb a noun is made of, or noun a verb makes (registrering ↔ registrere):
    the Danish stemmer keeps nouns in -ing apart from their verbs, though either word finds
    the same guidance. A stem shorter than MIN_BASE letters is too ambiguous ("forening" is
    not "for")."""
    for word in words:
        for form in vocabulary.related_forms(word):
            related = info[form]
            if (
                related.known
                and len(related.stem) >= vocabulary.MIN_BASE
                and related.stem != info[word].stem
            ):
                return [form]
    return []


def add_compound_parts(words: list[Word]) -> None:
    """Give each published compound searched as typed (or as a slip mended) the two words it
    is made of, when pages have one of them more often than the compound: pages on "strik"
    answer a "strikkeklub". A compound that is a common Danish word has a meaning of its own:
    "samtale" is not about "tale", nor "værestedet" about "stedet". Parts of words that no page
    has are searched already."""
    compounds = [
        word
        for word in words
        if word.reading is Reading.SLIP
        and len(word.searched) == 1
        and not vocabulary.is_common_danish(word.searched[0])
    ]
    if not compounds:
        return
    splits, info = vocabulary.split_compounds(sorted({word.searched[0] for word in compounds}))
    for word in compounds:
        whole = word.searched[0]
        parts = splits[whole]
        if (
            len(parts) == 2
            and info[whole].known
            and not vocabulary.is_common_danish(info[whole].stem)
            and all(info[part].published or vocabulary.is_common_danish(part) for part in parts)
            and max(info[part].pages for part in parts) > info[whole].pages
        ):
            spread = MAX_PART_SPREAD * info[whole].pages
            word.parts = [part for part in parts if info[part].pages <= spread]


def published_noun(verb: str, info: dict) -> str | None:
    return next((noun for noun in vocabulary.noun_forms(verb) if info[noun].known), None)


def with_related_forms(words) -> set[str]:
    """``words`` and their related verbs and nouns, to analyse in one go."""
    return set(words) | {base for word in words for base in vocabulary.related_forms(word)}


def first_found(find, variants: list[str]):
    """What ``find`` finds for the first variant it finds anything for, the ones read with
    æ/ø/å first; None when it finds nothing for any."""
    return next(filter(None, map(find, reversed(variants))), None)


def searched_as_typed(token: str, info: dict) -> Word:
    """A word searched as it was typed: nothing for a stop word."""
    return Word(token, [token] if info[token].stem is not None else [])


def parse(raw: str, as_typed: bool = False) -> ParsedQuery:
    """Understand a typed query; see the module docstring. ``as_typed`` searches every word as
    it was typed, when a person has turned down the corrections."""
    whole = unbounded(raw)
    text = within_length(whole)
    typed_phrases = [tokenize(p) for p in PHRASE_RE.findall(text) if tokenize(p)]
    typed = list(dict.fromkeys(tokenize(PHRASE_RE.sub(" ", text))))
    tokens = [token for token in typed if token not in QUESTION_WORDS] or typed
    quoted = list(dict.fromkeys(itertools.chain.from_iterable(typed_phrases)))
    pairs = typed_apart(typed)
    variants = {variant for token in tokens + quoted for variant in with_accents(spellings(token))}
    every_word = tokenize(text)
    analysed = with_related_forms(variants) | set(pairs.values()) | set(every_word)
    info = vocabulary.analyse(sorted(analysed))
    synonyms = editor_synonyms()
    terms = synonym_terms_in(stems(every_word, info), synonyms)
    expansions = [word for term in terms for word in synonyms[term]]
    # Only a term found in the query stands in for its words: "104" alone is searched, where
    # "paragraf 104" is a term.
    synonym_words = {word for term in terms for word in term.split()}
    # A compound typed apart is searched whole, and its parts are not corrected into other
    # words ("forsamling" is no slip for "opsamling" beside "general"). A small word is no
    # part: "man et" is no "manet", "hvad er" no "hvader".
    compounds = {
        pair: one
        for pair, one in pairs.items()
        if info[one].known and all(is_content_word(part, info) for part in pair)
    }
    apart = {part for pair in compounds for part in pair if not info[part].known}
    words = [
        searched_as_typed(token, info)
        if as_typed or token in apart
        else resolve(token, info, (info[token].stem or token) in synonym_words)
        for token in tokens
    ]
    phrase_words = {
        token: Word(token, [token]) if as_typed else in_phrase(token, info) for token in quoted
    }
    parsed = ParsedQuery(
        text=text,
        words=[word for word in words if word.searched],
        phrases=[" ".join(phrase_words[t].searched[0] for t in p) for p in typed_phrases],
        phrase_words=list(phrase_words.values()),
        expansions=expansions + list(compounds.values()),
        joined={" ".join(pair): one for pair, one in compounds.items() if apart & set(pair)},
        small_words_read={
            token: variant
            for token in tokens
            for variant in spellings(token)
            if variant != token and info[variant].stem is None
        },
        left_out=whole[len(text) :].strip(),
    )
    add_compound_parts(parsed.words)
    # Corrections, phrases, synonyms and compounds' parts bring words not analysed yet.
    info |= vocabulary.analyse(sorted(with_related_forms(parsed.terms) - info.keys()))
    for word in parsed.words:
        word.related = related_words(word.searched, info)
    alone = [spelling for word in parsed.words for spelling in word.all_searched]
    alone += [text for text in parsed.expansions if len(text.split()) == 1]
    parsed.stems = list(dict.fromkeys(info[term].stem for term in alone if info[term].stem))
    parsed.phrase_stems = [
        tuple(info[word].stem for word in tokenize(text))
        for text in parsed.phrases + parsed.expansions
        if len(text.split()) > 1
    ]
    typed_stems = set(stems(every_word, info))
    parsed.synonyms = [
        text for text in expansions if not set(stems(tokenize(text), info)) <= typed_stems
    ]
    # Of a word the vocabulary does not keep ("1" in "35+1"), no one knows whether pages have it;
    # nor of a number, which pages often write after § (§104), one word in the vocabulary.
    unfound = [
        word.typed
        for word in parsed.words
        if vocabulary.is_kept(word.typed)
        and not word.typed.isdigit()
        and not (word.corrected or word.related or info[word.typed].known or word.typed in apart)
    ]
    if len(unfound) < len(parsed.words) or parsed.phrases or parsed.expansions:
        parsed.unfound = unfound
    return parsed
