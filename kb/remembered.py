"""Small tables every search or page reads (synonyms, search promotions, topic and audience
names, privacy restrictions, the navigation's sections), kept in memory between requests:
each cost a round trip to the database, several per search.

A change forgets the remembered value at once in the process that made it; other processes
(a server runs several) read it again within RECHECK_SECONDS."""

import functools
import itertools
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import transaction
from django.db.models.signals import class_prepared, post_delete, post_save

from wagtail.signals import page_unpublished, post_page_move

T = TypeVar("T")
RECHECK_SECONDS = 60.0
# Unpublishing is a change of its own: bulk actions and scheduled expiry unpublish a page
# loaded as a plain Page, so its save names Page, not the article model, as the sender.
CHANGES = (post_save, post_delete, page_unpublished)

_forgetters: list[Callable[[], None]] = []


def remembered(*models) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Remember what a function without arguments returns until a row of ``models`` (or of a
    subclass of one) changes."""

    def decorate(read: Callable[[], T]) -> Callable[[], T]:
        # One (value, read again after) pair, replaced whole: threads may read while another
        # forgets. A read that a forgetting overtook is not kept: it may be the old table.
        held: list[tuple[T, float] | None] = [None]
        forgotten = itertools.count()
        generation = [next(forgotten)]

        def forget(**signal) -> None:
            generation[0] = next(forgotten)
            held[0] = None
            # Forget again when the change commits: a request in between may have read the
            # table as it was.
            if signal and transaction.get_connection().in_atomic_block:
                transaction.on_commit(forget)

        def listen_to(model) -> None:
            # Subclasses too: a published MethodPage is an ArticlePage that changed. By sender:
            # a receiver for every model would cost every bulk delete its single query.
            if issubclass(model, models):
                for change in CHANGES:
                    change.connect(forget, sender=model, weak=False)

        for model in with_subclasses(models):
            listen_to(model)
        # Those defined later (remembered functions in a module defining models).
        class_prepared.connect(lambda sender, **_signal: listen_to(sender), weak=False)
        _forgetters.append(forget)

        @functools.wraps(read)
        def value() -> T:
            remembered_value = held[0]
            if remembered_value is None or time.monotonic() >= remembered_value[1]:
                started = generation[0]
                remembered_value = (read(), time.monotonic() + RECHECK_SECONDS)
                if generation[0] == started:
                    held[0] = remembered_value
            return remembered_value[0]

        return value

    return decorate


def with_subclasses(models: tuple[type, ...]) -> list[type]:
    found = list(models)
    for model in found:  # grows as it goes: subclasses of subclasses
        found += [subclass for subclass in model.__subclasses__() if subclass not in found]
    return found


def forget_all(**_signal) -> None:
    """Forget every remembered table (tests roll back changes without any signal)."""
    for forget in _forgetters:
        forget()


# A move rewrites the paths of a subtree in one update, without a save signal for its pages:
# restricted sections and the navigation's order and URLs depend on those paths.
post_page_move.connect(forget_all, weak=False)
