"""Names and words compared in the database as Danes write them: case and accents aside (cafe
is Café), but æ, ø and å letters of their own (Åen is no "aen" in "tænke"), each also written
the way a keyboard without them does, as ae, oe and aa (Aarhus is Århus)."""

from functools import reduce
from operator import or_

from django.db.models import Func, Q, TextField, Value
from django.db.models.lookups import Contains, Lookup

from kb.search.query import spellings

# Private-use characters that hold æ, ø and å while unaccent folds the other accents (it would
# make them ae, o and a). ä and ö, the Swedish and German forms Danes meet in names and
# sometimes type, are read as æ and ø; ü is a u like any other accented letter.
HELD = "\ue000\ue001\ue002"
LETTERS_AS_PAIRS = str.maketrans({"æ": "ae", "ä": "ae", "ø": "oe", "ö": "oe", "å": "aa"})


class Comparable(Func):
    """Text in lower case without accents other than those of æ, ø and å; ä is æ, ö is ø."""

    template = (
        f"translate(unaccent(translate(lower(%(expressions)s), 'æøåäö', '{HELD}{HELD[:2]}')),"
        f" '{HELD}', 'æøå')"
    )
    output_field = TextField()


def readings(text: str) -> list[str]:
    """``text`` as typed and with each æ, ø and å written either way (æ or ae, ø or oe, å or
    aa): "århus" and "aarhus" are both read as Århus and as Aarhus, and "israel" is still
    searched as typed beside "isræl"."""
    typed = text.lower()
    return list(dict.fromkeys([typed, *spellings(typed.translate(LETTERS_AS_PAIRS))]))


def spelled_as(field: str, text: str, lookup: type[Lookup] = Contains) -> Q:
    """``field`` has ``text`` (``lookup=Exact``: is ``text``) in any of its readings, compared
    as Comparable."""
    found = (lookup(Comparable(field), Comparable(Value(reading))) for reading in readings(text))
    return reduce(or_, (Q(condition) for condition in found))
